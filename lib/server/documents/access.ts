import "server-only";
// Who may open an uploaded file (lib/storage), for the one download route app/api/dokumenter/[id]:
// - an application's documents: its applicant, and advisers/admins;
// - an arbeidskrav hand-in's documents: the members of that submission (a group paper is every
//   member's), and the cohort's staff (its teaching team, advisers, admins);
// - an exam sitting's task description: the cohort's staff, and from the sitting's start the
//   students registered there (with or without a result);
// - the documentation of a request for utsatt eksamen (health data): the student who asked, and
//   advisers/admins (never the teaching team).
// Staff may view a file inline in the browser; everyone else gets it as an attachment.
// Anyone else gets NotFound, exactly as for a document that does not exist.
import { canHandleHealthCases, canViewApplication, isStaff } from "@/lib/permissions";
import { ownApplicationWhere } from "@/lib/server/admission/access";
import { isCohortStaff, isStudentOfKull } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { storage } from "@/lib/storage";

export interface OpenedDocument {
  stream: ReadableStream<Uint8Array>;
  name: string;
  size: number;
  /** The viewer may see it inline (staff); otherwise it is offered as an attachment only. */
  inlineAllowed: boolean;
}

const NOT_FOUND = "Fant ikke dokumentet.";

export async function openDocument(viewer: Viewer, documentId: string, now = new Date()): Promise<OpenedDocument> {
  const document = await db().document.findUnique({
    where: { id: documentId },
    select: {
      originalName: true,
      size: true,
      storageKey: true,
      // With whether the viewer has applied to the same kull herself (canViewApplication).
      application: { select: { applicantId: true, status: true, cohort: { select: { _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } } } } },
      submissionAttempt: {
        select: {
          submission: {
            select: {
              arbeidskrav: { select: { cohortId: true } },
              members: { select: { enrolment: { select: { userId: true } } } },
            },
          },
        },
      },
      exam: {
        select: {
          cohortId: true,
          startsAt: true,
          registrations: { where: { status: { in: ["ADMITTED", "NOT_ATTENDED"] }, enrolment: { userId: viewer.id } }, select: { id: true } },
        },
      },
      examDeferral: { select: { registration: { select: { enrolment: { select: { userId: true, cohortId: true } } } } } },
    },
  });
  if (!document) throw new NotFoundError(NOT_FOUND);

  let allowed = false;
  let inlineAllowed = false;
  if (document.application) {
    allowed = canViewApplication(viewer, { ...document.application, viewerAppliedToKull: document.application.cohort._count.applications > 0 });
    inlineAllowed = isStaff(viewer);
  } else if (document.submissionAttempt) {
    const { submission } = document.submissionAttempt;
    const member = submission.members.some(({ enrolment }) => enrolment.userId === viewer.id);
    const staff = await isCohortStaff(viewer, submission.arbeidskrav.cohortId);
    allowed = member || staff;
    inlineAllowed = staff;
  } else if (document.exam) {
    const staff = await isCohortStaff(viewer, document.exam.cohortId);
    const sitting = document.exam.registrations.length > 0 && now.getTime() >= document.exam.startsAt.getTime();
    allowed = staff || sitting;
    inlineAllowed = staff;
  } else if (document.examDeferral) {
    const { enrolment } = document.examDeferral.registration;
    const handler = canHandleHealthCases(viewer, { viewerIsStudentOfKull: await isStudentOfKull(viewer, enrolment.cohortId) });
    allowed = enrolment.userId === viewer.id || handler;
    inlineAllowed = handler;
  }
  if (!allowed) throw new NotFoundError(NOT_FOUND);

  const stream = await storage().read(document.storageKey);
  if (!stream) throw new NotFoundError(NOT_FOUND);
  return { stream, name: document.originalName, size: document.size, inlineAllowed };
}
