import "server-only";
// Innsyn (GDPR art. 15): everything the app holds about one person, as a zip with one JSON file
// (innsyn.json: every row about them, with the files named) and the files they or their
// application, hand-ins and requests brought (filer/…). A person downloads their own from
// /min-konto; an administrator downloads anyone's from the audit log's person view. Each export
// is an audit entry (privacy.export), written with the read in one transaction before a byte is
// sent.
//
// The zip is made with fflate while it is sent: files are read from storage a chunk at a time
// when the client asks for more (a pull stream), so a person with 40 documents never sits in
// memory whole. PDFs are stored (already compressed); the JSON is deflated.
//
// Left out on purpose: secrets that are not information about the person (the password hash,
// session ids, the calendar feed's token hash, one-time links), and other people's details
// (classmates in a group hand-in are counted, not named). A student's own export holds a grade
// only once the exam's grades are published, as the student's pages do.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";
import { downloadFileName } from "@/lib/http/content-disposition";
import type { Database } from "@/lib/db/client";
import { canExportPersonalData } from "@/lib/permissions";
import { auditActionLabel, auditEntityLabel } from "@/lib/domain/audit-actions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { creditStands } from "@/lib/server/enrolments/credits";
import { NotFoundError } from "@/lib/server/errors";
import { auditEntriesAbout, recordsAbout } from "@/lib/server/privacy/subjects";
import type { Viewer } from "@/lib/server/viewer";
import { storage } from "@/lib/storage";

