import "server-only";
// Klage (appeals) on admission decisions: the applicant files one on a refusal or a waiting-list
// decision until the letter's klage deadline (forvaltningsloven § 29, lib/domain/klage.ts); the
// adviser reverses it (an offer, or a better place on the waiting list, with a new letter) or
// upholds it with grounds and marks it forwarded to the appeals body. Every step is audited and
// shown to the applicant.
import { createHash } from "node:crypto";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { ARCHIVED_KULL_MESSAGE } from "@/lib/domain/cohort-life";
import { isWaitlistClosed, offerAnswerDeadline, orderWaitlist } from "@/lib/domain/admission-decisions";
import { appealableLetter } from "@/lib/domain/decision-letter";
import { formatDateNb } from "@/lib/domain/format";
import { isKlageInTime, klageRegistration, registeredFiledAt } from "@/lib/domain/klage";
import { uploadProblem } from "@/lib/domain/upload";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { lockOwnApplicationAndKull } from "@/lib/server/applications/ownership";
import { COHORT_FULL_MESSAGE, LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import { requestJob } from "@/lib/jobs/queue";
import type { Viewer } from "@/lib/server/viewer";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { storage } from "@/lib/storage";
import { inOrder } from "@/lib/server/in-order";
import { isoDate } from "@/lib/to-domain";
import { carryOutAppealsBodyDecision, recordAppealsBodyDecision, recordAppealsBodyFollowUp, type AppealsBodyDecisionInput } from "@/lib/server/appeals-body";
import { ownApplicationWhere, OwnIntakeReadError, refuseOwnIntake, requireAdviser } from "./access";
import { isRecordId } from "@/lib/validation/ids";
import { settleOpenAppeals } from "./appeal-settlement";
import { APPEALS_BODY, issueLetter, loadLetterContexts, type IssueLetterInput, type LetterContext } from "./letters";
import { assertDecisionsOpen, lockCohort, placesTaken, waitlistClosingDateOf } from "./places";
import { computeRanking } from "./ranking";
import { renumberWaitlist, reorderWaitlist, waitlistOf } from "./waitlist";

// ─── The applicant files ────────────────────────────────────────────────────────────────────────

/**
 * The decision and letter a klage on this application is about, or why there is none to klage on:
 * the applicant's portal and the adviser's registration of a klage by e-mail or post ask the same.
 * `party` names the applicant in the messages ("Du", "Søkeren").
 */
async function appealableDecision(tx: Transaction, applicationId: string, status: string, party: "Du" | "Søkeren") {
  if (status === "WITHDRAWN") throw new DomainError("Søknaden er trukket, så det er ikke noe vedtak å klage på lenger.");
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
    throw new DomainError(`${party} kan klage på et avslag eller en plass på venteliste.`);
  }
  const letter = appealableLetter(decision);
  if (!letter) throw new DomainError("Det finnes ikke noe vedtaksbrev å klage på.");
  if (decision.appeals.some((appeal) => appeal.status === "RECEIVED")) throw new DomainError(`${party} har allerede en klage som er under behandling.`);
  if (decision.appeals.some((appeal) => appeal.letterId === letter.id)) throw new DomainError(`${party} har allerede klaget på dette vedtaket.`);
  return { decisionId: decision.id, letter: { id: letter.id, madeAvailableOn: isoDate(letter.madeAvailableOn), klageDeadline: isoDate(letter.klageDeadline!) } };
}

/**
 * The applicant's receipt for a klage, in the klage's transaction: one filed in the portal is
 * received the day it is filed; one by e-mail or post (`registered`) is dated the day it was made,
 * with why a late one is taken up.
 */
async function queueAppealReceipt(
  tx: Transaction,
  appealId: string,
  to: { id: string; email: string; name: string },
  filedOn: string,
  registered: { lateReason: string | null } | null,
  decisionId: string,
) {
  const decision = await tx.decision.findUniqueOrThrow({ where: { id: decisionId }, select: { caseYear: true, caseNumber: true } });
  await queueMail(tx, {
    dedupeKey: `appeal-receipt:${appealId}`,
    userId: to.id,
    to: to.email,
    subject: "Vi har mottatt klagen din",
    text: [
      `Hei ${to.name},`,
      "",
      // «Klagen er datert»: the klage's day, not the decision's (a walk read «vedtaket …, datert» as the decision's date).
      registered
        ? `Vi har registrert klagen din på vedtaket om opptak. Klagen er datert ${formatDateNb(filedOn)}. Studieveilederen behandler den, og du får svar i søknadsportalen og på e-post.`
        : `Vi har mottatt klagen din på vedtaket om opptak ${formatDateNb(filedOn)}. Studieveilederen behandler den, og du får svar i søknadsportalen og på e-post.`,
      `Saksnummer: ${formatCaseReference({ year: decision.caseYear, number: decision.caseNumber })}`,
      ...(registered?.lateReason ? [`Klagen kom etter klagefristen, men vi tar den under behandling (forvaltningsloven § 31): ${registered.lateReason}`] : []),
      `Holder vi fast på vedtaket, sender vi klagen til ${APPEALS_BODY} for endelig avgjørelse.`,
    ].join("\n"),
  });
}

