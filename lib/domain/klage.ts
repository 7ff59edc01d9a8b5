/**
 * The deadline for a klage (appeal) on an individual decision (enkeltvedtak).
 *
 * Forvaltningsloven § 29: the klage deadline is three weeks from the time notice of the decision
 * reached the party. A deadline in weeks ends on the same weekday as the day it started
 * (domstolloven § 148), so three weeks from a Monday end on the Monday three weeks later: 21 days.
 * Here the notice reaches the applicant on the day the letter was made available in the portal.
 * A last day on a Saturday, Sunday or public holiday moves to the next working day
 * (domstolloven § 149).
 */
import { noonInOslo, osloDate } from "./application-deadline";
import { addDays, addMonths, compareIsoDates, parseIsoDate } from "./dates";
import { formatDateNb } from "./format";
import { nextWorkingDay } from "./holidays";
import { formatDateSpanNb } from "./schedule";

export const KLAGE_PERIOD_DAYS = 21;

/** Where a klage the decision-makers do not take goes: NTNU's appeals committee. */
export const APPEALS_BODY = "Den sentrale klagenemnda ved NTNU";

/** The last day on which a klage is in time ("YYYY-MM-DD"). RangeError for a bad date. */
export function klageDeadline(madeAvailableOn: string): string {
  parseIsoDate(madeAvailableOn, "madeAvailableOn");
  return nextWorkingDay(addDays(madeAvailableOn, KLAGE_PERIOD_DAYS));
}

/** A klage filed on `filedOn` (the Oslo calendar date) is in time when it is on or before the deadline. */
export function isKlageInTime(madeAvailableOn: string, filedOn: string): boolean {
  return compareIsoDates(filedOn, klageDeadline(madeAvailableOn)) <= 0;
}

export type KlageRegistration =
  | { ok: true; dismissed: false; late: boolean; lateReason: string | null }
  /** Came after the deadline and not taken up: avvist, with why (the avvisning's grounds). */
  | { ok: true; dismissed: true; grounds: string; yearPassed: boolean }
  | { ok: false; field: "receivedOn" | "lateReason" | "dismissalGrounds"; message: string };

/**
 * A klage that came by e-mail or post, registered by staff (forvaltningsloven § 32 asks only that
 * it is in writing). `receivedOn` is the day it was made: the day an e-mail came, and for a letter
 * the day it was posted (§ 30: a klage posted before the deadline is in time). It is neither after
 * today nor before the decision was made available. One made after the deadline is either taken up
 * with why (`lateReason`; § 31: the party cannot be blamed for the delay, or there are special
 * reasons) or avvist with why (`dismissalGrounds`; § 33 andre ledd): one of the two, never both.
 * More than a year after the decision it can only be avvist (§ 31 third paragraph). An avvisning
 * is an enkeltvedtak (§ 2 third paragraph), with a letter and a klage right of its own. A klage in
 * time is never avvist for lateness, and a reason given for one in time is not kept (there is
 * nothing to excuse).
 */
