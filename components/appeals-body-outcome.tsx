// What the klagenemnd decided on a klage, as the klager's pages show it: the outcome, its date and
// case number, its grounds in short, and (for staff) who registered it. One piece for the
// admission klager, a kull's klager, the applicant's application and the student's letters.
import { APPEALS_BODY_OUTCOME_NB, type AppealsBodyOutcome } from "@/lib/domain/klage";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { isoDate } from "@/lib/to-domain";

export interface AppealsBodyDecisionView {
  outcome: AppealsBodyOutcome;
  decidedOn: Date;
  reference: string | null;
  summary: string;
  /** A reversal that could not be carried out here, and why. */
  notCarriedOut?: string | null;
  /** …and what was done instead, when and by whom. */
  followedUpAt?: Date | null;
  followUpNote?: string | null;
  followedUpBy?: { name: string } | null;
  registeredAt: Date;
  registeredBy?: { name: string } | null;
}

/**
 * `earlier`: a decision on an earlier sending (a quashing, before the klage was decided again and
 * sent anew): shown as history, not as the outcome.
 */
export function AppealsBodyOutcomeText({ decision, staff = false, earlier = false }: { decision: AppealsBodyDecisionView; staff?: boolean; earlier?: boolean }) {
  return (
    <div className="mt-2 rounded-md border border-slate-300 bg-slate-50 p-3">
      <p>
        <strong>
          Klagenemndas {earlier ? "tidligere " : ""}vedtak {formatDateNb(isoDate(decision.decidedOn))}
        </strong>
        {decision.reference ? ` (saksnummer ${decision.reference})` : ""}: {APPEALS_BODY_OUTCOME_NB[decision.outcome]}
      </p>
      <p className="mt-1 whitespace-pre-line">Begrunnelse: {decision.summary}</p>
      {decision.notCarriedOut ? (
        <p className="mt-1 font-medium">
          Vedtaket er ikke gjennomført her: {decision.notCarriedOut}{" "}
          {decision.followedUpAt ? "" : staff ? "Det må følges opp." : "Studieveilederen følger det opp."}
        </p>
      ) : null}
      {staff && decision.followedUpAt ? (
        <p className="mt-1 whitespace-pre-line">
          Fulgt opp {formatInstantNb(decision.followedUpAt)}
          {decision.followedUpBy ? ` av ${decision.followedUpBy.name}` : ""}: {decision.followUpNote}
        </p>
      ) : null}
      {staff && decision.registeredBy ? (
        <p className="mt-1 text-sm text-slate-700">
          Registrert av {decision.registeredBy.name} {formatInstantNb(decision.registeredAt)}.
        </p>
      ) : null}
    </div>
  );
}