function oneOpenKlage(error: unknown, message: string): unknown {
  return error instanceof Error && /Appeal_one_open_per_decision/.test(error.message) ? new DomainError(message) : error;
}

/** A klage's PDF, checked and in the file store: recorded as a Document by the caller, or deleted on failure. */
interface StoredKlagePdf {
  key: string;
  bytes: Uint8Array;
  name: string;
}

/**
 * Checks a klage's PDF (the upload rule, the hourly upload limit) and puts its bytes in the store,
 * for fileAppeal and attachAdmissionAppealDocument alike. Its problems belong to the field `file`.
 */
async function storeKlagePdf(viewer: Viewer, file: File): Promise<StoredKlagePdf> {
  const early = uploadProblem({ name: file.name, size: file.size, head: new TextEncoder().encode("%PDF-") });
  if (early) throw new DomainError(early, { file: [early] });
  // The same hourly count as every other upload route (lib/server/rate-limit.ts).
  await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = uploadProblem({ name: file.name, size: bytes.byteLength, head: bytes.subarray(0, 8) });
  if (problem) throw new DomainError(problem, { file: [problem] });
  return { key: await storage().put(bytes), bytes, name: file.name.normalize("NFC") };
}

/** The Document row of a klage's PDF on the application (kind APPEAL, never verified: it is the party's own writing). */
function klageDocumentData(stored: StoredKlagePdf, applicationId: string, uploadedById: string) {
  return {
    kind: "APPEAL" as const,
    applicationId,
    originalName: stored.name,
    size: stored.bytes.byteLength,
    sha256: createHash("sha256").update(stored.bytes).digest("hex"),
    storageKey: stored.key,
    contentType: "application/pdf",
    uploadedById,
  };
}

