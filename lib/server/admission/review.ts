import "server-only";
// The adviser's review of one application: documents approved or rejected with a comment the
// applicant sees, positions verified against the tjenestebevis, the category (computed from the
// verified positions, or overridden with a reason), the judgement of the requirements with
// grounds, and requests for documentation (mangelbrev). Every change locks the application row
// (so it never interleaves with the applicant's upload), writes an audit entry, marks the
// application as under review, and keeps the assessed category up to date for the lists.
import { osloDate } from "@/lib/domain/application-deadline";
import { requestDueDateProblem } from "@/lib/domain/admission-decisions";
import { formatDateNb } from "@/lib/domain/format";
import { env } from "@/lib/env";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";
import { requestJob } from "@/lib/jobs/queue";
import { isRecordId } from "@/lib/validation/ids";
import { refuseOwnIntake, requireAdviser } from "./access";
import { lockCohort } from "./places";
import { refreshAssessedCategory } from "./facts";

type Verification = "PENDING" | "VERIFIED" | "REJECTED";

/**
 * Locks an application for review by `viewer`: it must be sent and not withdrawn, and in a kull
 * the viewer has not applied to herself (refuseOwnIntake, forvaltningsloven § 6).
 *
 * The kull first, then the application: the order every admission decision locks in (the batch,
 * an offer, the applicant's withdrawal). A review step and a decision in the same kull therefore
 * never interleave: no batch ranks on a category or judgement that changes under it, and whether
 * a decision exists is read once the kull is ours, by its own statement (a subquery in the
 * locking statement would answer from the snapshot taken before waiting for the row).
 */
async function lockForReview(tx: Transaction, viewer: Viewer, applicationId: string) {
  const kull = isRecordId(applicationId) ? await tx.application.findUnique({ where: { id: applicationId }, select: { cohortId: true } }) : null;
  if (!kull) throw new NotFoundError("Fant ikke søknaden.");
  await lockCohort(tx, kull.cohortId);
  const rows = await tx.$queryRaw<{ id: string; status: string; reviewStartedAt: Date | null; cohortId: string }[]>`
    SELECT a."id", a."status"::text AS "status", a."reviewStartedAt", a."cohortId"
    FROM "Application" a WHERE a."id" = ${applicationId} FOR UPDATE`;
  const locked = rows[0];
  if (!locked || locked.status === "DRAFT") throw new NotFoundError("Fant ikke søknaden.");
  if (locked.status === "WITHDRAWN") throw new DomainError("Søknaden er trukket av søkeren og kan ikke vurderes.");
  await refuseOwnIntake(tx, viewer, locked.cohortId);
  const decided = (await tx.decision.count({ where: { applicationId } })) > 0;
  return { ...locked, decided };
}

async function markUnderReview(tx: Transaction, application: { id: string; status: string; reviewStartedAt: Date | null }, now: Date) {
  if (application.status === "SUBMITTED") {
    await tx.application.update({ where: { id: application.id }, data: { status: "UNDER_REVIEW", reviewStartedAt: application.reviewStartedAt ?? now } });
  }
}

function requireNote(status: Verification, note: string | null, what: string) {
  if (status === "REJECTED" && !note) {
    throw new DomainError(`Skriv hvorfor ${what} er avvist. Søkeren ser kommentaren.`, { note: ["Skriv en kommentar til søkeren."] });
  }
}

/**
 * Approves or rejects one document or one position (the tjenestebevis check), with a comment the
 * applicant sees; a rejection needs one. The same steps for both: lock, check it belongs to the
 * application, write, audit, mark under review, refresh the assessed category.
 */
