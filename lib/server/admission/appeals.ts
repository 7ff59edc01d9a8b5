import "server-only";
import { inOrder } from "@/lib/server/in-order";
// Klage (appeals) on admission decisions: the applicant files one on a refusal or a waiting-list
// decision until the letter's klage deadline (forvaltningsloven § 29, lib/domain/klage.ts); the
// adviser reverses it (an offer, or a better place on the waiting list, with a new letter) or
// upholds it with grounds and marks it forwarded to the appeals body. Every step is audited and
// shown to the applicant.
import { createHash } from "node:crypto";
import { osloDate } from "@/lib/domain/application-deadline";
import { offerAnswerDeadline } from "@/lib/domain/admission-decisions";
import { formatDateNb } from "@/lib/domain/format";
import { isKlageInTime } from "@/lib/domain/klage";
import { uploadProblem } from "@/lib/domain/upload";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { lockOwnApplication } from "@/lib/server/applications/ownership";
import { COHORT_FULL_MESSAGE, LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import { requestJob } from "@/lib/jobs/queue";
import type { Viewer } from "@/lib/server/viewer";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { storage } from "@/lib/storage";
import { isoDate } from "@/lib/to-domain";
import { requireAdviser } from "./access";
import { lockCohort, placesTaken } from "./decisions";
import { loadReviewSummaries } from "./facts";
import { APPEALS_BODY, issueLetter, type LetterContext } from "./letters";

// ─── The applicant files ────────────────────────────────────────────────────────────────────────

export async function fileAppeal(viewer: Viewer, applicationId: string, input: { text: string; file: File | null }, now = new Date()) {
  let stored: { key: string; bytes: Uint8Array; name: string } | null = null;
  if (input.file && input.file.size > 0) {
    const early = uploadProblem({ name: input.file.name, size: input.file.size, head: new TextEncoder().encode("%PDF-") });
    if (early) throw new DomainError(early, { file: [early] });
    // The same hourly count as every other upload route (lib/server/rate-limit.ts).
    await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const problem = uploadProblem({ name: input.file.name, size: bytes.byteLength, head: bytes.subarray(0, 8) });
    if (problem) throw new DomainError(problem, { file: [problem] });
    stored = { key: await storage().put(bytes), bytes, name: input.file.name.normalize("NFC") };
  }
  try {
    const appealId = await db().$transaction(async (tx) => {
      const application = await lockOwnApplication(tx, viewer, applicationId);
      const decision = await tx.decision.findUnique({
        where: { applicationId },
        select: {
          id: true,
          outcome: true,
          letters: { orderBy: { version: "desc" }, select: { id: true, kind: true, madeAvailableOn: true, klageDeadline: true } },
          appeals: { select: { letterId: true, status: true } },
        },
      });
      if (!decision || (decision.outcome !== "REFUSAL" && decision.outcome !== "WAITLIST")) {
        throw new DomainError("Du kan klage på et avslag eller en plass på venteliste.");
      }
      const letter = decision.letters.find((candidate) => candidate.kind === decision.outcome && candidate.klageDeadline);
      if (!letter) throw new DomainError("Det finnes ikke noe vedtaksbrev å klage på.");
      if (decision.appeals.some((appeal) => appeal.status === "RECEIVED")) throw new DomainError("Du har allerede en klage som er under behandling.");
      if (decision.appeals.some((appeal) => appeal.letterId === letter.id)) throw new DomainError("Du har allerede klaget på dette vedtaket.");
      if (!isKlageInTime(isoDate(letter.madeAvailableOn), osloDate(now))) {
        throw new DomainError(`Klagefristen gikk ut ${formatDateNb(isoDate(letter.klageDeadline!))}. Kontakt studieveilederen hvis du mener du har en god grunn til å klage for sent.`);
      }
      const document = stored
        ? await tx.document.create({
            data: {
              kind: "APPEAL",
              applicationId,
              originalName: stored.name,
              size: stored.bytes.byteLength,
              sha256: createHash("sha256").update(stored.bytes).digest("hex"),
              storageKey: stored.key,
              contentType: "application/pdf",
              uploadedById: viewer.id,
            },
            select: { id: true },
          })
        : null;
      const appeal = await tx.appeal.create({
        data: { applicationId, decisionId: decision.id, letterId: letter.id, text: input.text, documentId: document?.id ?? null, filedAt: now },
        select: { id: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "appeal.file",
        entityType: "Appeal",
        entityId: appeal.id,
        after: { applicationId, decisionId: decision.id, letterId: letter.id, documentId: document?.id ?? null, status: application.status },
      });
      await queueMail(tx, {
        dedupeKey: `appeal-receipt:${appeal.id}`,
        userId: viewer.id,
        to: viewer.email,
        subject: "Vi har mottatt klagen din",
        text: [
          `Hei ${viewer.name},`,
          "",
          `Vi har mottatt klagen din på vedtaket om opptak, ${formatDateNb(osloDate(now))}. Studieveilederen behandler den, og du får svar i søknadsportalen og på e-post.`,
          `Holder vi fast på vedtaket, sender vi klagen til ${APPEALS_BODY} for endelig avgjørelse.`,
        ].join("\n"),
      });
      return appeal.id;
    });
    await requestJob("mail.deliver");
    return appealId;
  } catch (error) {
    if (stored) await storage().delete(stored.key);
    if (error instanceof Error && /Appeal_one_open_per_decision/.test(error.message)) {
      throw new DomainError("Du har allerede en klage som er under behandling.");
    }
    throw error;
  }
}

// ─── The adviser decides ────────────────────────────────────────────────────────────────────────

export type AppealOutcome =
  | { kind: "OFFER"; grounds: string }
  | { kind: "WAITLIST"; grounds: string; position: number }
  | { kind: "UPHOLD"; grounds: string; forwarded: boolean };

async function lockAppeal(tx: Transaction, appealId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string; applicationId: string; decisionId: string; filedAt: Date; cohortId: string }[]>`
    SELECT ap."id", ap."status"::text AS "status", ap."applicationId", ap."decisionId", ap."filedAt", a."cohortId"
    FROM "Appeal" ap JOIN "Application" a ON a."id" = ap."applicationId"
    WHERE ap."id" = ${appealId}
    FOR UPDATE OF ap`;
  const appeal = rows[0];
  if (!appeal) throw new NotFoundError("Fant ikke klagen.");
  return appeal;
}

async function letterContext(tx: Transaction, applicationId: string, decisionId: string, viewer: Viewer): Promise<LetterContext> {
  const [row, reviews] = await inOrder(
    () => tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        fullName: true,
        qualificationGrounds: true,
        applicant: { select: { id: true, name: true, email: true } },
        cohort: { select: { name: true, capacity: true, programme: { select: { name: true, adviserName: true, adviserEmail: true, adviserPhone: true, offerWelcomeText: true, offerPracticalText: true } } } },
      },
    }),
    () => loadReviewSummaries(tx, [applicationId]),
  );
  return {
    applicationId,
    decisionId,
    applicant: { userId: row.applicant.id, name: row.fullName ?? row.applicant.name, email: row.applicant.email },
    cohort: row.cohort,
    review: reviews.get(applicationId)!,
    qualificationGrounds: row.qualificationGrounds,
    decidedBy: { name: viewer.name },
  };
}