export async function fileAppeal(viewer: Viewer, applicationId: string, input: { text: string; file: File | null }, now = new Date()) {
  const stored = input.file && input.file.size > 0 ? await storeKlagePdf(viewer, input.file) : null;
  try {
    const appealId = await db().$transaction(async (tx) => {
      // The kull's row first, as the job and every offer take it: a klage is never filed on a
      // decision the job is turning into an offer (that settles the open klager it sees).
      const { application } = await lockOwnApplicationAndKull(tx, viewer, applicationId);
      const { decisionId, letter } = await appealableDecision(tx, applicationId, application.status, "Du");
      if (!isKlageInTime(letter.madeAvailableOn, osloDate(now))) {
        throw new DomainError(`Klagefristen gikk ut ${formatDateNb(letter.klageDeadline)}. Kontakt studieveilederen hvis du mener du har en god grunn til å klage for sent.`);
      }
      const document = stored ? await tx.document.create({ data: klageDocumentData(stored, applicationId, viewer.id), select: { id: true } }) : null;
      const appeal = await tx.appeal.create({
        data: { applicationId, decisionId, letterId: letter.id, text: input.text, documentId: document?.id ?? null, filedAt: now },
        select: { id: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "appeal.file",
        entityType: "Appeal",
        entityId: appeal.id,
        after: { applicationId, decisionId, letterId: letter.id, documentId: document?.id ?? null, status: application.status },
      });
      await queueAppealReceipt(tx, appeal.id, viewer, osloDate(now), null, decisionId);
      return appeal.id;
    });
    await requestJob("mail.deliver");
    return appealId;
  } catch (error) {
    if (stored) await storage().delete(stored.key);
    throw oneOpenKlage(error, "Du har allerede en klage som er under behandling.");
  }
}

// ─── The adviser registers one that came by e-mail or post ─────────────────────────────────────

/**
 * A klage on an admission decision that came by e-mail or post (forvaltningsloven § 32 asks only
 * that it is in writing), registered by an adviser with the day it was made (an e-mail's arrival, a
 * letter's postmark: § 30). One that came after
 * the deadline is taken up only with why (§ 31, `klageRegistration`); the adviser who finds no such
 * reason does not register it. From then on it is the same klage as one filed in the portal: the
 * applicant gets the receipt, and it waits on the klage list. Refused to an adviser who has applied
 * to the kull herself (§ 6), as every admission decision is.
 */
export async function registerAdmissionAppeal(
  viewer: Viewer,
  input: { applicationId: string; text: string; receivedOn: string; lateReason: string | null },
  now = new Date(),
) {
  requireAdviser(viewer);
  const text = input.text.trim();
  try {
    const registered = await withRetry(() => db().$transaction(async (tx) => {
      const kull = isRecordId(input.applicationId)
        ? await tx.application.findUnique({ where: { id: input.applicationId }, select: { cohortId: true } })
        : null;
      if (!kull) throw new NotFoundError("Fant ikke søknaden.");
      // The kull's row first, as the applicant's own klage and every offer take it.
      await lockCohort(tx, kull.cohortId);
      // An archived kull takes no new case (a late klage brings it back from the archive first).
      const { archivedAt } = await tx.cohort.findUniqueOrThrow({ where: { id: kull.cohortId }, select: { archivedAt: true } });
      if (archivedAt) throw new DomainError(ARCHIVED_KULL_MESSAGE);
      const [application] = await tx.$queryRaw<{ status: string; applicantId: string }[]>`
        SELECT a."status"::text AS "status", a."applicantId" FROM "Application" a WHERE a."id" = ${input.applicationId} FOR UPDATE`;
      if (!application || application.status === "DRAFT") throw new NotFoundError("Fant ikke søknaden.");
      await refuseOwnIntake(tx, viewer, kull.cohortId);
      const { decisionId, letter } = await appealableDecision(tx, input.applicationId, application.status, "Søkeren");
      const registration = klageRegistration({ receivedOn: input.receivedOn, today: osloDate(now), madeAvailableOn: letter.madeAvailableOn, lateReason: input.lateReason });
      if (!registration.ok) throw new DomainError(registration.message, { [registration.field]: [registration.message] });
      // No avvisning is asked for here (no dismissalGrounds): a late admission klage is registered
      // only with a § 31 reason (README "Klager", what is left).
      if (registration.dismissed) throw new Error("an admission klage is never avvist here");
      const appeal = await tx.appeal.create({
        data: {
          applicationId: input.applicationId,
          decisionId,
          letterId: letter.id,
          text,
          filedAt: registeredFiledAt(input.receivedOn, now),
          registeredById: viewer.id,
          lateReason: registration.lateReason,
        },
        select: { id: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "appeal.register",
        entityType: "Appeal",
        entityId: appeal.id,
        after: { applicationId: input.applicationId, decisionId, letterId: letter.id, status: "RECEIVED", receivedOn: input.receivedOn, lateReason: registration.lateReason },
      });
      const applicant = await tx.user.findUniqueOrThrow({ where: { id: application.applicantId }, select: { id: true, email: true, name: true } });
      await queueAppealReceipt(tx, appeal.id, applicant, input.receivedOn, { lateReason: registration.lateReason }, decisionId);
      return { appealId: appeal.id, cohortId: kull.cohortId };
    }, LOCKING_TRANSACTION));
    await requestJob("mail.deliver");
    return registered;
  } catch (error) {
    throw oneOpenKlage(error, "Søkeren har allerede en klage som er under behandling.");
  }
}

/** Why a registered klage cannot take the PDF it came as. */
export const ATTACH_ONLY_REGISTERED = "Klagen ble sendt i søknadsportalen. Bare en klage som kom på e-post eller brev, får vedlegget her.";
export const ATTACH_ONCE = "Klagen har allerede et vedlegg.";

/**
 * The klage as it came by e-mail or post (a scanned letter, the e-mail saved as PDF), attached to
 * the klage an adviser registered from it: the written klage itself (forvaltningsloven § 32) is
 * then in the case, beside the text typed from it. One PDF per klage, stored as the applicant's
 * own attachment would be (a Document on the application), audited. Refused for a klage filed in
 * the portal (its attachment is the applicant's), a second time, in an archived kull, and to an
 * adviser who has applied to the kull herself.
 */
export async function attachAdmissionAppealDocument(viewer: Viewer, appealId: string, file: File, now = new Date()): Promise<{ cohortId: string; applicationId: string; originalName: string }> {
  requireAdviser(viewer);
  const kull = isRecordId(appealId) ? await db().appeal.findUnique({ where: { id: appealId }, select: { application: { select: { cohortId: true } } } }) : null;
  if (!kull) throw new NotFoundError("Fant ikke klagen.");
  // Stored first, outside the transaction (as the applicant's own attachment); every refusal
  // below deletes it again.
  const stored = await storeKlagePdf(viewer, file);
  try {
    return await withRetry(() =>
      db().$transaction(async (tx) => {
        // The kull's row first, then the klage, as every other klage use case.
        await lockCohort(tx, kull.application.cohortId);
        await refuseOwnIntake(tx, viewer, kull.application.cohortId);
        const { archivedAt } = await tx.cohort.findUniqueOrThrow({ where: { id: kull.application.cohortId }, select: { archivedAt: true } });
        if (archivedAt) throw new DomainError(ARCHIVED_KULL_MESSAGE);
        const appeal = await lockAppeal(tx, appealId);
        const current = await tx.appeal.findUniqueOrThrow({ where: { id: appeal.id }, select: { registeredById: true, documentId: true } });
        if (!current.registeredById) throw new DomainError(ATTACH_ONLY_REGISTERED, { file: [ATTACH_ONLY_REGISTERED] });
        if (current.documentId) throw new DomainError(ATTACH_ONCE, { file: [ATTACH_ONCE] });
        const document = await tx.document.create({ data: { ...klageDocumentData(stored, appeal.applicationId, viewer.id), uploadedAt: now }, select: { id: true, sha256: true } });
        await tx.appeal.update({ where: { id: appeal.id }, data: { documentId: document.id } });
        await audit(tx, {
          actorId: viewer.id,
          action: "appeal.attach",
          entityType: "Appeal",
          entityId: appeal.id,
          before: { documentId: null },
          after: { documentId: document.id, originalName: stored.name, size: stored.bytes.byteLength, sha256: document.sha256 },
        });
        return { cohortId: appeal.cohortId, applicationId: appeal.applicationId, originalName: stored.name };
      }, LOCKING_TRANSACTION),
    );
  } catch (error) {
    await storage().delete(stored.key);
    throw error;
  }
}

/**
 * One application's klage registration, for the adviser's page: the decision's letter that can be
 * appealed, the klage already on it, or why none can be registered (null: one can).
 */
export async function getAdmissionKlageRegistration(viewer: Viewer, applicationId: string) {
  requireAdviser(viewer);
  const application = await db().application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      cohortId: true,
      status: true,
      fullName: true,
      // With whether the viewer has applied to the kull herself (then it is not hers to read), in the same statement.
      cohort: { select: { name: true, _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } } },
      decision: {
        select: {
          outcome: true,
          letters: { orderBy: { version: "desc" }, select: { id: true, kind: true, subject: true, madeAvailableOn: true, klageDeadline: true } },
          appeals: {
            orderBy: { filedAt: "desc" },
            select: { id: true, letterId: true, status: true, partly: true, filedAt: true, lateReason: true, registeredBy: { select: { name: true } }, document: { select: { id: true, originalName: true } } },
          },
        },
      },
    },
  });
  if (!application || application.status === "DRAFT") throw new NotFoundError("Fant ikke søknaden.");
  if (application.cohort._count.applications > 0) throw new OwnIntakeReadError();
  const decision = application.decision;
  const appealable = decision ? appealableLetter(decision) : null;
  const open = decision?.appeals.find((appeal) => appeal.status === "RECEIVED") ?? null;
  const onLetter = appealable ? decision!.appeals.find((appeal) => appeal.letterId === appealable.id) ?? null : null;
  const shown = open ?? onLetter;
  return {
    application: { id: application.id, cohortId: application.cohortId, applicant: application.fullName, cohort: application.cohort.name },
    letter: appealable
      ? { id: appealable.id, subject: appealable.subject, madeAvailableOn: isoDate(appealable.madeAvailableOn), klageDeadline: isoDate(appealable.klageDeadline!) }
      : null,
    appeal: shown
      ? {
          id: shown.id,
          receivedOn: osloDate(shown.filedAt),
          status: shown.status,
          partly: shown.partly,
          lateReason: shown.lateReason,
          registeredBy: shown.registeredBy?.name ?? null,
          /** The klage as it came (registered), or the applicant's own attachment (portal). */
          document: shown.document,
        }
      : null,
    problem:
      application.status === "WITHDRAWN"
        ? "Søknaden er trukket, så det er ikke noe vedtak å klage på lenger."
        : !appealable
          ? "Søkeren har ikke et vedtak om avslag eller venteliste som kan påklages."
          : null,
  };
}

