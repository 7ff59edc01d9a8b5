"use server";
// The cohort plan's actions (lib/server/cohorts/{plan,samlinger,arbeidskrav-set}.ts, lib/server/exams/schedule.ts): the teaching team and advisers plan
// samlinger, days, the exam and arbeidskrav; advisers alone share samlinger across programmes
// and change requirements (before the cohort begins).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { createArbeidskravFromTemplate, saveArbeidskravSet, updateRequirements } from "@/lib/server/cohorts/arbeidskrav-set";
import { parseArbeidskravSetForm } from "@/lib/validation/arbeidskrav-set";
import { addSamling, addSamlingDay, copyPlan, removeSamling, removeSamlingDay, shareSamling, updateSamling } from "@/lib/server/cohorts/samlinger";
import { setExamDays } from "@/lib/server/exams/schedule";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { sittingTimes, sittingTimesFields } from "@/lib/validation/exam";
import { isIsoDate } from "@/lib/domain/dates";
import { calendarDate, wholeNumber } from "@/lib/validation/cohort";
import { optionalText, requiredText } from "@/lib/validation/common";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;
const ADVISERS = ["ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");

function refresh(id: string) {
  revalidatePath(`/kull/${id}`, "layout");
  revalidatePath("/faglaerer");
}

const samlingFields = {
  title: requiredText("Navnet på samlingen", 120),
  location: requiredText("Stedet", 200),
  notes: optionalText("Merknaden", 1000),
};

/** The date fields of a new samling: empty ones are left out, the rest must be dates. */
const dayList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((d) => d.trim()).filter(Boolean))
  .refine((days) => days.every((d) => isIsoDate(d)), "Én av datoene er ikke en gyldig dato. Bruk datovelgeren eller skriv ÅÅÅÅ-MM-DD.")
  .refine((days) => days.length > 0, "Velg minst én dag.");

export const addSamlingAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, ...samlingFields, days: dayList }),
  async handler({ viewer, input }) {
    await addSamling(viewer, input);
    refresh(input.cohortId);
    return { message: `${input.title} er lagt til i planen.`, values: {} };
  },
});

export const updateSamlingAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, samlingId: recordId("Samlingen"), ...samlingFields }),
  async handler({ viewer, input }) {
    await updateSamling(viewer, input);
    refresh(input.cohortId);
    return { message: `${input.title} er lagret.` };
  },
});

export const addSamlingDayAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, samlingId: recordId("Samlingen"), date: calendarDate("Datoen") }),
  async handler({ viewer, input }) {
    await addSamlingDay(viewer, input);
    refresh(input.cohortId);
    return { message: "Dagen er lagt til.", values: {} };
  },
});

export const removeSamlingDayAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, samlingDayId: recordId("Dagen") }),
  async handler({ viewer, input }) {
    await removeSamlingDay(viewer, input);
    refresh(input.cohortId);
    return { message: "Dagen er fjernet fra planen." };
  },
});

export const removeSamlingAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, samlingId: recordId("Samlingen") }),
  async handler({ viewer, input }) {
    const result = await removeSamling(viewer, input);
    refresh(input.cohortId);
    return { message: result.shared ? `${result.title} er tatt ut av kullets plan.` : `${result.title} er slettet.` };
  },
});

export const shareSamlingAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, samlingId: recordId("Samlingen") }),
  async handler({ viewer, input }) {
    const result = await shareSamling(viewer, input);
    refresh(input.cohortId);
    return { message: `${result.title} er nå felles og står i kullets plan.`, values: {} };
  },
});

export const copyPlanAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, fromCohortId: recordId("Kullet du kopierer fra"), weeks: wholeNumber("Antall uker", -520, 520) }),
  async handler({ viewer, input }) {
    const result = await copyPlan(viewer, input);
    refresh(input.cohortId);
    return {
      message:
        `Planen er kopiert: ${result.samlinger} samlinger` +
        (result.arbeidskrav ? `, ${result.arbeidskrav} arbeidskrav` : "") +
        (result.exam ? " og eksamen" : "") +
        ". Sjekk datoene." +
        (result.warnings.length > 0 ? ` ${result.warnings.join(" ")}` : ""),
      values: {},
    };
  },
});

