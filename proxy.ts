// Runs before every page and route handler: sets the security headers with a fresh CSP nonce,
// and sends signed-out visitors of the signed-in areas to /login. That redirect is a convenience;
// the data-access layer (lib/server/viewer.ts) checks who is asking on every request.
import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_ACTION_MESSAGE, SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";
import { hasMalformedEncoding, MALFORMED_ADDRESS_MESSAGE, malformedAddressPage } from "@/lib/http/request-path";
import { appOrigins, isSameOriginRequest } from "@/lib/http/same-origin";
import { pageSecurityHeaders } from "@/lib/security-headers";

const SIGNED_IN_AREAS = ["/soker", "/veileder", "/faglaerer", "/student", "/kull"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Broken percent-encoding would make Next's router fail with a 500 before any page runs.
  if (hasMalformedEncoding(pathname)) {
    const api = pathname.startsWith("/api/");
    const body = api ? JSON.stringify({ ok: false, message: MALFORMED_ADDRESS_MESSAGE }) : malformedAddressPage();
    const type = api ? "application/json" : "text/html; charset=utf-8";
    return withHeaders(new NextResponse(body, { status: 400, headers: { "Content-Type": type } }), newNonce());
  }
  // A server action from another site, or from no browser at all, is refused before Next.js
  // reads it, by the rule the state-changing route handlers follow (lib/http/same-origin.ts).
  // Next.js's own check lets a post without Origin through and answers a foreign one with a 500;
  // this answers both with 403 and a Norwegian sentence. Pages take no other unsafe method, and
  // the route handlers under /api check for themselves (next-auth's callbacks among them).
  if (isUnsafe(request.method) && !pathname.startsWith("/api/") && !isSameOriginRequest(request.headers, ownOrigins(request))) {
    return withHeaders(
      new NextResponse(CROSS_SITE_ACTION_MESSAGE, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
      newNonce(),
    );
  }
  // A server-action post over the limit would end in a server error inside Next.js; answer it
  // here in Norwegian (text/plain, which the client shows as the action's error).
  if (request.method === "POST" && request.headers.has("next-action") && (await actionBodyTooLarge(request))) {
    return withHeaders(
      new NextResponse(SERVER_ACTION_TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain" } }),
      newNonce(),
    );
  }
  const inSignedInArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  if (inSignedInArea && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("neste", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(login), newNonce());
  }

  const nonce = newNonce();
  const headers = pageSecurityHeaders(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  for (const { key, value } of headers) if (key === "Content-Security-Policy") requestHeaders.set(key, value);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), nonce, headers);
}

function isUnsafe(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

function ownOrigins(request: NextRequest): string[] {
  return appOrigins(request.url, process.env.APP_URL || request.url);
}

/** By Content-Length; a body sent without one (chunked) is measured (the proxy buffers it anyway). */
async function actionBodyTooLarge(request: NextRequest): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > SERVER_ACTION_BODY_LIMIT_BYTES;
  if (!request.body) return false;
  const reader = request.clone().body!.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > SERVER_ACTION_BODY_LIMIT_BYTES) {
      // Not awaited: cancelling one branch of a cloned body settles only when both are cancelled.
      void reader.cancel().catch(() => {});
      return true;
    }
  }
}

function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

function withHeaders(
  response: NextResponse,
  nonce: string,
  headers = pageSecurityHeaders(nonce, process.env.NODE_ENV === "development"),
) {
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