// ─── The adviser decides ────────────────────────────────────────────────────────────────────────

export type AppealOutcome =
  | { kind: "OFFER"; grounds: string }
  | { kind: "WAITLIST"; grounds: string; position: number }
  | { kind: "UPHOLD"; grounds: string; forwarded: boolean };

async function lockAppeal(tx: Transaction, appealId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string; applicationId: string; decisionId: string; letterId: string; filedAt: Date; cohortId: string }[]>`
    SELECT ap."id", ap."status"::text AS "status", ap."applicationId", ap."decisionId", ap."letterId", ap."filedAt", a."cohortId"
    FROM "Appeal" ap JOIN "Application" a ON a."id" = ap."applicationId"
    WHERE ap."id" = ${appealId}
    FOR UPDATE OF ap`;
  const appeal = rows[0];
  if (!appeal) throw new NotFoundError("Fant ikke klagen.");
  return appeal;
}

async function letterContext(tx: Transaction, applicationId: string, decisionId: string, viewer: Viewer): Promise<LetterContext> {
  const context = (await loadLetterContexts(tx, [applicationId], { name: viewer.name })).get(applicationId)!;
  return { ...context, decisionId };
}

/**
 * The ranking place that puts `applicationId` at waiting-list place `position` (1-based) among
 * the others on the list: just ahead of whoever holds that place now, or after the last.
 */
