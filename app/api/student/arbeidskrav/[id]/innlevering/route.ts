// A student hands in an arbeidskrav: a PDF and/or a text, alone or for a group. A form post with a
// file (lib/http/form-post.ts), so the browser can report upload progress; without JavaScript the
// browser is sent back to the arbeidskrav's page. The use case (lib/server/students/hand-in.ts)
// checks ownership, the group, the hourly upload limit and the file.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { formPostReply, inUploadSlot, readFormPost, refuseCrossSite, tooLarge } from "@/lib/http/form-post";
import { fieldErrorsFrom } from "@/lib/server/action";
import { handInArbeidskrav } from "@/lib/server/students/hand-in";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { HAND_IN_FLASH_COOKIE, handInFields } from "@/lib/validation/student";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = refuseCrossSite(request, "Innleveringen kom fra en annen nettside og ble avvist.");
  if (crossSite) return crossSite;
  const id = parseRecordId((await params).id);
  if (!id) return NextResponse.json({ ok: false, message: "Fant ikke arbeidskravet." }, { status: 404 });
  const reply = formPostReply(request, { page: `/student/arbeidskrav/${id}`, flashCookie: HAND_IN_FLASH_COOKIE });

  const viewer = await getViewer();
  if (!viewer) return reply.fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("STUDENT")) return reply.fail(403, "Du har ikke tilgang til å gjøre dette.");
  if (tooLarge(request)) return reply.fail(413, "Filen er større enn 10 MB. Komprimer den eller lagre den med lavere oppløsning.");

  return inUploadSlot(viewer.id, reply, async () => {
    const form = await readFormPost(request);
    if (!form) return reply.fail(400, "Innleveringen ble avbrutt. Prøv igjen.");
    const fields = handInFields.safeParse({
      text: typeof form.get("text") === "string" ? form.get("text") : undefined,
      members: form.getAll("members").filter((value): value is string => typeof value === "string"),
    });
    if (!fields.success) {
      const fieldErrors = fieldErrorsFrom(fields.error);
      return reply.fail(400, Object.values(fieldErrors).flat()[0] ?? "Ugyldig innlevering.", { fieldErrors });
    }
    // A file input left empty still sends a part with no name and no bytes: that is no file.
    const upload = form.get("file");
    const file = upload instanceof File && (upload.name !== "" || upload.size > 0) ? upload : null;

    try {
      const result = await handInArbeidskrav(viewer, id, { text: fields.data.text, file, memberEnrolmentIds: fields.data.members });
      revalidatePath("/student", "layout");
      const message =
        (result.attempt === 1 ? "Innleveringen er mottatt." : `Innlevering nr. ${result.attempt} er mottatt.`) +
        (result.late ? " Den er levert etter fristen og merkes som levert for sent." : "") +
        (result.members.length > 1 ? " Alle i gruppen får en kvittering på e-post." : " Du får en kvittering på e-post.");
      return reply.done(message, { body: { late: result.late } });
    } catch (error) {
      return reply.failFrom(error, "Innleveringen");
    }
  });
}
