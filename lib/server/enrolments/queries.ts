import "server-only";
// The adviser's reads about students across kull: finding a student by name or e-mail, and one
// student's page (identity, every enrolment with its leaves, credits and exam, the letters, and
// which changes each enrolment allows now). Advisers and admins only; everyone else is refused.
import { osloDate } from "@/lib/domain/application-deadline";
import { compareIsoDates } from "@/lib/domain/dates";
import { appealsBodyStanding } from "@/lib/domain/klage";
import { storedOutlook } from "@/lib/domain/standing";
import { replacedStudentLetters } from "@/lib/domain/student-letter";
import { allowedChanges, completionInView, completionProblem, completionSitting, type EnrolmentStatus, kullLeaveProblem, leaveCancellationProblem, leaveEndNote, leaveHasBegun } from "@/lib/domain/enrolment";
import { canHandleHealthCases, CLASSMATE_HEALTH_MESSAGE, isOwnCase } from "@/lib/permissions";
import { RECORD_SELECT, toRecord } from "@/lib/server/exams/records";
import { isWaitlistClosed } from "@/lib/domain/admission-decisions";
import { waitlistClosingDateOf } from "@/lib/server/admission/places";
import { evaluateCohortsEligibility, type CohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { awaitedFor } from "@/lib/server/enrolments/credits";
import { creditStands } from "@/lib/server/enrolments/credits";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { isRecordId } from "@/lib/validation/ids";
import { requireAdviser } from "./common";
import { getStudentIdentity, suggestedBirthDate } from "./identity";
import { containsText, searchText } from "@/lib/validation/search";

const ENROLMENT_SUMMARY = {
  id: true,
  status: true,
  cohort: { select: { id: true, name: true, code: true, startsOn: true, programme: { select: { name: true } } } },
} as const;

/** At most this many students in one list; the page says when there are more. */
export const STUDENT_LIST_LIMIT = 100;

/**
 * Students whose name or e-mail contains `query` (at least two characters), those of one kull
 * (`cohortId`), or both; without either, those on leave now. Also the kull to choose from (every
 * kull that has students, the newest first, archived ones too: a student's history stays findable).
 * The kull are read first, so a kull id is only ever one of them (two statements, one after the other).
 */
export async function searchStudents(viewer: Viewer, input: { query: string | null; cohortId?: string | null }) {
  requireAdviser(viewer);
  const query = searchText(input.query);
  const byText = query.length >= 2;
  const cohorts = await db().cohort.findMany({
    where: { enrolments: { some: {} } },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, archivedAt: true, programme: { select: { name: true } } },
  });
  // A kull that is not one to choose (an old bookmark, a kull without students) filters nothing: the page says so.
  const cohort = input.cohortId ? (cohorts.find((row) => row.id === input.cohortId) ?? null) : null;
  const users = await db().user.findMany({
    where:
      byText || cohort
        ? {
            enrolments: { some: cohort ? { cohortId: cohort.id } : {} },
            ...(byText ? { OR: [{ name: { contains: containsText(query), mode: "insensitive" as const } }, { email: { contains: containsText(query), mode: "insensitive" as const } }] } : {}),
          }
        : { enrolments: { some: { status: "ON_LEAVE" } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: STUDENT_LIST_LIMIT + 1,
    select: {
      id: true,
      name: true,
      email: true,
      enrolments: { orderBy: { cohort: { startsOn: "desc" } }, select: ENROLMENT_SUMMARY },
    },
  });
  return {
    /** The text searched for (cleaned), or null when there is none to search by. */
    text: byText ? query : null,
    tooShort: query.length === 1,
    /** The kull chosen, when it is one to choose. */
    cohort: cohort ? { id: cohort.id, label: `${cohort.programme.name}, ${cohort.name}` } : null,
    /** A kull was asked for that is not one to choose (its filter was left out). */
    unknownCohort: Boolean(input.cohortId) && cohort === null,
    cohorts: cohorts.map((row) => ({ id: row.id, label: `${row.programme.name}, ${row.name}${row.archivedAt ? " (arkivert)" : ""}` })),
    /** More matched than are shown. */
    truncated: users.length > STUDENT_LIST_LIMIT,
    students: users.slice(0, STUDENT_LIST_LIMIT).map((user) => ({
      userId: user.id,
      name: user.name,
      email: user.email,
      enrolments: user.enrolments.map((enrolment) => ({
        id: enrolment.id,
        status: enrolment.status as EnrolmentStatus,
        cohort: { ...enrolment.cohort, startsOn: isoDate(enrolment.cohort.startsOn) },
      })),
    })),
  };
}

export type StudentSearchResult = Awaited<ReturnType<typeof searchStudents>>["students"][number];

/** One student as the adviser works with them. NotFound for an id that is not a student's. */
export async function getStudentRecord(viewer: Viewer, userId: string, now = new Date()) {
  requireAdviser(viewer);
  if (!isRecordId(userId)) throw new NotFoundError("Fant ikke studenten.");
  const today = osloDate(now);
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      roles: true,
      enrolments: {
        orderBy: [{ cohort: { startsOn: "asc" } }, { createdAt: "asc" }],
        select: {
          id: true,
          status: true,
          createdAt: true,
          endedOn: true,
          endReason: true,
          placeReleasedAt: true,
          transferredFrom: { select: { id: true, cohort: { select: { name: true } } } },
          transferredTo: { select: { id: true, cohort: { select: { name: true } } } },
          cohort: { select: { id: true, name: true, code: true, startsOn: true, endsOn: true, completedAt: true, waitlistClosesOn: true, programme: { select: { name: true } } } },
          basisgruppe: { select: { name: true } },
          standing: { select: { status: true, attendedDays: true, scheduledDays: true, approvedRequired: true, requiredTotal: true } },
          leaves: {
            orderBy: { fromDate: "asc" },
            select: {
              id: true,
              fromDate: true,
              toDate: true,
              reason: true,
              documentation: true,
              status: true,
              grounds: true,
              decidedAt: true,
              returnedOn: true,
              ending: true,
              decidedBy: { select: { name: true } },
            },
          },
          // Every sitting (ordinary, utsatt, ny eksamen): completion reads the grade that counts.
          examRegistrations: {
            orderBy: { exam: { startsAt: "asc" } },
            select: { ...RECORD_SELECT, exam: { select: { ...RECORD_SELECT.exam.select, title: true } } },
          },
          arbeidskravCredits: {
            orderBy: { arbeidskrav: { number: "asc" } },
            select: {
              id: true,
              creditedAt: true,
              creditedBy: { select: { name: true } },
              arbeidskrav: { select: { title: true } },
              sourceSubmission: { select: { status: true, arbeidskrav: { select: { title: true, cohort: { select: { name: true } } } } } },
            },
          },
          _count: { select: { attendanceCredits: true } },
        },
      },
    },
  });
  if (!user || user.enrolments.length === 0) throw new NotFoundError("Fant ikke studenten.");
  const [identity, suggested, letters, ownKull] = await Promise.all([
    getStudentIdentity(viewer, userId),
    suggestedBirthDate(viewer, userId),
    db().studentLetter.findMany({
      where: { userId },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        kind: true,
        subject: true,
        madeAvailableOn: true,
        enkeltvedtak: true,
        klageDeadline: true,
        caseNumber: true,
        decidedAt: true,
        enrolment: { select: { cohort: { select: { name: true } } } },
        // Where a klage stands, with the klagenemnd too (klageBadge): «ikke tatt til følge» alone
        // read as closed while it waits there (from a walk).
        appeals: {
          select: {
            status: true,
            forwardedAt: true,
            appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, take: 1, select: { forwardedAt: true, outcome: true, notCarriedOut: true, followedUpAt: true } },
          },
        },
        opening: { select: { openedAt: true } },
      },
    }),
    // The kull the viewer is herself a student of: there a leave's reason is a classmate's health
    // data, not hers to read (canHandleHealthCases).
    db().enrolment.findMany({ where: { userId: viewer.id }, select: { cohortId: true } }),
  ]);
  const classmateIn = new Set(ownKull.map((row) => row.cohortId));
  // The day each kull's waiting list closes: a withdrawal gives the place back only before it.
  const closing = new Map(
    await Promise.all(user.enrolments.map(async (enrolment) => [enrolment.id, await waitlistClosingDateOf(db(), enrolment.cohort)] as const)),
  );
  // Work in an earlier kull still waiting for its assessment that counts here once approved there
  // (credits.ts), for an enrolment continuing a transfer.
  const awaiting = new Map(
    await Promise.all(
      user.enrolments
        .filter((enrolment) => enrolment.transferredFrom !== null && (enrolment.status === "ACTIVE" || enrolment.status === "ON_LEAVE"))
        .map(async (enrolment) => [enrolment.id, await awaitedFor(db(), { id: enrolment.id, userId: user.id, cohortId: enrolment.cohort.id })] as const),
    ),
  );
  // Where she stands now, in the kull she is in: the stored status told as the evaluation tells it
  // (storedOutlook: a required item finally not approved is not «kan fortsatt nå kravene»).
  const current = user.enrolments.filter((enrolment) => enrolment.status === "ACTIVE" || enrolment.status === "ON_LEAVE");
  const evaluations =
    current.length === 0
      ? new Map<string, CohortEligibility>()
      : await evaluateCohortsEligibility(db(), [...new Set(current.map((enrolment) => enrolment.cohort.id))], { today, enrolmentIds: current.map((enrolment) => enrolment.id) });
  const outlookOf = (enrolment: (typeof user.enrolments)[number]) => {
    const evaluated = evaluations.get(enrolment.cohort.id)?.byEnrolment.get(enrolment.id);
    return enrolment.standing && evaluated ? storedOutlook(enrolment.standing.status, evaluated.eligibility) : (enrolment.standing?.status ?? null);
  };
  // The viewer's own record (an adviser who is also a student): every change to a place of hers is a
  // colleague's decision (lockEnrolmentToDecide refuses it), so none is offered.
  const self = isOwnCase(viewer, [user.id]);
  const enrolments = user.enrolments.map((enrolment) => {
    const status = enrolment.status as EnrolmentStatus;
    const sittings = enrolment.examRegistrations.map((row) => ({ ...toRecord(row), title: row.exam.title }));
    // The sitting the adviser reads first: the one whose grade counts, else the latest.
    const registration = completionSitting(sittings) ?? sittings.at(-1) ?? null;
    const healthHidden = !canHandleHealthCases(viewer, { viewerIsStudentOfKull: classmateIn.has(enrolment.cohort.id) });
    const leaves = enrolment.leaves.map((leave) => ({
      id: leave.id,
      from: isoDate(leave.fromDate),
      to: isoDate(leave.toDate),
      /** Null where it is a classmate's health data (healthHidden). */
      reason: healthHidden ? null : leave.reason,
      documentation: healthHidden ? null : leave.documentation,
      status: leave.status,
      grounds: healthHidden ? null : leave.grounds,
      decidedAt: leave.decidedAt,
      decidedBy: leave.decidedBy.name,
      returnedOn: leave.returnedOn ? isoDate(leave.returnedOn) : null,
      ending: leave.ending,
    })).map((leave) => ({ ...leave, endNote: leave.status === "GRANTED" ? leaveEndNote(leave, today) : null }));
    const open = leaves.find((leave) => leave.status === "GRANTED" && leave.returnedOn === null) ?? null;
    const changes = self ? [] : allowedChanges(status);
    const leaveProblem = kullLeaveProblem({ completedOn: enrolment.cohort.completedAt ? osloDate(enrolment.cohort.completedAt) : null });
    const completion = completionProblem({
      status,
      sittings,
    });
    return {
      id: enrolment.id,
      status,
      startedAt: enrolment.createdAt,
      endedOn: enrolment.endedOn ? isoDate(enrolment.endedOn) : null,
      endReason: enrolment.endReason,
      placeReleased: enrolment.placeReleasedAt !== null,
      transferredFrom: enrolment.transferredFrom ? { id: enrolment.transferredFrom.id, cohortName: enrolment.transferredFrom.cohort.name } : null,
      transferredTo: enrolment.transferredTo ? { id: enrolment.transferredTo.id, cohortName: enrolment.transferredTo.cohort.name } : null,
      /** Work in the earlier kull still waiting for its assessment, that counts here once approved there. */
      awaiting: awaiting.get(enrolment.id) ?? [],
      waitlist: { closesOn: closing.get(enrolment.id)!, open: !isWaitlistClosed(closing.get(enrolment.id)!, now) },
      cohort: {
        id: enrolment.cohort.id,
        name: enrolment.cohort.name,
        code: enrolment.cohort.code,
        startsOn: isoDate(enrolment.cohort.startsOn),
        endsOn: isoDate(enrolment.cohort.endsOn),
        programme: enrolment.cohort.programme.name,
      },
      basisgruppe: enrolment.basisgruppe?.name ?? null,
      standing: enrolment.standing ? { ...enrolment.standing, outlook: outlookOf(enrolment)! } : null,
      leaves,
      /** The granted leave not ended yet, and whether its last day has passed without a return. */
      openLeave: open ? { ...open, overdue: compareIsoDates(open.to, today) < 0, started: leaveHasBegun(open, today) } : null,
      exam: registration
        ? { title: registration.title, status: registration.status, grade: registration.grade, published: registration.published }
        : null,
      credits: enrolment.arbeidskravCredits.map((credit) => ({
        id: credit.id,
        title: credit.arbeidskrav.title,
        from: `${credit.sourceSubmission.arbeidskrav.title}, ${credit.sourceSubmission.arbeidskrav.cohort.name}`,
        /** The kull it came from alone, when the work there has the item's own title. */
        fromKull: credit.sourceSubmission.arbeidskrav.title === credit.arbeidskrav.title ? credit.sourceSubmission.arbeidskrav.cohort.name : null,
        creditedAt: credit.creditedAt,
        creditedBy: credit.creditedBy.name,
        /** False once the approval it rests on was corrected: it no longer counts. */
        stands: creditStands(credit),
      })),
      creditedDays: enrolment._count.attendanceCredits,
      actions: {
        leave: changes.includes("GRANT_LEAVE") && open === null && leaveProblem === null && !healthHidden,
        /** Why no leave can be decided here (the kull is completed, or she is a classmate), shown instead of the form, or null. */
        leaveProblem: changes.includes("GRANT_LEAVE") && open === null ? (leaveProblem ?? (healthHidden ? CLASSMATE_HEALTH_MESSAGE : null)) : null,
        returnFromLeave: changes.includes("RETURN") && open !== null,
        /** The open leave has not begun: it can be withdrawn (lib/domain/enrolment.ts leaveCancellationProblem). */
        cancelLeave: !self && open !== null && leaveCancellationProblem({ status: open.status, from: open.from, returnedOn: open.returnedOn }, status, today) === null,
        withdraw: changes.includes("WITHDRAW"),
        transfer: changes.includes("TRANSFER") && !(registration?.grade),
        complete: changes.includes("COMPLETE") && completionInView({ sittings, kullEndsOn: isoDate(enrolment.cohort.endsOn), today }),
        /** Why completion is not possible now (shown beside the button's place). */
        completionProblem: changes.includes("COMPLETE") ? completion : null,
      },
    };
  });
  const replaced = replacedStudentLetters(letters.map((letter) => ({ id: letter.id, kind: letter.kind, caseNumber: letter.caseNumber, order: letter.decidedAt.getTime() })));
  return {
    today,
    /** The record is the viewer's own: shown, with no change offered (a colleague decides). */
    self,
    student: { id: user.id, name: user.name, email: user.email, phone: user.phone },
    identity,
    suggestedBirthDate: suggested,
    enrolments,
    letters: letters.map((letter) => ({
      /** A later letter in its case replaced it (a klage taken, a decision no longer standing): no klage is registered on it. */
      replaced: replaced.has(letter.id),
      id: letter.id,
      kind: letter.kind,
      subject: letter.subject,
      madeAvailableOn: isoDate(letter.madeAvailableOn),
      enkeltvedtak: letter.enkeltvedtak,
      klageDeadline: letter.klageDeadline ? isoDate(letter.klageDeadline) : null,
      cohortName: letter.enrolment.cohort.name,
      klage: letter.appeals[0] ? { status: letter.appeals[0].status, appealsBody: appealsBodyStanding(letter.appeals[0], letter.appeals[0].appealsBodyDecisions) } : null,
      /** When the student first opened it under Brev: null, not yet; "UNKNOWN", a letter from before the app kept it. */
      openedAt: letter.opening === null ? null : (letter.opening.openedAt ?? ("UNKNOWN" as const)),
    })),
  };
}

export type StudentRecord = Awaited<ReturnType<typeof getStudentRecord>>;