async function rankForWaitlistPlace(tx: Transaction, cohortId: string, applicationId: string, position: number): Promise<number | null> {
  const [ranking, list] = await inOrder(
    () => computeRanking(tx, cohortId),
    () => waitlistOf(tx, cohortId),
  );
  const order = ranking.rows.map((row) => row.applicationId).filter((id) => id !== applicationId);
  const others = orderWaitlist(
    order,
    list.filter((entry) => entry.applicationId !== applicationId).map((entry) => ({ id: entry.applicationId, position: entry.position })),
  ).list.map((entry) => entry.id);
  if (others.length === 0) return null;
  const anchor = others[Math.min(position, others.length + 1) - 1];
  const index = anchor ? order.indexOf(anchor) : order.indexOf(others.at(-1)!) + 1;
  return index < 0 ? order.length + 1 : index + 1;
}

/**
 * A klage taken ("tatt til følge") gives a place or a place on the list, so the applicant is
 * qualified: the assessment the refusal rested on is updated with the klage's grounds (who, when;
 * audited with before and after), so the case page, the lists and every later letter show the
 * judgement as it now stands, never the refused grounds as if they still stood.
 */
async function requalifyAfterKlage(
  tx: Transaction,
  viewer: Viewer,
  appeal: { id: string; applicationId: string },
  grounds: string,
  taken: "PARTLY" | "WHOLLY" | "BY_APPEALS_BODY",
  now: Date,
) {
  const before = await tx.application.findUniqueOrThrow({ where: { id: appeal.applicationId }, select: { qualified: true, qualificationGrounds: true } });
  const label = { PARTLY: "Klage delvis tatt til følge", WHOLLY: "Klage tatt til følge", BY_APPEALS_BODY: `${APPEALS_BODY} tok klagen til følge` }[taken];
  const qualificationGrounds = `${label}: ${grounds.trim()}`;
  await tx.application.update({
    where: { id: appeal.applicationId },
    data: { qualified: true, qualificationGrounds, qualifiedById: viewer.id, qualifiedAt: now },
  });
  await audit(tx, {
    actorId: viewer.id,
    action: "application.qualify",
    entityType: "Application",
    entityId: appeal.applicationId,
    before,
    after: { qualified: true, qualificationGrounds, appealId: appeal.id },
  });
}

/**
 * A klage taken with the place asked for: the decision becomes an offer (its answer deadline at
 * least MIN_ANSWER_DAYS away), those behind on the waiting list move up, and the applicant gets the
 * offer's letter. When the kull is full the adviser gives a waiting-list place instead
 * (`whenFull: "REFUSE"`); the klagenemnd's decision binds us, so carrying it out adds the place
 * (`"ADD_PLACE"`: the kull's capacity one up, audited with why). Never in a completed kull.
 */
