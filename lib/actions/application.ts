"use server";
// The applicant's server actions. Each one names its fields in a zod schema (anything else a
// form sends, such as `status`, `category` or `userId`, is dropped), then calls its use case in
// lib/server/applications, which checks that the application is the viewer's own.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { rememberContinueAttempt } from "@/lib/server/applications/continue-attempt";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import {
  addEducation,
  addPosition,
  removeEducation,
  removePosition,
  saveEducation,
  saveEmployer,
  savePersonalDetails,
  savePosition,
  startApplication,
} from "@/lib/server/applications/drafts";
import { deleteApplicationDocument } from "@/lib/server/applications/documents";
import { answerOffer, reopenApplication, submitApplication, withdrawApplication } from "@/lib/server/applications/submission";
import { getDraftGaps } from "@/lib/server/applications/read";
import type { Viewer } from "@/lib/server/viewer";
import { gapsOnStep } from "@/lib/application-steps";
import { storage } from "@/lib/storage";
import { educationFields, employerFields, personalFields, positionFields } from "@/lib/validation/application";
import { recordId as id } from "@/lib/validation/ids";

const APPLICANT = ["APPLICANT"] as const;
const applicationId = id("Søknaden");

/** The raw text of each named field; the use case reads them leniently. */
function rawFields<const Names extends readonly string[]>(names: Names) {
  return Object.fromEntries(names.map((name) => [name, z.string().max(5000).optional()])) as {
    [K in Names[number]]: z.ZodOptional<z.ZodString>;
  };
}

/** "continue" saves and goes on; "save" stays; "autosave" is the quiet save while typing. */
const intent = z.enum(["save", "continue", "autosave"]).default("save");

const STEPS = ["personalia", "utdanning", "arbeidsgiver", "stillinger", "dokumenter", "oppsummering"] as const;
type Step = (typeof STEPS)[number];

function pathOf(application: string, step?: Step) {
  return step ? `/soker/soknad/${application}/${step}` : `/soker/soknad/${application}`;
}

/**
 * The answer to a save. Every save, the quiet one while typing too, re-renders the application's
 * pages, so field messages, the error summary and the ✓ in the step list always show the draft
 * as it now stands. "Continue" goes on when the step is complete; otherwise it stays and lists
 * what the step lacks, with a way to go on anyway (a draft may be finished later).
 */
async function afterSave(
  viewer: Viewer,
  application: string,
  step: Step,
  chosen: "save" | "continue" | "autosave",
  errors: Record<string, string[]>,
  options: { positionId?: string; next?: string } = {},
) {
  const problems = Object.keys(errors).length;
  revalidatePath(pathOf(application), "layout");
  if (chosen === "continue" && problems === 0) {
    const next = options.next ?? pathOf(application, STEPS[STEPS.indexOf(step) + 1]);
    const { missing, positionIds } = await getDraftGaps(viewer, application);
    const index = options.positionId === undefined ? undefined : positionIds.indexOf(options.positionId);
    if (gapsOnStep(missing, step, index).length === 0) redirect(next);
    // The step's missing fields are marked where they are from now on (the page reads it).
    await rememberContinueAttempt(application, step, options.positionId);
    // «Utkastet», not «Det du har skrevet»: on an empty step nothing was typed (a walk).
    return { ok: false, saved: true, next, message: "Utkastet er lagret. Noe mangler fortsatt på dette steget." };
  }
  if (chosen === "continue") await rememberContinueAttempt(application, step, options.positionId);
  if (problems > 0) {
    return {
      ok: false,
      saved: true,
      fieldErrors: errors,
      message:
        chosen === "autosave"
          ? "Utkastet er lagret. Noen felt må rettes."
          : "Det du har skrevet er lagret, men noen felt må rettes. Se feltene som er merket.",
    };
  }
  if (chosen === "save") {
    // «Lagre utkast» on a step that still lacks something says what, so a bare «Lagret.» is not
    // read as the step being done (a walk: «Grad» empty). The quiet save while typing does not.
    const { missing, positionIds } = await getDraftGaps(viewer, application);
    const index = options.positionId === undefined ? undefined : positionIds.indexOf(options.positionId);
    const gaps = gapsOnStep(missing, step, index);
    if (gaps.length > 0) {
      return { ok: true, saved: true, message: `Utkastet er lagret. Før du kan sende søknaden, mangler dette: ${gaps.map((gap) => gap.message).join(" ")}` };
    }
  }
  return { ok: true, saved: true, message: chosen === "autosave" ? "Utkastet er lagret." : "Lagret." };
}

export const startApplicationAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ cohortId: id("Kullet") }),
  async handler({ viewer, input }) {
    const created = await startApplication(viewer, input.cohortId);
    redirect(pathOf(created, "personalia"));
  },
});

export const savePersonalDetailsAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId, intent, ...rawFields(Object.keys(personalFields) as (keyof typeof personalFields)[]) }),
  async handler({ viewer, input }) {
    const { errors } = await savePersonalDetails(viewer, input.applicationId, input);
    return afterSave(viewer, input.applicationId, "personalia", input.intent, errors);
  },
});