type Reader = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export interface PersonExport {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

interface ExportFile {
  documentId: string;
  path: string;
  storageKey: string;
}

/** The klagenemnd's decisions on her klager (who registered them is staff, not hers: left out). */
const APPEALS_BODY_DECISION_EXPORT = {
  outcome: true,
  decidedOn: true,
  reference: true,
  summary: true,
  registeredAt: true,
  notCarriedOut: true,
  followedUpAt: true,
  followUpNote: true,
} as const;

const DOCUMENT_SELECT = {
  id: true,
  kind: true,
  originalName: true,
  size: true,
  sha256: true,
  contentType: true,
  uploadedAt: true,
  verificationStatus: true,
  verificationNote: true,
  verifiedAt: true,
  storageKey: true,
} as const;

/**
 * Opens the export of `userId` for the viewer: their own, or anyone's for an administrator;
 * anyone else, and an unknown person, gets NotFoundError (the route answers an empty 404).
 */
export async function openPersonExport(viewer: Viewer, userId: string, now = new Date()): Promise<PersonExport> {
  if (!canExportPersonalData(viewer, userId)) throw new NotFoundError("Fant ikke personen.");
  const self = viewer.id === userId;
  const { data, files } = await db().$transaction(
    async (tx) => {
      const collected = await collectPersonData(tx, userId, { self, now });
      if (!collected) throw new NotFoundError("Fant ikke personen.");
      await audit(tx, {
        actorId: viewer.id,
        action: "privacy.export",
        entityType: "User",
        entityId: userId,
        after: { by: self ? "self" : "admin", files: collected.files.length },
      });
      return collected;
    },
    { isolationLevel: "RepeatableRead", timeout: 30_000 },
  );
  return { fileName: `innsyn-${now.toISOString().slice(0, 10)}.zip`, stream: zipStream(data, files) };
}

/** Every row about the person, and the files to add; null when there is no such person. */
export async function collectPersonData(tx: Reader, userId: string, options: { self: boolean; now: Date }) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      roles: true,
      feideSubject: true,
      emailVerifiedAt: true,
      disabledAt: true,
      createdAt: true,
      updatedAt: true,
      passwordHash: true,
      studentIdentity: { select: { birthDate: true, studentNumber: true, fsPersonNumber: true, updatedAt: true } },
      sessions: { select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true }, orderBy: { createdAt: "asc" } },
      calendarFeeds: { select: { createdAt: true, lastReadAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) return null;
  const { passwordHash, ...account } = user;

  const files: ExportFile[] = [];
  const usedPaths = new Set<string>();
  // Each document once, under filer/<kind>/<id>-<cleaned name>.pdf; the JSON names the path.
  const withFile = <T extends { id: string; kind: string; originalName: string; storageKey: string }>(document: T) => {
    const { storageKey, ...rest } = document;
    const path = `filer/${document.kind.toLowerCase()}/${document.id}-${downloadFileName(document.originalName)}`;
    if (!usedPaths.has(path)) {
      usedPaths.add(path);
      files.push({ documentId: document.id, path, storageKey });
    }
    return { ...rest, file: path };
  };

  // One after the other: a transaction is one connection, which runs one query at a time.
  const applications = await tx.application.findMany({
      where: { applicantId: userId },
      orderBy: { createdAt: "asc" },
      include: {
        cohort: { select: { code: true, name: true, programme: { select: { name: true } } } },
        educations: { orderBy: { sortOrder: "asc" } },
        positions: { orderBy: { sortOrder: "asc" } },
        documents: { select: DOCUMENT_SELECT, orderBy: { uploadedAt: "asc" } },
        decision: { include: { letters: { orderBy: { version: "asc" } } } },
        appeals: { orderBy: { filedAt: "asc" }, include: { appealsBodyDecisions: { select: APPEALS_BODY_DECISION_EXPORT, orderBy: { registeredAt: "asc" } } } },
        documentationRequests: { orderBy: { createdAt: "asc" } },
        rankingMoves: { select: { toRank: true, reason: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    });
  const enrolments = await tx.enrolment.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      include: {
        cohort: { select: { code: true, name: true, programme: { select: { name: true } } } },
        basisgruppe: { select: { name: true } },
        standing: true,
        attendance: { include: { samlingDay: { select: { date: true } } }, orderBy: { samlingDay: { date: "asc" } } },
        absenceNotices: { include: { samlingDay: { select: { date: true } } }, orderBy: { createdAt: "asc" } },
        submissionMembers: {
          include: {
            submission: {
              include: {
                arbeidskrav: { select: { title: true, kind: true } },
                _count: { select: { members: true } },
                attempts: {
                  orderBy: { attempt: "asc" },
                  include: { documents: { select: DOCUMENT_SELECT }, changes: { orderBy: { changedAt: "asc" } } },
                },
              },
            },
          },
        },
        examRegistrations: {
          include: {
            exam: { select: { title: true, kind: true, startsOn: true, gradesPublishedAt: true } },
            deferrals: { include: { documents: { select: DOCUMENT_SELECT } }, orderBy: { requestedAt: "asc" } },
          },
        },
        letters: { orderBy: { madeAvailableOn: "asc" }, include: { opening: { select: { openedAt: true } } } },
        appeals: { orderBy: { filedAt: "asc" }, include: { appealsBodyDecisions: { select: APPEALS_BODY_DECISION_EXPORT, orderBy: { registeredAt: "asc" } } } },
        // Forhåndsvarsler she got, with her own uttalelse (not the other members').
        correctionNotices: {
          select: {
            response: true,
            respondedAt: true,
            letterId: true,
            notice: { select: { reason: true, sentAt: true, respondBy: true, status: true, closedAt: true, closingNote: true } },
          },
        },
        leaves: { orderBy: { fromDate: "asc" } },
        attendanceCredits: { include: { samlingDay: { select: { date: true } } } },
        arbeidskravCredits: {
          include: {
            arbeidskrav: { select: { title: true } },
            sourceSubmission: { select: { status: true, arbeidskrav: { select: { title: true, cohort: { select: { name: true } } } } } },
          },
        },
      },
    });
  const mail = await tx.mailMessage.findMany({
      where: { OR: [{ userId }, { to: user.email }] },
      select: { to: true, subject: true, text: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "asc" },
    });
  const records = await recordsAbout(tx, userId);
  const auditEntries = await tx.auditLog.findMany({
    where: auditEntriesAbout(records),
    select: { id: true, action: true, entityType: true, entityId: true, before: true, after: true, at: true, actorId: true, actor: { select: { name: true } } },
    orderBy: { id: "asc" },
  });

  const data = {
    format: "barnevernledelse-innsyn/1",
    generatedAt: options.now.toISOString(),
    about: { id: user.id, name: user.name, email: user.email },
    note: "Alle opplysninger vi har om deg i studieadministrasjonen for videreutdanningen i barnevernledelse. Dokumentene ligger i mappen filer/; hvert dokument nedenfor sier hvor (file).",
    account: { ...account, hasPassword: passwordHash !== null },
    applications: applications.map((application) => ({
      ...application,
      documents: application.documents.map(withFile),
    })),
    enrolments: enrolments.map(({ submissionMembers, examRegistrations, arbeidskravCredits, ...enrolment }) => ({
      ...enrolment,
      arbeidskravCredits: arbeidskravCredits.map(({ sourceSubmission, ...credit }) => ({
        ...credit,
        from: `${sourceSubmission.arbeidskrav.title}, ${sourceSubmission.arbeidskrav.cohort.name}`,
        /** False once the approval it rests on was corrected: it no longer counts. */
        stands: creditStands({ sourceSubmission }),
      })),
      submissions: submissionMembers.map(({ submission, confirmedAt, addedAt }) => ({
        arbeidskrav: submission.arbeidskrav,
        status: submission.status,
        membersInGroup: submission._count.members,
        confirmedAt,
        addedAt,
        attempts: submission.attempts.map((attempt) => ({ ...attempt, documents: attempt.documents.map(withFile) })),
      })),
      examRegistrations: examRegistrations.map(({ grade, gradedAt, deferrals, ...registration }) => {
        const gradeVisible = !options.self || registration.exam.gradesPublishedAt !== null;
        return {
          ...registration,
          grade: gradeVisible ? grade : null,
          gradedAt: gradeVisible ? gradedAt : null,
          deferrals: deferrals.map((deferral) => ({ ...deferral, documents: deferral.documents.map(withFile) })),
        };
      }),
    })),
    mail,
    // What each entry says and what it is about, in words, beside the stored codes.
    auditEntries: auditEntries.map((entry) => ({
      ...entry,
      id: entry.id.toString(),
      description: auditActionLabel(entry.action),
      about: auditEntityLabel(entry.entityType),
    })),
  };
  return { data, files };
}

function zipStream(data: unknown, files: ExportFile[]): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: unknown = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      chunks.push(chunk);
      if (final) finished = true;
    }
  });

  async function* produce(): AsyncGenerator<void> {
    const missing: string[] = [];
    for (const file of files) {
      const source = await storage().read(file.storageKey);
      if (!source) {
        missing.push(file.path);
        continue;
      }
      const entry = new ZipPassThrough(file.path);
      zip.add(entry);
      const reader = source.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        entry.push(value);
        yield;
      }
      entry.push(new Uint8Array(0), true);
      yield;
    }
    const json = new ZipDeflate("innsyn.json", { level: 6 });
    zip.add(json);
    const withMissing = missing.length > 0 ? { ...(data as object), filesMissingOnDisk: missing } : data;
    json.push(strToU8(JSON.stringify(withMissing, (_key, value) => (typeof value === "bigint" ? value.toString() : value), 2)), true);
    zip.end();
    yield;
  }

  const steps = produce();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (chunks.length === 0 && !finished && failure === null) {
        const step = await steps.next();
        if (step.done && !finished) failure = new Error("The export's zip ended before its last entry.");
        if (step.done) break;
      }
      if (failure !== null) {
        controller.error(failure);
        return;
      }
      while (chunks.length > 0) controller.enqueue(chunks.shift()!);
      if (finished) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}
