// The exam results for import into FS (Felles studentsystem): CSV, UTF-8 with BOM, semicolons.
// One sitting's results (?eksamen=<id>; the ordinary sitting without it), the counting grade in
// each row. For the cohort's staff only; anyone else gets an empty 404.
import { examResultsCsv } from "@/lib/server/exams/results";
import { NotFoundError } from "@/lib/server/errors";
import { getViewer } from "@/lib/server/viewer";
import { csvResponse } from "@/lib/csv";
import { hasAnyRole } from "@/lib/permissions";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const cohortId = parseRecordId((await params).cohortId);
  if (!cohortId) return new Response(null, { status: 404, headers: NO_STORE });
  const sitting = new URL(request.url).searchParams.get("eksamen");
  const examId = sitting ? parseRecordId(sitting) : null;
  if (sitting && !examId) return new Response(null, { status: 404, headers: NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: NO_STORE });
  if (!hasAnyRole(viewer, ["FACULTY", "ADVISER", "ADMIN"])) return new Response(null, { status: 404, headers: NO_STORE });
  try {
    const { filename, csv } = await examResultsCsv(viewer, cohortId, examId);
    return csvResponse(csv, filename);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404, headers: NO_STORE });
    throw error;
  }
}