export function klageRegistration(input: {
  receivedOn: string;
  today: string;
  madeAvailableOn: string;
  lateReason: string | null;
  /** Null: the klage is not avvist (for a party whose late klage cannot be avvist here, always null). */
  dismissalGrounds?: string | null;
}): KlageRegistration {
  if (compareIsoDates(input.receivedOn, input.today) > 0) return { ok: false, field: "receivedOn", message: "Datoen kan ikke være etter i dag." };
  if (compareIsoDates(input.receivedOn, input.madeAvailableOn) < 0) {
    return { ok: false, field: "receivedOn", message: `Vedtaket ble gjort tilgjengelig ${formatDateNb(input.madeAvailableOn)}. Klagen kan ikke ha kommet før det.` };
  }
  const late = !isKlageInTime(input.madeAvailableOn, input.receivedOn);
  const reason = input.lateReason?.trim() || null;
  const dismissal = input.dismissalGrounds?.trim() || null;
  const deadline = formatDateNb(klageDeadline(input.madeAvailableOn));
  if (!late) {
    if (dismissal) {
      return { ok: false, field: "dismissalGrounds", message: `Klagen kom innen klagefristen ${deadline}, så den kan ikke avvises som for sen. Registrer den uten begrunnelse for avvisning.` };
    }
    return { ok: true, dismissed: false, late: false, lateReason: null };
  }
  const yearPassed = compareIsoDates(input.receivedOn, addMonths(input.madeAvailableOn, 12)) > 0;
  if (reason && dismissal) {
    return { ok: false, field: "lateReason", message: "Velg én av delene: skriv enten hvorfor klagen tas under behandling, eller hvorfor den avvises." };
  }
  if (yearPassed && !dismissal) {
    const yearMessage = `Det var gått mer enn ett år siden vedtaket (${formatDateNb(input.madeAvailableOn)}), og da kan klagen ikke tas under behandling (forvaltningsloven § 31 tredje ledd).`;
    return input.dismissalGrounds === undefined
      ? { ok: false, field: "receivedOn", message: yearMessage }
      : { ok: false, field: "dismissalGrounds", message: `${yearMessage} Den må avvises: skriv begrunnelsen for avvisningen.` };
  }
  if (dismissal) return { ok: true, dismissed: true, grounds: dismissal, yearPassed };
  if (!reason) {
    return {
      ok: false,
      field: "lateReason",
      message:
        input.dismissalGrounds === undefined
          ? `Klagen kom etter klagefristen ${deadline}. Skriv hvorfor den likevel tas under behandling (forvaltningsloven § 31), eller la være å registrere den.`
          : `Klagen kom etter klagefristen ${deadline}. Skriv hvorfor den likevel tas under behandling (forvaltningsloven § 31), eller hvorfor den avvises.`,
    };
  }
  return { ok: true, dismissed: false, late: true, lateReason: reason };
}

/**
 * The instant a registered klage is filed at: now when it came today, else noon (Oslo) of the day
 * it came, so it sorts among that day's klager and its Oslo date is the day.
 */
export function registeredFiledAt(receivedOn: string, now: Date): Date {
  return receivedOn === osloDate(now) ? now : noonInOslo(receivedOn);
}

/**
 * A grade's own rights (universitets- og høyskoleloven): the student may ask for its grounds
 * (begrunnelse) within one week of learning it, and klage on it within three weeks; when she has
 * asked for the grounds, the klage period runs from when she got them. A klage is judged anew by
 * new examiners, and the new grade may be higher or lower. The days count as a klage deadline does
 * (the last day moves past weekends and holidays). `knownOn` is the Oslo day the grade was published
 * to the student (the sitting's publication, or a grade set after it).
 */
export const GRADE_GROUNDS_DAYS = 7;

export interface GradeRights {
  knownOn: string;
  /** The last day to ask for the grounds. */
  groundsBy: string;
  /** The last day to klage (without having asked for the grounds). */
  klageBy: string;
}

export function gradeRights(knownOn: string): GradeRights {
  parseIsoDate(knownOn, "knownOn");
  return { knownOn, groundsBy: nextWorkingDay(addDays(knownOn, GRADE_GROUNDS_DAYS)), klageBy: klageDeadline(knownOn) };
}

/** Whether the rights are still to be used on `today` (the klage period has not ended). */
export function gradeRightsOpen(rights: GradeRights, today: string): boolean {
  return compareIsoDates(today, rights.klageBy) <= 0;
}

/** The rights in the student's words, with whom to write to (the programme's study adviser). */
export function gradeRightsText(rights: GradeRights, adviser: { name: string; email: string }): string {
  return (
    `Du har rett til å få en begrunnelse for karakteren. Be om den innen ${formatDateNb(rights.groundsBy)}. ` +
    `Du kan klage på karakteren innen ${formatDateNb(rights.klageBy)}; har du bedt om begrunnelse, regnes klagefristen fra du fikk den. ` +
    "Ved klage vurderer nye sensorer besvarelsen på nytt, og karakteren kan bli både bedre og dårligere. " +
    `Send ønsket om begrunnelse eller klagen skriftlig til ${adviser.name}, ${adviser.email}.`
  );
}

/**
 * What the klageinstans decided on a klage we sent it (forvaltningsloven § 34), as its letter
 * says: it stood by the decision (stadfestet: final, § 28 third paragraph), changed it in the
 * party's favour (omgjort: we carry it out), or quashed it and sent the case back (opphevet: we
 * decide the klage again, and may send it on again), or closed the case without deciding it
 * (hevet: the decision no longer stands, changed here in the party's favour, or the klage was
 * withdrawn; there is nothing to carry out).
 */
export type AppealsBodyOutcome = "UPHELD" | "REVERSED" | "QUASHED" | "CLOSED";

