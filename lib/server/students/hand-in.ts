import "server-only";
// Handing in an arbeidskrav: a PDF (checked like every upload, lib/domain/upload.ts) and/or a
// short text, alone or — where the arbeidskrav allows it — for a group of classmates from the
// student's own cohort. After "ikke godkjent" any member hands in again for the whole group. A
// hand-in after the deadline is accepted and marked late (lib/domain/coursework.ts). Every member
// gets a receipt by e-mail, queued in the same transaction.
//
// Concurrency: the enrolments of everyone in the hand-in are locked (in id order, so two groups
// never deadlock), and an existing submission row is locked before its status is read, so two
// members resubmitting at the same moment, or two groups claiming the same classmate, are decided
// one after the other. The database has the last word (one submission per student per
// arbeidskrav; members from the arbeidskrav's cohort only).
import { createHash } from "node:crypto";
import { validateSubmissionGroup } from "@/lib/domain/arbeidskrav";
import { attemptDeadlines, handInContentProblems, handInPermission } from "@/lib/domain/coursework";
import { formatDateNb, formatInstantNb, joinNb } from "@/lib/domain/format";
import { formatFileSize, uploadProblem } from "@/lib/domain/upload";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { CREDIT_STANDS } from "@/lib/server/enrolments/credits";
import { storage } from "@/lib/storage";
import { isoDate } from "@/lib/to-domain";

export interface HandInInput {
  /** A short text (trimmed; empty is none). */
  text: string | null;
  /** The PDF, or null for a text-only hand-in. */
  file: File | null;
  /** Classmates' enrolment ids for a group hand-in (the first hand-in only; the viewer is always in). */
  memberEnrolmentIds: string[];
}

const NOT_FOUND = "Fant ikke arbeidskravet.";

