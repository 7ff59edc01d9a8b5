"use server";
// The study adviser's server actions for admission. Each names its fields in a zod schema with
// Norwegian messages; defineAction refuses everyone but advisers and admins before parsing, and
// the use cases in lib/server/admission check again and lock what they change.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { decideAppeal, markAppealForwarded, markAppealsBodyFollowedUp, registerAdmissionAppeal, registerAppealsBodyDecision } from "@/lib/server/admission/appeals";
import { offerPlace, sendDecisionBatch } from "@/lib/server/admission/decisions";
import { moveCandidate, removeMove } from "@/lib/server/admission/ranking-moves";
import { setWaitlistClosingDate } from "@/lib/server/admission/waitlist";
import { formatDateNb } from "@/lib/domain/format";
import {
  closeDocumentationRequest,
  judgeQualification,
  requestDocumentation,
  reviewDocument,
  reviewPosition,
  setCategoryOverride,
} from "@/lib/server/admission/review";
import { defineAction } from "@/lib/server/action";
import { recordId } from "@/lib/validation/ids";
import { APPEALS_BODY_DECISION_INVALID, APPEALS_BODY_REGISTERED_PARAM, appealsBodyDecisionFields, appealsBodyFollowUpFields, REGISTER_KLAGE_INVALID, registeredKlageFields } from "@/lib/validation/klage";

const ADVISERS = ["ADVISER", "ADMIN"] as const;

const note = z
  .string()
  .trim()
  .max(2000, "Kommentaren kan ha høyst 2000 tegn.")
  .optional()
  .transform((value) => value || null);

const reason = (label: string, max = 2000) =>
  z
    .string({ error: `${label} må fylles ut.` })
    .trim()
    .min(1, `${label} må fylles ut.`)
    .max(max, `${label} kan ha høyst ${max} tegn.`);

const verification = z.enum(["PENDING", "VERIFIED", "REJECTED"], { error: "Velg om det er godkjent eller avvist." });

function refreshReview(applicationId: string) {
  revalidatePath("/veileder/opptak", "layout");
  revalidatePath(`/soker/soknad/${applicationId}`, "layout");
}

export const reviewDocumentAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ applicationId: recordId("Søknaden"), documentId: recordId("Dokumentet"), status: verification, note }),
  async handler({ viewer, input }) {
    await reviewDocument(viewer, input);
    refreshReview(input.applicationId);
    return { message: input.status === "VERIFIED" ? "Godkjent og lagret." : input.status === "REJECTED" ? "Avvist og lagret." : "Lagret." };
  },
});

export const reviewPositionAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ applicationId: recordId("Søknaden"), positionId: recordId("Stillingen"), status: verification, note }),
  async handler({ viewer, input }) {
    const summary = await reviewPosition(viewer, input);
    refreshReview(input.applicationId);
    return { message: `Lagret. Beregnet kategori er nå ${summary.computed.category}.` };
  },
});

export const setCategoryAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    applicationId: recordId("Søknaden"),
    category: z
      .enum(["", "1", "2", "3", "4"], { error: "Velg en kategori." })
      .transform((value) => (value === "" ? null : Number(value))),
    reason: z
      .string()
      .trim()
      .max(2000, "Begrunnelsen kan ha høyst 2000 tegn.")
      .optional()
      .transform((value) => value || null),
  }),
  async handler({ viewer, input }) {
    const summary = await setCategoryOverride(viewer, input);
    refreshReview(input.applicationId);
    return {
      message: summary.effective.overridden
        ? `Kategori ${summary.effective.category} er satt, med begrunnelse.`
        : `Søknaden bruker den beregnede kategorien ${summary.computed.category}.`,
    };
  },
});

export const judgeQualificationAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    applicationId: recordId("Søknaden"),
    qualified: z
      .enum(["ja", "nei", "ikke-vurdert"], { error: "Velg om søkeren oppfyller opptakskravene." })
      .transform((value) => (value === "ja" ? true : value === "nei" ? false : null)),
    grounds: z
      .string()
      .trim()
      .max(4000, "Begrunnelsen kan ha høyst 4000 tegn.")
      .optional()
      .transform((value) => value || null),
  }),
  async handler({ viewer, input }) {
    await judgeQualification(viewer, input);
    refreshReview(input.applicationId);
    return { message: input.qualified === null ? "Vurderingen er fjernet." : input.qualified ? "Lagret: oppfyller opptakskravene." : "Lagret: oppfyller ikke opptakskravene." };
  },
});

