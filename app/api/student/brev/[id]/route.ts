// A letter to a student as PDF, for the student it is to and the staff of their cohort (the
// rendering is shared with admission's letters: lib/server/letters/pdf.ts). Anyone else gets an
// empty 404, as for a letter that does not exist.
import { LETTER_NO_STORE, letterPdfResponse } from "@/lib/server/letters/pdf";
import { getLetterForPdf } from "@/lib/server/student-letters/queries";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRecordId((await params).id);
  if (!id) return new Response(null, { status: 404, headers: LETTER_NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: LETTER_NO_STORE });
  const letter = await getLetterForPdf(viewer, id);
  if (!letter) return new Response(null, { status: 404, headers: LETTER_NO_STORE });
  return letterPdfResponse(
    {
      subject: letter.subject,
      body: letter.body,
      madeAvailableOn: letter.madeAvailableOn,
      reference: `Saksnummer: ${letter.reference}`,
      programmeName: letter.enrolment.cohort.programme.name,
    },
    `brev-${letter.enrolment.cohort.code}-${letter.madeAvailableOn}.pdf`,
  );
}
