"use server";
// Kull as the adviser manages them (lib/server/intakes): create a draft from the form or by
// copying an earlier kull, change its facts, publish, complete and archive it, bring it back
// from the archive, and open a completed kull again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { defineAction } from "@/lib/server/action";
import { copyIntake, createIntake } from "@/lib/server/intakes/create";
import { updateIntake } from "@/lib/server/intakes/edit";
import { archiveCohort, completeCohort, publishIntake, reopenCohort, restoreCohort } from "@/lib/server/intakes/life";
import { calendarDate, wholeNumber } from "@/lib/validation/cohort";
import { checkbox, optionalText, requiredText } from "@/lib/validation/common";
import { recordId } from "@/lib/validation/ids";

const ADVISERS = ["ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");

const intakeFields = {
  code: z
    .string({ error: "Koden må fylles ut." })
    .trim()
    .toUpperCase()
    .min(1, "Koden må fylles ut, for eksempel H2027."),
  name: requiredText("Navnet på kullet", 120),
  capacity: wholeNumber("Antall studieplasser", 1, 500),
  applicationOpensOn: calendarDate("Datoen opptaket åpner"),
  applicationDeadline: calendarDate("Søknadsfristen"),
  offerAnswerDeadline: calendarDate("Svarfristen for tilbud"),
  startsOn: calendarDate("Startdatoen"),
  endsOn: calendarDate("Sluttdatoen"),
  // Empty: the default, the kull's first samling day (lib/domain/admission-decisions.ts).
  waitlistClosesOn: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null))
    .refine((value) => value === null || isIsoDate(value), "Datoen ventelisten stenger er ikke en gyldig dato. Bruk datovelgeren eller skriv dd.mm.åååå."),
};

function refresh(id?: string) {
  revalidatePath("/veileder", "layout");
  revalidatePath("/");
  revalidatePath("/soker");
  if (id) revalidatePath(`/kull/${id}`, "layout");
}

export const createIntakeAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ programmeId: recordId("Studieprogrammet"), ...intakeFields }),
  async handler({ viewer, input }) {
    const created = await createIntake(viewer, input);
    refresh(created.id);
    redirect(`/veileder/kull/${created.id}?opprettet=1`);
  },
});

/** The copy form's repeated fields: samling-<index> (a date per day) and due-<number>. */
const dates = z.union([z.string(), z.array(z.string())]);

export const copyIntakeAction = defineAction({
  roles: ADVISERS,
  schema: z
    .object({
      sourceCohortId: recordId("Kullet du kopierer fra"),
      // The source's plan as the form showed it (planShape in lib/domain/cohort-plan.ts).
      planShape: z.string({ error: "Last siden på nytt og prøv igjen." }).max(200_000, "Last siden på nytt og prøv igjen."),
      weeks: wholeNumber("Antall uker", -1040, 1040),
      examFirstDay: z
        .string()
        .optional()
        .transform((value) => (value?.trim() ? value.trim() : null))
        .refine((value) => value === null || isIsoDate(value), "Første eksamensdag er ikke en gyldig dato."),
      copyTeam: checkbox,
      ...intakeFields,
    })
    .catchall(dates),
  async handler({ viewer, input }) {
    const samlingDays: string[][] = [];
    const dueDates: Record<number, string> = {};
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(input)) {
      const samling = /^samling-(\d{1,2})$/.exec(key);
      const due = /^due-(\d{1,2})$/.exec(key);
      if (!samling && !due) continue;
      const values = (Array.isArray(value) ? value : [String(value)]).map((date) => date.trim()).filter(Boolean);
      if (values.some((date) => !isIsoDate(date))) {
        fieldErrors[key] = ["Én av datoene er ikke en gyldig dato. Bruk datovelgeren eller skriv dd.mm.åååå."];
        continue;
      }
      if (samling) samlingDays[Number(samling[1])] = [...values].sort();
      else if (values[0]) dueDates[Number(due![1])] = values[0];
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, message: "Noen av datoene er ikke gyldige.", fieldErrors };
    const created = await copyIntake(viewer, {
      sourceCohortId: input.sourceCohortId,
      planShape: input.planShape,
      fields: {
        code: input.code,
        name: input.name,
        capacity: input.capacity,
        applicationOpensOn: input.applicationOpensOn,
        applicationDeadline: input.applicationDeadline,
        offerAnswerDeadline: input.offerAnswerDeadline,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        waitlistClosesOn: input.waitlistClosesOn,
      },
      weeks: input.weeks,
      samlingDays: Array.from({ length: samlingDays.length }, (_, index) => samlingDays[index] ?? []),
      dueDates,
      examFirstDay: input.examFirstDay,
      copyTeam: input.copyTeam,
    });
    refresh(created.id);
    redirect(`/veileder/kull/${created.id}?kopiert=1`);
  },
});

export const updateIntakeAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, ...intakeFields, reason: optionalText("Begrunnelsen", 1000) }),
  async handler({ viewer, input }) {
    const result = await updateIntake(viewer, input);
    refresh(input.cohortId);
    return {
      message:
        `${result.name} er lagret.` +
        (result.mailed > 0 ? ` ${result.mailed === 1 ? "Én søker" : `${result.mailed} søkere`} med utkast får e-post om den nye søknadsfristen.` : ""),
    };
  },
});

// Each step changes what the kull's page offers (the button goes), so the page says what happened
// after a redirect rather than beside a button that is no longer there.
export const publishIntakeAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId }),
  async handler({ viewer, input }) {
    await publishIntake(viewer, input.cohortId);
    refresh(input.cohortId);
    redirect(`/veileder/kull/${input.cohortId}?publisert=1`);
  },
});

export const completeCohortAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId }),
  async handler({ viewer, input }) {
    await completeCohort(viewer, input.cohortId);
    refresh(input.cohortId);
    redirect(`/veileder/kull/${input.cohortId}?fullfort=1`);
  },
});

export const archiveCohortAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId }),
  async handler({ viewer, input }) {
    await archiveCohort(viewer, input.cohortId);
    refresh(input.cohortId);
    redirect(`/veileder/kull/${input.cohortId}?arkivert=1`);
  },
});

/**
 * A step back in a kull's life, taken with a reason kept in its audit entry: bringing an archived
 * kull back from the archive, opening a completed kull again.
 */
function reasonedStepAction(take: typeof restoreCohort, done: "hentet" | "gjenapnet") {
  return defineAction({
    roles: ADVISERS,
    schema: z.object({ cohortId, reason: requiredText("Begrunnelsen", 1000) }),
    async handler({ viewer, input }) {
      await take(viewer, input.cohortId, input.reason);
      refresh(input.cohortId);
      redirect(`/veileder/kull/${input.cohortId}?${done}=1`);
    },
  });
}

export const restoreCohortAction = reasonedStepAction(restoreCohort, "hentet");

export const reopenCohortAction = reasonedStepAction(reopenCohort, "gjenapnet");
