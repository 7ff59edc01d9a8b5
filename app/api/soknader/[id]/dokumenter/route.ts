// Upload of vitnemål and tjenestebevis. A route handler rather than a server action so the
// browser can report upload progress (XMLHttpRequest). Without JavaScript the same endpoint takes
// a plain form post and redirects back.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_UPLOAD_BYTES } from "@/lib/domain/upload";
import { uploadApplicationDocument } from "@/lib/server/applications/documents";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { getViewer } from "@/lib/server/viewer";
import { UPLOAD_FLASH_COOKIE, uploadFields } from "@/lib/validation/application";
import { safeReturnPath } from "@/lib/validation/common";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a 10 MB file. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const wantsJson = request.headers.get("accept")?.includes("application/json") ?? false;
  // Without JavaScript the form posts here and the browser comes back to the page; the message
  // travels in a short-lived cookie, never in the address (where anyone could write one).
  const back = (message: string, ok: boolean) => {
    const url = new URL(returnPathFor(request.nextUrl.searchParams.get("tilbake"), id), request.url);
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(UPLOAD_FLASH_COOKIE, JSON.stringify({ ok, message }), {
      httpOnly: true,
      sameSite: "lax",
      path: `/soker/soknad/${id}`,
      maxAge: 60,
    });
    return response;
  };
  const fail = (status: number, message: string) =>
    wantsJson ? NextResponse.json({ ok: false, message }, { status }) : back(message, false);

  // Browsers send Origin with a POST: one from another site is refused (server actions get the
  // same protection from Next.js; this is a route handler).
  const origin = request.headers.get("origin");
  if (origin && origin !== request.nextUrl.origin && origin !== new URL(env().APP_URL).origin) {
    return NextResponse.json({ ok: false, message: "Opplastingen kom fra en annen nettside og ble avvist." }, { status: 403 });
  }

  const viewer = await getViewer();
  if (!viewer) return fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("APPLICANT")) return fail(403, "Du har ikke tilgang til å gjøre dette.");

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return fail(413, "Filen er større enn 10 MB. Komprimer den eller skann med lavere oppløsning.");

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, "Opplastingen ble avbrutt. Prøv igjen.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return fail(400, "Velg en fil å laste opp.");
  const fields = uploadFields.safeParse(Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")));
  if (!fields.success) return fail(400, fields.error.issues[0]?.message ?? "Ugyldig opplasting.");

  try {
    const document = await uploadApplicationDocument(viewer, id, { ...fields.data, file });
    revalidatePath(`/soker/soknad/${id}`, "layout");
    const message = `«${document.originalName}» er lastet opp.`;
    return wantsJson ? NextResponse.json({ ok: true, message, document }, { status: 201 }) : back(message, true);
  } catch (error) {
    if (error instanceof DomainError) return fail(422, error.message);
    if (error instanceof NotFoundError) return fail(404, error.message);
    if (error instanceof AccessDeniedError) return fail(403, error.message);
    console.error("Upload failed", error);
    return fail(500, "Opplastingen mislyktes hos oss. Prøv igjen om litt.");
  }
}

function returnPathFor(value: string | null, applicationId: string): string {
  const path = safeReturnPath(value);
  return path?.startsWith(`/soker/soknad/${applicationId}`) ? path : `/soker/soknad/${applicationId}/dokumenter`;
}
