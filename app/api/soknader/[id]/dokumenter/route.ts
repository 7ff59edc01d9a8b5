// Upload of vitnemål and tjenestebevis. A route handler rather than a server action so the
// browser can report upload progress (XMLHttpRequest). Without JavaScript the same endpoint takes
// a plain form post and redirects back.
//
// Before the body is read: the request must come from this site (lib/http/same-origin.ts), the id
// must be one of ours (lib/validation/ids.ts), the viewer an applicant, and the user within the
// hourly upload limit (RATE_LIMITS.upload). The total per application is checked by the use case.
import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_UPLOAD_BYTES } from "@/lib/domain/upload";
import { env } from "@/lib/env";
import { appOrigins, isSameOriginRequest } from "@/lib/http/same-origin";
import { uploadApplicationDocument } from "@/lib/server/applications/documents";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { enforceRateLimit, RATE_LIMITS, RateLimitedError } from "@/lib/server/rate-limit";
import { getViewer } from "@/lib/server/viewer";
import { UPLOAD_FLASH_COOKIE, uploadFields } from "@/lib/validation/application";
import { safeReturnPath } from "@/lib/validation/common";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a 10 MB file. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  // Another site's request is refused before anything else, whatever it names.
  if (!isSameOriginRequest(request.headers, appOrigins(request.url, env().APP_URL))) {
    return NextResponse.json({ ok: false, message: "Opplastingen kom fra en annen nettside og ble avvist." }, { status: 403 });
  }
  const id = parseRecordId((await params).id);
  // A malformed id is "not found", without a query (a NUL byte would make PostgreSQL refuse it).
  if (!id) return NextResponse.json({ ok: false, message: "Fant ikke søknaden." }, { status: 404 });

  const wantsJson = request.headers.get("accept")?.includes("application/json") ?? false;
  // Without JavaScript the form posts here and the browser comes back to the page; the message
  // travels in a short-lived cookie, never in the address (where anyone could write one).
  const back = (message: string, ok: boolean) => {
    const url = new URL(returnPathFor(request.nextUrl.searchParams.get("tilbake"), id), request.url);
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(UPLOAD_FLASH_COOKIE, JSON.stringify({ ok, message }), {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production",
      path: `/soker/soknad/${id}`,
      maxAge: 60,
    });
    return response;
  };
  const fail = (status: number, message: string, headers?: Record<string, string>) =>
    wantsJson ? NextResponse.json({ ok: false, message, ...(status === 401 ? { signedOut: true } : {}) }, { status, headers }) : back(message, false);

  const viewer = await getViewer();
  if (!viewer) return fail(401, "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.");
  if (!viewer.roles.includes("APPLICANT")) return fail(403, "Du har ikke tilgang til å gjøre dette.");

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return fail(413, "Filen er større enn 10 MB. Komprimer den eller skann med lavere oppløsning.");

  try {
    await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
  } catch (error) {
    if (error instanceof RateLimitedError) return fail(429, error.message, { "Retry-After": String(error.retryAfterSeconds()) });
    throw error;
  }

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
