// The fields of a klage that came by e-mail or post, registered by an adviser: the same for a
// student's klage on an enkeltvedtak and an applicant's klage on an admission decision.
import { z } from "zod";
import { optionalText } from "./common";
import { typedDate } from "./enrolment";

/** `party`: who sent it, as the message names them ("studenten", "søkeren"). */
export function registeredKlageFields(party: "studenten" | "søkeren") {
  return {
    text: z
      .string({ error: `Skriv inn klagen slik ${party} sendte den.` })
      .trim()
      .min(20, `Skriv inn klagen slik ${party} sendte den (minst 20 tegn).`)
      .max(10000, "Klagen kan ha høyst 10 000 tegn."),
    receivedOn: typedDate("datoen klagen kom inn"),
    lateReason: optionalText("Begrunnelsen", 2000),
  };
}

export const REGISTER_KLAGE_INVALID = "Noe må rettes før klagen kan registreres. Se det som er merket nedenfor.";

/** The klagenemnd's decision on a klage we sent it, as its letter gives it (lib/server/appeals-body.ts). */
export const appealsBodyDecisionFields = {
  outcome: z.enum(["UPHELD", "REVERSED", "QUASHED", "CLOSED"], { error: "Velg hva klagenemnda kom til." }),
  decidedOn: typedDate("datoen på klagenemndas vedtak"),
  reference: optionalText("Saksnummeret", 60),
  summary: z
    .string({ error: "Skriv klagenemndas begrunnelse kort." })
    .trim()
    .min(1, "Skriv klagenemndas begrunnelse kort, slik vedtaket gir den.")
    .max(4000, "Begrunnelsen kan ha høyst 4000 tegn."),
};

/**
 * Where registering the klagenemnd's decision sends the browser (`?klagenemnd=…` on the klager
 * list, which says what was done) for an outcome with nothing carried out here; a reversal says
 * whether it was carried out, each list its own way.
 */
export const APPEALS_BODY_REGISTERED_PARAM = { UPHELD: "stadfestet", QUASHED: "opphevet", CLOSED: "hevet" } as const;

/** What the klager lists say after such a registration, by that parameter. */
export const APPEALS_BODY_REGISTERED_MESSAGE: Record<(typeof APPEALS_BODY_REGISTERED_PARAM)[keyof typeof APPEALS_BODY_REGISTERED_PARAM], string> = {
  stadfestet: "Klagenemndas vedtak er registrert: vedtaket står, og saken er avsluttet.",
  opphevet: "Klagenemndas vedtak er registrert: klagen er åpnet igjen og venter på ny behandling.",
  hevet: "Klagenemndas vedtak er registrert: saken er avsluttet uten avgjørelse, og det er ingenting å gjennomføre her.",
};

/** After a reversal that could not be carried out here. */
export const APPEALS_BODY_NOT_CARRIED_OUT_MESSAGE = "Klagenemndas vedtak er registrert, men kunne ikke gjennomføres her. Klagen sier hvorfor; det må følges opp.";

export const APPEALS_BODY_DECISION_INVALID = "Noe må rettes før klagenemndas vedtak kan registreres. Se det som er merket nedenfor.";

/** What was done instead of carrying out the klagenemnd's reversal here. */
export const appealsBodyFollowUpFields = {
  note: z
    .string({ error: "Skriv hva som er gjort." })
    .trim()
    .min(1, "Skriv hva som er gjort i stedet, for eksempel at søkeren har fått plass i et senere kull.")
    .max(2000, "Teksten kan ha høyst 2000 tegn."),
};

/** The message of a klage's PDF attached without JavaScript (lib/http/form-post.ts), read by the klage's page. */
export const KLAGE_ATTACH_FLASH_COOKIE = "bvl-klagevedlegg";
