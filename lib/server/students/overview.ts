import "server-only";
// What a student sees about their own studies, for every page of /student: the verdict (from the
// one place that decides it, lib/server/cohorts/eligibility.ts) and what to do next, attendance per
// samling day with the absence notices sent, arbeidskrav with the hand-ins of the submissions the
// student is a member of (a group's hand-in is every member's), the exam and the grade once
// published, the basisgruppe and whom to contact.
//
// Everything is read with the viewer's own user id in the `where`: a student can never reach
// another student's enrolment, notices or submissions through this module. The number of queries
// does not depend on the size of the cohort or on how many kull the student is in (one nested
// read, the earlier kull, one evaluation for the verdict), and all of them run on one connection
// (tests/integration/student-home.test.ts and student-pages-queries.test.ts count them).
//
// One history across kull (issue 18): a student who moved from an earlier kull sees, with the new
// kull, what was credited from the old one (the approved submission with its attempts and
// feedback, the attended days) and the old kull's other arbeidskrav with their attempts; days of a
// granted leave show as «permisjon».
import { cache } from "react";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deadlineEnd, osloDate } from "@/lib/domain/application-deadline";
import { gradeRights, gradeRightsOpen, klageStage, type KlageStage } from "@/lib/domain/klage";
import { canAdmitToExam } from "@/lib/domain/exam";
import { deferralRequestDeadline, deferralRequestProblem } from "@/lib/domain/exam-deferral";
import {
  attemptSummary,
  countingGrade,
  EXAM_KIND_LABELS,
  resitRegistrationProblem,
  sittingInFocus,
  sittingOutcome,
} from "@/lib/domain/exam-sittings";
import { examPhase } from "@/lib/domain/exam-time";
import { ATTEMPT_FIELDS } from "@/lib/server/attempt-fields";
import { studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import { attendanceProgress, samlingDayState } from "@/lib/domain/attendance-progress";
import { canWithdrawAbsenceNotice, canSendAbsenceNotice } from "@/lib/domain/absence-notice";
import { attemptDeadlines, handInPermission, isFinalRejection, isRejectionDecision, nextHandInDeadline } from "@/lib/domain/coursework";
import { groupChangesOpen } from "@/lib/domain/submission-group";
import type { ArbeidskravStatus } from "@/lib/domain/eligibility";
import { studentNextSteps } from "@/lib/domain/next-steps";
import { addDays } from "@/lib/domain/dates";
import { formatDateNb } from "@/lib/domain/format";
import { describeStandingChange, storedOutlook } from "@/lib/domain/standing";
import { formatWeeksNb, samlingPhase } from "@/lib/domain/schedule";
import { COHORT_ACADEMIC_LEAD, cohortContacts, PROGRAMME_CONTACT_FIELDS } from "@/lib/server/cohorts/contacts";
import { evaluateCohortsEligibility } from "@/lib/server/cohorts/eligibility";
import { CREDIT_STANDS } from "@/lib/server/enrolments/credits";
import { asPublished, RECORD_SELECT, toRecord } from "@/lib/server/exams/records";
import { db } from "@/lib/server/db";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, toLeavePeriod } from "@/lib/to-domain";
import { daysOnLeave, IN_KULL, type EnrolmentStatus } from "@/lib/domain/enrolment";

/** In the kull: active, on leave, completed (a reference, so the selects below stay mutable for Prisma). */
const IN_KULL_STATUS: { in: EnrolmentStatus[] } = { in: [...IN_KULL] };

const SUBMISSION_SELECT = {
  id: true,
  arbeidskravId: true,
  status: true,
  members: {
    orderBy: { enrolment: { user: { name: "asc" } } },
    select: { enrolmentId: true, confirmedAt: true, addedBy: { select: { name: true } }, enrolment: { select: { user: { select: { name: true } } } } },
  },
  attempts: {
    orderBy: { attempt: "asc" },
    select: ATTEMPT_FIELDS,
  },
} as const;

/** Her letters in a kull that she has not opened (StudentLetterOpening), newest first: a next step. */
const UNOPENED_LETTERS = {
  where: { opening: { is: null } },
  orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
  select: { id: true, subject: true, kind: true, aboutId: true, klageDeadline: true },
} satisfies Prisma.Enrolment$lettersArgs;