export const APPEALS_BODY_OUTCOME_NB: Record<AppealsBodyOutcome, string> = {
  UPHELD: "Klagen ble ikke tatt til følge. Vedtaket står, og det er endelig.",
  REVERSED: "Klagen ble tatt til følge, og vedtaket er endret.",
  QUASHED: "Vedtaket ble opphevet, og saken er sendt tilbake til ny behandling.",
  CLOSED: "Saken ble avsluttet uten at klagenemnda avgjorde den, fordi vedtaket klagen gjaldt, ikke står lenger (eller klagen ble trukket).",
};

/** The short label of an outcome (badges, lists). */
export const APPEALS_BODY_OUTCOME_LABEL: Record<AppealsBodyOutcome, string> = {
  UPHELD: "Stadfestet av klagenemnda",
  REVERSED: "Tatt til følge av klagenemnda",
  QUASHED: "Opphevet av klagenemnda",
  CLOSED: "Avsluttet av klagenemnda",
};

/**
 * Whether the klageinstans's decision of `decidedOn` can be registered: it was made on or after the
 * day we sent it the case, and not after today. Null: it can; else the message for the date field.
 */
export function appealsBodyDecisionProblem(input: { decidedOn: string; forwardedOn: string; today: string }): string | null {
  if (compareIsoDates(input.decidedOn, input.today) > 0) return "Datoen kan ikke være etter i dag.";
  if (compareIsoDates(input.decidedOn, input.forwardedOn) < 0) return "Datoen er før klagen ble sendt til klagenemnda. Skriv datoen på klagenemndas vedtak.";
  return null;
}

/** The klageinstans's decision as a letter that carries it out names it ("… i vedtak av 3. mai 2027, saksnummer 27/123"). */
export function appealsBodyDecisionRef(decision: { decidedOn: string; reference: string | null }): string {
  return `i vedtak av ${formatDateNb(decision.decidedOn)}${decision.reference ? `, saksnummer ${decision.reference}` : ""}`;
}

/**
 * Where a klage stands with the klagenemnd, from the klage and its registered decisions (newest
 * first): `waiting` while it is sent and its current sending is not answered; `decision` the
 * latest decision (after a quashing and a new sending, the quashing), or null.
 */
export function appealsBodyStanding<D extends { forwardedAt: Date }>(
  klage: { status: string; forwardedAt: Date | null },
  decisions: readonly D[],
): { waiting: boolean; decision: D | null } {
  const latest = decisions[0] ?? null;
  const answered = latest !== null && klage.forwardedAt !== null && latest.forwardedAt.getTime() === klage.forwardedAt.getTime();
  return { waiting: klage.status === "UPHELD" && klage.forwardedAt !== null && !answered, decision: latest };
}

/**
 * The klagenemnd's decision that settled a case on its merits, or null: the latest decision on one
 * of the klager about it (`decisions` newest first) that answers the klage as last sent, stadfestet
 * or omgjort. The decision is then the klageinstans's, final (§ 28 third paragraph), and we may
 * not change it: forvaltningsloven § 35 lets an organ reverse only its own decisions. An opphevet
 * one sends the case back to be decided here; a hevet one decided nothing, and the decision is
 * ours as it stands.
 */
export function appealsBodySettled<D extends { forwardedAt: Date; outcome: AppealsBodyOutcome }>(
  klager: readonly { status: string; forwardedAt: Date | null; decisions: readonly D[] }[],
): D | null {
  for (const klage of klager) {
    const { waiting, decision } = appealsBodyStanding(klage, klage.decisions);
    if (waiting || !decision || decision.outcome === "QUASHED" || decision.outcome === "CLOSED" || klage.forwardedAt === null) continue;
    if (decision.forwardedAt.getTime() === klage.forwardedAt.getTime()) return decision;
  }
  return null;
}

/**
 * Why the fagansvarlig may not correct an assessment to `to` because of the klagenemnd, or null:
 * - it has settled the assessment (appealsBodySettled): never away from what it decided (from
 *   «ikke godkjent» after a stadfestet, from «godkjent» after an omgjort). Toward it, yes: an
 *   assessment approved here while the klage waited there, then stadfestet, may be corrected back
 *   (after a forhåndsvarsel), and that only carries out the klagenemnd's decision;
 * - a klage on it waits there: only in the student's favour (to "godkjent"), which is still our
 *   own decision to make (§ 35 first paragraph a); against her, the klagenemnd decides.
 */
