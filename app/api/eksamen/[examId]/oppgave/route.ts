// Staff upload a sitting's task description (a PDF): a form post with a file (lib/http/form-post.ts)
// for the progress bar; without JavaScript the browser is sent back to the sitting's page. The
// use case (lib/server/exams/sittings.ts) checks the cohort's staff, the file and the limit.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { formPostReply, refuseCrossSite, tooLarge } from "@/lib/http/form-post";
import { hasAnyRole } from "@/lib/permissions";
import { uploadSittingTask } from "@/lib/server/exams/sittings";
import { getViewer } from "@/lib/server/viewer";
import { TASK_FLASH_COOKIE } from "@/lib/validation/exam";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ examId: string }> }) {
  const crossSite = refuseCrossSite(request, "Opplastingen kom fra en annen nettside og ble avvist.");
  if (crossSite) return crossSite;
  const examId = parseRecordId((await params).examId);
  if (!examId) return NextResponse.json({ ok: false, message: "Fant ikke eksamenen." }, { status: 404 });
  const cohortId = parseRecordId(request.nextUrl.searchParams.get("kull") ?? "");
  const page = cohortId ? `/kull/${cohortId}/eksamen/${examId}` : "/faglaerer";
  const reply = formPostReply(request, { page, flashCookie: TASK_FLASH_COOKIE });

  const viewer = await getViewer();
  if (!viewer) return reply.fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!hasAnyRole(viewer, ["FACULTY", "ADVISER", "ADMIN"])) return reply.fail(403, "Du har ikke tilgang til å gjøre dette.");
  if (tooLarge(request)) return reply.fail(413, "Filen er større enn 10 MB. Komprimer den eller lagre den med lavere oppløsning.");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply.fail(400, "Opplastingen ble avbrutt. Prøv igjen.");
  }
  const upload = form.get("file");
  const file = upload instanceof File && (upload.name !== "" || upload.size > 0) ? upload : null;
  if (!file) return reply.fail(400, "Velg oppgaven som PDF.", { fieldErrors: { file: ["Velg oppgaven som PDF."] } });

  try {
    const result = await uploadSittingTask(viewer, examId, file);
    revalidatePath(`/kull/${result.cohortId}`, "layout");
    return reply.done(`«${result.document.originalName}» er lastet opp. Studentene som er meldt opp, ser den fra eksamen starter.`);
  } catch (error) {
    return reply.failFrom(error, "Opplastingen");
  }
}
