// An applicant files a klage: the text and, optionally, one PDF (lib/server/admission/appeals.ts
// checks the decision, the klage deadline and the file). A route handler for the file (see
// lib/http/form-post.ts); after it the applicant is back on the application's page.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { formPostReply, inUploadSlot, readFormPost, refuseCrossSite, tooLarge } from "@/lib/http/form-post";
import { fileAppeal } from "@/lib/server/admission/appeals";
import { fieldErrorsFrom } from "@/lib/server/action";
import { getViewer } from "@/lib/server/viewer";
import { UPLOAD_FLASH_COOKIE } from "@/lib/validation/application";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const appealFields = z.object({
  text: z
    .string({ error: "Skriv hva du klager på og hvorfor." })
    .trim()
    .min(20, "Skriv hva du klager på og hvorfor (minst 20 tegn).")
    .max(10000, "Klagen kan ha høyst 10 000 tegn. Legg ved resten som PDF."),
});

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = refuseCrossSite(request, "Klagen kom fra en annen nettside og ble avvist.");
  if (crossSite) return crossSite;
  const id = parseRecordId((await params).id);
  if (!id) return NextResponse.json({ ok: false, message: "Fant ikke søknaden." }, { status: 404 });
  const page = `/soker/soknad/${id}`;
  const reply = formPostReply(request, { page, flashCookie: UPLOAD_FLASH_COOKIE });

  const viewer = await getViewer();
  if (!viewer) return reply.fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("APPLICANT")) return reply.fail(403, "Du har ikke tilgang til å gjøre dette.");
  if (tooLarge(request)) return reply.fail(413, "Vedlegget er større enn 10 MB. Komprimer det eller skann med lavere oppløsning.");

  return inUploadSlot(viewer.id, reply, async () => {
    const form = await readFormPost(request);
    if (!form) return reply.fail(400, "Klagen ble avbrutt underveis. Prøv igjen.");
    const fields = appealFields.safeParse({ text: typeof form.get("text") === "string" ? form.get("text") : undefined });
    if (!fields.success) {
      const fieldErrors = fieldErrorsFrom(fields.error);
      return reply.fail(400, "Noe må rettes før klagen kan sendes. Se feltene som er merket.", { fieldErrors });
    }
    const upload = form.get("file");
    const file = upload instanceof File && (upload.name !== "" || upload.size > 0) ? upload : null;
    try {
      await fileAppeal(viewer, id, { text: fields.data.text, file });
      revalidatePath(page, "layout");
      return reply.done("Klagen er sendt. Vi har sendt deg en bekreftelse på e-post.", { redirectTo: `${page}?klage=sendt` });
    } catch (error) {
      return reply.failFrom(error, "Klagen");
    }
  });
}