export const requestDocumentationAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    applicationId: recordId("Søknaden"),
    message: reason("Hva du ber om", 4000),
    dueDate: z
      .string({ error: "Velg en frist." })
      .trim()
      .refine((value) => isIsoDate(value), "Velg en gyldig dato for fristen."),
  }),
  async handler({ viewer, input }) {
    await requestDocumentation(viewer, input);
    refreshReview(input.applicationId);
    return { message: "Forespørselen er sendt til søkeren på e-post og vises på søknaden." };
  },
});

export const closeDocumentationRequestAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ applicationId: recordId("Søknaden"), requestId: recordId("Forespørselen") }),
  async handler({ viewer, input }) {
    await closeDocumentationRequest(viewer, input);
    refreshReview(input.applicationId);
    return { message: "Forespørselen er lukket." };
  },
});

export const offerPlaceAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ applicationId: recordId("Søknaden") }),
  async handler({ viewer, input }) {
    await offerPlace(viewer, input.applicationId);
    refreshReview(input.applicationId);
    return { message: "Tilbudet er sendt til søkeren." };
  },
});

/**
 * The ranking page says what a move did (its form, or the undo button, goes with the row's change:
 * a walk got no word and the focus on the page's body): the application and how many on the list
 * got a new place and a letter.
 */
function rankingDone(cohortId: string, word: "flyttet" | "angret", result: { applicationId: string; moved: number }): never {
  redirect(`/veileder/opptak/${cohortId}/rangering?${word}=${result.applicationId}&brev=${result.moved}`);
}

export const moveCandidateAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId: recordId("Kullet"),
    applicationId: recordId("Søknaden"),
    toRank: z.coerce
      .number({ error: "Skriv plassnummeret som et tall." })
      .int("Plassen må være et helt tall.")
      .min(1, "Plassen må være 1 eller mer.")
      .max(10000, "Plassen er for stor."),
    reason: reason("Begrunnelsen"),
  }),
  async handler({ viewer, input }) {
    const result = await moveCandidate(viewer, input);
    revalidatePath(`/veileder/opptak/${input.cohortId}`, "layout");
    revalidatePath("/soker", "layout");
    rankingDone(input.cohortId, "flyttet", result);
  },
});

export const removeMoveAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId: recordId("Kullet"), moveId: recordId("Flyttingen") }),
  async handler({ viewer, input }) {
    const result = await removeMove(viewer, input);
    revalidatePath(`/veileder/opptak/${input.cohortId}`, "layout");
    revalidatePath("/soker", "layout");
    rankingDone(input.cohortId, "angret", result);
  },
});

export const sendDecisionBatchAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId: recordId("Kullet"),
    closeWaitlist: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
    fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "Forhåndsvisningen mangler. Last siden på nytt."),
    confirm: z.literal("on", { error: "Kryss av for at du har lest forhåndsvisningen." }),
  }),
  async handler({ viewer, input }) {
    const result = await sendDecisionBatch(viewer, input.cohortId, input);
    revalidatePath("/veileder/opptak", "layout");
    revalidatePath("/soker", "layout");
    // The page shows the result (the form itself is gone once nothing is left to send).
    const moved = result.moved > 0 ? `-${result.moved}` : "";
    redirect(`/veileder/opptak/${input.cohortId}/vedtak?sendt=${result.offers}-${result.waitlist}-${result.refusals}${moved}`);
  },
});