/** Her klager still open, final at the klagenemnd, or avvist as too late: where each stands (klageStage), by the letter it is on. */
const OPEN_KLAGER = {
  where: { status: { in: ["RECEIVED", "UPHELD", "DISMISSED"] } },
  select: {
    status: true,
    forwardedAt: true,
    letter: { select: { kind: true, aboutId: true } },
    appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: { forwardedAt: true, outcome: true } },
  },
} satisfies Prisma.Enrolment$appealsArgs;

const ENROLMENT_SELECT = {
  id: true,
  status: true,
  transferredFromId: true,
  letters: UNOPENED_LETTERS,
  appeals: OPEN_KLAGER,
  leaves: { where: { status: "GRANTED" }, select: { id: true, fromDate: true, toDate: true, returnedOn: true } },
  // A forhåndsvarsel waiting for her uttalelse or the decision (lib/server/cohorts/correction-notices.ts).
  correctionNotices: {
    where: { notice: { status: "PENDING" } },
    select: { respondedAt: true, letterId: true, notice: { select: { respondBy: true, attempt: { select: { submission: { select: { arbeidskravId: true } } } } } } },
  },
  attendanceCredits: {
    select: { samlingDayId: true, creditedAt: true, sourceAttendance: { select: { samlingDay: { select: { date: true } }, enrolment: { select: { cohort: { select: { name: true } } } } } } },
  },
  arbeidskravCredits: {
    where: CREDIT_STANDS,
    select: {
      arbeidskravId: true,
      creditedAt: true,
      creditedBy: { select: { name: true } },
      sourceSubmission: { select: { ...SUBMISSION_SELECT, arbeidskrav: { select: { title: true, dueDate: true, cohort: { select: { name: true } } } } } },
    },
  },
  basisgruppe: {
    select: {
      name: true,
      supervisor: { select: { name: true, email: true, phone: true } },
      members: {
        where: { status: IN_KULL_STATUS },
        orderBy: { user: { name: "asc" } },
        select: { id: true, user: { select: { name: true } } },
      },
    },
  },
  cohort: {
    select: {
      id: true,
      code: true,
      name: true,
      programme: { select: { name: true, examAttempts: true, examImprovementAttempts: true, ...PROGRAMME_CONTACT_FIELDS } },
      teachers: COHORT_ACADEMIC_LEAD,
      samlinger: {
        orderBy: { number: "asc" },
        select: {
          number: true,
          samling: {
            select: {
              title: true,
              location: true,
              notes: true,
              days: { orderBy: { date: "asc" }, select: { id: true, date: true } },
            },
          },
        },
      },
      arbeidskrav: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          kind: true,
          title: true,
          description: true,
          dueDate: true,
          required: true,
          oralPresentation: true,
          individualOnly: true,
          minGroupSize: true,
          maxGroupSize: true,
          maxAttempts: true,
        },
      },
      exams: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          kind: true,
          title: true,
          startsOn: true,
          endsOn: true,
          startsAt: true,
          handInAt: true,
          registrationClosesOn: true,
          gradesPublishedAt: true,
          taskTitle: true,
          taskText: true,
          taskDocuments: { orderBy: { uploadedAt: "asc" }, select: { id: true, originalName: true, size: true } },
        },
      },
    },
  },
  attendance: { select: { samlingDayId: true, status: true } },
  absenceNotices: {
    where: { withdrawnAt: null },
    select: { id: true, samlingDayId: true, reason: true, createdAt: true },
  },
  submissionMembers: { select: { submission: { select: SUBMISSION_SELECT } } },
  examRegistrations: {
    select: {
      id: true,
      ...RECORD_SELECT,
      deferrals: {
        orderBy: { requestedAt: "desc" },
        select: { id: true, status: true, reason: true, requestedAt: true, decidedAt: true, documents: { select: { id: true, originalName: true } } },
      },
    },
  },
  standing: { select: { status: true, previousStatus: true, changedAt: true, changeCause: true } },
} as const;