async function offerAfterKlage(
  tx: Transaction,
  input: {
    cohort: Awaited<ReturnType<typeof lockCohort>>;
    decision: { id: string; outcome: string };
    context: LetterContext;
    klage: NonNullable<IssueLetterInput["klage"]>;
    viewer: Viewer;
    now: Date;
    whenFull: "REFUSE" | "ADD_PLACE";
  },
) {
  const { cohort, decision, viewer, now } = input;
  if (cohort.completedAt) {
    const message =
      input.whenFull === "ADD_PLACE"
        ? "Kullet er avsluttet, så ingen kan få plass i det nå. Søkeren må få plass i et senere kull."
        : "Kullet er avsluttet, så ingen kan få plass i det nå. Klagen kan ikke tas til følge med tilbud om plass.";
    throw new DomainError(message, { outcome: [message] });
  }
  if ((await placesTaken(tx, cohort.id)) >= cohort.capacity) {
    if (input.whenFull === "REFUSE") throw new DomainError(`${COHORT_FULL_MESSAGE} Gi søkeren en bedre plass på ventelisten i stedet.`);
    const capacity = cohort.capacity + 1;
    await tx.cohort.update({ where: { id: cohort.id }, data: { capacity } });
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.capacity",
      entityType: "Cohort",
      entityId: cohort.id,
      before: { capacity: cohort.capacity },
      after: { capacity, reason: `Kullet var fullt. En ekstra plass for å gjennomføre vedtaket fra ${APPEALS_BODY}.` },
    });
  }
  const answerDeadline = offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline));
  const grounds = `${input.klage.appealsBody ? `${APPEALS_BODY} tok klagen til følge` : "Klage tatt til følge"}: ${input.klage.grounds}`;
  await tx.decision.update({
    where: { id: decision.id },
    data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day(answerDeadline), grounds, decidedById: viewer.id, decidedAt: now },
  });
  // Those behind on the list move up, in the same order: no letters.
  if (decision.outcome === "WAITLIST") await renumberWaitlist(tx, cohort.id, viewer.id);
  await issueLetter(tx, input.context, { kind: "OFFER", afterKlage: true, answerDeadline, klage: input.klage, now }, viewer.id);
}

/**
 * Decides a klage. A reversal changes the decision in place (the audit log keeps the old one)
 * and issues a new letter; a reversal to an offer needs a free place ("Kullet er fullt"
 * otherwise: give a better waiting-list place instead). Upholding keeps the decision, issues a
 * letter saying the case goes to the appeals body, and may mark it forwarded at once.
 */
