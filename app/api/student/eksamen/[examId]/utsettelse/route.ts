// A student asks for utsatt eksamen: the reason, what happened, and the documentation as a PDF. A
// form post with a file (lib/http/form-post.ts), so the browser can report upload progress;
// without JavaScript the browser is sent back to the sitting's page. The use case
// (lib/server/exams/deferrals.ts) checks the registration, the deadline, the file and the limit.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { requestJob } from "@/lib/jobs/queue";
import { formPostReply, refuseCrossSite, tooLarge } from "@/lib/http/form-post";
import { fieldErrorsFrom } from "@/lib/server/action";
import { NO_DOCUMENTATION, requestDeferral } from "@/lib/server/exams/deferrals";
import { getViewer } from "@/lib/server/viewer";
import { DEFERRAL_FLASH_COOKIE, deferralRequestFields } from "@/lib/validation/exam";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ examId: string }> }) {
  const crossSite = refuseCrossSite(request, "Søknaden kom fra en annen nettside og ble avvist.");
  if (crossSite) return crossSite;
  const examId = parseRecordId((await params).examId);
  if (!examId) return NextResponse.json({ ok: false, message: "Fant ikke eksamenen." }, { status: 404 });
  const reply = formPostReply(request, { page: "/student/eksamen", flashCookie: DEFERRAL_FLASH_COOKIE });

  const viewer = await getViewer();
  if (!viewer) return reply.fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("STUDENT")) return reply.fail(403, "Du har ikke tilgang til å gjøre dette.");
  if (tooLarge(request)) return reply.fail(413, "Filen er større enn 10 MB. Komprimer den eller lagre den med lavere oppløsning.");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply.fail(400, "Søknaden ble avbrutt. Prøv igjen.");
  }
  const fields = deferralRequestFields.safeParse({
    reason: typeof form.get("reason") === "string" ? form.get("reason") : undefined,
    explanation: typeof form.get("explanation") === "string" ? form.get("explanation") : undefined,
  });
  // A file input left empty still sends a part with no name and no bytes: that is no file.
  const upload = form.get("file");
  const file = upload instanceof File && (upload.name !== "" || upload.size > 0) ? upload : null;
  if (!fields.success) {
    // Everything missing at once, the documentation too, so she fills it in in one round.
    const fieldErrors = { ...fieldErrorsFrom(fields.error), ...(file ? {} : { file: [NO_DOCUMENTATION] }) };
    return reply.fail(400, Object.values(fieldErrors).flat()[0] ?? "Søknaden er ikke fylt ut.", { fieldErrors });
  }

  try {
    await requestDeferral(viewer, examId, { ...fields.data, file });
    await requestJob("mail.deliver");
    revalidatePath("/student", "layout");
    return reply.done("Søknaden om utsatt eksamen er sendt. Du får en kvittering på e-post, og svaret kommer som brev.");
  } catch (error) {
    return reply.failFrom(error, "Søknaden");
  }
}
