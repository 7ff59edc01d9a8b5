// A student hands in an arbeidskrav: a PDF and/or a text, alone or for a group. A route handler
// rather than a server action so the browser can report upload progress (XMLHttpRequest); without
// JavaScript the same form posts here and the browser is sent back to the arbeidskrav's page.
// The use case (lib/server/students/hand-in.ts) checks ownership, the group and the file.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_UPLOAD_BYTES } from "@/lib/domain/upload";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { fieldErrorsFrom } from "@/lib/server/action";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { handInArbeidskrav } from "@/lib/server/students/hand-in";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { HAND_IN_FLASH_COOKIE, handInFields } from "@/lib/validation/student";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope and the text around a 10 MB file. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  // Another site's form is refused before anything else happens.
  if (!isSameOriginRequest(request.headers, [request.nextUrl.origin, new URL(env().APP_URL).origin])) {
    return NextResponse.json({ ok: false, message: "Innleveringen kom fra en annen nettside og ble avvist." }, { status: 403 });
  }
  const id = parseRecordId((await params).id);
  if (!id) return NextResponse.json({ ok: false, message: "Fant ikke arbeidskravet." }, { status: 404 });

  const wantsJson = request.headers.get("accept")?.includes("application/json") ?? false;
  const page = `/student/arbeidskrav/${id}`;
  // Without JavaScript the message travels back in a short-lived cookie, never in the address.
  const back = (message: string, ok: boolean) => {
    const response = NextResponse.redirect(new URL(page, request.url), 303);
    response.cookies.set(HAND_IN_FLASH_COOKIE, JSON.stringify({ ok, message }), { httpOnly: true, sameSite: "lax", path: page, maxAge: 60 });
    return response;
  };
  const fail = (status: number, message: string, fieldErrors?: Record<string, string[] | undefined>) =>
    wantsJson ? NextResponse.json({ ok: false, message, fieldErrors }, { status }) : back(message, false);

  const viewer = await getViewer();
  if (!viewer) return fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("STUDENT")) return fail(403, "Du har ikke tilgang til å gjøre dette.");

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return fail(413, "Filen er større enn 10 MB. Komprimer den eller lagre den med lavere oppløsning.");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, "Innleveringen ble avbrutt. Prøv igjen.");
  }
  const fields = handInFields.safeParse({
    text: typeof form.get("text") === "string" ? form.get("text") : undefined,
    members: form.getAll("members").filter((value): value is string => typeof value === "string"),
  });
  if (!fields.success) {
    const fieldErrors = fieldErrorsFrom(fields.error);
    return fail(400, Object.values(fieldErrors).flat()[0] ?? "Ugyldig innlevering.", fieldErrors);
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
    return wantsJson ? NextResponse.json({ ok: true, message, late: result.late }, { status: 201 }) : back(message, true);
  } catch (error) {
    if (error instanceof DomainError) return fail(422, error.message, error.fieldErrors);
    if (error instanceof NotFoundError) return fail(404, error.message);
    if (error instanceof AccessDeniedError) return fail(403, error.message);
    console.error("Hand-in failed", error);
    return fail(500, "Innleveringen mislyktes hos oss. Prøv igjen om litt.");
  }
}
