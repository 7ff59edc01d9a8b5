import "server-only";
// The student's own study history (/student/studieforlop): every kull they have been in, in
// order, with its status and what changed (leave, return, withdrawal, completion, transfer, and
// what was credited from an earlier kull), and their FS identity. Read with the viewer's own user
// id in the `where`: nobody reaches another student's history through this module.
import { osloDate } from "@/lib/domain/application-deadline";
import { ENROLMENT_STATUS_LABELS, leaveEndNote, type EnrolmentStatus } from "@/lib/domain/enrolment";
import { db } from "@/lib/server/db";
import { creditStands } from "@/lib/server/enrolments/credits";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, toLeavePeriod } from "@/lib/to-domain";
import { getStudentIdentity, suggestedBirthDate } from "./identity";

export async function getOwnStudyHistory(viewer: Viewer, now = new Date()) {
  const today = osloDate(now);
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
  const [enrolments, identity, suggested] = await Promise.all([
    db().enrolment.findMany({
      where: { userId: viewer.id },
      orderBy: [{ cohort: { startsOn: "asc" } }, { createdAt: "asc" }],
      select: {
        id: true,
        status: true,
        createdAt: true,
        endedOn: true,
        endReason: true,
        transferredFrom: { select: { cohort: { select: { name: true } } } },
        transferredTo: { select: { cohort: { select: { name: true } } } },
        cohort: { select: { name: true, startsOn: true, endsOn: true, programme: { select: { name: true } } } },
        leaves: {
          orderBy: { fromDate: "asc" },
          select: { id: true, fromDate: true, toDate: true, status: true, returnedOn: true, ending: true, decidedAt: true },
        },
        arbeidskravCredits: {
          orderBy: { arbeidskrav: { number: "asc" } },
          select: { id: true, arbeidskrav: { select: { title: true } }, sourceSubmission: { select: { status: true, arbeidskrav: { select: { title: true, cohort: { select: { name: true } } } } } } },
        },
        _count: { select: { attendanceCredits: true } },
        letters: { orderBy: [{ decidedAt: "asc" }, { id: "asc" }], select: { id: true, subject: true, madeAvailableOn: true } },
      },
    }),
    getStudentIdentity(viewer, viewer.id),
    suggestedBirthDate(viewer, viewer.id),
  ]);
  return {
    identity,
    suggestedBirthDate: suggested,
    enrolments: enrolments.map((enrolment) => {
      const status = enrolment.status as EnrolmentStatus;
      return {
        id: enrolment.id,
        status,
        statusLabel: ENROLMENT_STATUS_LABELS[status],
        startedAt: enrolment.createdAt,
        endedOn: enrolment.endedOn ? isoDate(enrolment.endedOn) : null,
        endReason: enrolment.endReason,
        cohort: { name: enrolment.cohort.name, programme: enrolment.cohort.programme.name, startsOn: isoDate(enrolment.cohort.startsOn), endsOn: isoDate(enrolment.cohort.endsOn) },
        transferredFrom: enrolment.transferredFrom?.cohort.name ?? null,
        transferredTo: enrolment.transferredTo?.cohort.name ?? null,
        leaves: enrolment.leaves.map((leave) => {
          const period = toLeavePeriod(leave);
          return { id: leave.id, ...period, status: leave.status, endNote: leave.status === "GRANTED" ? leaveEndNote({ ...period, ending: leave.ending }, today, "student") : null };
        }),
        credits: enrolment.arbeidskravCredits.map((credit) => ({
          id: credit.id,
          title: credit.arbeidskrav.title,
          from: `${credit.sourceSubmission.arbeidskrav.title}, ${credit.sourceSubmission.arbeidskrav.cohort.name}`,
          /** False once the approval it rests on was corrected: it no longer counts. */
          stands: creditStands(credit),
        })),
        creditedDays: enrolment._count.attendanceCredits,
        letters: enrolment.letters.map((letter) => ({ id: letter.id, subject: letter.subject, madeAvailableOn: isoDate(letter.madeAvailableOn) })),
      };
    }),
  };
}

export type OwnStudyHistory = Awaited<ReturnType<typeof getOwnStudyHistory>>;
