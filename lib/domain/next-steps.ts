/**
 * What a student should do next to sit the exam, in concrete sentences, most pressing first:
 * "Du kan være borte høyst 2 dager til", "Ledertreningsoppgave 1 er ikke godkjent: lever på nytt
 * innen 15. mars", "Neste samling: 15.–16. desember (uke 51), NTNU, Trondheim". The verdict
 * itself comes from evaluateEligibility; this turns it and the plan into steps.
 */
import { attendanceProgress, attendanceWarning } from "./attendance-progress";
import { whomToContact, type StudentContacts } from "./contacts";
import { addDays, datePartsOf, parseIsoDate } from "./dates";
import type { ArbeidskravStatus, Eligibility } from "./eligibility";
import { EXAM_KIND_LABELS, type ExamKind } from "./exam-sittings";
import type { KlageStage } from "./klage";
import { formatOsloClockNb } from "./exam-time";
import { countNoun, joinNb } from "./format";
import { describeSamlingDates, formatDateSpanNb, formatWeeksNb, nextSamling, type ScheduledSamling } from "./schedule";

export interface NextStepsInput {
  today: string;
  eligibility: Eligibility;
  arbeidskrav: {
    id: string;
    number: number;
    title: string;
    status: ArbeidskravStatus;
    /** The deadline of the next hand-in (coursework.ts: nextHandInDeadline). */
    deadline: string;
    /** "Ikke godkjent" on the final attempt: no new hand-in; on a required item an enkeltvedtak under Brev instead. */
    final?: boolean;
    /** False for an optional extra: its final "ikke godkjent" decides nothing and asks nothing of her. */
    required?: boolean;
    /** The final "ikke godkjent"'s letter, while she has not opened it: the step leads there. */
    decisionLetterId?: string | null;
    /** Her klage on the final "ikke godkjent", where it stands (null: none filed). */
    klage?: KlageStage | null;
    /** A forhåndsvarsel that the approval may be corrected (lib/domain/correction-notice.ts), undecided. */
    notice?: { respondBy: string; responded: boolean; /** The notice's letter, where she speaks. */ letterId?: string } | null;
  }[];
  samlinger: ScheduledSamling[];
  /**
   * The sitting in focus (lib/domain/exam-sittings.ts sittingInFocus). `refused`: "ikke adgang til
   * eksamen" was decided (an enkeltvedtak under Brev). `publishedGrade`: the grade that counts, of
   * the published sittings. `kind` and the times, when known, say which sitting and when it starts
   * and must be handed in.
   */
  exam: {
    startsOn: string;
    endsOn: string;
    registered: boolean;
    refused?: boolean;
    /** The refusal's letter, while she has not opened it: the step leads there. */
    refusalLetterId?: string | null;
    /** Her klage on the refusal, where it stands (null: none filed). */
    refusalKlage?: KlageStage | null;
    publishedGrade: string | null;
    kind?: ExamKind;
    startsAt?: Date;
    handInAt?: Date;
  } | null;
  /** A ny eksamen the student may register for now, with its last day to register. */
  resit?: { startsOn: string; endsOn: string; registrationClosesOn: string } | null;
  contacts: StudentContacts;
  /**
   * On leave (ON_LEAVE), until the leave's last day: she cannot hand in before it is over, so no
   * hand-in is asked of her now (a walk: «lever så snart du kan» linked a page that refused it).
   */
  onLeave?: { until: string } | null;
  /**
   * Her letters about this kull (and the kull she moved on from) she has not opened yet, newest
   * first. `klageDeadline`: an enkeltvedtak's last day to klage (StudentLetter.klageDeadline).
   */
  newLetters?: readonly { id: string; subject: string; klageDeadline?: string | null }[];
}

const KLAGE_STAGE_TEXT: Record<KlageStage, string> = {
  RECEIVED: "Du har klaget på vedtaket, og klagen er under behandling.",
  AT_APPEALS_BODY: "Klagen din ble ikke tatt til følge her, og den går til klagenemnda, som avgjør den endelig.",
  FINAL: "Klagenemnda har stadfestet vedtaket, og det er endelig.",
  // Not «du kan klage på det»: the avvisning's own deadline may have passed, or a klage on it be
  // decided; its letter under Brev says which.
  DISMISSED: "Klagen din kom etter klagefristen og ble avvist, så vedtaket står. Vedtaket om avvisningen står under Brev.",
};

