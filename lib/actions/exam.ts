"use server";
// The exam's sittings (lib/server/exams/): registration, results and publication per sitting (the
// ordinary one when the form sends no examId), later sittings and their tasks, registration for ny
// eksamen, and decisions on utsatt eksamen. Registration re-decides eligibility inside its
// transaction: whatever a form sends, only ELIGIBLE students are registered.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { GRADES } from "@/lib/domain/exam";
import { countNoun } from "@/lib/domain/format";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { publishGrades, setGrade } from "@/lib/server/exams/grades";
import { refuseExamAdmission } from "@/lib/server/exams/refusal";
import { registerForExam, withdrawFromExam } from "@/lib/server/exams/registration";
import { redirect } from "next/navigation";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { grantDeferral, refuseDeferral } from "@/lib/server/exams/deferrals";
import { registerForResit, withdrawFromResit } from "@/lib/server/exams/resit";
import { deleteLaterSitting, removeSittingTaskDocument, saveLaterSitting, setSittingTask } from "@/lib/server/exams/sittings";
import { calendarDate } from "@/lib/validation/cohort";
import { optionalText, requiredText } from "@/lib/validation/common";
import { sittingTimes, sittingTimesFields } from "@/lib/validation/exam";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;
const ADVISERS = ["ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");
/** The sitting (absent or empty: the ordinary one). */
const examId = z
  .string()
  .optional()
  .transform((value) => value || undefined)
  .pipe(recordId("Eksamenen").optional());

function refresh(id: string) {
  revalidatePath(`/kull/${id}`, "layout");
  revalidatePath("/faglaerer");
  revalidatePath("/student", "layout");
}

export const registerEligibleAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId }),
  async handler({ viewer, input }) {
    const result = await registerForExam(viewer, { cohortId: input.cohortId });
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message:
        result.registered > 0
          ? `${countNoun(result.registered, "student", "studenter")} som fyller kravene er meldt opp til eksamen.`
          : "Alle som fyller kravene, er allerede meldt opp.",
    };
  },
});

export const registerStudentAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, enrolmentId: recordId("Studenten") }),
  async handler({ viewer, input }) {
    const result = await registerForExam(viewer, { cohortId: input.cohortId, enrolmentIds: [input.enrolmentId] });
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message:
        result.lifted > 0
          ? "Vedtaket om ikke adgang gjelder ikke lenger. Eksamen er over, så studenten er ikke meldt opp til den; studenten har fått brev om det og kan melde seg opp til ny eksamen."
          : result.registered > 0
            ? "Studenten er meldt opp til eksamen."
            : "Studenten var allerede meldt opp.",
    };
  },
});

export const withdrawFromExamAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, examId, enrolmentId: recordId("Studenten") }),
  async handler({ viewer, input }) {
    const result = await withdrawFromExam(viewer, input);
    refresh(input.cohortId);
    return { message: `${result.name} er meldt av eksamen.` };
  },
});

export const setGradeAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    examId,
    enrolmentId: recordId("Studenten"),
    grade: z.enum([...GRADES, "NOT_ATTENDED"], { error: "Velg en karakter fra A til F, eller «ikke møtt»." }),
    reason: optionalText("Begrunnelsen", 1000),
  }),
  async handler({ viewer, input }) {
    const result = await setGrade(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    const shown = result.grade === "NOT_ATTENDED" ? "«ikke møtt»" : result.grade;
    const completion =
      result.completion === "REVOKED"
        ? " Studenten har ikke lenger bestått, er ikke lenger registrert som fullført, og har fått brev om det."
        : result.completion === "REGRADED"
          ? " Studenten har fått brev som erstatter bekreftelsen på fullført, med karakteren som nå teller."
          : "";
    return {
      message:
        (!result.changed
          ? `Resultatet er allerede ${shown}.`
          : result.corrected
            ? `Resultatet er endret til ${shown}. Endringen er logget med begrunnelsen.`
            : result.grade === "NOT_ATTENDED"
              ? "«Ikke møtt» er lagret. Det teller som et forsøk."
              : `Karakteren ${result.grade} er lagret.`) + completion,
      values: {},
    };
  },
});

export const publishGradesAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, examId }),
  async handler({ viewer, input }) {
    const result = await publishGrades(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return { message: `Karakterene er publisert. ${countNoun(result.published, "student får", "studenter får")} beskjed på e-post.` };
  },
});

/** "Ikke adgang til eksamen" for exactly the students that were previewed (one, or all not eligible). */
export const refuseExamAdmissionAction = defineAction({
  roles: STAFF,
  // The previewed students, comma-separated (one hidden field; the preview lists them by name).
  schema: z.object({
    cohortId,
    examId,
    enrolmentIds: z
      .string({ error: "Velg minst én student." })
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(recordId("Studenten")).min(1, "Velg minst én student.")),
  }),
  async handler({ viewer, input }) {
    const result = await refuseExamAdmission(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message:
        result.refused === 1
          ? `${result.names[0]} har fått vedtak om ikke adgang til eksamen, med klagefrist.`
          : `${result.refused} studenter har fått vedtak om ikke adgang til eksamen, med klagefrist.`,
    };
  },
});

