"use server";
// Letters to students and klager on them (lib/server/student-letters): the student files a klage
// on an enkeltvedtak; the cohort's staff decide it (never the one who made the decision: checked by
// the use case and by the database) and mark an upheld klage as sent to the appeals body.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import {
  decideStudentAppeal,
  fileStudentAppeal,
  markStudentAppealForwarded,
  markStudentAppealsBodyFollowedUp,
  markStudentAppealsBodyTold,
  registerStudentAppeal,
  registerStudentAppealsBodyDecision,
} from "@/lib/server/student-letters/appeals";
import { markLetterOpened } from "@/lib/server/student-letters/opening";
import { checkbox, optionalText } from "@/lib/validation/common";
import { APPEALS_BODY_DECISION_INVALID, APPEALS_BODY_REGISTERED_PARAM, appealsBodyDecisionFields, appealsBodyFollowUpFields, REGISTER_KLAGE_INVALID, registeredKlageFields } from "@/lib/validation/klage";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;

function refresh(cohortId?: string) {
  revalidatePath("/student", "layout");
  if (cohortId) revalidatePath(`/kull/${cohortId}`, "layout");
  revalidatePath("/faglaerer");
  revalidatePath("/veileder");
}

export const fileStudentAppealAction = defineAction({
  roles: ["STUDENT"],
  schema: z.object({
    letterId: recordId("Brevet"),
    text: z
      .string({ error: "Skriv hva du klager på og hvorfor." })
      .trim()
      .min(20, "Skriv hva du klager på og hvorfor (minst 20 tegn).")
      .max(10000, "Klagen kan ha høyst 10 000 tegn."),
  }),
  invalidMessage: "Noe må rettes før klagen kan sendes. Se feltet som er merket.",
  async handler({ viewer, input }) {
    await fileStudentAppeal(viewer, input.letterId, { text: input.text });
    refresh();
    // The form is gone once the klage is filed; the letter's page says what happened.
    redirect(`/student/brev/${input.letterId}?klage=sendt`);
  },
});

/**
 * The student has opened her letter's page (sent by the page itself, once, when the letter was
 * still «ny»). Her pages are revalidated, so the list and start page she goes back to no longer
 * show it as new.
 */
export const markLetterOpenedAction = defineAction({
  roles: ["STUDENT"],
  schema: z.object({ letterId: recordId("Brevet") }),
  async handler({ viewer, input }) {
    await markLetterOpened(viewer, input.letterId);
    revalidatePath("/student", "layout");
  },
});

/**
 * A klage that came by e-mail or post, registered by an adviser; a late one is taken up with why
 * (fvl. § 31) or avvist with why (§ 33 andre ledd), and the avvisning is a letter.
 */
export const registerStudentAppealAction = defineAction({
  roles: ["ADVISER", "ADMIN"],
  schema: z.object({
    letterId: recordId("Brevet"),
    userId: recordId("Studenten"),
    ...registeredKlageFields("studenten"),
    dismissalGrounds: optionalText("Begrunnelsen for avvisningen", 4000),
  }),
  invalidMessage: REGISTER_KLAGE_INVALID,
  async handler({ viewer, input }) {
    await registerStudentAppeal(viewer, {
      letterId: input.letterId,
      text: input.text,
      receivedOn: input.receivedOn,
      lateReason: input.lateReason,
      dismissalGrounds: input.dismissalGrounds,
    });
    refresh();
    revalidatePath(`/veileder/studenter/${input.userId}`, "layout");
    // The form is gone once the klage is registered; its page says what happened.
    redirect(`/veileder/studenter/${input.userId}/klage/${input.letterId}?registrert=1`);
  },
});

export const decideStudentAppealAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId: recordId("Kullet"),
    appealId: recordId("Klagen"),
    outcome: z.enum(["REVERSE", "UPHOLD"], { error: "Velg om klagen tas til følge." }),
    grounds: z
      .string({ error: "Skriv begrunnelsen." })
      .trim()
      .min(1, "Skriv begrunnelsen. Den står i brevet til studenten.")
      .max(4000, "Begrunnelsen kan ha høyst 4000 tegn."),
    forwarded: checkbox,
  }),
  async handler({ viewer, input }) {
    const result = await decideStudentAppeal(
      viewer,
      input.appealId,
      input.outcome === "REVERSE" ? { kind: "REVERSE", grounds: input.grounds } : { kind: "UPHOLD", grounds: input.grounds, forwarded: input.forwarded },
    );
    refresh(input.cohortId);
    // The klage leaves the list of waiting ones with its form; the page says what happened.
    redirect(`/kull/${input.cohortId}/klager?avgjort=${result.status === "REVERSED" ? `endret-${result.letters}` : "opprettholdt"}`);
  },
});

export const markStudentAppealForwardedAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId: recordId("Kullet"), appealId: recordId("Klagen") }),
  async handler({ viewer, input }) {
    await markStudentAppealForwarded(viewer, input.appealId);
    refresh(input.cohortId);
    return { message: "Klagen er merket som sendt til klagenemnda." };
  },
});

export const registerStudentAppealsBodyDecisionAction = defineAction({
  roles: ["ADVISER", "ADMIN"],
  schema: z.object({ cohortId: recordId("Kullet"), appealId: recordId("Klagen"), ...appealsBodyDecisionFields }),
  invalidMessage: APPEALS_BODY_DECISION_INVALID,
  async handler({ viewer, input }) {
    const { cohortId, appealId, ...decision } = input;
    const result = await registerStudentAppealsBodyDecision(viewer, appealId, decision);
    refresh(cohortId);
    const registered =
      decision.outcome === "REVERSED" ? (result.notCarriedOut ? "ikke-gjennomfort" : `endret-${result.letters}`) : APPEALS_BODY_REGISTERED_PARAM[decision.outcome];
    redirect(`/kull/${cohortId}/klager?alle=1&klagenemnd=${registered}`);
  },
});

/** The klagenemnd has been told that the decision a klage waiting there is about was changed here. */
export const markStudentAppealsBodyToldAction = defineAction({
  roles: ["ADVISER", "ADMIN"],
  schema: z.object({ cohortId: recordId("Kullet"), appealId: recordId("Klagen") }),
  async handler({ viewer, input }) {
    await markStudentAppealsBodyTold(viewer, input.appealId);
    refresh(input.cohortId);
    // The button is gone after it: the page says what was done (DoneMessage).
    redirect(`/kull/${input.cohortId}/klager?klagenemnd=beskjed`);
  },
});

export const markStudentAppealsBodyFollowedUpAction = defineAction({
  roles: ["ADVISER", "ADMIN"],
  schema: z.object({ cohortId: recordId("Kullet"), appealId: recordId("Klagen"), ...appealsBodyFollowUpFields }),
  async handler({ viewer, input }) {
    await markStudentAppealsBodyFollowedUp(viewer, input.appealId, input.note);
    refresh(input.cohortId);
    return { message: "Oppfølgingen er registrert." };
  },
});