export function appealsBodyCorrectionBar(
  klager: readonly { status: string; forwardedAt: Date | null; decisions: readonly { forwardedAt: Date; outcome: AppealsBodyOutcome; decidedOn: string; reference: string | null }[] }[],
  to: "APPROVED" | "NOT_APPROVED",
): string | null {
  const settled = appealsBodySettled(klager);
  if (settled && (settled.outcome === "UPHELD" ? to === "APPROVED" : to === "NOT_APPROVED")) {
    const what = settled.outcome === "UPHELD" ? "stadfestet vurderingen" : "tatt klagen på vurderingen til følge";
    return `${APPEALS_BODY} har ${what} ${appealsBodyDecisionRef(settled)}. Vedtaket er klagenemndas og endelig, og det kan ikke rettes her (forvaltningsloven § 35). Mener du det er feil, ta det opp med klagenemnda.`;
  }
  if (to === "NOT_APPROVED" && klager.some((klage) => appealsBodyStanding(klage, klage.decisions).waiting)) {
    return `En klage på vurderingen er sendt til ${APPEALS_BODY}. Mens klagenemnda behandler den, kan vurderingen ikke rettes til ikke godkjent.`;
  }
  return null;
}

/** Said to the fagansvarlig who approves an assessment while a klage on it waits at the klagenemnd. */
export const APPEALS_BODY_TOLD =
  "En klage på vurderingen er hos klagenemnda. Klagen står under Klager med beskjed om at vurderingen er rettet til godkjent, til studieveilederen har gitt klagenemnda beskjed, så den vet at vedtaket er endret.";

/**
 * Whether the klagenemnd is still to be told that the decision a klage waiting there is about was
 * changed here in the student's favour (StudentAppeal.decisionChangedAt): a task on the klager
 * list until the study administration says it has told it. Once the klagenemnd has decided, there
 * is nothing left to tell.
 */
export function appealsBodyToBeTold(klage: { waiting: boolean; decisionChangedAt: Date | null; appealsBodyToldAt: Date | null }): boolean {
  return klage.waiting && klage.decisionChangedAt !== null && klage.appealsBodyToldAt === null;
}

/**
 * A reversal by the klagenemnd that could not be carried out here (AppealsBodyDecision.notCarriedOut)
 * and that nobody has followed up yet: a task on the open klager list until someone says what was
 * done instead.
 */
export function appealsBodyFollowUpDue(standing: { waiting: boolean; decision: { notCarriedOut?: string | null; followedUpAt?: Date | null } | null }): boolean {
  return !standing.waiting && Boolean(standing.decision?.notCarriedOut) && !standing.decision?.followedUpAt;
}

/**
 * Where a party's klage on a decision stands, as her start page says it: waiting here
 * (RECEIVED, also after the klagenemnd quashed it and sent it back); not taken here, so with the
 * klagenemnd or about to be sent there (AT_APPEALS_BODY); stadfestet by the klagenemnd (FINAL);
 * avvist because it came after the deadline (DISMISSED: the decision stands, and the avvisning
 * has a klage right of its own). Null when it changed the decision (taken here, or omgjort there)
 * or was settled otherwise (the klagenemnd closed the case without deciding it: hevet).
 */
export type KlageStage = "RECEIVED" | "AT_APPEALS_BODY" | "FINAL" | "DISMISSED";

export function klageStage<D extends { forwardedAt: Date; outcome: AppealsBodyOutcome }>(klage: {
  status: string;
  forwardedAt: Date | null;
  /** The klagenemnd's decisions on it, newest first. */
  decisions: readonly D[];
}): KlageStage | null {
  if (klage.status === "RECEIVED") return "RECEIVED";
  if (klage.status === "DISMISSED") return "DISMISSED";
  if (klage.status !== "UPHELD") return null;
  const { waiting, decision } = appealsBodyStanding(klage, klage.decisions);
  if (waiting || !decision || klage.forwardedAt === null || decision.forwardedAt.getTime() !== klage.forwardedAt.getTime()) return "AT_APPEALS_BODY";
  return decision.outcome === "UPHELD" ? "FINAL" : null;
}

/**
 * For the one who decides a klage on «ikke adgang til eksamen»: the sitting it is about, and
 * whether it can still be decided in time for the student to sit it. Its klage deadline can be the
 * sitting's first day (a walk); taken after the sitting is over, she is not registered for it
 * (lib/server/exams/refusal.ts admitAfterKlage).
 */