async function verifyItem(
  viewer: Viewer,
  item: { kind: "document" | "position"; applicationId: string; id: string; status: Verification; note: string | null },
  now: Date,
) {
  requireAdviser(viewer);
  requireNote(item.status, item.note, item.kind === "document" ? "dokumentet" : "stillingen");
  return db().$transaction(async (tx) => {
    const application = await lockForReview(tx, viewer, item.applicationId);
    // The verified positions give the category the ranking uses: after the decision, like the
    // category and the qualification, they change only in a klagesak.
    if (application.decided) {
      throw new DomainError(
        `Søknaden har fått vedtak, så ${item.kind === "document" ? "dokumentene" : "stillingene"} kontrolleres ikke på nytt. Mener søkeren at vurderingen er feil, behandles det som en klage på vedtaket.`,
      );
    }
    const select = { id: true, verificationStatus: true, verificationNote: true } as const;
    const found =
      item.kind === "document"
        ? await tx.document.findFirst({ where: { id: item.id, applicationId: application.id, kind: { in: ["VITNEMAL", "TJENESTEBEVIS", "OTHER"] } }, select })
        : await tx.position.findFirst({ where: { id: item.id, applicationId: application.id }, select });
    if (!found) throw new NotFoundError(item.kind === "document" ? "Fant ikke dokumentet." : "Fant ikke stillingen.");
    const verified = item.status === "PENDING" ? null : now;
    const data = { verificationStatus: item.status, verificationNote: item.note, verifiedById: verified ? viewer.id : null, verifiedAt: verified };
    if (item.kind === "document") await tx.document.update({ where: { id: found.id }, data });
    else await tx.position.update({ where: { id: found.id }, data });
    await audit(tx, {
      actorId: viewer.id,
      action: `${item.kind}.verify`,
      entityType: item.kind === "document" ? "Document" : "Position",
      entityId: found.id,
      before: { status: found.verificationStatus, note: found.verificationNote },
      after: { status: item.status, note: item.note },
    });
    await markUnderReview(tx, application, now);
    return refreshAssessedCategory(tx, application.id);
  });
}

export function reviewDocument(
  viewer: Viewer,
  input: { applicationId: string; documentId: string; status: Verification; note: string | null },
  now = new Date(),
) {
  return verifyItem(viewer, { kind: "document", applicationId: input.applicationId, id: input.documentId, status: input.status, note: input.note }, now);
}

export function reviewPosition(
  viewer: Viewer,
  input: { applicationId: string; positionId: string; status: Verification; note: string | null },
  now = new Date(),
) {
  return verifyItem(viewer, { kind: "position", applicationId: input.applicationId, id: input.positionId, status: input.status, note: input.note }, now);
}

/** Sets or clears the adviser's category; a category other than the computed one needs a reason. */
export async function setCategoryOverride(
  viewer: Viewer,
  input: { applicationId: string; category: number | null; reason: string | null },
  now = new Date(),
) {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    const application = await lockForReview(tx, viewer, input.applicationId);
    if (application.decided) throw new DomainError("Søknaden har fått vedtak. Kategorien kan bare endres i en klagesak.");
    const summary = await refreshAssessedCategory(tx, application.id);
    const override = input.category !== null && input.category !== summary.computed.category ? input.category : null;
    if (override !== null && !input.reason) {
      throw new DomainError("Skriv hvorfor du setter en annen kategori enn den beregnede.", { reason: ["Begrunnelsen må fylles ut."] });
    }
    const before = await tx.application.findUniqueOrThrow({ where: { id: application.id }, select: { category: true, categoryReason: true } });
    await tx.application.update({
      where: { id: application.id },
      data: {
        category: override,
        categoryReason: override !== null ? input.reason : null,
        categorySetById: override !== null ? viewer.id : null,
        categorySetAt: override !== null ? now : null,
      },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: override !== null ? "category.override" : "category.clear",
      entityType: "Application",
      entityId: application.id,
      before,
      after: { category: override, categoryReason: override !== null ? input.reason : null, computed: summary.computed.category },
    });
    await markUnderReview(tx, application, now);
    return refreshAssessedCategory(tx, application.id);
  });
}

