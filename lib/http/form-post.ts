// The one shape of a route handler that takes a form post with a file (uploads, hand-ins, a
// klage's attachment): route handlers rather than server actions, because only XMLHttpRequest
// reports upload progress, and server actions take at most 2 MB (lib/http/limits.ts).
//
// With JavaScript the page asks for JSON ({ ok, message, fieldErrors?, signedOut? }); without it
// the browser posted a plain form and is sent back to the page, with the message in a
// short-lived cookie scoped to that page (never in the address, where anyone could write one).
// The order of checks is the same everywhere: another site's request, a malformed id, the viewer
// and role, the declared size, a slot among the uploads running now (lib/http/upload-slots.ts),
// the hourly upload limit, then the body.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_UPLOAD_BYTES } from "@/lib/domain/upload";
import { env } from "@/lib/env";
import { appOrigins, isSameOriginRequest } from "@/lib/http/same-origin";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { RateLimitedError } from "@/lib/server/rate-limit";
import { databaseRefusal } from "@/lib/server/transactions";
import { sanitizeFormData } from "@/lib/validation/form-data";
import { UPLOAD_BUSY_MESSAGE, UPLOAD_BUSY_RETRY_SECONDS, uploadSlots } from "@/lib/http/upload-slots";
import { installNorwegianMessages } from "@/lib/validation/messages";

installNorwegianMessages();

/** Room for the multipart envelope and the text fields around a 10 MB file. */
export const MAX_FORM_POST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

export type FieldErrors = Record<string, string[] | undefined>;

export interface FormPostReply {
  wantsJson: boolean;
  /** A refusal: JSON with the status, or back to the page with the message. */
  fail(status: number, message: string, extra?: { fieldErrors?: FieldErrors; headers?: Record<string, string> }): NextResponse;
  /**
   * Done: JSON (201) with `body`; without JavaScript back to the page with the message, or to
   * `redirectTo`, a page that says what happened itself (then no message is carried).
   */
  done(message: string, extra?: { body?: Record<string, unknown>; redirectTo?: string }): NextResponse;
  /** The errors the use cases throw, as answers; anything else is logged and a 500. */
  failFrom(error: unknown, what: string): NextResponse;
}

export function formPostReply(request: NextRequest, back: { page: string; flashCookie: string; flashPath?: string }): FormPostReply {
  const wantsJson = request.headers.get("accept")?.includes("application/json") ?? false;
  const redirect = (message: string, ok: boolean) => {
    const response = NextResponse.redirect(new URL(back.page, request.url), 303);
    response.cookies.set(back.flashCookie, JSON.stringify({ ok, message }), {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production",
      path: back.flashPath ?? back.page,
      maxAge: 60,
    });
    return response;
  };
  const reply: FormPostReply = {
    wantsJson,
    fail(status, message, extra = {}) {
      if (!wantsJson) return redirect(message, false);
      return NextResponse.json(
        { ok: false, message, fieldErrors: extra.fieldErrors, ...(status === 401 ? { signedOut: true } : {}) },
        { status, headers: extra.headers },
      );
    },
    done(message, extra = {}) {
      if (wantsJson) return NextResponse.json({ ok: true, message, ...extra.body }, { status: 201 });
      return extra.redirectTo ? NextResponse.redirect(new URL(extra.redirectTo, request.url), 303) : redirect(message, true);
    },
    failFrom(thrown, what) {
      const error = databaseRefusal(thrown) ?? thrown;
      if (error instanceof RateLimitedError) return reply.fail(429, error.message, { headers: { "Retry-After": String(error.retryAfterSeconds()) } });
      if (error instanceof DomainError) return reply.fail(422, error.message, { fieldErrors: error.fieldErrors });
      if (error instanceof NotFoundError) return reply.fail(404, error.message);
      if (error instanceof AccessDeniedError) return reply.fail(403, error.message);
      console.error(`${what} failed`, error);
      return reply.fail(500, `${what} mislyktes hos oss. Prøv igjen om litt.`);
    },
  };
  return reply;
}

/** Another site's request (lib/http/same-origin.ts): refused before anything else. */
export function refuseCrossSite(request: NextRequest, message: string): NextResponse | null {
  if (isSameOriginRequest(request.headers, appOrigins(request.url, env().APP_URL))) return null;
  return NextResponse.json({ ok: false, message }, { status: 403 });
}

/** A declared body over the limit, refused before it is read. */
export function tooLarge(request: NextRequest): boolean {
  return Number(request.headers.get("content-length") ?? 0) > MAX_FORM_POST_BYTES;
}

/**
 * The posted form, cleaned like every other form (lib/validation/form-data.ts: no control
 * characters in names or values), or null when the body cannot be read as a form (cut off, not
 * multipart): the caller answers 400.
 */
export async function readFormPost(request: NextRequest): Promise<FormData | null> {
  try {
    return sanitizeFormData(await request.formData());
  } catch {
    return null;
  }
}

/**
 * Runs the rest of an upload in one of the viewer's upload slots (lib/http/upload-slots.ts), or
 * answers 503 with Retry-After at once when too many of theirs are running and waiting already.
 */
export async function inUploadSlot(userId: string, reply: FormPostReply, work: () => Promise<NextResponse>): Promise<NextResponse> {
  const release = await uploadSlots().acquire(userId);
  if (!release) return reply.fail(503, UPLOAD_BUSY_MESSAGE, { headers: { "Retry-After": String(UPLOAD_BUSY_RETRY_SECONDS) } });
  try {
    return await work();
  } finally {
    release();
  }
}