export async function handInArbeidskrav(viewer: Viewer, arbeidskravId: string, input: HandInInput, now = new Date()) {
  const text = input.text?.trim() ? input.text.trim() : null;
  const file = input.file;
  // Refuse by name and size before reading the bytes into memory.
  if (file) {
    const early = uploadProblem({ name: file.name, size: file.size, head: new TextEncoder().encode("%PDF-") });
    if (early) throw new DomainError(early, { file: [early] });
  }
  const contentProblems = handInContentProblems({ text, hasFile: file !== null });
  if (Object.keys(contentProblems).length > 0) {
    throw new DomainError(Object.values(contentProblems).flat()[0]!, contentProblems);
  }
  // Fail fast for an arbeidskrav outside the viewer's cohorts, before anything is stored.
  const visible = await db().arbeidskravDefinition.findFirst({
    where: { id: arbeidskravId, cohort: { enrolments: { some: { userId: viewer.id, status: "ACTIVE" } } } },
    select: { id: true },
  });
  if (!visible) throw new NotFoundError(NOT_FOUND);

  let bytes: Uint8Array | null = null;
  if (file) {
    bytes = new Uint8Array(await file.arrayBuffer());
    const problem = uploadProblem({ name: file.name, size: bytes.byteLength, head: bytes.subarray(0, 8) });
    if (problem) throw new DomainError(problem, { file: [problem] });
    // Uploads per user per hour, one count for every upload route (lib/server/rate-limit.ts),
    // before the file is stored.
    await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
  }

  const storageKey = bytes ? await storage().put(bytes) : null;
  try {
    const result = await db().$transaction(async (tx) => {
      const [own] = await tx.$queryRaw<{ enrolmentId: string; cohortId: string; cohortName: string }[]>`
        SELECT e."id" AS "enrolmentId", e."cohortId", c."name" AS "cohortName"
        FROM "Enrolment" e
        JOIN "ArbeidskravDefinition" a ON a."cohortId" = e."cohortId"
        JOIN "Cohort" c ON c."id" = e."cohortId"
        WHERE a."id" = ${arbeidskravId} AND e."userId" = ${viewer.id} AND e."status" = 'ACTIVE'
        LIMIT 1`;
      if (!own) throw new NotFoundError(NOT_FOUND);
      const definition = await tx.arbeidskravDefinition.findUniqueOrThrow({
        where: { id: arbeidskravId },
        select: { id: true, title: true, dueDate: true, individualOnly: true, minGroupSize: true, maxGroupSize: true, maxAttempts: true },
      });

      // Who is in it: the existing group (resubmission), or the viewer and the chosen classmates.
      const [existing] = await tx.$queryRaw<{ submissionId: string; status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED" }[]>`
        SELECT s."id" AS "submissionId", s."status"::text AS "status"
        FROM "SubmissionMember" m JOIN "Submission" s ON s."id" = m."submissionId"
        WHERE m."enrolmentId" = ${own.enrolmentId} AND m."arbeidskravId" = ${arbeidskravId}
        FOR UPDATE OF s`;
      const previous = existing
        ? await tx.submissionAttempt.findMany({
            where: { submissionId: existing.submissionId },
            orderBy: { attempt: "asc" },
            select: { submittedAt: true, status: true, assessedAt: true },
          })
        : [];
      // An item credited from an earlier kull (a transfer) is approved while that approval stands: nothing to hand in.
      const credited = await tx.arbeidskravCredit.findFirst({
        where: { enrolmentId: own.enrolmentId, arbeidskravId, ...CREDIT_STANDS },
        select: { id: true },
      });
      const permission = credited
        ? handInPermission("APPROVED")
        : handInPermission(existing?.status ?? "NOT_SUBMITTED", { used: previous.length, max: definition.maxAttempts });
      if (!permission.allowed) throw new DomainError(permission.reason);

      let submissionId: string;
      let attemptNumber: number;
      if (existing) {
        submissionId = existing.submissionId;
        attemptNumber = previous.length + 1;
        await tx.submission.update({ where: { id: submissionId }, data: { status: "SUBMITTED" } });
      } else {
        const others = [...new Set(input.memberEnrolmentIds)].filter((id) => id !== own.enrolmentId);
        const groupProblems = validateSubmissionGroup(definition, [own.enrolmentId, ...others], own.enrolmentId);
        if (groupProblems.length > 0) throw new DomainError(groupProblems.join(" "), { members: groupProblems });
        await lockGroup(tx, own.cohortId, [own.enrolmentId, ...others]);
        const taken = await tx.submissionMember.findMany({
          where: { arbeidskravId, enrolmentId: { in: others } },
          orderBy: { enrolment: { user: { name: "asc" } } },
          select: { enrolment: { select: { user: { select: { name: true } } } } },
        });
        if (taken.length > 0) throw alreadyInAnother(taken.map((row) => row.enrolment.user.name), definition.title);
        const created = await tx.submission.create({
          data: {
            arbeidskravId,
            status: "SUBMITTED",
            // The one who hands in is in the group by doing it; the classmates they chose confirm
            // on their own arbeidskrav page (lib/domain/submission-group.ts).
            members: {
              create: [
                { enrolmentId: own.enrolmentId, confirmedAt: now, addedAt: now },
                ...others.map((enrolmentId) => ({ enrolmentId, confirmedAt: null, addedById: viewer.id, addedAt: now })),
              ],
            },
          },
          select: { id: true },
        });
        submissionId = created.id;
        attemptNumber = 1;
      }

      const dueDate = isoDate(definition.dueDate);
      const [timed] = attemptDeadlines(dueDate, [...previous, { submittedAt: now, status: "SUBMITTED" as const, assessedAt: null }]).slice(-1);
      const attempt = await tx.submissionAttempt.create({
        data: { submissionId, attempt: attemptNumber, text, submittedById: viewer.id, submittedAt: now, status: "SUBMITTED" },
        select: { id: true },
      });
      const document =
        file && bytes && storageKey
          ? await tx.document.create({
              data: {
                kind: "SUBMISSION",
                submissionAttemptId: attempt.id,
                originalName: file.name.normalize("NFC"),
                size: bytes.byteLength,
                sha256: createHash("sha256").update(bytes).digest("hex"),
                storageKey,
                contentType: "application/pdf",
                uploadedById: viewer.id,
                uploadedAt: now,
              },
              select: { id: true, originalName: true, size: true },
            })
          : null;

      const members = await tx.submissionMember.findMany({
        where: { submissionId },
        orderBy: { enrolment: { user: { name: "asc" } } },
        select: { enrolmentId: true, enrolment: { select: { user: { select: { id: true, name: true, email: true } } } } },
      });
      const after = {
        arbeidskravId,
        attempt: attemptNumber,
        members: members.map((member) => member.enrolmentId),
        deadline: timed!.deadline,
        late: timed!.late,
        document,
        textLength: text?.length ?? 0,
      };
      await audit(tx, {
        actorId: viewer.id,
        action: attemptNumber === 1 ? "submission.hand_in" : "submission.resubmit",
        entityType: "Submission",
        entityId: submissionId,
        before: existing ? { status: existing.status, attempts: attemptNumber - 1 } : undefined,
        after,
      });

      const names = members.map((member) => member.enrolment.user.name);
      for (const member of members) {
        const user = member.enrolment.user;
        await queueMail(tx, {
          dedupeKey: `hand-in-receipt:${attempt.id}:${member.enrolmentId}`,
          userId: user.id,
          to: user.email,
          subject: `Kvittering: ${definition.title} er levert`,
          text: receiptText({
            recipient: user.name,
            submitter: viewer.name,
            recipientIsSubmitter: user.id === viewer.id,
            title: definition.title,
            cohortName: own.cohortName,
            at: now,
            attempt: attemptNumber,
            group: names.length > 1 ? names : null,
            deadline: timed!.deadline,
            late: timed!.late,
            document,
            textLength: text?.length ?? 0,
            link: `${env().APP_URL}/student/arbeidskrav/${arbeidskravId}`,
          }),
        });
      }
      return { submissionId, attemptId: attempt.id, attempt: attemptNumber, late: timed!.late, deadline: timed!.deadline, members: names, document };
    });
    await requestJob("mail.deliver");
    return result;
  } catch (error) {
    if (storageKey) await storage().delete(storageKey);
    // Two hand-ins claiming the same classmate at the same moment: the database keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(
        "Noen i gruppen ble nettopp med i en annen innlevering av dette arbeidskravet. Last siden på nytt og prøv igjen.",
        { members: ["Noen i gruppen er allerede med i en annen innlevering."] },
      );
    }
    throw error;
  }
}

/**
 * Locks the enrolments of everyone in a new group hand-in, in id order, and checks that each is an
 * active student of the viewer's cohort. Anyone else (another cohort, withdrawn, made up) is
 * refused with one message that reveals nothing about them.
 */
async function lockGroup(tx: Prisma.TransactionClient, cohortId: string, enrolmentIds: string[]) {
  const sorted = [...enrolmentIds].sort();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "Enrolment" e
    WHERE e."id" IN (${Prisma.join(sorted)}) AND e."cohortId" = ${cohortId} AND e."status" = 'ACTIVE'
    ORDER BY e."id"
    FOR UPDATE OF e`;
  if (rows.length !== sorted.length) {
    const message = "Du kan bare levere sammen med studenter som er aktive i ditt eget kull.";
    throw new DomainError(message, { members: [message] });
  }
}

function alreadyInAnother(names: string[], title: string) {
  const message =
    names.length === 1
      ? `${names[0]} er allerede med i en annen innlevering av ${title}, og kan ikke legges til i gruppen din.`
      : `${joinNb(names)} er allerede med i andre innleveringer av ${title}, og kan ikke legges til i gruppen din.`;
  return new DomainError(message, { members: [message] });
}

function receiptText(facts: {
  recipient: string;
  submitter: string;
  recipientIsSubmitter: boolean;
  title: string;
  cohortName: string;
  at: Date;
  attempt: number;
  group: string[] | null;
  deadline: string;
  late: boolean;
  document: { originalName: string; size: number } | null;
  textLength: number;
  link: string;
}): string {
  const contents = [
    facts.document ? `PDF «${facts.document.originalName}» (${formatFileSize(facts.document.size)})` : null,
    facts.textLength > 0 ? `tekst (${facts.textLength} tegn)` : null,
  ].filter((part): part is string => part !== null);
  return [
    `Hei ${facts.recipient},`,
    "",
    `Vi har mottatt ${facts.attempt === 1 ? "innleveringen" : `innlevering nr. ${facts.attempt}`} av ${facts.title} (${facts.cohortName}), ${formatInstantNb(facts.at)}.`,
    `Levert av: ${facts.submitter}`,
    facts.group ? `Gruppe: ${joinNb(facts.group)}` : null,
    `Innhold: ${joinNb(contents)}`,
    facts.late
      ? `Innleveringen er levert for sent: fristen var ${formatDateNb(facts.deadline)}. Den er mottatt og blir vurdert.`
      : `Levert innen fristen (${formatDateNb(facts.deadline)}).`,
    "",
    `Du ser innleveringen og vurderingen her: ${facts.link}`,
    facts.group && !facts.recipientIsSubmitter && facts.attempt === 1
      ? [
          "",
          `Du er lagt til i gruppen av ${facts.submitter}, og er ikke med før du har bekreftet det på arbeidskravets side (lenken over).`,
          "Skulle du ikke vært med, går du ut av gruppen der. Den som ikke har bekreftet når innleveringen vurderes, er ikke med i vurderingen og må levere selv.",
        ].join("\n")
      : null,
    "",
    "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
}