/**
 * Decides a klage. A reversal changes the decision in place (the audit log keeps the old one)
 * and issues a new letter; a reversal to an offer needs a free place ("Kullet er fullt"
 * otherwise: give a better waiting-list place instead). Upholding keeps the decision, issues a
 * letter saying the case goes to the appeals body, and may mark it forwarded at once.
 */
export async function decideAppeal(viewer: Viewer, appealId: string, outcome: AppealOutcome, now = new Date()): Promise<void> {
  requireAdviser(viewer);
  await withRetry(() =>
    db().$transaction(async (tx) => {
      const appeal = await lockAppeal(tx, appealId);
      if (appeal.status !== "RECEIVED") throw new DomainError("Klagen er allerede avgjort.");
      const cohort = await lockCohort(tx, appeal.cohortId);
      const decision = await tx.decision.findUniqueOrThrow({
        where: { id: appeal.decisionId },
        select: { id: true, outcome: true, waitlistPosition: true, grounds: true },
      });
      const context = await letterContext(tx, appeal.applicationId, decision.id, viewer);
      const klage = { filedOn: osloDate(appeal.filedAt), grounds: outcome.grounds };
      const before = { outcome: decision.outcome, waitlistPosition: decision.waitlistPosition };

      if (outcome.kind === "OFFER") {
        if ((await placesTaken(tx, appeal.cohortId)) >= cohort.capacity) {
          throw new DomainError(`${COHORT_FULL_MESSAGE} Gi søkeren en bedre plass på ventelisten i stedet.`);
        }
        const answerDeadline = offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline));
        await tx.decision.update({
          where: { id: decision.id },
          data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day(answerDeadline), grounds: `Klage tatt til følge: ${outcome.grounds}`, decidedById: viewer.id, decidedAt: now },
        });
        await tx.application.update({ where: { id: appeal.applicationId }, data: { qualified: true } });
        await renumberAfterLeaving(tx, appeal.cohortId, decision.outcome === "WAITLIST" ? decision.waitlistPosition : null, viewer.id);
        await issueLetter(tx, context, { kind: "OFFER", afterKlage: true, answerDeadline, klage, now }, viewer.id);
      } else if (outcome.kind === "WAITLIST") {
        const waitlist = await tx.decision.findMany({
          where: { application: { cohortId: appeal.cohortId, status: { not: "WITHDRAWN" } }, outcome: "WAITLIST", id: { not: decision.id } },
          orderBy: { waitlistPosition: "asc" },
          select: { id: true, waitlistPosition: true },
        });
        const current = decision.outcome === "WAITLIST" ? decision.waitlistPosition! : Number.POSITIVE_INFINITY;
        if (outcome.position >= current) throw new DomainError(`Den nye plassen må være bedre enn nummer ${decision.waitlistPosition}.`, { position: ["Velg en bedre plass."] });
        const position = Math.min(outcome.position, waitlist.length + 1);
        // Make room: everyone from the new place down moves one step (in reverse, no clashes).
        const shifted = waitlist.filter((entry) => entry.waitlistPosition! >= position && entry.waitlistPosition! < current);
        for (const entry of [...shifted].reverse()) {
          await tx.decision.update({ where: { id: entry.id }, data: { waitlistPosition: entry.waitlistPosition! + 1 } });
          await audit(tx, { actorId: viewer.id, action: "waitlist.move", entityType: "Decision", entityId: entry.id, before: { waitlistPosition: entry.waitlistPosition }, after: { waitlistPosition: entry.waitlistPosition! + 1, reason: "klage" } });
        }
        await tx.decision.update({
          where: { id: decision.id },
          data: { outcome: "WAITLIST", waitlistPosition: position, answerDeadline: null, grounds: `Klage tatt til følge: ${outcome.grounds}`, decidedById: viewer.id, decidedAt: now },
        });
        await tx.application.update({ where: { id: appeal.applicationId }, data: { qualified: true } });
        await issueLetter(tx, context, { kind: "WAITLIST", afterKlage: true, waitlistPosition: position, klage, now }, viewer.id);
      } else {
        await issueLetter(tx, context, { kind: "KLAGE_UPHELD", klage, now }, viewer.id);
      }

      const status = outcome.kind === "UPHOLD" ? "UPHELD" : "REVERSED";
      await tx.appeal.update({
        where: { id: appeal.id },
        data: {
          status,
          grounds: outcome.grounds,
          decidedById: viewer.id,
          decidedAt: now,
          forwardedAt: outcome.kind === "UPHOLD" && outcome.forwarded ? now : null,
        },
      });
      const after = await tx.decision.findUniqueOrThrow({ where: { id: decision.id }, select: { outcome: true, waitlistPosition: true } });
      await audit(tx, {
        actorId: viewer.id,
        action: outcome.kind === "UPHOLD" ? "appeal.uphold" : "appeal.reverse",
        entityType: "Appeal",
        entityId: appeal.id,
        before: { status: "RECEIVED", decision: before },
        after: { status, grounds: outcome.grounds, decision: after, forwarded: outcome.kind === "UPHOLD" && outcome.forwarded },
      });
    }, LOCKING_TRANSACTION),
  );
  await requestJob("mail.deliver");
}