export const decideAppealAction = defineAction({
  roles: ADVISERS,
  schema: z
    .object({
      appealId: recordId("Klagen"),
      outcome: z.enum(["OFFER", "WAITLIST", "UPHOLD"], { error: "Velg utfallet av klagen." }),
      grounds: reason("Begrunnelsen", 4000),
      position: z.string().optional(),
      forwarded: z
        .string()
        .optional()
        .transform((value) => value === "on"),
    })
    .superRefine((value, context) => {
      if (value.outcome === "WAITLIST" && !(Number.isSafeInteger(Number(value.position)) && Number(value.position) >= 1)) {
        context.addIssue({ code: "custom", path: ["position"], message: "Skriv den nye plassen på ventelisten (1 eller mer)." });
      }
    }),
  async handler({ viewer, input }) {
    const outcome =
      input.outcome === "WAITLIST"
        ? { kind: "WAITLIST" as const, grounds: input.grounds, position: Number(input.position) }
        : input.outcome === "OFFER"
          ? { kind: "OFFER" as const, grounds: input.grounds }
          : { kind: "UPHOLD" as const, grounds: input.grounds, forwarded: input.forwarded };
    const result = await decideAppeal(viewer, input.appealId, outcome);
    revalidatePath("/veileder/opptak", "layout");
    revalidatePath("/soker", "layout");
    // A decided klage leaves the queue, form and all: the queue page says what happened.
    redirect(`/veileder/opptak/klager?avgjort=${result === "SETTLED" ? "avsluttet" : input.outcome === "UPHOLD" ? "opprettholdt" : input.outcome === "WAITLIST" ? "delvis" : "endret"}`);
  },
});

/** A klage that came by e-mail or post, registered by an adviser (late only with why: fvl. § 31). */
export const registerAdmissionAppealAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    applicationId: recordId("Søknaden"),
    ...registeredKlageFields("søkeren"),
  }),
  invalidMessage: REGISTER_KLAGE_INVALID,
  async handler({ viewer, input }) {
    const { cohortId } = await registerAdmissionAppeal(viewer, { applicationId: input.applicationId, text: input.text, receivedOn: input.receivedOn, lateReason: input.lateReason });
    revalidatePath("/veileder/opptak", "layout");
    revalidatePath("/soker", "layout");
    // The form is gone once the klage is registered; its page says what happened.
    redirect(`/veileder/opptak/${cohortId}/soknad/${input.applicationId}/klage?registrert=1`);
  },
});

export const registerAppealsBodyDecisionAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ appealId: recordId("Klagen"), ...appealsBodyDecisionFields }),
  invalidMessage: APPEALS_BODY_DECISION_INVALID,
  async handler({ viewer, input }) {
    const { appealId, ...decision } = input;
    const result = await registerAppealsBodyDecision(viewer, appealId, decision);
    revalidatePath("/veileder/opptak", "layout");
    revalidatePath("/soker", "layout");
    redirect(`/veileder/opptak/klager?alle=1&klagenemnd=${decision.outcome === "REVERSED" ? (result.carriedOut ? "endret" : "ikke-gjennomfort") : APPEALS_BODY_REGISTERED_PARAM[decision.outcome]}`);
  },
});

export const markAppealsBodyFollowedUpAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ appealId: recordId("Klagen"), ...appealsBodyFollowUpFields }),
  async handler({ viewer, input }) {
    await markAppealsBodyFollowedUp(viewer, input.appealId, input.note);
    revalidatePath("/veileder/opptak", "layout");
    return { message: "Oppfølgingen er registrert." };
  },
});

export const markAppealForwardedAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ appealId: recordId("Klagen") }),
  async handler({ viewer, input }) {
    await markAppealForwarded(viewer, input.appealId);
    revalidatePath("/veileder/opptak", "layout");
    revalidatePath("/soker", "layout");
    return { message: "Klagen er merket som oversendt klagenemnda." };
  },
});

export const setWaitlistClosingDateAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId: recordId("Kullet"),
    waitlistClosesOn: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || isIsoDate(value), "Skriv en gyldig dato (dd.mm.åååå)."),
  }),
  async handler({ viewer, input }) {
    const { closesOn } = await setWaitlistClosingDate(viewer, { cohortId: input.cohortId, date: input.waitlistClosesOn });
    revalidatePath(`/veileder/opptak/${input.cohortId}`, "layout");
    return {
      message:
        input.waitlistClosesOn === null
          ? `Ventelisten stenger på standarddatoen, ${formatDateNb(closesOn)}.`
          : `Ventelisten stenger ${formatDateNb(closesOn)}.`,
    };
  },
});
