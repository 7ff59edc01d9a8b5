import "server-only";
// Forhåndsvarsel before the fagansvarlig corrects an approved final attempt to "ikke godkjent"
// (lib/domain/correction-notice.ts says why and when), in four use cases:
// - sendCorrectionNotice: the fagansvarlig announces the correction with its reason; each member
//   gets a letter (CORRECTION_NOTICE) with the deadline to speak. The attempt stays approved.
// - respondToCorrectionNotice: a member writes (or rewrites) her uttalelse in the portal, until the
//   notice is decided; the fagansvarlig who sent it is told by e-mail.
// - carryOutCorrection: after the deadline, or once every member has spoken, the fagansvarlig makes
//   the correction with grounds that take up what was said; each member's decision letter says
//   whether she spoke, and continues the notice's case.
// - withdrawCorrectionNotice: the approval stands; each member gets a letter saying so.
// Every step is audited. The notice row is locked (FOR UPDATE) by the steps that decide it and
// shared (FOR SHARE) by an uttalelse, so nobody speaks into a notice being decided.
import { osloDate } from "@/lib/domain/application-deadline";
import { correctionNeedsNotice, correctionNoticeDeadline, correctionNoticeNotReady, mayRespondToNotice, noNoticeNeeded, noticeState, responsesSeen } from "@/lib/domain/correction-notice";
import { formatDateNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { appealsBodyBarOnCorrection } from "@/lib/server/appeals-body";
import { applyCorrection, correctableAttempt, isAcademicLead, members, ONLY_ACADEMIC_LEAD } from "@/lib/server/cohorts/assessment-changes";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { lockAttempts, refuseOwnSubmissions } from "@/lib/server/cohorts/assessment";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import { withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

export const NOTICE_DECIDED = "Forhåndsvarselet er allerede avgjort. Last siden på nytt.";

export async function sendCorrectionNotice(viewer: Viewer, input: { cohortId: string; attemptId: string; reason: string }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("Skriv hvorfor vurderingen kan bli rettet.", { reason: ["Skriv en begrunnelse. Studentene ser den i varselet."] });
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const attempt = await correctableAttempt(tx, viewer, input.cohortId, input.attemptId, "NOT_APPROVED");
    if (!correctionNeedsNotice(attempt, attempt, "NOT_APPROVED")) throw new DomainError(noNoticeNeeded(attempt, attempt.maxAttempts));
    const { assessedAt, submission } = await tx.submissionAttempt.findUniqueOrThrow({
      where: { id: attempt.attemptId },
      select: { assessedAt: true, submission: { select: { arbeidskrav: { select: { required: true } } } } },
    });
    const sentOn = osloDate(now);
    const respondBy = correctionNoticeDeadline(sentOn);
    const group = await members(tx, attempt.submissionId);
    // A withdrawn notice on this hand-in told its recipients the assessment would not be corrected:
    // the new letter says the case is taken up again (to those who got the last withdrawn one).
    const withdrawn = await tx.correctionNotice.findFirst({
      where: { attemptId: attempt.attemptId, status: "WITHDRAWN" },
      orderBy: { closedAt: "desc" },
      select: { sentAt: true, closedAt: true, recipients: { select: { enrolmentId: true } } },
    });
    const notice = await tx.correctionNotice.create({
      data: { attemptId: attempt.attemptId, reason, sentById: viewer.id, sentAt: now, respondBy: day(respondBy) },
      select: { id: true },
    });
    for (const member of group) {
      const letter = await issueStudentLetter(tx, {
        enrolmentId: member.enrolmentId,
        facts: {
          kind: "CORRECTION_NOTICE",
          arbeidskrav: { title: attempt.title },
          attempt: attempt.attempt,
          maxAttempts: attempt.maxAttempts,
          approvedOn: osloDate(assessedAt ?? now),
          reason,
          respondBy,
          group: group.length > 1 ? group.map((row) => row.enrolment.user.name) : null,
          required: submission.arbeidskrav.required,
          earlier:
            withdrawn?.closedAt && withdrawn.recipients.some((recipient) => recipient.enrolmentId === member.enrolmentId)
              ? { sentOn: osloDate(withdrawn.sentAt), withdrawnOn: osloDate(withdrawn.closedAt) }
              : null,
        },
        decidedBy: { id: viewer.id, name: viewer.name, title: "Fagansvarlig" },
        about: { type: "CorrectionNotice", id: notice.id },
        now,
      });
      await tx.correctionNoticeRecipient.create({ data: { noticeId: notice.id, enrolmentId: member.enrolmentId, letterId: letter.id } });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: "submission.correction_notice",
      entityType: "CorrectionNotice",
      entityId: notice.id,
      after: { attemptId: attempt.attemptId, from: "APPROVED", intended: "NOT_APPROVED", reason, respondBy, members: group.map((member) => member.enrolmentId) },
    });
    return { noticeId: notice.id, submissionId: attempt.submissionId, title: attempt.title, respondBy, members: group.length };
  }));
  await requestJob("mail.deliver");
  return result;
}

