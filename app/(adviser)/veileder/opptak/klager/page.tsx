import type { Metadata } from "next";
import Link from "next/link";
import { AppealDecisionForm } from "@/components/admission/appeal-forms";
import { decisionLabel } from "@/components/admission/labels";
import { PageHeader } from "@/components/area-nav";
import { AppealsBodyDecisionForm, AppealsBodyFollowUpForm } from "@/components/appeals-body-decision-form";
import { AppealsBodyOutcomeText } from "@/components/appeals-body-outcome";
import { klageBadge, StatusBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { markAppealForwardedAction, markAppealsBodyFollowedUpAction, registerAppealsBodyDecisionAction } from "@/lib/actions/admission";
import { osloDate } from "@/lib/domain/application-deadline";
import { parseIsoDate } from "@/lib/domain/dates";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { countNoun, formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { listAppeals } from "@/lib/server/admission/queries";
import { APPEALS_BODY } from "@/lib/domain/klage";
import { requirePageRole } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { DoneMessage } from "@/components/ui/done-message";
import { APPEALS_BODY_NOT_CARRIED_OUT_MESSAGE, APPEALS_BODY_REGISTERED_MESSAGE } from "@/lib/validation/klage";
import { DocumentViewLink } from "@/components/ui/document-links";

/** What the klage is about, by the letter it names. */
const KLAGE_ON: Record<string, string> = {
  REFUSAL: "avslag",
  WAITLIST: "ventelisteplass",
  WAITLIST_MOVED: "ny plass på ventelisten",
  WAITLIST_CLOSED: "avslag da ventelisten stengte",
};

export const metadata: Metadata = { title: "Opptaksklager" };

/** What registering the klagenemnd's decision did, by the redirect's `klagenemnd`. */
const APPEALS_BODY_REGISTERED: Record<string, string> = {
  ...APPEALS_BODY_REGISTERED_MESSAGE,
  endret: "Klagenemndas vedtak er registrert og gjennomført: søkeren har fått tilbud om studieplass og nytt brev.",
  "ikke-gjennomfort": APPEALS_BODY_NOT_CARRIED_OUT_MESSAGE,
};

export default async function AppealsPage({ searchParams }: { searchParams: Promise<{ alle?: string; avgjort?: string; klagenemnd?: string }> }) {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/opptak/klager");
  const query = await searchParams;
  const all = query.alle === "1";
  const decided =
    query.avgjort === "opprettholdt"
      ? "Klagen er ikke tatt til følge. Søkeren har fått brev om at saken går til klagenemnda."
      : query.avgjort === "endret"
        ? "Klagen er tatt til følge og vedtaket endret. Søkeren har fått nytt brev."
        : query.avgjort === "delvis"
          ? "Klagen er delvis tatt til følge: søkeren har fått en bedre plass på ventelisten og nytt brev, som sier hvordan resten av klagen kan føres videre."
        : query.avgjort === "avsluttet"
          ? "Klagen ble avsluttet uten avgjørelse: søkeren har fått tilbud om plass eller trukket søknaden."
          : (APPEALS_BODY_REGISTERED[query.klagenemnd ?? ""] ?? null);
  const appeals = await listAppeals(viewer, { open: !all });
  const todayIso = osloDate(new Date());
  const today = parseIsoDate(osloDate(new Date()));
  return (
    <>
      <PageHeader
        title="Klager på vedtak om opptak"
        lead={`Eldste først. Tar du ikke klagen til følge, sendes den til ${APPEALS_BODY} (forvaltningsloven § 33).`}
      >
        <Link href={all ? "/veileder/opptak/klager" : "/veileder/opptak/klager?alle=1"} className="btn-secondary">
          {all ? "Vis bare dem som venter" : "Vis alle klager"}
        </Link>
      </PageHeader>
      {decided ? (
        <DoneMessage>
          {decided}
        </DoneMessage>
      ) : null}
      {appeals.length === 0 ? <p className="card">{all ? "Ingen klager." : "Ingen klager venter på behandling."}</p> : null}
      <ol className="space-y-6">
        {appeals.map((appeal) => {
          const age = today - parseIsoDate(osloDate(appeal.filedAt));
          const status = klageBadge(appeal, appeal.appealsBody);
          return (
            <li key={appeal.id} className="card">
              <article aria-labelledby={`klage-${appeal.id}`}>
                <h2 id={`klage-${appeal.id}`} className="flex flex-wrap items-center gap-3">
                  <span>{appeal.application.fullName ?? appeal.application.applicant.name}</span>
                  <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                </h2>
                <p className="mt-1 text-slate-700">
                  {/* The programme too: two programmes may each have a kull V2027 (a walk). */}
                  {appeal.application.cohort.programme.name}, {appeal.application.cohort.name}. Klaget {appeal.registeredBy ? formatDateNb(osloDate(appeal.filedAt)) : formatInstantNb(appeal.filedAt)} ({countNoun(age, "dag", "dager")} siden) på{" "}
                  {KLAGE_ON[appeal.letter.kind] ?? "vedtak"} fra {formatDateNb(isoDate(appeal.letter.madeAvailableOn))}. Nå:{" "}
                  {decisionLabel({ ...appeal.decision, answer: null })}. Saksnummer{" "}
                  {formatCaseReference({ year: appeal.decision.caseYear, number: appeal.decision.caseNumber })}.
                  {appeal.registeredBy ? ` Kom på e-post eller brev, registrert av ${appeal.registeredBy.name}.` : ""}
                </p>
                {appeal.lateReason ? <p className="mt-1">Kom etter klagefristen, tatt under behandling fordi: {appeal.lateReason}</p> : null}
                <p className="mt-1">
                  <Link href={`/veileder/opptak/${appeal.application.cohort.id}/soknad/${appeal.application.id}`}>
                    Åpne søknaden<span className="sr-only"> fra {appeal.application.fullName ?? appeal.application.applicant.name}</span>
                  </Link>
                </p>
                <blockquote className="mt-3 whitespace-pre-line border-l-4 border-slate-300 pl-4">{appeal.text}</blockquote>
                {appeal.document ? (
                  <p className="mt-2">
                    Vedlegg:{" "}
                    <DocumentViewLink document={appeal.document} />
                  </p>
                ) : null}
                {appeal.status === "RECEIVED" ? (
                  <div className="mt-4 border-t border-slate-200 pt-4">
                    {appeal.appealsBody.decision ? <AppealsBodyOutcomeText decision={appeal.appealsBody.decision} staff /> : null}
                    <AppealDecisionForm appealId={appeal.id} currentPosition={appeal.decision.waitlistPosition} waitlistLength={appeal.waitlistLength} offerProblem={appeal.offerProblem} />
                  </div>
                ) : (
                  <div className="mt-3">
                    <p>
                      {appeal.status === "SETTLED" ? "Avsluttet" : "Avgjort"} {appeal.decidedAt ? formatInstantNb(appeal.decidedAt) : ""}: {appeal.grounds}
                    </p>
                    {appeal.status === "UPHELD" ? (
                      appeal.forwardedAt ? (
                        <>
                          <p className="mt-1">Sendt til klagenemnda {formatInstantNb(appeal.forwardedAt)}.</p>
                          {appeal.appealsBody.decision ? <AppealsBodyOutcomeText decision={appeal.appealsBody.decision} staff earlier={appeal.appealsBody.waiting} /> : null}
                          {appeal.followUpDue ? (
                            <div className="mt-4 border-t border-slate-200 pt-4">
                              <AppealsBodyFollowUpForm action={markAppealsBodyFollowedUpAction} hidden={{ appealId: appeal.id }} />
                            </div>
                          ) : null}
                          {appeal.appealsBody.waiting ? (
                            <div className="mt-4 border-t border-slate-200 pt-4">
                              <AppealsBodyDecisionForm
                                action={registerAppealsBodyDecisionAction}
                                hidden={{ appealId: appeal.id }}
                                forwardedOn={osloDate(appeal.forwardedAt)}
                                today={todayIso}
                                reversedEffect="Søkeren får tilbud om studieplass og brev om det; er kullet fullt, får det en plass til."
                              />
                            </div>
                          ) : null}
                        </>
                      ) : (
                        <div className="mt-2">
                          <ActionButton action={markAppealForwardedAction} hidden={{ appealId: appeal.id }} className="btn-secondary">
                            Merk som sendt til klagenemnda
                          </ActionButton>
                        </div>
                      )
                    ) : null}
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