export function refusalKlageTiming(
  sitting: {
    startsOn: string;
    endsOn: string;
    /**
     * Whether the student meets the requirements now, by what is registered (evaluateEligibility):
     * then the refusal has lost its ground and the klage is to be taken; if not, it can be taken
     * only once the facts it is right about are corrected (admitAfterKlage). Unknown: nothing said.
     */
    meetsRequirements?: boolean;
  },
  today: string,
): string {
  parseIsoDate(today, "today");
  const when = formatDateSpanNb([sitting.startsOn, sitting.endsOn]);
  const requirements =
    sitting.meetsRequirements === undefined
      ? ""
      : sitting.meetsRequirements
        ? " Studenten fyller nå kravene til oppmøte og arbeidskrav, så vedtaket har ikke lenger grunnlag: ta klagen til følge."
        : " Etter det som er registrert, fyller studenten ennå ikke kravene: er klagen riktig, rett først oppmøtet eller vurderingen den gjelder.";
  if (today < sitting.startsOn) {
    const days = parseIsoDate(sitting.startsOn) - parseIsoDate(today);
    return `Klagen gjelder eksamen ${when}, som starter ${days === 1 ? "i morgen" : `om ${days} dager`}. Tas den til følge før det, blir studenten meldt opp og kan gå opp.${requirements}`;
  }
  if (today <= sitting.endsOn) {
    return `Klagen gjelder eksamen ${when}, som ${today === sitting.startsOn ? "starter i dag" : "har startet"}. Tas den til følge før innleveringsfristen, blir studenten meldt opp.${requirements}`;
  }
  return `Klagen gjelder eksamen ${when}, som er over. Tas den til følge, regnes den ikke som et forsøk for studenten, som kan melde seg opp til ny eksamen.${requirements}`;
}

/**
 * For the kull's staff, beside a decision a student may klage on (a final «ikke godkjent» on the
 * submission page): where her klage stands, in one sentence. `stage` is klageStage of her klage;
 * `filed` false when she has made none. A klage after the deadline can still come (and be taken
 * up under forvaltningsloven § 31), so a passed deadline is said as a fact, not as the end.
 */
export function klageStandingForStaff(input: {
  filed: boolean;
  stage: KlageStage | null;
  klageDeadline: string | null;
  today: string;
  /** At the klagenemnd, and the decision changed here since: whether it has been told (StudentAppeal.appealsBodyToldAt). */
  changedSince?: { told: boolean } | null;
  /** The day a klage not taken was sent to the klagenemnd (Oslo date), or null while it is still to be sent. */
  forwardedOn?: string | null;
  /** Its last registered decision there (stage null after a hevet: the case closed undecided). */
  appealsBodyOutcome?: AppealsBodyOutcome | null;
}): string {
  parseIsoDate(input.today, "today");
  if (!input.filed) {
    if (input.klageDeadline === null) return "Ingen klage.";
    return compareIsoDates(input.today, input.klageDeadline) <= 0
      ? `Ingen klage ennå; klagefristen er ${formatDateNb(input.klageDeadline)}.`
      : `Ingen klage kom innen klagefristen ${formatDateNb(input.klageDeadline)}.`;
  }
  switch (input.stage) {
    case "RECEIVED":
      return "Har klaget; klagen venter på behandling under Klager.";
    case "AT_APPEALS_BODY":
      if (input.changedSince) {
        return input.changedSince.told
          ? "Klagen er hos klagenemnda. Vedtaket er endret her siden, og klagenemnda har fått beskjed."
          : "Klagen er hos klagenemnda. Vedtaket er endret her siden, og studieveilederen gir klagenemnda beskjed under Klager.";
      }
      return input.forwardedOn
        ? `Klagen ble ikke tatt til følge og ble sendt til klagenemnda ${formatDateNb(input.forwardedOn)}.`
        : "Klagen ble ikke tatt til følge, og den skal sendes til klagenemnda.";
    case "FINAL":
      return "Klagenemnda har stadfestet vedtaket, og det er endelig.";
    case "DISMISSED":
      return "Klagen kom etter klagefristen og ble avvist.";
    case null:
      return input.appealsBodyOutcome === "CLOSED" ? "Klagenemnda avsluttet saken uten å avgjøre den (hevet)." : "Klagen er avgjort.";
  }
}