/**
 * To a refused student who meets the requirements now (an arbeidskrav approved after a klage, a
 * correction), the sitting not yet over: the refusal stands until it is lifted, and how it will be.
 * One text for her home page and the e-mail that tells her of the change (lib/server/standings),
 * so the two tell one story. `klage`: her klage on the refusal, where it stands; undefined where
 * the caller does not know (the e-mail), which then says only what holds in every case.
 * - waiting here: the adviser takes it (KLAGE_HANDLER), which registers her (admitAfterKlage);
 * - otherwise she is registered, which lifts it by letter (supersedeRefusal); a klage at the
 *   klagenemnd is told of it there.
 */
export function refusalNoLongerMetText(sitting: string, klage?: KlageStage | null): string {
  const stands = `Du oppfyller nå kravene for å gå opp til ${sitting}, men vedtaket om at du ikke får gå opp, gjelder til det er opphevet.`;
  if (klage === "RECEIVED") {
    return `${stands} Studieveilederen opphever det ved å ta klagen din til følge: da blir du meldt opp, og du får et brev om det.`;
  }
  const lifted = `${stands} Det blir opphevet når du blir meldt opp, og du får et brev om det.`;
  return klage === "AT_APPEALS_BODY" ? `${lifted} Klagenemnda, som har klagen din, får beskjed om det.` : lifted;
}

/** urgent: the exam is at stake; todo: something to do; info: good to know. */
export type NextStepTone = "urgent" | "todo" | "info";

export type NextStepTarget =
  | { kind: "arbeidskrav"; id: string }
  | { kind: "arbeidskrav-list" }
  | { kind: "attendance" }
  | { kind: "schedule" }
  | { kind: "exam" }
  | { kind: "contacts" }
  | { kind: "letters" }
  | { kind: "letter"; id: string };

export interface NextStep {
  key: string;
  tone: NextStepTone;
  text: string;
  target: NextStepTarget;
}

const TONE_ORDER: Record<NextStepTone, number> = { urgent: 0, todo: 1, info: 2 };

/** Hand-ins due further off than this (days) are listed together, after the first of them. */
export const LATER_DAYS = 42;

