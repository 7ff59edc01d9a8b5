// Upload of vitnemål and tjenestebevis: a form post with a file (lib/http/form-post.ts), so the
// browser can report upload progress; without JavaScript the browser is sent back to the page.
//
// Before the body is read: the request must come from this site, the id must be one of ours
// (lib/validation/ids.ts), the viewer an applicant, the declared size within the limit, a free
// upload slot for this person (lib/http/upload-slots.ts: otherwise 503 "try again") and the user
// within the hourly upload limit (RATE_LIMITS.upload). The total per application is checked
// by the use case.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { formPostReply, inUploadSlot, readFormPost, refuseCrossSite, tooLarge } from "@/lib/http/form-post";
import { uploadApplicationDocument } from "@/lib/server/applications/documents";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { getViewer } from "@/lib/server/viewer";
import { UPLOAD_FLASH_COOKIE, uploadFields } from "@/lib/validation/application";
import { safeReturnPath } from "@/lib/validation/common";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = refuseCrossSite(request, "Opplastingen kom fra en annen nettside og ble avvist.");
  if (crossSite) return crossSite;
  const id = parseRecordId((await params).id);
  // A malformed id is "not found", without a query (a NUL byte would make PostgreSQL refuse it).
  if (!id) return NextResponse.json({ ok: false, message: "Fant ikke søknaden." }, { status: 404 });
  const reply = formPostReply(request, {
    page: returnPathFor(request.nextUrl.searchParams.get("tilbake"), id),
    flashCookie: UPLOAD_FLASH_COOKIE,
    flashPath: `/soker/soknad/${id}`,
  });

  const viewer = await getViewer();
  if (!viewer) return reply.fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("APPLICANT")) return reply.fail(403, "Du har ikke tilgang til å gjøre dette.");
  if (tooLarge(request)) return reply.fail(413, "Filen er større enn 10 MB. Komprimer den eller skann med lavere oppløsning.");

  return inUploadSlot(viewer.id, reply, async () => {
    try {
      await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
    } catch (error) {
      return reply.failFrom(error, "Opplastingen");
    }

    const form = await readFormPost(request);
    if (!form) return reply.fail(400, "Opplastingen ble avbrutt. Prøv igjen.");
    const file = form.get("file");
    if (!(file instanceof File)) return reply.fail(400, "Velg en fil å laste opp.");
    const fields = uploadFields.safeParse(Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")));
    if (!fields.success) return reply.fail(400, fields.error.issues[0]?.message ?? "Ugyldig opplasting.");

    try {
      const document = await uploadApplicationDocument(viewer, id, { ...fields.data, file });
      revalidatePath(`/soker/soknad/${id}`, "layout");
      return reply.done(`«${document.originalName}» er lastet opp.`, { body: { document } });
    } catch (error) {
      return reply.failFrom(error, "Opplastingen");
    }
  });
}

function returnPathFor(value: string | null, applicationId: string): string {
  const path = safeReturnPath(value);
  return path?.startsWith(`/soker/soknad/${applicationId}`) ? path : `/soker/soknad/${applicationId}/dokumenter`;
}
