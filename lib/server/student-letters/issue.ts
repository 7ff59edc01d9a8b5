import "server-only";
// Issuing a letter to a student: the one way every use case tells a student about a decision in
// writing (an assessment, an exam refusal, a klage's outcome; later leave, withdrawal, transfer,
// completion, deferred exams and resits). Call it inside the transaction that makes the decision:
//
//   const letter = await issueStudentLetter(tx, {
//     enrolmentId,
//     facts: { kind: "EXAM_ADMISSION_REFUSED", exam, requirements, reasons },   // lib/domain/student-letter.ts
//     decidedBy: { id: viewer.id, name: viewer.name, title: "Studieveileder" },
//     about: { type: "ExamRegistration", id: registration.id },
//     now,
//   });
//
// The text is composed by lib/domain/student-letter.ts (add a kind there and to StudentLetterKind
// in the schema); the letter is stored (never changed afterwards: a trigger refuses it), made
// available on /student/brev today, audited ("student_letter.issue"), and e-mailed through the
// mail queue with the dedupe key `student-letter:<letterId>`, all in the caller's transaction.
// After the commit, the caller asks for the mail job (requestJob("mail.deliver")).
import { osloDate } from "@/lib/domain/application-deadline";
import { caseYearOf, formatCaseReference, type CaseReference } from "@/lib/domain/case-reference";
import { formatDateNb } from "@/lib/domain/format";
import { letterAsText } from "@/lib/domain/letter";
import { composeStudentLetter, continuesCaseOf, opensCase, type StudentLetterFacts, type StudentLetterKind } from "@/lib/domain/student-letter";
import { nextCaseNumber } from "@/lib/db/case-number";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { audit } from "@/lib/server/audit";
import { queueMail } from "@/lib/server/mail";
import { isoDate } from "@/lib/to-domain";

export interface IssueStudentLetterInput {
  /** The student's place in a cohort (the letter is to its user). */
  enrolmentId: string;
  /** The decision's facts, by kind (lib/domain/student-letter.ts). */
  facts: StudentLetterFacts;
  /** Who made the decision, as the letter is signed ("Faglærer", "Fagansvarlig", "Studieveileder"). */
  decidedBy: { id: string; name: string; title: string };
  /** The record the letter is about: { type: "SubmissionAttempt", id }, { type: "ExamRegistration", id } … */
  about: { type: string; id: string };
  /**
   * The letter whose case this one continues (the enkeltvedtak a klage's outcome or a "no longer
   * stands" answers): it carries that case's reference. Required for the kinds that answer an
   * earlier letter (ANSWERS_EARLIER_LETTER in lib/domain/student-letter.ts), and allowed for a
   * decision a forhåndsvarsel announced (DECIDES_NOTICE); every other kind opens a case of its own.
   */
  inCaseOf?: { letterId: string };
  now: Date;
}

/** The case of a new letter: the one it continues, or a new number for a letter that opens one. */
async function caseOf(tx: Transaction, input: IssueStudentLetterInput, madeAvailableOn: string): Promise<CaseReference> {
  if (input.inCaseOf) {
    const earlier = await tx.studentLetter.findFirstOrThrow({
      where: { id: input.inCaseOf.letterId, enrolmentId: input.enrolmentId },
      select: { kind: true, caseYear: true, caseNumber: true },
    });
    // A decision a forhåndsvarsel announced continues the notice's case; every other letter that
    // opens a case opens its own.
    if (!continuesCaseOf(input.facts.kind, earlier.kind)) throw new Error(`a ${input.facts.kind} letter opens a case of its own: no inCaseOf a ${earlier.kind}`);
    return { year: earlier.caseYear, number: earlier.caseNumber };
  }
  if (!opensCase(input.facts.kind)) throw new Error(`a ${input.facts.kind} letter answers an earlier letter: pass inCaseOf`);
  return { year: caseYearOf(madeAvailableOn), number: await nextCaseNumber(tx) };
}

export interface IssuedStudentLetter {
  id: string;
  kind: StudentLetterKind;
  subject: string;
  enkeltvedtak: boolean;
  madeAvailableOn: string;
  klageDeadline: string | null;
  reference: string;
}

