// Runs before every page and route handler: sets the security headers with a fresh CSP nonce,
// and sends signed-out visitors of the signed-in areas to /login. That redirect is a convenience;
// the data-access layer (lib/server/viewer.ts) checks who is asking on every request.
import { NextResponse, type NextRequest } from "next/server";
import { pageSecurityHeaders } from "@/lib/security-headers";

const SIGNED_IN_AREAS = ["/soker", "/veileder", "/faglaerer", "/student", "/kull"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