/** Qualified / not qualified (with grounds, required for "not") / not yet judged. */
export async function judgeQualification(
  viewer: Viewer,
  input: { applicationId: string; qualified: boolean | null; grounds: string | null },
  now = new Date(),
) {
  requireAdviser(viewer);
  if (input.qualified === false && !input.grounds) {
    throw new DomainError("Skriv begrunnelsen for at søkeren ikke oppfyller opptakskravene. Den står i vedtaksbrevet.", {
      grounds: ["Begrunnelsen må fylles ut."],
    });
  }
  return db().$transaction(async (tx) => {
    const application = await lockForReview(tx, viewer, input.applicationId);
    if (application.decided) throw new DomainError("Søknaden har fått vedtak. Vurderingen kan bare endres i en klagesak.");
    const before = await tx.application.findUniqueOrThrow({ where: { id: application.id }, select: { qualified: true, qualificationGrounds: true } });
    await tx.application.update({
      where: { id: application.id },
      data: {
        qualified: input.qualified,
        qualificationGrounds: input.grounds,
        qualifiedById: input.qualified === null ? null : viewer.id,
        qualifiedAt: input.qualified === null ? null : now,
      },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "application.qualify",
      entityType: "Application",
      entityId: application.id,
      before,
      after: { qualified: input.qualified, qualificationGrounds: input.grounds },
    });
    await markUnderReview(tx, application, now);
    return refreshAssessedCategory(tx, application.id);
  });
}

/**
 * A request for documentation (mangelbrev): a message and a due date, e-mailed to the applicant,
 * shown on their status page; they may add documents until the end of the due date, also after
 * the application deadline.
 */
export async function requestDocumentation(
  viewer: Viewer,
  input: { applicationId: string; message: string; dueDate: string },
  now = new Date(),
) {
  requireAdviser(viewer);
  const problem = requestDueDateProblem(input.dueDate, now);
  if (problem) throw new DomainError(problem, { dueDate: [problem] });
  const requestId = await db().$transaction(async (tx) => {
    const application = await lockForReview(tx, viewer, input.applicationId);
    if (application.decided) throw new DomainError("Søknaden har fått vedtak.");
    const request = await tx.documentationRequest.create({
      data: { applicationId: application.id, message: input.message, dueDate: day(input.dueDate), createdById: viewer.id },
      select: { id: true },
    });
    const person = await tx.application.findUniqueOrThrow({
      where: { id: application.id },
      select: { fullName: true, applicant: { select: { id: true, name: true, email: true } }, cohort: { select: { name: true, programme: { select: { name: true } } } } },
    });
    await queueMail(tx, {
      dedupeKey: `documentation-request:${request.id}`,
      userId: person.applicant.id,
      to: person.applicant.email,
      subject: `Vi trenger mer dokumentasjon: søknaden til ${person.cohort.programme.name}, ${person.cohort.name}`,
      text: [
        `Hei ${person.fullName ?? person.applicant.name},`,
        "",
        "Studieveilederen har gått gjennom søknaden din og trenger mer dokumentasjon:",
        "",
        input.message,
        "",
        `Last opp dokumentene i søknadsportalen innen ${formatDateNb(input.dueDate)}: ${env().APP_URL}/soker/soknad/${application.id}`,
        "Du kan laste opp til og med den datoen, selv om søknadsfristen har gått ut.",
        "",
        `Hilsen ${viewer.name}, studieveileder`,
      ].join("\n"),
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "documentation.request",
      entityType: "DocumentationRequest",
      entityId: request.id,
      after: { applicationId: application.id, message: input.message, dueDate: input.dueDate, sentOn: osloDate(now) },
    });
    await markUnderReview(tx, application, now);
    return request.id;
  });
  await requestJob("mail.deliver");
  return requestId;
}

/** The adviser closes a request (the documents came, or it is no longer needed). */
export async function closeDocumentationRequest(viewer: Viewer, input: { applicationId: string; requestId: string }, now = new Date()) {
  requireAdviser(viewer);
  await db().$transaction(async (tx) => {
    const application = await lockForReview(tx, viewer, input.applicationId);
    const request = await tx.documentationRequest.findFirst({ where: { id: input.requestId, applicationId: application.id, closedAt: null }, select: { id: true } });
    if (!request) throw new NotFoundError("Fant ikke forespørselen.");
    await tx.documentationRequest.update({ where: { id: request.id }, data: { closedAt: now } });
    await audit(tx, { actorId: viewer.id, action: "documentation.close", entityType: "DocumentationRequest", entityId: request.id, before: { closedAt: null }, after: { closedAt: now } });
  });
}