export async function issueStudentLetter(tx: Transaction, input: IssueStudentLetterInput): Promise<IssuedStudentLetter> {
  const enrolment = await tx.enrolment.findUniqueOrThrow({
    where: { id: input.enrolmentId },
    select: {
      userId: true,
      user: { select: { name: true, email: true } },
      cohort: { select: { name: true, programme: { select: { name: true, adviserName: true, adviserEmail: true, adviserPhone: true } } } },
    },
  });
  const madeAvailableOn = osloDate(input.now);
  const { programme } = enrolment.cohort;
  const reference = await caseOf(tx, input, madeAvailableOn);
  const composed = composeStudentLetter({
    ...input.facts,
    reference: formatCaseReference(reference),
    studentName: enrolment.user.name,
    programmeName: programme.name,
    cohortName: enrolment.cohort.name,
    madeAvailableOn,
    decidedBy: { name: input.decidedBy.name, title: input.decidedBy.title },
    contact: { name: programme.adviserName, email: programme.adviserEmail, phone: programme.adviserPhone },
  });
  const body = letterAsText(composed);
  const letter = await tx.studentLetter.create({
    data: {
      enrolmentId: input.enrolmentId,
      userId: enrolment.userId,
      kind: composed.kind,
      subject: composed.subject,
      body,
      enkeltvedtak: composed.enkeltvedtak,
      grounds: composed.grounds,
      legalBasis: composed.legalBasis,
      madeAvailableOn: day(madeAvailableOn),
      klageDeadline: composed.klageDeadline ? day(composed.klageDeadline) : null,
      decidedById: input.decidedBy.id,
      decidedAt: input.now,
      aboutType: input.about.type,
      aboutId: input.about.id,
      caseYear: reference.year,
      caseNumber: reference.number,
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: input.decidedBy.id,
    action: "student_letter.issue",
    entityType: "StudentLetter",
    entityId: letter.id,
    after: {
      kind: composed.kind,
      enrolmentId: input.enrolmentId,
      about: input.about,
      enkeltvedtak: composed.enkeltvedtak,
      klageDeadline: composed.klageDeadline,
      subject: composed.subject,
      reference: formatCaseReference(reference),
    },
  });
  const link = `${env().APP_URL}/student/brev/${letter.id}`;
  await queueMail(tx, {
    dedupeKey: `student-letter:${letter.id}`,
    userId: enrolment.userId,
    to: enrolment.user.email,
    subject: composed.subject,
    text: [
      `Hei ${enrolment.user.name},`,
      "",
      `Du har fått et brev i studentportalen ${formatDateNb(madeAvailableOn)}. Brevet står i sin helhet nedenfor, og du kan også lese det, skrive det ut og laste det ned som PDF her: ${link}`,
      composed.klageDeadline ? `\nVedtaket kan påklages til og med ${formatDateNb(composed.klageDeadline)}. Du klager på samme side.` : null,
      "",
      body,
    ]
      .filter((line): line is string => line !== null)
      .join("\n"),
  });
  return {
    id: letter.id,
    kind: composed.kind,
    subject: composed.subject,
    enkeltvedtak: composed.enkeltvedtak,
    madeAvailableOn,
    klageDeadline: composed.klageDeadline,
    reference: formatCaseReference(reference),
  };
}

/** How a decider signs: the cohort's fagansvarlig, a faglærer on its team, or the study adviser. */
export async function deciderTitle(tx: Transaction, userId: string, cohortId: string): Promise<string> {
  const teacher = await tx.cohortTeacher.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { academicLead: true },
  });
  if (teacher) return teacher.academicLead ? "Fagansvarlig" : "Faglærer";
  return "Studieveileder";
}

/**
 * The enkeltvedtak letters about a record (e.g. a final "ikke godkjent" attempt), each with its
 * klage: the latest one per student (an attempt corrected back and forth has had several).
 */
export async function enkeltvedtakLettersAbout(tx: Transaction, about: { type: string; id: string }) {
  const letters = await tx.studentLetter.findMany({
    where: { aboutType: about.type, aboutId: about.id, enkeltvedtak: true },
    orderBy: { decidedAt: "asc" },
    select: {
      id: true,
      kind: true,
      subject: true,
      enrolmentId: true,
      madeAvailableOn: true,
      decidedById: true,
      appeals: { select: { id: true, status: true } },
    },
  });
  const latest = new Map<string, (typeof letters)[number]>();
  for (const letter of letters) latest.set(letter.enrolmentId, letter);
  return [...latest.values()].map((letter) => ({ ...letter, madeAvailableOn: isoDate(letter.madeAvailableOn), appeal: letter.appeals[0] ?? null }));
}