/** The notice, locked, in the viewer's kull (NotFound otherwise), with its recipients. */
async function lockNotice(tx: Transaction, cohortId: string, noticeId: string, mode: "UPDATE" | "SHARE") {
  const rows =
    mode === "UPDATE"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT n."id" FROM "CorrectionNotice" n WHERE n."id" = ${noticeId} FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT n."id" FROM "CorrectionNotice" n WHERE n."id" = ${noticeId} FOR SHARE`;
  if (rows.length === 0) throw new NotFoundError("Fant ikke forhåndsvarselet.");
  const notice = await tx.correctionNotice.findUniqueOrThrow({
    where: { id: noticeId },
    select: {
      id: true,
      attemptId: true,
      status: true,
      reason: true,
      sentAt: true,
      respondBy: true,
      sentById: true,
      sentBy: { select: { name: true, email: true } },
      attempt: { select: { submissionId: true, submission: { select: { arbeidskrav: { select: { cohortId: true, title: true } } } } } },
      recipients: {
        select: {
          enrolmentId: true,
          letterId: true,
          response: true,
          respondedAt: true,
          letter: { select: { subject: true, madeAvailableOn: true } },
          enrolment: { select: { userId: true, user: { select: { name: true } } } },
        },
      },
    },
  });
  if (notice.attempt.submission.arbeidskrav.cohortId !== cohortId) throw new NotFoundError("Fant ikke forhåndsvarselet.");
  return notice;
}

/** The fagansvarlig's steps on a notice: her kull, not her own submission, and still pending. */
async function decidableNotice(tx: Transaction, viewer: Viewer, cohortId: string, noticeId: string) {
  if (!(await isAcademicLead(viewer, cohortId, tx))) throw new AccessDeniedError(ONLY_ACADEMIC_LEAD);
  const notice = await lockNotice(tx, cohortId, noticeId, "UPDATE");
  if (notice.status !== "PENDING") throw new DomainError(NOTICE_DECIDED);
  const [attempt] = await lockAttempts(tx, cohortId, [notice.attemptId]);
  if (!attempt) throw new NotFoundError("Fant ikke innleveringen.");
  await refuseOwnSubmissions(tx, viewer, [attempt.submissionId]);
  return { notice, attempt };
}

/**
 * `seen`: what the fagansvarlig had read of the uttalelser (responsesSeen, sent by the form); the
 * correction is refused when one was written or rewritten since, so the grounds she wrote can
 * have taken it up.
 */
export async function carryOutCorrection(viewer: Viewer, input: { cohortId: string; noticeId: string; grounds: string; seen: string }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const grounds = input.grounds.trim();
  if (!grounds) {
    throw new DomainError("Skriv begrunnelsen for vedtaket.", { grounds: ["Skriv begrunnelsen. Den skal ta stilling til det studentene har skrevet."] });
  }
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const { notice, attempt } = await decidableNotice(tx, viewer, input.cohortId, input.noticeId);
    // Nothing else changes an approved attempt, but the rule is checked where it is used.
    if (attempt.status !== "APPROVED" || attempt.attempt !== attempt.latest) throw new DomainError("Vurderingen varselet gjelder, er endret. Trekk varselet tilbake.");
    // A notice sent before an optional item's last «ikke godkjent» stopped being a vedtak: its
    // correction makes no letter, so it is not carried out as announced.
    if (!correctionNeedsNotice(attempt, attempt, "NOT_APPROVED")) throw new DomainError(`${noNoticeNeeded(attempt, attempt.maxAttempts)} Trekk varselet tilbake først.`);
    // The klagenemnd may have taken the case up since the notice was sent (a klage on the
    // assessment before it was approved again): then it decides, not we.
    const barred = await appealsBodyBarOnCorrection(tx, attempt.attemptId, "NOT_APPROVED");
    if (barred) throw new DomainError(`${barred} Trekk varselet tilbake.`);
    const notReady = correctionNoticeNotReady(noticeState(isoDate(notice.respondBy), notice.recipients), osloDate(now));
    if (notReady) throw new DomainError(notReady);
    if (responsesSeen(notice.recipients) !== input.seen) {
      throw new DomainError("En student har uttalt seg eller endret uttalelsen sin etter at du åpnet siden. Les den før du avgjør saken: kopier begrunnelsen du har skrevet, og last siden på nytt.");
    }
    const group = await members(tx, attempt.submissionId);
    const unnoticed = group.filter((member) => !notice.recipients.some((recipient) => recipient.enrolmentId === member.enrolmentId));
    if (unnoticed.length > 0) {
      throw new DomainError(`${unnoticed.map((member) => member.enrolment.user.name).join(", ")} fikk ikke varselet. Trekk det tilbake og send et nytt til hele gruppen.`);
    }
    const recipients = new Map(
      notice.recipients.map((recipient) => [
        recipient.enrolmentId,
        { letterId: recipient.letterId, respondedOn: recipient.respondedAt ? osloDate(recipient.respondedAt) : null },
      ]),
    );
    const corrected = await applyCorrection(tx, {
      cohortId: input.cohortId,
      attempt,
      to: "NOT_APPROVED",
      reason: grounds,
      actor: viewer,
      at: now,
      notice: { id: notice.id, sentOn: osloDate(notice.sentAt), respondBy: isoDate(notice.respondBy), recipients },
    });
    await tx.correctionNotice.update({ where: { id: notice.id }, data: { status: "CARRIED_OUT", closedAt: now, closedById: viewer.id } });
    return { ...corrected, submissionId: attempt.submissionId };
  }));
  await requestJob("mail.deliver");
  return result;
}

export async function withdrawCorrectionNotice(viewer: Viewer, input: { cohortId: string; noticeId: string; note: string | null }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const note = input.note?.trim() || null;
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const { notice, attempt } = await decidableNotice(tx, viewer, input.cohortId, input.noticeId);
    await tx.correctionNotice.update({ where: { id: notice.id }, data: { status: "WITHDRAWN", closedAt: now, closedById: viewer.id, closingNote: note } });
    for (const recipient of notice.recipients) {
      await issueStudentLetter(tx, {
        enrolmentId: recipient.enrolmentId,
        facts: {
          kind: "CORRECTION_NOTICE_WITHDRAWN",
          notice: { subject: recipient.letter.subject, madeAvailableOn: isoDate(recipient.letter.madeAvailableOn), matter: attempt.title },
          note,
        },
        decidedBy: { id: viewer.id, name: viewer.name, title: "Fagansvarlig" },
        about: { type: "CorrectionNotice", id: notice.id },
        inCaseOf: { letterId: recipient.letterId },
        now,
      });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: "submission.correction_notice.withdraw",
      entityType: "CorrectionNotice",
      entityId: notice.id,
      before: { status: "PENDING" },
      after: { status: "WITHDRAWN", note, attemptId: notice.attemptId },
    });
    return { submissionId: attempt.submissionId, title: attempt.title, members: notice.recipients.length };
  }));
  await requestJob("mail.deliver");
  return result;
}

/** A member's uttalelse to a notice she got, written or rewritten until the notice is decided. */
export async function respondToCorrectionNotice(viewer: Viewer, input: { noticeId: string; text: string }, now = new Date()) {
  const text = input.text.trim();
  if (!text) throw new DomainError("Skriv uttalelsen din.", { text: ["Skriv hva du vil si om saken."] });
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const recipient = await tx.correctionNoticeRecipient.findFirst({
      where: { noticeId: input.noticeId, enrolment: { userId: viewer.id } },
      select: { id: true, enrolmentId: true, response: true, notice: { select: { attempt: { select: { submission: { select: { arbeidskrav: { select: { cohortId: true } } } } } } } } },
    });
    // Not hers: exactly as if it did not exist.
    if (!recipient) throw new NotFoundError("Fant ikke forhåndsvarselet.");
    const notice = await lockNotice(tx, recipient.notice.attempt.submission.arbeidskrav.cohortId, input.noticeId, "SHARE");
    if (!mayRespondToNotice(notice.status)) throw new DomainError("Saken er avgjort, så uttalelsen kan ikke endres nå. Se brevet du har fått.");
    await tx.correctionNoticeRecipient.update({ where: { id: recipient.id }, data: { response: text, respondedAt: now } });
    // On her recipient row, not the notice: the innsyn export of a group member reads the notice's entries.
    await audit(tx, {
      actorId: viewer.id,
      action: "submission.correction_notice.respond",
      entityType: "CorrectionNoticeRecipient",
      entityId: recipient.id,
      before: recipient.response === null ? null : { response: recipient.response },
      after: { noticeId: notice.id, enrolmentId: recipient.enrolmentId, response: text },
    });
    const title = notice.attempt.submission.arbeidskrav.title;
    const cohortId = notice.attempt.submission.arbeidskrav.cohortId;
    // The kull's fagansvarlig now decides it (the one who sent it may have left the team).
    const leads = await tx.cohortTeacher.findMany({ where: { cohortId, academicLead: true }, select: { user: { select: { id: true, name: true, email: true } } } });
    for (const lead of leads.length ? leads.map((row) => row.user) : [{ id: notice.sentById, ...notice.sentBy }]) {
      await queueMail(tx, {
        dedupeKey: `correction-notice-response:${recipient.id}:${lead.id}:${now.getTime()}`,
        to: lead.email,
        userId: lead.id,
        subject: `Uttalelse til forhåndsvarsel: ${title}`,
        text: [
          `Hei ${lead.name},`,
          "",
          `${viewer.name} har ${formatDateNb(osloDate(now))} ${recipient.response === null ? "uttalt seg" : "endret uttalelsen sin"} til forhåndsvarselet om å rette vurderingen av ${title} til ikke godkjent.`,
          "",
          `Les uttalelsen på innleveringens side: ${env().APP_URL}/kull/${cohortId}/arbeidskrav/${notice.attempt.submissionId}`,
        ].join("\n"),
      });
    }
    return { title, updated: recipient.response !== null, respondBy: isoDate(notice.respondBy) };
  }));
  await requestJob("mail.deliver");
  return result;
}

/**
 * The forhåndsvarsler waiting in the kull where the viewer is fagansvarlig, each with whether it
 * can be carried out today (for the faculty home: a notice is a task once its deadline has passed
 * or everyone has spoken).
 */
export async function listPendingNotices(viewer: Viewer, now = new Date()) {
  const rows = await db().correctionNotice.findMany({
    where: {
      status: "PENDING",
      attempt: { submission: { arbeidskrav: { cohort: { archivedAt: null, teachers: { some: { userId: viewer.id, academicLead: true } } } } } },
      // Her own hand-in is a colleague's to decide (refuseOwnSubmissions): not her task.
      recipients: { none: { enrolment: { userId: viewer.id } } },
    },
    orderBy: { respondBy: "asc" },
    select: {
      id: true,
      respondBy: true,
      recipients: { select: { enrolmentId: true, respondedAt: true, enrolment: { select: { user: { select: { name: true } } } } } },
      attempt: { select: { submission: { select: { id: true, arbeidskrav: { select: { title: true, cohort: { select: { id: true, name: true } } } } } } } },
    },
  });
  const today = osloDate(now);
  return rows.map((row) => {
    const respondBy = isoDate(row.respondBy);
    const { submission } = row.attempt;
    return {
      id: row.id,
      respondBy,
      cohortId: submission.arbeidskrav.cohort.id,
      cohortName: submission.arbeidskrav.cohort.name,
      submissionId: submission.id,
      title: submission.arbeidskrav.title,
      members: row.recipients.map((recipient) => recipient.enrolment.user.name),
      ready: correctionNoticeNotReady(noticeState(respondBy, row.recipients), today) === null,
    };
  });
}