export function studentNextSteps(input: NextStepsInput): NextStep[] {
  const { today, eligibility, contacts } = input;
  parseIsoDate(today, "today");
  const year = datePartsOf(today).year;
  const date = (value: string) => formatDateSpanNb([value], { omitYear: year });
  const steps: NextStep[] = [];
  const { attendance } = eligibility;

  // Attendance first when it decides the exam.
  const warning = attendanceWarning(attendance);
  if (warning === "UNREACHABLE") {
    steps.push({
      key: "attendance",
      tone: "urgent",
      // The hand-ins below still serve her: what is approved here goes with her to a later kull
      // (a walk found them listed as «Viktig» under «Du kan ikke lenger oppfylle kravene», unexplained).
      text:
        `Du kan ikke lenger nå kravet om ${attendance.requiredPercent} % oppmøte i dette kullet. ${whomToContact(contacts)} De kan fortelle deg hva du kan gjøre videre. ` +
        "Arbeidskrav du får godkjent her, kan godkjennes for deg om du fortsetter i et senere kull.",
      target: { kind: "contacts" },
    });
  } else if (attendance.scheduled > 0 && !attendance.met) {
    steps.push({
      key: "attendance",
      tone: warning === "LAST_ABSENCE" ? "urgent" : "info",
      text: attendanceProgress(attendance).outlook,
      target: { kind: "attendance" },
    });
  }

  // A forhåndsvarsel: the approval may be corrected, and she may speak before it is decided.
  for (const item of input.arbeidskrav) {
    if (!item.notice) continue;
    steps.push({
      key: `arbeidskrav-notice-${item.id}`,
      tone: item.notice.responded ? "info" : "urgent",
      text: item.notice.responded
        ? `Du har uttalt deg til forhåndsvarselet om ${item.title}. Saken er ikke avgjort ennå; til da står arbeidskravet som godkjent.`
        : item.notice.respondBy < today
          ? `Fristen for å uttale deg til forhåndsvarselet om ${item.title} var ${date(item.notice.respondBy)}. Saken er ikke avgjort, så du kan fortsatt uttale deg.`
          : `Du har fått forhåndsvarsel om at ${item.title} kan bli rettet til ikke godkjent. Du kan uttale deg innen ${date(item.notice.respondBy)}.`,
      // The letter's page is where she speaks.
      target: item.notice.letterId ? { kind: "letter", id: item.notice.letterId } : { kind: "arbeidskrav", id: item.id },
    });
  }

  // Arbeidskrav to hand in, by deadline.
  const open = input.arbeidskrav
    .filter((item) => item.status === "NOT_APPROVED" || item.status === "NOT_SUBMITTED")
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.number - b.number));
  // Hand-ins months away are not a step each: beyond LATER_DAYS, the first still stands alone
  // (what to work on next) and the rest are one line with their deadlines (a walk counted eight
  // steps on the demo student's page, some five months off).
  const laterFrom = addDays(today, LATER_DAYS);
  const upcoming = open.filter((item) => item.status === "NOT_SUBMITTED" && !input.onLeave && item.deadline > laterFrom);
  const grouped = upcoming.slice(open.some((item) => item.status === "NOT_SUBMITTED" && item.deadline >= today && item.deadline <= laterFrom) ? 0 : 1);
  // One alone is said as it is: a list of one shortens nothing.
  const later = new Set(grouped.length > 1 ? grouped.map((item) => item.id) : []);
  for (const item of open) {
    if (later.has(item.id)) continue;
    const passed = item.deadline < today;
    let text: string;
    if (item.status === "NOT_APPROVED" && item.final) {
      if (item.required === false) continue;
      steps.push({
        key: `arbeidskrav-${item.id}`,
        // Appealed, there is nothing left for her to do: good to know where it stands.
        tone: item.klage ? "info" : "urgent",
        text: item.klage
          ? `${item.title} er ikke godkjent etter siste innlevering. ${KLAGE_STAGE_TEXT[item.klage]}`
          : `${item.title} er ikke godkjent etter siste innlevering. Du har fått et vedtak om det under Brev, og kan klage på det innen klagefristen.`,
        target: item.decisionLetterId ? { kind: "letter", id: item.decisionLetterId } : { kind: "letters" },
      });
      continue;
    }
    if (input.onLeave) {
      steps.push({
        key: `arbeidskrav-${item.id}`,
        tone: "info",
        // The leave's dates stand once at the top of the page, not in every item (a walk read them
        // five times), and a deadline inside the leave is said to be there: «Fristen er 2. februar»
        // beside «lever når permisjonen er over» on 2 February read as one she could keep.
        text:
          (passed
            ? `${item.title}: fristen var ${date(item.deadline)}. Lever når permisjonen er over.`
            : item.deadline <= input.onLeave.until
              ? `${item.title}: fristen ${date(item.deadline)} er i permisjonen din. Lever når permisjonen er over.`
              : `${item.title}: lever når permisjonen er over, innen ${date(item.deadline)}.`) +
          (item.required === false ? " Det er valgfritt og teller ikke for eksamen." : ""),
        target: { kind: "arbeidskrav", id: item.id },
      });
      continue;
    }
    if (item.status === "NOT_APPROVED") {
      text = passed
        ? `${item.title} er ikke godkjent, og fristen for ny innlevering var ${date(item.deadline)}: lever på nytt så snart du kan.`
        : `${item.title} er ikke godkjent: lever på nytt innen ${date(item.deadline)}.`;
    } else {
      text = passed
        ? `${item.title} skulle vært levert ${date(item.deadline)}: lever så snart du kan (det blir merket som levert for sent).`
        : `${item.title} skal leveres innen ${date(item.deadline)}.`;
    }
    // An optional extra never counts for the exam: good to know, never «viktig» (from a walk).
    // Nor is a hand-in when the attendance is lost in this kull: no exam here hangs on it.
    const optional = item.required === false;
    steps.push({
      key: `arbeidskrav-${item.id}`,
      tone: optional ? "info" : (item.status === "NOT_APPROVED" || passed) && warning !== "UNREACHABLE" ? "urgent" : "todo",
      text: optional ? `${text} Det er valgfritt og teller ikke for eksamen.` : text,
      target: { kind: "arbeidskrav", id: item.id },
    });
  }
  if (later.size > 0) {
    const listed = open.filter((item) => later.has(item.id)).map((item) => `${item.title} (${date(item.deadline)}${item.required === false ? ", valgfritt" : ""})`);
    steps.push({
      key: "arbeidskrav-later",
      tone: "info",
      text: `Senere frister: ${joinNb(listed)}.`,
      target: { kind: "arbeidskrav-list" },
    });
  }
  const waiting = input.arbeidskrav.filter((item) => item.status === "SUBMITTED").sort((a, b) => a.number - b.number);
  for (const item of waiting) {
    steps.push({
      key: `arbeidskrav-${item.id}`,
      tone: "info",
      text: `${item.title} er levert og venter på vurdering.`,
      target: { kind: "arbeidskrav", id: item.id },
    });
  }

  // On leave, the samling she is to come to is the first after it («Samling 6 pågår nå» was shown
  // to a student on leave, a walk).
  const backOn = input.onLeave && input.onLeave.until >= today ? addDays(input.onLeave.until, 1) : null;
  const next = nextSamling(input.samlinger, backOn ?? today);
  if (next) {
    steps.push({
      key: "next-samling",
      tone: "info",
      text: backOn
        ? `Første samling etter permisjonen: ${describeSamlingDates(next.samling, today)}.`
        : next.ongoing
          ? `${next.samling.title} pågår nå: ${describeSamlingDates(next.samling, today)}.`
          : `Neste samling: ${describeSamlingDates(next.samling, today)}.`,
      target: { kind: "schedule" },
    });
  }

  const exam = input.exam;
  if (exam) {
    const times = exam.startsAt && exam.handInAt ? `: start kl. ${formatOsloClockNb(exam.startsAt)}, innlevering kl. ${formatOsloClockNb(exam.handInAt)}` : "";
    const when = `${formatDateSpanNb([exam.startsOn, exam.endsOn], { omitYear: year })} (${formatWeeksNb([exam.startsOn, exam.endsOn])})`;
    const which = exam.kind && exam.kind !== "ORDINARY" ? EXAM_KIND_LABELS[exam.kind].toLowerCase() : "eksamen";
    const pending = exam.registered && exam.endsOn >= today;
    const refusalTarget: NextStepTarget = exam.refusalLetterId ? { kind: "letter", id: exam.refusalLetterId } : { kind: "letters" };
    if (pending && exam.kind && exam.kind !== "ORDINARY") {
      steps.push({ key: "exam", tone: "todo", text: `Du er meldt opp til ${which} ${when}${times}.`, target: { kind: "exam" } });
    } else if (exam.publishedGrade) {
      steps.push({ key: "exam", tone: "info", text: `Karakteren din på eksamen er ${exam.publishedGrade}.`, target: { kind: "exam" } });
    } else if (exam.refused && exam.endsOn >= today && eligibility.eligible) {
      // The requirements are met since (an arbeidskrav approved after a klage, a correction): the
      // refusal stands until staff register her, which tells her it no longer does.
      steps.push({
        key: "exam",
        tone: "info",
        text: refusalNoLongerMetText(`eksamen ${when}`, exam.refusalKlage ?? null),
        target: refusalTarget,
      });
    } else if (exam.refused && exam.endsOn >= today) {
      steps.push({
        key: "exam",
        tone: exam.refusalKlage ? "info" : "urgent",
        text: exam.refusalKlage
          ? `Du har fått vedtak om at du ikke får gå opp til eksamen ${when}. ${KLAGE_STAGE_TEXT[exam.refusalKlage]}`
          : `Du har fått vedtak om at du ikke får gå opp til eksamen ${when}. Vedtaket står under Brev, og du kan klage på det innen klagefristen.`,
        target: refusalTarget,
      });
    } else if (exam.endsOn >= today && eligibility.status !== "NOT_ELIGIBLE") {
      const fee = " Husk å betale semesteravgiften for semesteret du tar eksamen.";
      const text = exam.registered
        ? `Du er meldt opp til eksamen ${when}${times}.${fee}`
        : eligibility.eligible
          ? `Du har rett til å gå opp til eksamen ${when}. Faglærer melder deg opp, og du ser det her når det er gjort.${fee}`
          : `Eksamen er ${when}. For å gå opp må du ha minst ${attendance.requiredPercent} % oppmøte og ` +
            `${countNoun(eligibility.arbeidskrav.required, "godkjent arbeidskrav", "godkjente arbeidskrav")}.`;
      steps.push({ key: "exam", tone: exam.registered || eligibility.eligible ? "todo" : "info", text, target: { kind: "exam" } });
    }
  }

  if (input.resit) {
    const { resit } = input;
    steps.push({
      key: "resit",
      tone: "todo",
      text: `Du kan melde deg opp til ny eksamen ${formatDateSpanNb([resit.startsOn, resit.endsOn], { omitYear: year })} (${formatWeeksNb([resit.startsOn, resit.endsOn])}). Fristen er ${date(resit.registrationClosesOn)}.`,
      target: { kind: "exam" },
    });
  }

  // Letters she has not opened: one says which, more are counted. A decision among them is also a
  // step of its own above (an arbeidskrav, the exam), which says what it means; one a step above
  // already leads to (a forhåndsvarsel, an arbeidskrav or exam vedtak) is not counted again.
  const pointedTo = new Set(steps.flatMap((step) => (step.target.kind === "letter" ? [step.target.id] : [])));
  const notPointedTo = (input.newLetters ?? []).filter((letter) => !pointedTo.has(letter.id));
  // Any other vedtak whose klage period is running (a refused leave, a klage's outcome, an
  // avvisning …) is named with its deadline, each a step of its own: a count of «nye brev» hid it
  // among notices (from a walk). The decision itself is in the letter; the step neither judges it
  // nor urges a klage, it says by when one can be made. Once the deadline has passed, only counted.
  // First among the things to do (a walk found it below hand-ins due months later): its deadline
  // is at most three weeks away, and reading a letter takes a minute.
  const vedtakSteps: NextStep[] = [];
  for (const letter of notPointedTo) {
    if (!letter.klageDeadline || letter.klageDeadline < today) continue;
    // «Vedtak: søknaden din om permisjon er avslått» → «Nytt vedtak: søknaden din om permisjon er avslått.»
    const about = /^Vedtak:\s*/.test(letter.subject) ? `${letter.subject.replace(/^Vedtak:\s*/, "").replace(/\.$/, "")}.` : `«${letter.subject}».`;
    vedtakSteps.push({
      key: `letter-vedtak-${letter.id}`,
      tone: "todo",
      text: `Nytt vedtak: ${about} Klagefristen er ${date(letter.klageDeadline)}.`,
      target: { kind: "letter", id: letter.id },
    });
    pointedTo.add(letter.id);
  }
  const firstTodo = steps.findIndex((step) => step.tone !== "urgent");
  steps.splice(firstTodo === -1 ? steps.length : firstTodo, 0, ...vedtakSteps);
  const unread = notPointedTo.filter((letter) => !pointedTo.has(letter.id));
  // «andre» when some new letters are a step above: the count then matches the menu's (from a walk).
  const other = unread.length < (input.newLetters ?? []).length;
  if (unread.length === 1) {
    steps.push({ key: "letters-new", tone: "todo", text: `Du har fått ${other ? "enda et" : "et"} nytt brev: «${unread[0]!.subject}».`, target: { kind: "letter", id: unread[0]!.id } });
  } else if (unread.length > 1) {
    steps.push({ key: "letters-new", tone: "todo", text: `Du har ${unread.length} ${other ? "andre " : ""}nye brev du ikke har åpnet.`, target: { kind: "letters" } });
  }

  // Stable order: urgent, then to do, then good to know; within a tone, as added above.
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => TONE_ORDER[a.step.tone] - TONE_ORDER[b.step.tone] || a.index - b.index)
    .map(({ step }) => step);
}