/** Marks an upheld klage as sent to the appeals body (a status; the sending happens outside). */
export async function markAppealForwarded(viewer: Viewer, appealId: string, now = new Date()): Promise<void> {
  requireAdviser(viewer);
  await db().$transaction(async (tx) => {
    const appeal = await lockAppeal(tx, appealId);
    const current = await tx.appeal.findUniqueOrThrow({ where: { id: appeal.id }, select: { status: true, forwardedAt: true } });
    if (current.status !== "UPHELD") throw new DomainError("Bare en klage som ikke er tatt til følge, sendes til klageinstansen.");
    if (current.forwardedAt) throw new DomainError("Klagen er allerede merket som oversendt.");
    await tx.appeal.update({ where: { id: appeal.id }, data: { forwardedAt: now } });
    await audit(tx, { actorId: viewer.id, action: "appeal.forward", entityType: "Appeal", entityId: appeal.id, before: { forwardedAt: null }, after: { forwardedAt: now, to: APPEALS_BODY } });
  });
}

async function renumberAfterLeaving(tx: Transaction, cohortId: string, leftPosition: number | null, actorId: string) {
  if (leftPosition === null) return;
  const below = await tx.decision.findMany({
    where: { application: { cohortId, status: { not: "WITHDRAWN" } }, outcome: "WAITLIST", waitlistPosition: { gt: leftPosition } },
    orderBy: { waitlistPosition: "asc" },
    select: { id: true, waitlistPosition: true },
  });
  for (const entry of below) {
    await tx.decision.update({ where: { id: entry.id }, data: { waitlistPosition: entry.waitlistPosition! - 1 } });
    await audit(tx, { actorId, action: "waitlist.move", entityType: "Decision", entityId: entry.id, before: { waitlistPosition: entry.waitlistPosition }, after: { waitlistPosition: entry.waitlistPosition! - 1 } });
  }
}
