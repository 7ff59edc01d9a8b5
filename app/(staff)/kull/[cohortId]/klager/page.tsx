import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { AppealsBodyDecisionForm, AppealsBodyFollowUpForm } from "@/components/appeals-body-decision-form";
import { AppealsBodyOutcomeText } from "@/components/appeals-body-outcome";
import { klageBadge, StatusBadge } from "@/components/status-badge";
import { StudentAppealDecisionForm } from "@/components/student-letters/appeal-decision-form";
import { ActionButton } from "@/components/ui/action-button";
import { LetterText } from "@/components/ui/letter-text";
import {
  markStudentAppealForwardedAction,
  markStudentAppealsBodyFollowedUpAction,
  markStudentAppealsBodyToldAction,
  registerStudentAppealsBodyDecisionAction,
} from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { parseIsoDate } from "@/lib/domain/dates";
import { countNoun, formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { APPEALS_BODY, refusalKlageTiming } from "@/lib/domain/klage";
import { KLAGE_HANDLER, STUDENT_LETTER_KIND_LABELS } from "@/lib/domain/student-letter";
import { listCohortAppeals } from "@/lib/server/student-letters/appeals";
import { found, loadCohortPage } from "../load";
import { DoneMessage } from "@/components/ui/done-message";
import { APPEALS_BODY_NOT_CARRIED_OUT_MESSAGE, APPEALS_BODY_REGISTERED_MESSAGE } from "@/lib/validation/klage";

export const metadata: Metadata = { title: "Klager" };

const REVERSE_LABEL = {
  ARBEIDSKRAV_NOT_APPROVED: "arbeidskravet godkjennes",
  EXAM_ADMISSION_REFUSED: "studenten meldes opp til eksamen",
  EXAM_DEFERRAL_REFUSED: "studenten får utsatt eksamen og meldes opp til den første utsatte eksamenen som ikke har startet",
  // What it means now (lib/domain/enrolment.ts leaveAfterKlage) is said above the form, and in the letter.
  LEAVE_REFUSED: "studenten får permisjonen det ble søkt om",
  KLAGE_DISMISSED: "klagen som ble avvist, tas under behandling og venter her på en avgjørelse",
} as const;

/** What the decision, or the registered decision of the klagenemnd, just did, from the address the action sent the browser to. */
function decidedMessage(value: string | undefined, appealsBody: string | undefined): string | null {
  if (appealsBody === "beskjed") return "Registrert: klagenemnda har fått beskjed om at vedtaket er endret.";
  if (appealsBody && Object.hasOwn(APPEALS_BODY_REGISTERED_MESSAGE, appealsBody)) return APPEALS_BODY_REGISTERED_MESSAGE[appealsBody as keyof typeof APPEALS_BODY_REGISTERED_MESSAGE];
  if (appealsBody === "ikke-gjennomfort") return APPEALS_BODY_NOT_CARRIED_OUT_MESSAGE;
  const carried = appealsBody?.match(/^endret-(\d+)$/);
  if (carried) {
    const letters = Number(carried[1]);
    return `Klagenemndas vedtak er registrert og gjennomført. ${letters === 1 ? "Studenten har" : `${letters} studenter har`} fått brev.`;
  }
  if (value === "opprettholdt") return "Klagen er ikke tatt til følge. Studenten har fått brev om at saken går til klagenemnda.";
  const reversed = value?.match(/^endret-(\d+)$/);
  if (!reversed) return null;
  const letters = Number(reversed[1]);
  return `Klagen er tatt til følge, og vedtaket er endret. ${letters === 1 ? "Studenten har" : `${letters} studenter har`} fått brev.`;
}

export default async function CohortAppealsPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<{ alle?: string; avgjort?: string; klagenemnd?: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params, "/klager");
  const query = await searchParams;
  const all = query.alle === "1";
  const decided = decidedMessage(query.avgjort, query.klagenemnd);
  const appeals = await found(listCohortAppeals(viewer, cohort.id, { open: !all }));
  const todayIso = osloDate(new Date());
  const today = parseIsoDate(todayIso);
  const base = `/kull/${cohort.id}/klager`;
  return (
    <>
      <PageHeader
        title={`Klager, ${cohort.name}`}
        lead={`Klager på vedtak om arbeidskrav, adgang til eksamen, utsatt eksamen, permisjon og avvisning av en klage som kom for sent, eldste først. Den som fattet vedtaket, avgjør aldri klagen: klager på arbeidskrav avgjøres av en annen faglærer i undervisningsteamet, helst fagansvarlig, de andre av en studieveileder. Tas klagen ikke til følge, går den til ${APPEALS_BODY}.`}
      >
        <Link href={all ? base : `${base}?alle=1`} className="btn-secondary">
          {all ? "Vis bare dem som venter" : "Vis alle klager"}
        </Link>
      </PageHeader>
      {decided ? (
        <DoneMessage>
          {decided}
        </DoneMessage>
      ) : null}
      {appeals.length === 0 ? <p className="card">{all ? "Ingen klager i dette kullet." : "Ingen klager venter på behandling."}</p> : null}
      <ol className="space-y-6">
        {appeals.map((appeal) => {
          const age = today - parseIsoDate(osloDate(appeal.filedAt));
          const status = klageBadge(appeal, appeal.appealsBody);
          const kind = appeal.letter.kind as keyof typeof REVERSE_LABEL;
          return (
            <li key={appeal.id} className="card">
              <article aria-labelledby={`klage-${appeal.id}`}>
                <h2 id={`klage-${appeal.id}`} className="flex flex-wrap items-center gap-3">
                  <span>{appeal.enrolment.user.name}</span>
                  <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                </h2>
                <p className="mt-1 text-slate-700">
                  {STUDENT_LETTER_KIND_LABELS[appeal.letter.kind]}: «{appeal.letter.subject}», {formatDateNb(appeal.letter.madeAvailableOn)}, fattet av{" "}
                  {appeal.letter.decidedBy.name}. Klaget {appeal.registeredBy ? formatDateNb(osloDate(appeal.filedAt)) : formatInstantNb(appeal.filedAt)} ({age === 0 ? "i dag" : `${countNoun(age, "dag", "dager")} siden`}).
                  {appeal.registeredBy ? ` Kom på e-post eller brev, registrert av ${appeal.registeredBy.name}.` : ""}
                </p>
                {appeal.lateReason ? <p className="mt-1">Kom etter klagefristen, tatt under behandling fordi: {appeal.lateReason}</p> : null}
                {appeal.text === null || appeal.letter.body === null ? (
                  <p className="mt-3">
                    {appeal.letter.kind === "KLAGE_DISMISSED"
                      ? "Klagen gjelder en avvisning av en klage som kom for sent, og kan ha helseopplysninger (hvorfor den kom for sent)."
                      : "Klagen gjelder et avslag på utsatt eksamen eller permisjon og kan ha helseopplysninger."}{" "}
                    Bare studieveiledere som behandler slike saker, ser klagen og vedtaket.
                  </p>
                ) : (
                  <>
                    <blockquote className="mt-3 whitespace-pre-line border-l-4 border-slate-300 pl-4">{appeal.text}</blockquote>
                    <details className="mt-3 rounded-md border border-slate-300 p-3">
                      <summary className="cursor-pointer font-medium">Vedtaket det klages på</summary>
                      <p className="mt-2">
                        <a href={`/api/student/brev/${appeal.letter.id}`}>
                          Last ned vedtaket som PDF<span className="sr-only">: {appeal.enrolment.user.name}</span>
                        </a>
                      </p>
                      <LetterText text={appeal.letter.body} className="mt-2 text-sm" headingLevel={3} />
                    </details>
                  </>
                )}
                {appeal.status === "RECEIVED" ? (
                  <div className="mt-4 border-t border-slate-200 pt-4">
                    {appeal.appealsBody.decision ? <AppealsBodyOutcomeText decision={appeal.appealsBody.decision} staff /> : null}
                    {appeal.sitting ? <p className="mb-3 font-medium">{refusalKlageTiming(appeal.sitting, todayIso)}</p> : null}
                    {appeal.canDecide ? (
                      <>
                        {appeal.reversePreview ? <p className="mb-3">{appeal.reversePreview}</p> : null}
                        <StudentAppealDecisionForm cohortId={cohort.id} appealId={appeal.id} reverseLabel={REVERSE_LABEL[kind] ?? "vedtaket endres"} />
                      </>
                    ) : (
                      <>
                        <p>{appeal.whoDecides}</p>
                        {appeal.nobodyMayDecide ? (
                          <p className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
                            {appeal.nobodyMayDecide}
                            {KLAGE_HANDLER[appeal.letter.kind] === "TEACHING_TEAM" ? (
                              <>
                                {" "}
                                <Link href={`/kull/${cohort.id}/team`}>Gå til Team</Link>
                              </>
                            ) : null}
                          </p>
                        ) : null}
                      </>
                    )}
                  </div>
                ) : (
                  <div className="mt-3 space-y-2">
                    <p>
                      {appeal.status === "DISMISSED" ? "Avvist (kom for sent)" : "Avgjort"} {appeal.decidedAt ? formatInstantNb(appeal.decidedAt) : ""}
                      {appeal.decidedBy ? ` av ${appeal.decidedBy.name}` : ""}: {appeal.grounds}
                    </p>
                    {appeal.status === "UPHELD" ? (
                      appeal.forwardedAt ? (
                        <>
                          <p>Sendt til klagenemnda {formatInstantNb(appeal.forwardedAt)}.</p>
                          {appeal.appealsBody.decision ? <AppealsBodyOutcomeText decision={appeal.appealsBody.decision} staff earlier={appeal.appealsBody.waiting} /> : null}
                          {appeal.appealsBodyTell ? (
                            appeal.appealsBodyTell.toldAt ? (
                              <p>
                                Vedtaket ble endret til studentens gunst {formatInstantNb(appeal.appealsBodyTell.changedAt)}. Klagenemnda fikk beskjed{" "}
                                {formatInstantNb(appeal.appealsBodyTell.toldAt)}
                                {appeal.appealsBodyTell.toldBy ? ` (registrert av ${appeal.appealsBodyTell.toldBy})` : ""}.
                              </p>
                            ) : appeal.appealsBodyTell.due ? (
                              <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
                                <p>
                                  <strong>Gi klagenemnda beskjed:</strong> vedtaket i saken ble endret til studentens gunst{" "}
                                  {formatInstantNb(appeal.appealsBodyTell.changedAt)}, mens klagen er hos {APPEALS_BODY.charAt(0).toLowerCase() + APPEALS_BODY.slice(1)}. Si fra til
                                  klagenemnda, så den ikke avgjør et vedtak som ikke lenger står.
                                </p>
                                {appeal.canTellAppealsBody ? (
                                  <div className="mt-3">
                                    <ActionButton
                                      action={markStudentAppealsBodyToldAction}
                                      hidden={{ cohortId: cohort.id, appealId: appeal.id }}
                                      className="btn-secondary"
                                      context={`(klagen fra ${appeal.enrolment.user.name})`}
                                    >
                                      Klagenemnda har fått beskjed
                                    </ActionButton>
                                  </div>
                                ) : (
                                  <p className="mt-2">Studieveilederen gir klagenemnda beskjed og registrerer det her.</p>
                                )}
                              </div>
                            ) : null
                          ) : null}
                          {appeal.canFollowUp ? (
                            <div className="mt-4 border-t border-slate-200 pt-4">
                              <AppealsBodyFollowUpForm action={markStudentAppealsBodyFollowedUpAction} hidden={{ cohortId: cohort.id, appealId: appeal.id }} />
                            </div>
                          ) : null}
                          {appeal.canRegisterAppealsBody ? (
                            <div className="mt-4 border-t border-slate-200 pt-4">
                              <AppealsBodyDecisionForm
                                action={registerStudentAppealsBodyDecisionAction}
                                hidden={{ cohortId: cohort.id, appealId: appeal.id }}
                                forwardedOn={osloDate(appeal.forwardedAt)}
                                today={todayIso}
                                reversedEffect={
                                  appeal.appealsBodyTell
                                    ? "Vedtaket er allerede endret her til studentens gunst, så det er ingenting mer å gjennomføre: klagenemndas vedtak registreres, og saken avsluttes."
                                    : `Det betyr at ${REVERSE_LABEL[kind] ?? "vedtaket endres"}, og studenten får brev om det.`
                                }
                              />
                            </div>
                          ) : appeal.appealsBody.waiting ? (
                            <p>Studieveilederen registrerer klagenemndas vedtak når det kommer.</p>
                          ) : null}
                        </>
                      ) : appeal.canForward ? (
                        <ActionButton
                          action={markStudentAppealForwardedAction}
                          hidden={{ cohortId: cohort.id, appealId: appeal.id }}
                          className="btn-secondary"
                          context={`(klagen fra ${appeal.enrolment.user.name})`}
                        >
                          Merk som sendt til klagenemnda
                        </ActionButton>
                      ) : null
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