async function loadStudentOverview(viewer: Viewer, now: Date) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
  const today = osloDate(now);
  // One connection for the whole read (issue 21). The nested select below is one statement per
  // relation, and outside a transaction Prisma sends sibling relations at once, each on a pool
  // connection of its own: one student's page held all ten. In a transaction they go one after
  // another on one connection (lib/db/serial-transactions.ts), and every part reads one snapshot.
  const { enrolments, earlierRows, evaluations, leaveLetters } = await db().$transaction(async (tx) => {
    const enrolments = await tx.enrolment.findMany({
      where: { userId: viewer.id, status: { in: [...IN_KULL] } },
      orderBy: { cohort: { startsOn: "desc" } },
      select: ENROLMENT_SELECT,
    });
    // The kull the student moved on from (transfers), for one history across them.
    const earlierRows = await tx.enrolment.findMany({
      where: { userId: viewer.id, status: "TRANSFERRED" },
      select: {
        id: true,
        transferredFromId: true,
        endedOn: true,
        cohort: { select: { name: true, arbeidskrav: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, required: true, dueDate: true } } } },
        submissionMembers: { select: { submission: { select: SUBMISSION_SELECT } } },
        letters: UNOPENED_LETTERS,
      },
    });
    // The verdict comes from the one place that decides it (also for faculty and exam
    // registration), for every kull of the student in one evaluation.
    const evaluations = await evaluateCohortsEligibility(
      tx,
      enrolments.map((enrolment) => enrolment.cohort.id),
      { today, enrolmentIds: enrolments.map((enrolment) => enrolment.id) },
    );
    // The letter granting a leave still open, for the banner to link (a walk: it linked the list).
    // One statement more, and only for a student on leave.
    const openLeaves = enrolments.flatMap((enrolment) => enrolment.leaves.filter((leave) => leave.returnedOn === null).map((leave) => leave.id));
    const leaveLetters =
      openLeaves.length === 0
        ? []
        : await tx.studentLetter.findMany({
            where: { userId: viewer.id, kind: "LEAVE_GRANTED", aboutType: "LeaveOfAbsence", aboutId: { in: openLeaves } },
            orderBy: { decidedAt: "desc" },
            select: { id: true, aboutId: true },
          });
    return { enrolments, earlierRows, evaluations, leaveLetters };
  });
  const earlierById = new Map(earlierRows.map((row) => [row.id, row]));
  /** The kull before this one, oldest first (a chain of transfers). */
  const earlierOf = (transferredFromId: string | null) => {
    const chain: (typeof earlierRows)[number][] = [];
    for (let id = transferredFromId; id && earlierById.has(id) && chain.length < 10; id = earlierById.get(id)!.transferredFromId) chain.unshift(earlierById.get(id)!);
    return chain;
  };

  return enrolments.map((enrolment) => {
    const { cohort } = enrolment;
    const { requirements, byEnrolment } = evaluations.get(cohort.id)!;
    const eligibility = byEnrolment.get(enrolment.id)!.eligibility;
    const attendanceByDay = new Map(enrolment.attendance.map((row) => [row.samlingDayId, row.status]));
    const noticeByDay = new Map(enrolment.absenceNotices.map((notice) => [notice.samlingDayId, notice]));
    const creditByDay = new Map(enrolment.attendanceCredits.map((credit) => [credit.samlingDayId, credit]));
    const leaveDays = new Set(
      daysOnLeave(
        cohort.samlinger.flatMap(({ samling }) => samling.days.map((d) => ({ id: d.id, date: isoDate(d.date) }))),
        enrolment.leaves.map(toLeavePeriod),
      ),
    );

    const samlinger = cohort.samlinger.map(({ number, samling }) => {
      const dates = samling.days.map((samlingDay) => isoDate(samlingDay.date));
      return {
        number,
        title: samling.title,
        location: samling.location,
        notes: samling.notes,
        phase: samlingPhase(dates, today),
        weeks: formatWeeksNb(dates),
        days: samling.days.map((samlingDay) => {
          const date = isoDate(samlingDay.date);
          const attendance = attendanceByDay.get(samlingDay.id) ?? null;
          const notice = noticeByDay.get(samlingDay.id);
          const credit = creditByDay.get(samlingDay.id);
          return {
            id: samlingDay.id,
            date,
            attendance,
            state: samlingDayState(date, attendance, today, { credited: credit !== undefined, onLeave: leaveDays.has(samlingDay.id) }),
            /** Credited from an earlier kull: the day there the student attended. */
            credit: credit ? { from: credit.sourceAttendance.enrolment.cohort.name, date: isoDate(credit.sourceAttendance.samlingDay.date) } : null,
            notice: notice
              ? { id: notice.id, reason: notice.reason, createdAt: notice.createdAt, canWithdraw: canWithdrawAbsenceNotice(date, today) }
              : null,
            canSendNotice:
              !notice &&
              canSendAbsenceNotice(date, today, { credited: credit !== undefined, registeredPresent: attendance === "PRESENT", onLeave: leaveDays.has(samlingDay.id) }),
          };
        }),
      };
    });

    const submissions = new Map(enrolment.submissionMembers.map(({ submission }) => [submission.arbeidskravId, submission]));
    /** Where her klage on the decision `kind` about `aboutId` stands (lib/domain/klage.ts klageStage), or null. */
    const klageOn = (kind: "ARBEIDSKRAV_NOT_APPROVED" | "EXAM_ADMISSION_REFUSED", aboutId: string): KlageStage | null => {
      const klage = enrolment.appeals.find((row) => row.letter.kind === kind && row.letter.aboutId === aboutId);
      return klage ? klageStage({ status: klage.status, forwardedAt: klage.forwardedAt, decisions: klage.appealsBodyDecisions }) : null;
    };
    const credits = new Map(enrolment.arbeidskravCredits.map((credit) => [credit.arbeidskravId, credit]));
    const pendingNotices = new Map(
      enrolment.correctionNotices.map((recipient) => [
        recipient.notice.attempt.submission.arbeidskravId,
        { respondBy: isoDate(recipient.notice.respondBy), responded: recipient.respondedAt !== null, letterId: recipient.letterId },
      ]),
    );
    const standing = new Map(
      studentArbeidskravStanding(
        cohort.arbeidskrav,
        [...submissions.values()].map(({ arbeidskravId, status }) => ({ arbeidskravId, status })),
        [...credits.keys()],
      ).map(({ id, status }) => [id, status]),
    );
    const arbeidskrav = cohort.arbeidskrav.map((definition) => {
      const dueDate = isoDate(definition.dueDate);
      const submission = submissions.get(definition.id) ?? null;
      const status: ArbeidskravStatus = standing.get(definition.id) ?? "NOT_SUBMITTED";
      const attempts = submission ? attemptDeadlines(dueDate, submission.attempts) : [];
      const latest = attempts.at(-1);
      const credit = credits.get(definition.id) ?? null;
      return {
        ...definition,
        dueDate,
        status,
        /** Approved in an earlier kull and credited here (a transfer), with that work's history. */
        credit: credit
          ? {
              title: credit.sourceSubmission.arbeidskrav.title,
              cohortName: credit.sourceSubmission.arbeidskrav.cohort.name,
              creditedAt: credit.creditedAt,
              creditedBy: credit.creditedBy.name,
              attempts: attemptDeadlines(isoDate(credit.sourceSubmission.arbeidskrav.dueDate), credit.sourceSubmission.attempts).map(attemptView),
              members: credit.sourceSubmission.members.map((member) => member.enrolment.user.name),
            }
          : null,
        /** The deadline of the next hand-in: the due date, or after "ikke godkjent" the resubmission deadline. */
        deadline: nextHandInDeadline(dueDate, attempts),
        permission: handInPermission(status, { used: attempts.length, max: definition.maxAttempts }),
        /** A forhåndsvarsel that the approval may be corrected, waiting for her uttalelse or the decision. */
        pendingNotice: pendingNotices.get(definition.id) ?? null,
        /** "Ikke godkjent" on the final attempt: no new hand-in. */
        finalRejection: latest ? isFinalRejection({ attempt: latest.attempt, status: latest.status }, definition.maxAttempts) : false,
        /** …of a required item: an enkeltvedtak, with a letter under Brev (an optional extra's decides nothing). */
        rejectionDecision: latest ? isRejectionDecision({ attempt: latest.attempt, status: latest.status }, definition) : false,
        /** That vedtak's letter, while she has not opened it: the start page's step leads there. */
        unopenedDecisionLetterId: latest ? (enrolment.letters.find((letter) => letter.kind === "ARBEIDSKRAV_NOT_APPROVED" && letter.aboutId === latest.id)?.id ?? null) : null,
        /** Her klage on that vedtak, where it stands (null: none, or it changed the decision). */
        klage: latest ? klageOn("ARBEIDSKRAV_NOT_APPROVED", latest.id) : null,
        submission: submission
          ? {
              id: submission.id,
              /** Members may still leave, join and confirm (nothing assessed yet). */
              groupOpen: groupChangesOpen(attempts.map((attempt) => attempt.status)),
              members: submission.members.map((member) => ({
                enrolmentId: member.enrolmentId,
                name: member.enrolment.user.name,
                isViewer: member.enrolmentId === enrolment.id,
                confirmed: member.confirmedAt !== null,
                addedBy: member.addedBy?.name ?? null,
              })),
              attempts: attempts.map(attemptView),
            }
          : null,
      };
    });

    // The exam: every sitting the student has a part in, the results of published sittings, the
    // grade that counts (the best), attempts, and what they may do (register for ny eksamen, ask
    // for utsatt eksamen). The rules are lib/domain/exam-sittings.ts and exam-deferral.ts.
    const rules = { attempts: cohort.programme.examAttempts, improvements: cohort.programme.examImprovementAttempts };
    const records = enrolment.examRegistrations.map(toRecord);
    const shown = records.map(asPublished);
    const eligible = canAdmitToExam(eligibility);
    const sittings = cohort.exams.map((sitting) => {
      const registration = enrolment.examRegistrations.find((row) => row.examId === sitting.id) ?? null;
      const record = shown.find((row) => row.examId === sitting.id) ?? null;
      const phase = examPhase(sitting, now);
      const deferral = registration?.deferrals[0] ?? null;
      const toSit = registration?.status === "ADMITTED" || registration?.status === "NOT_ATTENDED";
      const registrationClosesOn = sitting.registrationClosesOn ? isoDate(sitting.registrationClosesOn) : null;
      const resitProblem =
        sitting.kind === "RESIT"
          ? resitRegistrationProblem({
              sitting: { examId: sitting.id, kind: sitting.kind, startsAt: sitting.startsAt, registrationClosesOn },
              records,
              eligible,
              onLeave: enrolment.status === "ON_LEAVE",
              rules,
              now,
            })
          : null;
      return {
        id: sitting.id,
        kind: sitting.kind,
        kindLabel: EXAM_KIND_LABELS[sitting.kind],
        title: sitting.title,
        startsOn: isoDate(sitting.startsOn),
        endsOn: isoDate(sitting.endsOn),
        startsAt: sitting.startsAt,
        handInAt: sitting.handInAt,
        phase,
        registrationClosesOn,
        status: registration?.status ?? null,
        /** Her klage on «ikke adgang til eksamen», where it stands. */
        refusalKlage: registration?.status === "REFUSED" ? klageOn("EXAM_ADMISSION_REFUSED", registration.id) : null,
        /** «Ikke adgang til eksamen»'s letter, while she has not opened it: the start page's step leads there. */
        unopenedRefusalLetterId:
          registration?.status === "REFUSED"
            ? (enrolment.letters.find((letter) => letter.kind === "EXAM_ADMISSION_REFUSED" && letter.aboutId === registration.id)?.id ?? null)
            : null,
        /** The result as the student may see it (a sitting's results once published). */
        outcome: record ? sittingOutcome(record) : null,
        grade: record?.grade ?? null,
        published: sitting.gradesPublishedAt !== null,
        /**
         * A published grade's rights (its grounds, a klage) with their last days, while the klage
         * period runs; counted from the day the student could see it (the publication, or a grade
         * set after it).
         */
        gradeRights: (() => {
          if (!record?.grade || !sitting.gradesPublishedAt || !registration?.gradedAt) return null;
          const knownAt = Math.max(sitting.gradesPublishedAt.getTime(), registration.gradedAt.getTime());
          const rights = gradeRights(osloDate(new Date(knownAt)));
          return gradeRightsOpen(rights, today) ? rights : null;
        })(),
        /** The task, for those to sit it, from the start. */
        task: toSit && phase !== "BEFORE" ? { title: sitting.taskTitle, text: sitting.taskText, documents: sitting.taskDocuments } : null,
        deferral: deferral
          ? { id: deferral.id, status: deferral.status, reason: deferral.reason, requestedAt: deferral.requestedAt, decidedAt: deferral.decidedAt, documents: deferral.documents }
          : null,
        /** Why the student cannot ask for utsatt eksamen of this sitting now (null: they can). */
        deferralProblem: deferralRequestProblem({
          record: registration ? { status: registration.status, grade: registration.grade } : null,
          sitting,
          openRequest: registration?.deferrals.some((row) => row.status === "REQUESTED" || row.status === "GRANTED") ?? false,
          now,
        }),
        deferralDeadline: deferralRequestDeadline(sitting.handInAt),
        /** Ny eksamen: why the student may not register now (null: they may). */
        resitProblem,
        /** Ny eksamen: registered, and may still withdraw (until the registration deadline). */
        canWithdraw:
          sitting.kind === "RESIT" && registration?.status === "ADMITTED" && !registration.grade && registrationClosesOn !== null && now.getTime() < deadlineEnd(registrationClosesOn).getTime(),
      };
    });
    // A later sitting concerns the student when they have a registration there, or it is a ny
    // eksamen they may register for.
    const examSittings = sittings.filter((sitting) => sitting.kind === "ORDINARY" || sitting.status !== null || (sitting.kind === "RESIT" && sitting.resitProblem === null));
    const focus = sittingInFocus(cohort.exams, shown);
    const focusView = focus ? sittings.find((sitting) => sitting.id === focus.id)! : null;
    const counting = countingGrade(shown);
    const publishedGrade = counting?.grade ?? null;
    const examView = focusView
      ? {
          id: focusView.id,
          kind: focusView.kind,
          kindLabel: focusView.kindLabel,
          title: focusView.title,
          startsOn: focusView.startsOn,
          endsOn: focusView.endsOn,
          startsAt: focusView.startsAt,
          handInAt: focusView.handInAt,
          registered: focusView.status === "ADMITTED",
          withdrawn: focusView.status === "WITHDRAWN",
          refused: focusView.status === "REFUSED",
          /** Her klage on that refusal, where it stands (klageStage), or null. */
          refusalKlage: focusView.refusalKlage ?? null,
          /** The grade that counts, of the published sittings (the best). */
          publishedGrade,
        }
      : null;
    const openResit = sittings.find((sitting) => sitting.kind === "RESIT" && sitting.resitProblem === null && sitting.status !== "ADMITTED") ?? null;

    const contacts = cohortContacts(cohort);

    const nextSteps = studentNextSteps({
      today,
      eligibility,
      arbeidskrav: arbeidskrav.map(({ id, number, title, required, status, deadline, finalRejection, pendingNotice, unopenedDecisionLetterId, klage }) => ({
        id,
        number,
        title,
        required,
        status,
        deadline,
        final: finalRejection,
        decisionLetterId: unopenedDecisionLetterId,
        klage,
        notice: pendingNotice,
      })),
      // The days she is expected at: one credited from an earlier kull is not (nor a samling all credited).
      samlinger: samlinger.map(({ number, title, location, days }) => ({ number, title, location, days: days.filter((d) => d.credit === null).map((d) => d.date) })),
      exam: examView
        ? {
            startsOn: examView.startsOn,
            endsOn: examView.endsOn,
            registered: examView.registered,
            refused: examView.refused,
            refusalLetterId: focusView?.unopenedRefusalLetterId ?? null,
            refusalKlage: focusView?.refusalKlage ?? null,
            publishedGrade,
            kind: examView.kind,
            startsAt: examView.startsAt,
            handInAt: examView.handInAt,
          }
        : null,
      resit: openResit && openResit.registrationClosesOn ? { startsOn: openResit.startsOn, endsOn: openResit.endsOn, registrationClosesOn: openResit.registrationClosesOn } : null,
      contacts,
      onLeave: (() => {
        const open = enrolment.status === "ON_LEAVE" ? enrolment.leaves.find((leave) => leave.returnedOn === null) : undefined;
        return open ? { until: isoDate(open.toDate) } : null;
      })(),
      // This kull's, and those of the kull she moved on from (a notice on work credited here goes there).
      newLetters: [enrolment, ...earlierOf(enrolment.transferredFromId)].flatMap((row) => row.letters.map(({ id, subject, klageDeadline }) => ({ id, subject, klageDeadline: klageDeadline ? isoDate(klageDeadline) : null }))),
    });

    // The earlier kull's arbeidskrav that were not credited here, with their attempts and feedback.
    const creditedSubmissions = new Set(enrolment.arbeidskravCredits.map((credit) => credit.sourceSubmission.id));
    const earlier = earlierOf(enrolment.transferredFromId).map((old) => {
      const oldSubmissions = new Map(old.submissionMembers.map(({ submission }) => [submission.arbeidskravId, submission]));
      return {
        enrolmentId: old.id,
        cohortName: old.cohort.name,
        endedOn: old.endedOn ? isoDate(old.endedOn) : null,
        arbeidskrav: old.cohort.arbeidskrav.map((definition) => {
          const submission = oldSubmissions.get(definition.id) ?? null;
          return {
            id: definition.id,
            title: definition.title,
            required: definition.required,
            status: (submission?.status ?? "NOT_SUBMITTED") as ArbeidskravStatus,
            credited: submission !== null && creditedSubmissions.has(submission.id),
            attempts: submission ? attemptDeadlines(isoDate(definition.dueDate), submission.attempts).map(attemptView) : [],
          };
        }),
      };
    });

    return {
      enrolmentId: enrolment.id,
      status: enrolment.status,
      earlier,
      creditedDays: enrolment.attendanceCredits.length,
      creditedArbeidskrav: enrolment.arbeidskravCredits.length,
      /** The granted leave not ended yet (the student is on leave, or will be from its first day). */
      leave: (() => {
        const open = enrolment.leaves.find((leave) => leave.returnedOn === null);
        return open ? { from: isoDate(open.fromDate), to: isoDate(open.toDate), letterId: leaveLetters.find((letter) => letter.aboutId === open.id)?.id ?? null } : null;
      })(),
      cohort: { id: cohort.id, code: cohort.code, name: cohort.name, programme: cohort.programme.name },
      today,
      requirements,
      eligibility,
      /** The last change of the standing, shown for 30 days ("endret"): what changed, when, why. */
      standingChange:
        enrolment.standing?.changedAt && enrolment.standing.previousStatus && osloDate(enrolment.standing.changedAt) >= addDays(today, -30)
          ? describeStandingChange({
              previousStatus: enrolment.standing.previousStatus,
              status: storedOutlook(enrolment.standing.status, eligibility),
              changedOn: osloDate(enrolment.standing.changedAt),
              cause: enrolment.standing.changeCause,
              formatDate: formatDateNb,
            })
          : null,
      attendance: attendanceProgress(eligibility.attendance),
      nextSteps,
      samlinger,
      arbeidskrav,
      exam: examView,
      /** Every sitting that concerns the student, in time order, with the grade that counts and the attempts. */
      exams: {
        sittings: examSittings,
        counting: counting ? { ...counting, kind: shown.find((row) => row.examId === counting.examId)!.kind } : null,
        attempts: attemptSummary(shown, rules),
        rules,
      },
      basisgruppe: enrolment.basisgruppe
        ? {
            name: enrolment.basisgruppe.name,
            supervisor: enrolment.basisgruppe.supervisor,
            members: enrolment.basisgruppe.members.map((member) => ({ name: member.user.name, isViewer: member.id === enrolment.id })),
          }
        : null,
      contacts,
    };
  });
}

type AttemptRow = Prisma.SubmissionAttemptGetPayload<{ select: typeof ATTEMPT_FIELDS }>;

function attemptView(attempt: AttemptRow & { deadline: string; late: boolean }) {
  return {
    id: attempt.id,
    number: attempt.attempt,
    text: attempt.text,
    submittedAt: attempt.submittedAt,
    submittedBy: attempt.submittedBy.name,
    status: attempt.status,
    feedback: attempt.feedback,
    assessedAt: attempt.assessedAt,
    deadline: attempt.deadline,
    late: attempt.late,
    documents: attempt.documents,
    changes: attempt.changes,
  };
}

/** The viewer's own enrolments in a kull (active, on leave, completed), newest cohort first. Cached for the request. */
export const getStudentOverview = cache((viewer: Viewer, now?: Date) => loadStudentOverview(viewer, now ?? new Date()));

export type StudentOverview = Awaited<ReturnType<typeof loadStudentOverview>>[number];
export type StudentArbeidskrav = StudentOverview["arbeidskrav"][number];