// ─── Later sittings and their tasks ─────────────────────────────────────────────────────────────

export const saveLaterSittingAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    examId,
    kind: z.enum(["DEFERRED", "RESIT"], { error: "Velg utsatt eksamen eller ny eksamen." }),
    title: requiredText("Navnet på eksamen", 200),
    ...sittingTimesFields,
    registrationClosesOn: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(calendarDate("Oppmeldingsfristen").optional()),
  }),
  async handler({ viewer, input }) {
    const saved = await saveLaterSitting(viewer, {
      cohortId: input.cohortId,
      examId: input.examId ?? null,
      kind: input.kind,
      title: input.title,
      registrationClosesOn: input.registrationClosesOn ?? null,
      ...sittingTimes(input),
    });
    refresh(input.cohortId);
    if (!input.examId) redirect(`/kull/${input.cohortId}/eksamen/${saved.id}`);
    return { message: `${saved.kindLabel} er lagret: start ${formatExamMomentNb(saved.startsAt)}, innlevering ${formatExamMomentNb(saved.handInAt)}.` };
  },
});

/** A later sitting made by mistake, before anyone is registered for it: deleted, and back to the ordinary sitting. */
export const deleteLaterSittingAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, examId: recordId("Eksamenen") }),
  async handler({ viewer, input }) {
    const deleted = await deleteLaterSitting(viewer, input);
    refresh(input.cohortId);
    redirect(`/kull/${input.cohortId}/eksamen?slettet=${deleted.kind === "RESIT" ? "ny" : "utsatt"}`);
  },
});

export const setSittingTaskAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    examId: recordId("Eksamenen"),
    taskTitle: optionalText("Tittelen på oppgaven", 200),
    taskText: optionalText("Oppgaveteksten", 20000),
  }),
  async handler({ viewer, input }) {
    await setSittingTask(viewer, { cohortId: input.cohortId, examId: input.examId, taskTitle: input.taskTitle, taskText: input.taskText });
    refresh(input.cohortId);
    return { message: "Oppgaven er lagret. Studentene som er meldt opp, ser den fra eksamen starter." };
  },
});

export const removeTaskDocumentAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, examId: recordId("Eksamenen"), documentId: recordId("Dokumentet") }),
  async handler({ viewer, input }) {
    const result = await removeSittingTaskDocument(viewer, input);
    refresh(input.cohortId);
    return { message: `«${result.name}» er fjernet.` };
  },
});

// ─── Ny eksamen: registration ───────────────────────────────────────────────────────────────────

/** The student registers for a ny eksamen themselves. */
export const registerForResitAction = defineAction({
  roles: ["STUDENT"],
  schema: z.object({ examId: recordId("Eksamenen") }),
  async handler({ viewer, input }) {
    const result = await registerForResit(viewer, { examId: input.examId });
    await requestJob("mail.deliver");
    revalidatePath("/student", "layout");
    // The button is gone once she is registered: the page says it (StudentExamPage's DoneMessage).
    redirect(`/student/eksamen?ny-eksamen=${result.improvement ? "forbedring" : "meldt-opp"}`);
  },
});

export const withdrawFromResitAction = defineAction({
  roles: ["STUDENT"],
  schema: z.object({ examId: recordId("Eksamenen") }),
  async handler({ viewer, input }) {
    await withdrawFromResit(viewer, { examId: input.examId });
    revalidatePath("/student", "layout");
    redirect("/student/eksamen?ny-eksamen=meldt-av");
  },
});

/** An adviser registers a student for a ny eksamen. */
export const registerStudentForResitAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, examId: recordId("Eksamenen"), enrolmentId: recordId("Studenten") }),
  async handler({ viewer, input }) {
    const result = await registerForResit(viewer, { examId: input.examId, enrolmentId: input.enrolmentId });
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return { message: `${result.name} er meldt opp til ny eksamen${result.improvement ? " for å forbedre karakteren" : ` (forsøk ${result.attempt} av ${result.of})`}.` };
  },
});

// ─── Utsatt eksamen: decisions ──────────────────────────────────────────────────────────────────

export const grantDeferralAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId,
    deferralId: recordId("Søknaden"),
    sittingId: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(recordId("Den utsatte eksamenen").optional()),
    note: optionalText("Merknaden", 2000),
  }),
  async handler({ viewer, input }) {
    await grantDeferral(viewer, { cohortId: input.cohortId, deferralId: input.deferralId, sittingId: input.sittingId ?? null, note: input.note });
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    // The form goes with the decision: the page says what was done (no name in the address).
    redirect(`/kull/${input.cohortId}/eksamen/utsatt?avgjort=innvilget`);
  },
});

export const refuseDeferralAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId,
    deferralId: recordId("Søknaden"),
    grounds: z.string({ error: "Skriv begrunnelsen." }).trim().min(1, "Skriv begrunnelsen for avslaget. Den står i vedtaket til studenten.").max(4000, "Skriv høyst 4000 tegn."),
  }),
  async handler({ viewer, input }) {
    await refuseDeferral(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    redirect(`/kull/${input.cohortId}/eksamen/utsatt?avgjort=avslatt`);
  },
});