export const setExamDaysAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, ...sittingTimesFields, title: requiredText("Navnet på eksamen", 200) }),
  async handler({ viewer, input }) {
    const saved = await setExamDays(viewer, { cohortId: input.cohortId, title: input.title, ...sittingTimes(input) });
    if (saved.told > 0) await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message:
        `Eksamen er lagret: start ${formatExamMomentNb(saved.startsAt)}, innlevering ${formatExamMomentNb(saved.handInAt)}.` +
        (saved.told > 0 ? ` ${saved.told === 1 ? "Den oppmeldte studenten" : `De ${saved.told} oppmeldte studentene`} får e-post med de nye tidene.` : ""),
    };
  },
});

export const createArbeidskravFromTemplateAction = defineAction({
  roles: STAFF,
  // Due dates arrive as due-1 … due-20 (by the template's numbers).
  schema: z.object({ cohortId }).catchall(z.string().max(20)),
  async handler({ viewer, input }) {
    const dueDates: Record<number, string> = {};
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(input)) {
      const match = /^due-(\d{1,2})$/.exec(key);
      if (!match || typeof value !== "string" || value === "") continue;
      if (!isIsoDate(value)) fieldErrors[key] = ["Skriv en gyldig dato (ÅÅÅÅ-MM-DD)."];
      else dueDates[Number(match[1])] = value;
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, message: "Noen av fristene er ikke gyldige datoer.", fieldErrors };
    const result = await createArbeidskravFromTemplate(viewer, { cohortId: input.cohortId, dueDates });
    refresh(input.cohortId);
    return { message: `${result.created} arbeidskrav er opprettet fra studieplanen.` };
  },
});

export const saveArbeidskravSetAction = defineAction({
  roles: STAFF,
  // The rows arrive as item-<row>-<field> (lib/validation/arbeidskrav-set.ts).
  schema: z.object({ cohortId, reason: optionalText("Begrunnelsen", 1000) }).catchall(z.string().max(2000)),
  async handler({ viewer, input }) {
    const { items, fieldErrors } = parseArbeidskravSetForm(input, { withDueDates: true });
    if (Object.keys(fieldErrors).length > 0) {
      return { ok: false, message: "Noe må rettes før arbeidskravene kan lagres. Se feltene som er merket.", fieldErrors };
    }
    const result = await saveArbeidskravSet(viewer, { cohortId: input.cohortId, items, reason: input.reason });
    refresh(input.cohortId);
    if (!result.changed) return { message: "Ingen endringer å lagre." };
    return {
      message: result.composition
        ? "Arbeidskravene er lagret. Studentenes status er regnet ut på nytt."
        : "Arbeidskravene er lagret.",
    };
  },
});

export const updateRequirementsAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId,
    attendancePercent: wholeNumber("Oppmøtekravet", 1, 100),
    fagnotat: wholeNumber("Antall fagnotat", 0, 20),
    ledertrening: wholeNumber("Antall ledertreningsoppgaver", 0, 20),
    oral: wholeNumber("Antall muntlige framlegg", 0, 20),
    individualFagnotatMin: wholeNumber("Antall individuelle fagnotat", 0, 20),
  }),
  async handler({ viewer, input }) {
    await updateRequirements(viewer, {
      cohortId: input.cohortId,
      requirements: {
        attendancePercent: input.attendancePercent,
        arbeidskrav: {
          total: input.fagnotat + input.ledertrening,
          fagnotat: input.fagnotat,
          ledertrening: input.ledertrening,
          oral: input.oral,
          individualFagnotatMin: input.individualFagnotatMin,
        },
      },
    });
    refresh(input.cohortId);
    return { message: "Kravene er lagret." };
  },
});