export async function decideAppeal(viewer: Viewer, appealId: string, outcome: AppealOutcome, now = new Date()): Promise<"DECIDED" | "SETTLED"> {
  requireAdviser(viewer);
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      // The kull's row first, then the klage: the order of the job and every offer, which settle
      // open klager under that lock (appeal-settlement.ts).
      const kull = await tx.appeal.findUnique({ where: { id: appealId }, select: { application: { select: { cohortId: true } } } });
      if (!kull) throw new NotFoundError("Fant ikke klagen.");
      const cohort = await lockCohort(tx, kull.application.cohortId);
      await refuseOwnIntake(tx, viewer, kull.application.cohortId);
      const appeal = await lockAppeal(tx, appealId);
      if (appeal.status === "SETTLED") throw new DomainError("Klagen er avsluttet uten avgjørelse: søkeren har fått tilbud om plass eller trukket søknaden. Last siden på nytt.");
      if (appeal.status !== "RECEIVED") throw new DomainError("Klagen er allerede avgjort.");
      const decision = await tx.decision.findUniqueOrThrow({
        where: { id: appeal.decisionId },
        select: { id: true, outcome: true, waitlistPosition: true, grounds: true, application: { select: { status: true } } },
      });
      // An offer or a withdrawal settles the open klager in its own transaction; one filed before
      // that rule (or left open some other way) is settled here instead of decided: deciding it
      // would change what she holds, or give a withdrawn application a place nobody can take.
      if (decision.outcome === "OFFER" || decision.application.status === "WITHDRAWN") {
        await settleOpenAppeals(tx, [decision.id], { cause: decision.outcome === "OFFER" ? "OFFERED" : "WITHDRAWN", actorId: viewer.id, now });
        return "SETTLED" as const;
      }
      const appealed = await tx.decisionLetter.findUniqueOrThrow({ where: { id: appeal.letterId }, select: { subject: true, madeAvailableOn: true } });
      const klage = { filedOn: osloDate(appeal.filedAt), grounds: outcome.grounds, appealed: { subject: appealed.subject, madeAvailableOn: isoDate(appealed.madeAvailableOn) } };
      const before = { outcome: decision.outcome, waitlistPosition: decision.waitlistPosition };
      if (outcome.kind !== "UPHOLD") await requalifyAfterKlage(tx, viewer, appeal, outcome.grounds, outcome.kind === "WAITLIST" ? "PARTLY" : "WHOLLY", now);
      // Read after the assessment is updated: the letter states the judgement as it now stands.
      const context = await letterContext(tx, appeal.applicationId, decision.id, viewer);

      if (outcome.kind === "OFFER") {
        assertDecisionsOpen(cohort, now);
        await offerAfterKlage(tx, { cohort, decision, context, klage, viewer, now, whenFull: "REFUSE" });
      } else if (outcome.kind === "WAITLIST") {
        const closesOn = await waitlistClosingDateOf(tx, cohort);
        if (isWaitlistClosed(closesOn, now)) {
          const message = `Ventelisten ble stengt ${formatDateNb(closesOn)}. Gi tilbud om studieplass, eller ikke ta klagen til følge.`;
          throw new DomainError(message, { outcome: [message] });
        }
        const current = decision.outcome === "WAITLIST" ? decision.waitlistPosition! : Number.POSITIVE_INFINITY;
        if (outcome.position >= current) throw new DomainError(`Den nye plassen må være bedre enn nummer ${decision.waitlistPosition}.`, { position: ["Velg en bedre plass."] });
        const grounds = `Klage delvis tatt til følge: ${outcome.grounds}`;
        // On the list (for now at its end), qualified: then the ranking places the applicant at
        // the place given, with the klage's grounds as the reason, and the list follows it.
        const last = (await waitlistOf(tx, appeal.cohortId)).filter((entry) => entry.decisionId !== decision.id).length + 1;
        await tx.decision.update({
          where: { id: decision.id },
          data: { outcome: "WAITLIST", waitlistPosition: Math.min(current, last), answerDeadline: null, grounds, decidedById: viewer.id, decidedAt: now },
        });
        const toRank = await rankForWaitlistPlace(tx, appeal.cohortId, appeal.applicationId, outcome.position);
        if (toRank !== null) {
          const move = await tx.rankingMove.create({
            data: { cohortId: appeal.cohortId, applicationId: appeal.applicationId, toRank, reason: grounds, createdById: viewer.id },
            select: { id: true },
          });
          await audit(tx, { actorId: viewer.id, action: "ranking.move", entityType: "Application", entityId: appeal.applicationId, after: { rank: toRank, reason: grounds, moveId: move.id, appealId: appeal.id } });
        }
        // Everyone pushed down is told their new place; the applicant gets the klage's letter.
        await reorderWaitlist(tx, appeal.cohortId, { actorId: viewer.id, decidedBy: { name: viewer.name }, cause: "KLAGE", now, except: appeal.applicationId });
        const placed = await tx.decision.findUniqueOrThrow({ where: { id: decision.id }, select: { waitlistPosition: true } });
        await issueLetter(tx, context, { kind: "WAITLIST", afterKlage: true, waitlistPosition: placed.waitlistPosition, waitlistClosesOn: closesOn, klage, now }, viewer.id);
      } else {
        await issueLetter(tx, context, { kind: "KLAGE_UPHELD", klage, now }, viewer.id);
      }

      const status = outcome.kind === "UPHOLD" ? "UPHELD" : "REVERSED";
      await tx.appeal.update({
        where: { id: appeal.id },
        data: {
          status,
          partly: outcome.kind === "WAITLIST",
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
        after: { status, partly: outcome.kind === "WAITLIST", grounds: outcome.grounds, decision: after, forwarded: outcome.kind === "UPHOLD" && outcome.forwarded },
      });
      return "DECIDED" as const;
    }, LOCKING_TRANSACTION),
  );
  await requestJob("mail.deliver");
  return result;
}

/**
 * Registers the klagenemnd's decision on a klage we sent it, from its letter, and carries it out.
 * Stadfestet: the refusal or waiting-list place stands for good (no letter from us: the
 * klagenemnd writes to the applicant). Omgjort: the applicant is offered the place, as when the
 * adviser takes a klage, with a letter naming the klagenemnd's decision; a full kull gets one more
 * place, since the decision binds us; if she has meanwhile been offered a place or withdrawn,
 * there is nothing left to carry out. Opphevet: the klage is opened again, for the adviser to
 * decide anew (and send on again if she holds to the decision). Refused to an adviser who has
 * applied to the kull herself; in an archived kull only a stadfestet is registered.
 */
