// An adviser attaches the klage as it came by e-mail or post (one PDF) to the klage she registered
// from it (lib/server/admission/appeals.ts attachAdmissionAppealDocument checks the adviser, the
// klage and the file). A route handler for the file (see lib/http/form-post.ts); without
// JavaScript the browser goes back to the klage's page (`?kull=…&soknad=…`), or to the klage list.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { formPostReply, inUploadSlot, readFormPost, refuseCrossSite, tooLarge } from "@/lib/http/form-post";
import { hasAnyRole } from "@/lib/permissions";
import { attachAdmissionAppealDocument } from "@/lib/server/admission/appeals";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { KLAGE_ATTACH_FLASH_COOKIE } from "@/lib/validation/klage";

export const dynamic = "force-dynamic";

const CHOOSE = "Velg klagen som PDF.";

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = refuseCrossSite(request, "Vedlegget kom fra en annen nettside og ble avvist.");
  if (crossSite) return crossSite;
  const id = parseRecordId((await params).id);
  if (!id) return NextResponse.json({ ok: false, message: "Fant ikke klagen." }, { status: 404 });
  const cohortId = parseRecordId(request.nextUrl.searchParams.get("kull") ?? "");
  const applicationId = parseRecordId(request.nextUrl.searchParams.get("soknad") ?? "");
  const page = cohortId && applicationId ? `/veileder/opptak/${cohortId}/soknad/${applicationId}/klage` : "/veileder/opptak/klager";
  const reply = formPostReply(request, { page, flashCookie: KLAGE_ATTACH_FLASH_COOKIE });

  const viewer = await getViewer();
  if (!viewer) return reply.fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!hasAnyRole(viewer, ["ADVISER", "ADMIN"])) return reply.fail(403, "Du har ikke tilgang til å gjøre dette.");
  if (tooLarge(request)) return reply.fail(413, "Filen er større enn 10 MB. Komprimer den eller skann med lavere oppløsning.");

  return inUploadSlot(viewer.id, reply, async () => {
    const form = await readFormPost(request);
    if (!form) return reply.fail(400, "Opplastingen ble avbrutt underveis. Prøv igjen.");
    const upload = form.get("file");
    const file = upload instanceof File && (upload.name !== "" || upload.size > 0) ? upload : null;
    if (!file) return reply.fail(400, CHOOSE, { fieldErrors: { file: [CHOOSE] } });
    try {
      const attached = await attachAdmissionAppealDocument(viewer, id, file);
      revalidatePath("/veileder/opptak", "layout");
      revalidatePath("/soker", "layout");
      // The form is gone after it: its page says what was done (?vedlegg=lagt-ved, a DoneMessage).
      return reply.done(`«${attached.originalName}» er lagt ved klagen.`, cohortId && applicationId ? { redirectTo: `${page}?vedlegg=lagt-ved` } : {});
    } catch (error) {
      return reply.failFrom(error, "Opplastingen");
    }
  });
}
