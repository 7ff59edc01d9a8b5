"use server";
// The adviser's routine changes to a student's enrolment (lib/server/enrolments/) and the FS
// identity, by the adviser or by the student themselves. Each use case checks the role itself,
// locks the enrolment, decides by lib/domain and writes with its audit entry and letter.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formatDateNb } from "@/lib/domain/format";
import { defineAction } from "@/lib/server/action";
import { completeStudent } from "@/lib/server/enrolments/completion";
import { saveStudentIdentity } from "@/lib/server/enrolments/identity";
import { cancelLeave, grantLeave, refuseLeave, registerReturn } from "@/lib/server/enrolments/leave";
import { transferStudent } from "@/lib/server/enrolments/transfer";
import { withdrawStudent } from "@/lib/server/enrolments/withdrawal";
import { optionalText, requiredText } from "@/lib/validation/common";
import { optionalNumberText, typedDate } from "@/lib/validation/enrolment";
import { isRecordId, recordId } from "@/lib/validation/ids";

const ADVISERS = ["ADVISER", "ADMIN"] as const;
const enrolmentId = recordId("Studenten");
const userId = recordId("Studenten");

function refresh(studentUserId: string) {
  revalidatePath(`/veileder/studenter/${studentUserId}`);
  revalidatePath("/veileder/studenter");
  revalidatePath("/student", "layout");
  revalidatePath("/kull", "layout");
}

export const decideLeaveAction = defineAction({
  roles: ADVISERS,
  invalidMessage: "Noe må rettes før permisjonen kan avgjøres. Se feltene som er merket.",
  schema: z
    .object({
      enrolmentId,
      userId,
      decision: z.enum(["GRANT", "REFUSE"], { error: "Velg om permisjonen innvilges eller avslås." }),
      from: typedDate("den første dagen i permisjonen"),
      to: typedDate("den siste dagen i permisjonen"),
      reason: requiredText("Grunnen til søknaden", 2000),
      documentation: optionalText("Referansen", 200),
      grounds: optionalText("Begrunnelsen", 4000),
    })
    .superRefine((value, context) => {
      if (value.decision === "REFUSE" && !value.grounds) {
        context.addIssue({ code: "custom", path: ["grounds"], message: "Skriv hvorfor permisjonen ikke innvilges. Begrunnelsen står i vedtaket." });
      }
    }),
  async handler({ viewer, input }) {
    const request = { enrolmentId: input.enrolmentId, from: input.from, to: input.to, reason: input.reason, documentation: input.documentation };
    if (input.decision === "REFUSE") {
      await refuseLeave(viewer, { ...request, grounds: input.grounds! });
      refresh(input.userId);
      return { message: "Permisjonen er avslått. Studenten har fått vedtaket med klagefrist under Brev og på e-post.", values: {} };
    }
    const result = await grantLeave(viewer, request);
    refresh(input.userId);
    return {
      message: result.started
        ? `Permisjonen er innvilget, og studenten har permisjon fra ${formatDateNb(input.from)}. Brevet er sendt.`
        : `Permisjonen er innvilget fra ${formatDateNb(input.from)}. Den begynner av seg selv den dagen. Brevet er sendt.`,
      values: {},
    };
  },
});

export const registerReturnAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ enrolmentId, userId, returnedOn: typedDate("datoen studenten er tilbake") }),
  async handler({ viewer, input }) {
    await registerReturn(viewer, { enrolmentId: input.enrolmentId, returnedOn: input.returnedOn });
    refresh(input.userId);
    return { message: `Studenten er registrert tilbake fra ${formatDateNb(input.returnedOn)}. Brevet er sendt.`, values: {} };
  },
});

export const cancelLeaveAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ enrolmentId, userId, requestedOn: typedDate("dagen studenten ba om det") }),
  async handler({ viewer, input }) {
    const result = await cancelLeave(viewer, { enrolmentId: input.enrolmentId, requestedOn: input.requestedOn });
    refresh(input.userId);
    // The leave's box and its button leave the page with it: the page says what happened.
    redirect(`/veileder/studenter/${input.userId}?trukket=${result.leaveId}`);
  },
});

export const withdrawStudentAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    enrolmentId,
    userId,
    effectiveOn: typedDate("datoen studenten slutter"),
    requestedOn: typedDate("dagen studenten ba om det"),
    reason: optionalText("Grunnen", 2000),
  }),
  async handler({ viewer, input }) {
    await withdrawStudent(viewer, { enrolmentId: input.enrolmentId, effectiveOn: input.effectiveOn, requestedOn: input.requestedOn, reason: input.reason });
    refresh(input.userId);
    // The form leaves the page with the place: the page says what happened (and where the place went).
    redirect(`/veileder/studenter/${input.userId}?sluttet=${input.enrolmentId}`);
  },
});

export const completeStudentAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ enrolmentId, userId }),
  async handler({ viewer, input }) {
    await completeStudent(viewer, { enrolmentId: input.enrolmentId });
    refresh(input.userId);
    // The button leaves the page once the student has completed: the page says so.
    redirect(`/veileder/studenter/${input.userId}?fullfort=${input.enrolmentId}`);
  },
});

/**
 * The transfer form: the kull, one choice per required item of the new kull
 * (`credit_<arbeidskravId>`: the approved submission credited, or empty for none), and the
 * corresponding samlinger whose attended days are credited (`samlinger`, repeated).
 */
export const transferStudentAction = defineAction({
  roles: ADVISERS,
  invalidMessage: "Noe må rettes før studenten kan overføres. Se feltene som er merket.",
  schema: z
    .object({
      enrolmentId,
      userId,
      toCohortId: recordId("Kullet"),
      samlinger: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
        .pipe(z.array(z.string().regex(/^[1-9][0-9]?$/, "Velg samlinger fra listen.").transform(Number))),
    })
    .loose(),
  async handler({ viewer, input, formData }) {
    const credits: { targetId: string; sourceSubmissionId: string }[] = [];
    for (const [name, value] of formData.entries()) {
      if (!name.startsWith("credit_") || typeof value !== "string" || value === "") continue;
      const targetId = name.slice("credit_".length);
      if (!isRecordId(targetId) || !isRecordId(value)) return { ok: false, message: "Velg arbeidskrav fra listene.", fieldErrors: { [name]: ["Velg fra listen."] } };
      credits.push({ targetId, sourceSubmissionId: value });
    }
    const result = await transferStudent(viewer, { enrolmentId: input.enrolmentId, toCohortId: input.toCohortId, credits, samlinger: input.samlinger });
    refresh(input.userId);
    redirect(`/veileder/studenter/${input.userId}?overfort=${result.enrolmentId}`);
  },
});

const identityFields = {
  birthDate: typedDate("fødselsdatoen"),
  studentNumber: optionalNumberText,
  fsPersonNumber: optionalNumberText,
};

export const saveIdentityAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ userId, ...identityFields }),
  async handler({ viewer, input }) {
    const result = await saveStudentIdentity(viewer, input);
    refresh(input.userId);
    return { message: result.changed ? "Fødselsdato og studentnummer er lagret." : "Ingenting var endret." };
  },
});

/** The student's own: after accepting the offer (or later, to correct it). */
export const saveOwnIdentityAction = defineAction({
  roles: ["STUDENT"],
  schema: z.object(identityFields),
  async handler({ viewer, input }) {
    const result = await saveStudentIdentity(viewer, { ...input, userId: viewer.id });
    revalidatePath("/student", "layout");
    return { message: result.changed ? "Takk! Opplysningene er lagret." : "Ingenting var endret." };
  },
});