export async function registerAppealsBodyDecision(viewer: Viewer, appealId: string, input: AppealsBodyDecisionInput, now = new Date()): Promise<{ carriedOut: boolean }> {
  requireAdviser(viewer);
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      // The kull's row first, then the klage, as in decideAppeal.
      const kull = isRecordId(appealId) ? await tx.appeal.findUnique({ where: { id: appealId }, select: { application: { select: { cohortId: true } } } }) : null;
      if (!kull) throw new NotFoundError("Fant ikke klagen.");
      const cohort = await lockCohort(tx, kull.application.cohortId);
      await refuseOwnIntake(tx, viewer, kull.application.cohortId);
      // An archived kull is closed: a stadfestet changes nothing in it and is registered; carrying
      // out a reversal or opening the klage again waits until the kull is brought back (as a
      // student's klage does, by the database's guard on the kull's record).
      const { archivedAt } = await tx.cohort.findUniqueOrThrow({ where: { id: cohort.id }, select: { archivedAt: true } });
      if (archivedAt && input.outcome !== "UPHELD") throw new DomainError(ARCHIVED_KULL_MESSAGE);
      const appeal = await lockAppeal(tx, appealId);
      const current = await tx.appeal.findUniqueOrThrow({ where: { id: appeal.id }, select: { forwardedAt: true } });
      const recorded = await recordAppealsBodyDecision(tx, { type: "Appeal", id: appeal.id, status: appeal.status, forwardedAt: current.forwardedAt }, input, viewer.id, now);
      if (input.outcome !== "REVERSED") return { carriedOut: false };

      const done = await carryOutAppealsBodyDecision(tx, { id: recorded.id, klage: { type: "Appeal", id: appeal.id } }, viewer.id, async () => {
        const decision = await tx.decision.findUniqueOrThrow({
          where: { id: appeal.decisionId },
          select: { id: true, outcome: true, application: { select: { status: true } } },
        });
        // Offered a place meanwhile (from the waiting list), or the application withdrawn.
        if (decision.outcome === "OFFER") return { notCarriedOut: "Søkeren hadde allerede fått tilbud om studieplass.", moot: true };
        if (decision.application.status === "WITHDRAWN") return { notCarriedOut: "Søkeren hadde trukket søknaden.", moot: true };
        const appealed = await tx.decisionLetter.findUniqueOrThrow({ where: { id: appeal.letterId }, select: { subject: true, madeAvailableOn: true } });
        await requalifyAfterKlage(tx, viewer, appeal, input.summary, "BY_APPEALS_BODY", now);
        const context = await letterContext(tx, appeal.applicationId, decision.id, viewer);
        const klage = {
          filedOn: osloDate(appeal.filedAt),
          grounds: input.summary.trim(),
          appealed: { subject: appealed.subject, madeAvailableOn: isoDate(appealed.madeAvailableOn) },
          appealsBody: { decidedOn: input.decidedOn, reference: input.reference?.trim() || null },
        };
        await offerAfterKlage(tx, { cohort, decision, context, klage, viewer, now, whenFull: "ADD_PLACE" });
        return true;
      });
      return { carriedOut: done.carried };
    }, LOCKING_TRANSACTION),
  );
  if (result.carriedOut) await requestJob("mail.deliver");
  return result;
}

/** The klagenemnd's reversal not carried out here, followed up: what was done instead (recordAppealsBodyFollowUp). */
export async function markAppealsBodyFollowedUp(viewer: Viewer, appealId: string, note: string, now = new Date()): Promise<void> {
  requireAdviser(viewer);
  await db().$transaction(async (tx) => {
    const appeal = await lockAppeal(tx, appealId);
    await refuseOwnIntake(tx, viewer, appeal.cohortId);
    await recordAppealsBodyFollowUp(tx, { type: "Appeal", id: appeal.id }, note, viewer.id, now);
  });
}

/** Marks an upheld klage as sent to the appeals body (a status; the sending happens outside). */
export async function markAppealForwarded(viewer: Viewer, appealId: string, now = new Date()): Promise<void> {
  requireAdviser(viewer);
  await db().$transaction(async (tx) => {
    const appeal = await lockAppeal(tx, appealId);
    // Preparing the klage for the klagenemnd is part of the case (forvaltningsloven § 6).
    await refuseOwnIntake(tx, viewer, appeal.cohortId);
    const current = await tx.appeal.findUniqueOrThrow({ where: { id: appeal.id }, select: { status: true, forwardedAt: true } });
    if (current.status !== "UPHELD") throw new DomainError("Bare en klage som ikke er tatt til følge, sendes til klagenemnda.");
    if (current.forwardedAt) throw new DomainError("Klagen er allerede merket som oversendt.");
    await tx.appeal.update({ where: { id: appeal.id }, data: { forwardedAt: now } });
    await audit(tx, { actorId: viewer.id, action: "appeal.forward", entityType: "Appeal", entityId: appeal.id, before: { forwardedAt: null }, after: { forwardedAt: now, to: APPEALS_BODY } });
  });
}
