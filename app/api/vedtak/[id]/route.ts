// A decision letter as PDF, for the applicant it is addressed to and for advisers (not one who has
// applied to the same kull: canViewApplication). Anyone else gets an empty 404, as for a letter
// that does not exist.
import { formatCaseReference } from "@/lib/domain/case-reference";
import { canViewApplication } from "@/lib/permissions";
import { ownApplicationWhere } from "@/lib/server/admission/access";
import { LETTER_NO_STORE, letterPdfResponse } from "@/lib/server/letters/pdf";
import { db } from "@/lib/server/db";
import { getViewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRecordId((await params).id);
  if (!id) return new Response(null, { status: 404, headers: LETTER_NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: LETTER_NO_STORE });
  const letter = await db().decisionLetter.findUnique({
    where: { id },
    select: {
      subject: true,
      body: true,
      version: true,
      madeAvailableOn: true,
      decision: {
        select: {
          caseYear: true,
          caseNumber: true,
          application: {
            select: {
              applicantId: true,
              status: true,
              // With whether the viewer has applied to the same kull herself (canViewApplication).
              cohort: { select: { code: true, programme: { select: { name: true } }, _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } } },
            },
          },
        },
      },
    },
  });
  const application = letter?.decision.application;
  if (!letter || !application || !canViewApplication(viewer, { ...application, viewerAppliedToKull: application.cohort._count.applications > 0 })) {
    return new Response(null, { status: 404, headers: LETTER_NO_STORE });
  }
  const madeAvailableOn = isoDate(letter.madeAvailableOn);
  return letterPdfResponse(
    {
      subject: letter.subject,
      body: letter.body,
      madeAvailableOn,
      reference: `Saksnummer: ${formatCaseReference({ year: letter.decision.caseYear, number: letter.decision.caseNumber })}    Brev nr. ${letter.version}`,
      programmeName: letter.decision.application.cohort.programme.name,
    },
    `vedtak-${letter.decision.application.cohort.code}-${madeAvailableOn}-brev-${letter.version}.pdf`,
  );
}