export const saveEmployerAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId, intent, ...rawFields(Object.keys(employerFields) as (keyof typeof employerFields)[]) }),
  async handler({ viewer, input }) {
    const { errors } = await saveEmployer(viewer, input.applicationId, input);
    return afterSave(viewer, input.applicationId, "arbeidsgiver", input.intent, errors);
  },
});

export const addEducationAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId }),
  async handler({ viewer, input }) {
    const educationId = await addEducation(viewer, input.applicationId);
    revalidatePath(pathOf(input.applicationId), "layout");
    redirect(`${pathOf(input.applicationId, "utdanning")}?ny=${educationId}#utdanning-${educationId}`);
  },
});

export const saveEducationAction = defineAction({
  roles: APPLICANT,
  schema: z.object({
    applicationId,
    educationId: id("Utdanningen"),
    intent,
    ...rawFields(Object.keys(educationFields) as (keyof typeof educationFields)[]),
  }),
  async handler({ viewer, input }) {
    const { errors } = await saveEducation(viewer, input.applicationId, input.educationId, input);
    return afterSave(viewer, input.applicationId, "utdanning", input.intent === "continue" ? "save" : input.intent, errors);
  },
});

export const removeEducationAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId, educationId: id("Utdanningen") }),
  async handler({ viewer, input }) {
    await removeEducation(viewer, input.applicationId, input.educationId);
    revalidatePath(pathOf(input.applicationId), "layout");
    return { message: "Utdanningen er fjernet." };
  },
});

export const addPositionAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId }),
  async handler({ viewer, input }) {
    const positionId = await addPosition(viewer, input.applicationId);
    revalidatePath(pathOf(input.applicationId), "layout");
    redirect(`${pathOf(input.applicationId, "stillinger")}/${positionId}`);
  },
});

export const savePositionAction = defineAction({
  roles: APPLICANT,
  schema: z.object({
    applicationId,
    positionId: id("Stillingen"),
    intent,
    ongoing: z.string().max(10).optional(),
    ...rawFields(Object.keys(positionFields) as (keyof typeof positionFields)[]),
  }),
  async handler({ viewer, input }) {
    const { errors } = await savePosition(viewer, input.applicationId, input.positionId, input);
    return afterSave(viewer, input.applicationId, "stillinger", input.intent, errors, {
      positionId: input.positionId,
      next: pathOf(input.applicationId, "stillinger"),
    });
  },
});

export const removePositionAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId, positionId: id("Stillingen") }),
  async handler({ viewer, input }) {
    const storageKeys = await removePosition(viewer, input.applicationId, input.positionId);
    await Promise.all(storageKeys.map((key) => storage().delete(key)));
    revalidatePath(pathOf(input.applicationId), "layout");
    redirect(pathOf(input.applicationId, "stillinger"));
  },
});

export const deleteDocumentAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId, documentId: id("Dokumentet") }),
  async handler({ viewer, input }) {
    await deleteApplicationDocument(viewer, input.applicationId, input.documentId);
    revalidatePath(pathOf(input.applicationId), "layout");
    return { message: "Dokumentet er slettet." };
  },
});

export const submitApplicationAction = defineAction({
  roles: APPLICANT,
  invalidMessage: "Søknaden er ikke sendt ennå. Se det som er merket.",
  schema: z.object({
    applicationId,
    confirm: z.literal("on", { error: "Bekreft at opplysningene er riktige før du sender." }),
  }),
  async handler({ viewer, input }) {
    await submitApplication(viewer, input.applicationId);
    revalidatePath("/soker", "layout");
    redirect(`${pathOf(input.applicationId)}?sendt=1`);
  },
});

/** Opens a sent application for change; the dialog before it says what that means. */
export const reopenApplicationAction = defineAction({
  roles: APPLICANT,
  schema: z.object({ applicationId }),
  async handler({ viewer, input }) {
    await reopenApplication(viewer, input.applicationId);
    revalidatePath("/soker", "layout");
    // To the banner that says it is not sent, which takes focus (FocusHashTarget in the layout).
    redirect(`${pathOf(input.applicationId, "oppsummering")}#apnet-for-endring`);
  },
});

export const withdrawApplicationAction = defineAction({
  roles: APPLICANT,
  invalidMessage: "Søknaden er ikke trukket. Se det som er merket.",
  schema: z.object({
    applicationId,
    confirm: z.literal("on", { error: "Kryss av for at du vil trekke søknaden." }),
  }),
  async handler({ viewer, input }) {
    await withdrawApplication(viewer, input.applicationId);
    revalidatePath("/soker", "layout");
    return { message: "Søknaden er trukket." };
  },
});

export const answerOfferAction = defineAction({
  roles: APPLICANT,
  invalidMessage: "Svaret er ikke sendt. Se det som er merket.",
  schema: z.object({
    applicationId,
    answer: z.enum(["ACCEPTED", "DECLINED"], { error: "Velg om du takker ja eller nei." }),
  }),
  async handler({ viewer, input }) {
    await answerOffer(viewer, input.applicationId, input.answer);
    revalidatePath("/", "layout");
    if (input.answer === "ACCEPTED") redirect(`${pathOf(input.applicationId)}?svar=ja`);
    return { message: "Du har takket nei til tilbudet." };
  },
});
