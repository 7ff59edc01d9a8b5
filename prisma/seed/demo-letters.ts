// Letters to students and klager on them (issue 18), in the two cohorts under way:
// - Sander (student@demo.no, the running cohort): fagnotat 1 was not approved twice; the second
//   time was his last hand-in, so he got a vedtak (an enkeltvedtak letter). He appealed, Tor (on
//   the teaching team, not the one who decided) took the klage, and fagnotat 1 is approved: two
//   letters under Brev.
// - Siri Sjanse (student.sjanse@demo.no, the running cohort): ledertreningsoppgave 1 was not
//   approved by Tor; her second and last hand-in waits for assessment (the e2e walk assesses it).
// - Vilde Vedtak (student.vedtak@demo.no, the cohort about to sit the exam, whose fagansvarlig is
//   Hanne): a letter of every kind. Fagnotat 1: vedtak by Frida, klage taken by Hanne.
//   Ledertreningsoppgave 1: vedtak by Frida, corrected to approved by Hanne (the vedtak no longer
//   stands). Ledertreningsoppgave 2: vedtak by Hanne, klage not taken by Frida and sent to the
//   appeals body. With four of five approved she was refused admission to the exam by Frida three
//   days ago, and appealed yesterday: the klage waits for an adviser (veileder@demo.no).
// - Lars Varsel (student.varsel@demo.no, the running cohort): his last hand-in of fagnotat 1 was
//   approved; Frida has since sent a forhåndsvarsel that it may be corrected to «ikke godkjent»,
//   he has spoken to it, and its deadline has passed: hers to decide (or withdraw).
// Siri, Vilde and Lars are students the main chapter made (picked by their data, renamed, given the demo
// password), so the number of students and everyone else's names stay as they were.
// Deterministic for a given day; invented people only.
import type { Database } from "@/lib/db/client";
import { osloDate, startOfDayInOslo } from "@/lib/domain/application-deadline";
import { attendanceCounts } from "@/lib/domain/attendance";
import { studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import { correctionNoticeDeadline } from "@/lib/domain/correction-notice";
import { addDays } from "@/lib/domain/dates";
import { day } from "@/lib/dates";
import { evaluateEligibility } from "@/lib/domain/eligibility";
import { examRefusalReasons } from "@/lib/domain/exam";
import { isoDate } from "@/lib/to-domain";
import { DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";
import {
  changeAssessment,
  closeStudentAppeal,
  createStudentAppeal,
  createStudentLetter,
  createSubmission,
  type SubmissionAttemptInput,
} from "@/prisma/seed/factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NAMED = new Set<string>(["student@demo.no", ...Object.values(DEMO_STUDENTS).map((student) => student.email)]);

interface Person {
  id: string;
  name: string;
}

export async function seedLettersDemo(
  db: Database,
  context: { today: string; runningCohortId: string; finishingCohortId: string; passwordHash: string },
): Promise<string> {
  const { today } = context;
  /** `days` before today at `hour` o'clock, Oslo. */
  const daysAgo = (days: number, hour = 12) => new Date(startOfDayInOslo(addDays(today, -days)).getTime() + hour * HOUR);
  const person = async (email: string): Promise<Person> => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
  const [frida, tor, hanne] = await Promise.all([person("faglaerer@demo.no"), person("tor.prosessveileder@demo.no"), person("hanne.faglaerer@demo.no")]);
  const definitionsOf = (cohortId: string) =>
    db.arbeidskravDefinition.findMany({ where: { cohortId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, dueDate: true, maxAttempts: true, required: true } });
  const [running, finishing] = await Promise.all([definitionsOf(context.runningCohortId), definitionsOf(context.finishingCohortId)]);
  const numbered = (definitions: typeof running, number: number) => definitions.find((definition) => definition.number === number)!;

  /** Replaces a student's submission of an arbeidskrav with these attempts; returns the attempts' ids. */
  async function resubmit(enrolmentId: string, userId: string, arbeidskravId: string, attempts: SubmissionAttemptInput[]) {
    await db.submission.deleteMany({ where: { arbeidskravId, members: { some: { enrolmentId } } } });
    const submission = await createSubmission(db, { arbeidskravId, enrolmentIds: [enrolmentId], submittedById: userId, attempts });
    const rows = await db.submissionAttempt.findMany({ where: { submissionId: submission.id }, orderBy: { attempt: "asc" }, select: { id: true, assessedAt: true } });
    return rows;
  }

  /** "Ikke godkjent" on the last of two hand-ins: the attempts and the vedtak. */
  async function finalRejection(input: {
    enrolmentId: string;
    userId: string;
    definition: (typeof running)[number];
    first: { at: Date; by: Person; feedback: string };
    second: { at: Date; by: Person; title: string; feedback: string };
  }) {
    const attempts = await resubmit(input.enrolmentId, input.userId, input.definition.id, [
      { status: "NOT_APPROVED", assessorId: input.first.by.id, at: input.first.at, feedback: input.first.feedback },
      { status: "NOT_APPROVED", assessorId: input.second.by.id, at: input.second.at, feedback: input.second.feedback },
    ]);
    const final = attempts[1]!;
    const letter = await createStudentLetter(db, {
      enrolmentId: input.enrolmentId,
      facts: {
        kind: "ARBEIDSKRAV_NOT_APPROVED",
        arbeidskrav: { title: input.definition.title },
        attempt: 2,
        maxAttempts: input.definition.maxAttempts,
        assessedOn: osloDate(final.assessedAt!),
        grounds: input.second.feedback,
        group: null,
        corrected: false,
      },
      decidedBy: { id: input.second.by.id, name: input.second.by.name, title: input.second.title },
      about: { type: "SubmissionAttempt", id: final.id },
      at: final.assessedAt!,
    });
    return { attemptId: final.id, letter, decidedOn: final.assessedAt! };
  }

  /** A klage on `letter`, decided `decidedAfter` days after it was filed, with its outcome letter. */
  async function decidedKlage(input: {
    enrolmentId: string;
    letter: Awaited<ReturnType<typeof finalRejection>>["letter"];
    matter: string;
    filedAt: Date;
    text: string;
    decision: { status: "REVERSED" | "UPHELD"; by: Person; title: string; at: Date; grounds: string; outcome?: string; forwarded?: boolean };
  }) {
    const appeal = await createStudentAppeal(db, { letter: input.letter, text: input.text, filedAt: input.filedAt });
    const klage = { filedOn: osloDate(input.filedAt), grounds: input.decision.grounds };
    const appealed = { subject: input.letter.subject, madeAvailableOn: isoDate(input.letter.madeAvailableOn), matter: input.matter };
    const outcome = await createStudentLetter(db, {
      enrolmentId: input.enrolmentId,
      facts:
        input.decision.status === "REVERSED"
          ? { kind: "KLAGE_REVERSED", klage, appealed, outcome: input.decision.outcome! }
          : { kind: "KLAGE_UPHELD", klage, appealed },
      decidedBy: { id: input.decision.by.id, name: input.decision.by.name, title: input.decision.title },
      about: { type: "StudentAppeal", id: appeal.id },
      inCaseOf: { letterId: input.letter.id },
      at: input.decision.at,
    });
    await closeStudentAppeal(db, appeal.id, {
      status: input.decision.status,
      grounds: input.decision.grounds,
      decidedById: input.decision.by.id,
      at: input.decision.at,
      outcomeLetterId: outcome.id,
      forwarded: input.decision.forwarded,
    });
    return appeal;
  }

  // ── Sander: a vedtak on fagnotat 1, a klage taken ─────────────────────────────────────────────
  const sander = await db.enrolment.findFirstOrThrow({
    where: { cohortId: context.runningCohortId, user: { email: "student@demo.no" } },
    select: { id: true, userId: true },
  });
  const fagnotat1 = numbered(running, 1);
  const due1 = isoDate(fagnotat1.dueDate);
  const at = (date: string, offsetDays: number, hour = 12) => new Date(startOfDayInOslo(addDays(date, offsetDays)).getTime() + hour * HOUR);
  const sanders = await finalRejection({
    enrolmentId: sander.id,
    userId: sander.userId,
    definition: fagnotat1,
    first: { at: at(due1, -1), by: frida, feedback: "Problemstillingen er for bred, og drøftingen mangler kilder. Avgrens til én sak fra egen tjeneste." },
    second: { at: at(due1, 14), by: frida, title: "Fagansvarlig", feedback: "Fortsatt uten henvisninger til pensum, og drøftingen knyttes ikke til teorien." },
  });
  const sanderFiled = new Date(sanders.decidedOn.getTime() + 3 * DAY);
  const sanderDecided = new Date(sanderFiled.getTime() + 5 * DAY);
  const sanderGrounds =
    "Notatet drøfter saken mot pensum i kapittel 3, og kravet om kilder er oppfylt når taushetsbelagte kilder er beskrevet uten navn. Arbeidskravet godkjennes.";
  await decidedKlage({
    enrolmentId: sander.id,
    letter: sanders.letter,
    matter: fagnotat1.title,
    filedAt: sanderFiled,
    text: "Jeg mener vurderingen ikke tar hensyn til at notatet bygger på en sak der kildene er taushetsbelagte. Henvisningene til pensum står i kapittel 3.",
    decision: { status: "REVERSED", by: tor, title: "Faglærer", at: sanderDecided, grounds: sanderGrounds, outcome: `${fagnotat1.title} er godkjent.` },
  });
  await changeAssessment(db, { attemptId: sanders.attemptId, cause: "KLAGE", to: "APPROVED", reason: sanderGrounds, changedById: tor.id, at: sanderDecided });

  // ── Siri: her last hand-in of ledertreningsoppgave 1 waits ───────────────────────────────────
  const ledertrening1 = numbered(running, 2);
  const candidates = await db.enrolment.findMany({
    where: {
      cohortId: context.runningCohortId,
      submissionMembers: { some: { arbeidskravId: ledertrening1.id, submission: { status: "APPROVED" } } },
    },
    orderBy: { user: { email: "asc" } },
    select: { id: true, userId: true, user: { select: { email: true } }, attendance: { where: { status: "ABSENT" }, select: { samlingDayId: true } } },
  });
  const siri = candidates.filter((candidate) => !NAMED.has(candidate.user.email)).sort((a, b) => a.attendance.length - b.attendance.length)[0]!;
  await db.user.update({ where: { id: siri.userId }, data: { ...DEMO_STUDENTS.lastChance, passwordHash: context.passwordHash } });
  const due2 = isoDate(ledertrening1.dueDate);
  await resubmit(siri.id, siri.userId, ledertrening1.id, [
    {
      status: "NOT_APPROVED",
      assessorId: tor.id,
      at: at(due2, -1),
      feedback: "Treningsmålet er godt beskrevet, men refleksjonen over hva du gjorde annerledes mangler.",
    },
    {
      status: "SUBMITTED",
      at: daysAgo(2, 10),
      text: "Ny versjon: jeg har lagt til en refleksjon over to personalmøter der jeg prøvde ut treningsmålet.",
      pdf: { originalName: "ledertrening-1-siste.pdf", title: "Ledertreningsoppgave 1", lines: ["Siri Sjanse", "Andre innlevering"] },
    },
  ]);

  // ── Vilde: a letter of every kind ────────────────────────────────────────────────────────────
  const ledertrening2 = numbered(finishing, 4);
  const vilde = await db.enrolment.findFirstOrThrow({
    where: { cohortId: context.finishingCohortId, submissionMembers: { some: { arbeidskravId: ledertrening2.id, submission: { status: "NOT_APPROVED" } } } },
    orderBy: { user: { email: "asc" } },
    select: { id: true, userId: true },
  });
  await db.user.update({ where: { id: vilde.userId }, data: { ...DEMO_STUDENTS.decisions, passwordHash: context.passwordHash } });

  const vFagnotat = numbered(finishing, 1);
  const fagnotatDue = isoDate(vFagnotat.dueDate);
  const first = await finalRejection({
    enrolmentId: vilde.id,
    userId: vilde.userId,
    definition: vFagnotat,
    first: { at: at(fagnotatDue, -1), by: frida, feedback: "Notatet mangler en tydelig problemstilling." },
    second: { at: at(fagnotatDue, 10), by: frida, title: "Faglærer", feedback: "Problemstillingen er fortsatt uklar, og drøftingen er for kort." },
  });
  const firstFiled = new Date(first.decidedOn.getTime() + 4 * DAY);
  const firstDecided = new Date(firstFiled.getTime() + 5 * DAY);
  const firstGrounds = "Problemstillingen er tydelig formulert i innledningen, og drøftingen holder det nivået studieplanen krever.";
  await decidedKlage({
    enrolmentId: vilde.id,
    letter: first.letter,
    matter: vFagnotat.title,
    filedAt: firstFiled,
    text: "Problemstillingen står i første avsnitt av innledningen. Jeg ber om at notatet vurderes på nytt.",
    decision: { status: "REVERSED", by: hanne, title: "Fagansvarlig", at: firstDecided, grounds: firstGrounds, outcome: `${vFagnotat.title} er godkjent.` },
  });
  await changeAssessment(db, { attemptId: first.attemptId, cause: "KLAGE", to: "APPROVED", reason: firstGrounds, changedById: hanne.id, at: firstDecided });

  const vLedertrening1 = numbered(finishing, 2);
  const ledertrening1Due = isoDate(vLedertrening1.dueDate);
  const second = await finalRejection({
    enrolmentId: vilde.id,
    userId: vilde.userId,
    definition: vLedertrening1,
    first: { at: at(ledertrening1Due, -1), by: frida, feedback: "Treningsmålet er for generelt." },
    second: { at: at(ledertrening1Due, 10), by: frida, title: "Faglærer", feedback: "Beskrivelsen av egen endring er for kort." },
  });
  const correctedAt = new Date(second.decidedOn.getTime() + 3 * DAY);
  const correction = "Ved ny gjennomlesning beskriver oppgaven treningsmålet og egen endring godt nok. Vurderingen var for streng.";
  await changeAssessment(db, { attemptId: second.attemptId, cause: "CORRECTION", to: "APPROVED", reason: correction, changedById: hanne.id, at: correctedAt });
  await createStudentLetter(db, {
    enrolmentId: vilde.id,
    facts: {
      kind: "DECISION_CHANGED",
      changed: { subject: second.letter.subject, madeAvailableOn: isoDate(second.letter.madeAvailableOn), matter: vLedertrening1.title },
      outcome: `${vLedertrening1.title} er godkjent.`,
      reason: `Fagansvarlig har rettet vurderingen: ${correction}`,
    },
    decidedBy: { id: hanne.id, name: hanne.name, title: "Fagansvarlig" },
    about: { type: "SubmissionAttempt", id: second.attemptId },
    inCaseOf: { letterId: second.letter.id },
    at: correctedAt,
  });

  const ledertrening2Due = isoDate(ledertrening2.dueDate);
  const third = await finalRejection({
    enrolmentId: vilde.id,
    userId: vilde.userId,
    definition: ledertrening2,
    first: { at: at(ledertrening2Due, -1), by: frida, feedback: "Refleksjonen mangler kobling til teori om endringsledelse." },
    second: { at: at(ledertrening2Due, 10), by: hanne, title: "Fagansvarlig", feedback: "Koblingen til teori om endringsledelse mangler fortsatt." },
  });
  const thirdFiled = new Date(third.decidedOn.getTime() + 4 * DAY);
  await decidedKlage({
    enrolmentId: vilde.id,
    letter: third.letter,
    matter: ledertrening2.title,
    filedAt: thirdFiled,
    text: "Jeg har brukt Kotters modell i drøftingen, og mener koblingen til teori er der.",
    decision: {
      status: "UPHELD",
      by: frida,
      title: "Faglærer",
      at: new Date(thirdFiled.getTime() + 5 * DAY),
      grounds: "Modellen er nevnt, men oppgaven drøfter ikke egen endringsledelse mot den slik studieplanen krever. Vurderingen står.",
      forwarded: true,
    },
  });

  // The exam: refused three days ago, by Frida; Vilde appealed yesterday.
  const exam = await db.exam.findFirstOrThrow({ where: { cohortId: context.finishingCohortId }, orderBy: { startsOn: "asc" }, select: { id: true, title: true, startsOn: true, endsOn: true } });
  const refusedAt = daysAgo(3, 14);
  const registration = await db.examRegistration.create({
    data: { examId: exam.id, enrolmentId: vilde.id, status: "REFUSED", decidedById: frida.id, decidedAt: refusedAt },
  });
  const [cohort, planDays, attendance, memberships] = await Promise.all([
    db.cohort.findUniqueOrThrow({ where: { id: context.finishingCohortId }, select: { attendanceThresholdPercent: true, arbeidskravTotal: true } }),
    db.samlingDay.findMany({ where: { samling: { cohorts: { some: { cohortId: context.finishingCohortId } } } }, select: { id: true, date: true } }),
    db.attendance.findMany({ where: { enrolmentId: vilde.id }, select: { samlingDayId: true, status: true } }),
    db.submissionMember.findMany({ where: { enrolmentId: vilde.id }, select: { arbeidskravId: true, submission: { select: { status: true } } } }),
  ]);
  const eligibility = evaluateEligibility({
    ...attendanceCounts(
      planDays.map((samlingDay) => ({ id: samlingDay.id, date: isoDate(samlingDay.date) })),
      attendance,
      osloDate(refusedAt),
    ),
    arbeidskrav: studentArbeidskravStanding(
      finishing,
      memberships.map((membership) => ({ arbeidskravId: membership.arbeidskravId, status: membership.submission.status })),
    ),
  });
  const standing = new Map(memberships.map((membership) => [membership.arbeidskravId, membership.submission.status]));
  const refusal = await createStudentLetter(db, {
    enrolmentId: vilde.id,
    facts: {
      kind: "EXAM_ADMISSION_REFUSED",
      exam: { title: exam.title, startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn) },
      requirements: { attendancePercent: cohort.attendanceThresholdPercent, arbeidskrav: cohort.arbeidskravTotal },
      reasons: examRefusalReasons(
        eligibility,
        finishing.map((definition) => ({
          title: definition.title,
          required: definition.required,
          status: standing.get(definition.id) ?? "NOT_SUBMITTED",
          finalRejection: definition.id === ledertrening2.id,
        })),
      ),
    },
    decidedBy: { id: frida.id, name: frida.name, title: "Faglærer" },
    about: { type: "ExamRegistration", id: registration.id },
    at: refusedAt,
  });
  await createStudentAppeal(db, {
    letter: refusal,
    text: "Jeg har klaget på vurderingen av ledertreningsoppgave 2, og ber om å få gå opp til eksamen mens klagenemnda behandler den saken.",
    filedAt: daysAgo(1, 19),
  });

  // ── Lars: a forhåndsvarsel that his approved fagnotat 1 may be corrected ────────────────────
  // His second and last hand-in was approved; Frida (fagansvarlig) found since that a part of it
  // follows a published article without a reference, and sent a forhåndsvarsel 20 days ago (two
  // weeks and a holiday or two later, the deadline has passed whatever today is). He
  // spoke to it a week later, so the correction is hers to decide.
  const larsCandidates = await db.enrolment.findMany({
    where: {
      cohortId: context.runningCohortId,
      submissionMembers: { some: { arbeidskravId: fagnotat1.id, submission: { status: "APPROVED", attempts: { some: { attempt: 2, status: "APPROVED" } } } } },
    },
    orderBy: { user: { email: "asc" } },
    select: { id: true, userId: true, user: { select: { email: true } }, submissionMembers: { where: { arbeidskravId: fagnotat1.id }, select: { submissionId: true } } },
  });
  const lars = larsCandidates.find((candidate) => !NAMED.has(candidate.user.email))!;
  await db.user.update({ where: { id: lars.userId }, data: { ...DEMO_STUDENTS.notice, passwordHash: context.passwordHash } });
  const larsAttempt = await db.submissionAttempt.findFirstOrThrow({
    where: { submissionId: lars.submissionMembers[0]!.submissionId, attempt: 2 },
    select: { id: true, assessedAt: true },
  });
  const noticeSent = daysAgo(20, 11);
  const noticeReason =
    "Avsnittet om ledelse i endring (side 3–4) er nesten ordrett likt en publisert artikkel, uten kildehenvisning. Da oppfyller ikke notatet kravet om selvstendig arbeid og bruk av kilder.";
  const notice = await db.correctionNotice.create({
    data: { attemptId: larsAttempt.id, reason: noticeReason, sentById: frida.id, sentAt: noticeSent, respondBy: day(correctionNoticeDeadline(osloDate(noticeSent))) },
  });
  const noticeLetter = await createStudentLetter(db, {
    enrolmentId: lars.id,
    facts: {
      kind: "CORRECTION_NOTICE",
      arbeidskrav: { title: fagnotat1.title },
      attempt: 2,
      maxAttempts: fagnotat1.maxAttempts,
      approvedOn: osloDate(larsAttempt.assessedAt!),
      reason: noticeReason,
      respondBy: correctionNoticeDeadline(osloDate(noticeSent)),
      group: null,
      required: fagnotat1.required,
    },
    decidedBy: { id: frida.id, name: frida.name, title: "Fagansvarlig" },
    about: { type: "CorrectionNotice", id: notice.id },
    at: noticeSent,
  });
  await db.correctionNoticeRecipient.create({
    data: {
      noticeId: notice.id,
      enrolmentId: lars.id,
      letterId: noticeLetter.id,
      response: "Jeg brukte artikkelen i et utkast og mistet henvisningen da jeg slo sammen to versjoner. Henvisningen står i litteraturlisten, og jeg kan levere notatet med kildehenvisning i teksten.",
      respondedAt: daysAgo(12, 20),
    },
  });

  return "brev og klager: Sander (klage tatt til følge), Siri (siste innlevering venter), Vilde (ett brev av hvert slag, klage på eksamen venter), Lars (forhåndsvarsel om retting, fristen er ute)";
}
