import "server-only";
// One arbeidskrav as its student sees it: the definition, the submission they are a member of
// (with every attempt, its files, feedback and later changes, and who in the group has confirmed),
// whether they may hand in now, the classmates they may hand in with (a first hand-in) or add to
// the group (before it is assessed), the letters about it (a final "ikke godkjent"), and any
// forhåndsvarsel that it may be corrected, with her uttalelse.
import { osloDate } from "@/lib/domain/application-deadline";
import { mayRespondToNotice, noticeDeadlinePassed } from "@/lib/domain/correction-notice";
import { NOTICE_OUTCOME_KINDS } from "@/lib/domain/student-letter";
import { addingProblem, leaveProblem } from "@/lib/domain/submission-group";
import { db } from "@/lib/server/db";
import { awaitedFor } from "@/lib/server/enrolments/credits";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { getStudentOverview } from "./overview";

export async function getStudentArbeidskrav(viewer: Viewer, arbeidskravId: string) {
  const overview = await getStudentOverview(viewer);
  for (const enrolment of overview) {
    const item = enrolment.arbeidskrav.find((candidate) => candidate.id === arbeidskravId);
    if (!item) continue;
    const groupAllowed = !item.individualOnly && item.maxGroupSize > 1;
    const active = enrolment.status === "ACTIVE";
    const submission = item.submission;
    const members = submission?.members.map((member) => ({ enrolmentId: member.enrolmentId, confirmed: member.confirmed })) ?? [];
    const attemptStatuses = submission?.attempts.map((attempt) => attempt.status) ?? [];
    const me = submission?.members.find((member) => member.isViewer) ?? null;
    const mayAdd =
      active && groupAllowed && submission !== null && addingProblem(item, members, enrolment.enrolmentId, attemptStatuses) === null;
    const firstHandIn = active && groupAllowed && item.permission.allowed && item.permission.kind === "FIRST";
    const attemptIds = submission?.attempts.map((attempt) => attempt.id) ?? [];
    const [classmates, letters, notices, awaiting] = await Promise.all([
      firstHandIn || mayAdd
        ? db().enrolment.findMany({
            where: { cohortId: enrolment.cohort.id, status: "ACTIVE", id: { not: enrolment.enrolmentId } },
            orderBy: { user: { name: "asc" } },
            select: { id: true, user: { select: { name: true } }, submissionMembers: { where: { arbeidskravId }, select: { submissionId: true } } },
          })
        : Promise.resolve([]),
      submission
        ? db().studentLetter.findMany({
            where: { userId: viewer.id, aboutType: "SubmissionAttempt", aboutId: { in: submission.attempts.map((attempt) => attempt.id) } },
            orderBy: { decidedAt: "asc" },
            select: { id: true, subject: true, kind: true, enkeltvedtak: true },
          })
        : Promise.resolve([]),
      // Her forhåndsvarsler on it (lib/server/cohorts/correction-notices.ts), newest first.
      submission
        ? db().correctionNoticeRecipient.findMany({
            where: { enrolment: { userId: viewer.id }, notice: { attemptId: { in: attemptIds } } },
            orderBy: { notice: { sentAt: "desc" } },
            select: {
              letterId: true,
              response: true,
              respondedAt: true,
              letter: { select: { caseNumber: true } },
              notice: { select: { id: true, status: true, reason: true, sentAt: true, respondBy: true, closedAt: true, closingNote: true } },
            },
          })
        : Promise.resolve([]),
      // Moved here with this item still waiting for its assessment in the earlier kull: it counts here once approved there.
      enrolment.earlier.length > 0 && item.required && !item.credit && !submission && active
        ? awaitedFor(db(), { id: enrolment.enrolmentId, userId: viewer.id, cohortId: enrolment.cohort.id }).then((rows) => rows.find((row) => row.arbeidskravId === item.id) ?? null)
        : Promise.resolve(null),
    ]);
    // The letter that ended each decided notice's case (the decision, or the withdrawal).
    const outcomes = notices.some((row) => row.notice.status !== "PENDING")
      ? await db().studentLetter.findMany({
          where: { userId: viewer.id, caseNumber: { in: notices.map((row) => row.letter.caseNumber) }, kind: { in: [...NOTICE_OUTCOME_KINDS] } },
          select: { id: true, caseNumber: true },
        })
      : [];
    const today = osloDate(new Date());
    return {
      enrolment,
      arbeidskrav: item,
      groupAllowed,
      canHandIn: item.permission.allowed && active,
      /** For a first hand-in: every active classmate (one already in a group is refused by name). */
      classmates: firstHandIn ? classmates.map((classmate) => ({ enrolmentId: classmate.id, name: classmate.user.name })) : [],
      /** To add to the group before it is assessed: classmates in no submission of this arbeidskrav. */
      addable: mayAdd
        ? classmates.filter((classmate) => classmate.submissionMembers.length === 0).map((classmate) => ({ enrolmentId: classmate.id, name: classmate.user.name }))
        : [],
      /** The viewer's own place in the group: confirm, leave, add a classmate. */
      membership:
        submission && me && submission.members.length > 0 && groupAllowed
          ? {
              confirmed: me.confirmed,
              addedBy: me.addedBy,
              canConfirm: active && !me.confirmed && submission.groupOpen,
              canLeave: active && leaveProblem(item, members, enrolment.enrolmentId, attemptStatuses) === null,
              leaveBlocked: submission.groupOpen ? leaveProblem(item, members, enrolment.enrolmentId, attemptStatuses) : null,
              canAdd: mayAdd,
            }
          : null,
      letters,
      /** Her work in the earlier kull still waiting for its assessment, that counts as this item once approved there. */
      awaiting,
      /** Her forhåndsvarsler: what was announced, the deadline, what she said, and whether she may still speak. */
      notices: notices.map(({ notice, letter, ...recipient }) => ({
        ...recipient,
        ...notice,
        respondBy: isoDate(notice.respondBy),
        mayRespond: mayRespondToNotice(notice.status),
        deadlinePassed: noticeDeadlinePassed(isoDate(notice.respondBy), today),
        outcomeLetterId: outcomes.find((outcome) => outcome.caseNumber === letter.caseNumber)?.id ?? null,
      })),
    };
  }
  // Not in any of the viewer's cohorts: exactly as if it did not exist.
  throw new NotFoundError("Fant ikke arbeidskravet.");
}
