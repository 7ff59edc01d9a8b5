import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { auth } from "@/lib/server/auth";
import { firstCookie, sessionCookieName, sessionCookieReader, type SessionCookieReader } from "@/lib/server/auth/session-cookie";

let reader: { key: string; read: SessionCookieReader } | null = null;

/** One reader per process (per secret and cookie name, should either ever change). */
function readerFor(secret: string, name: string): SessionCookieReader {
  const key = `${name}\u0000${secret}`;
  if (reader?.key !== key) {
    reader = {
      key,
      read: sessionCookieReader(secret, name, () => console.warn("[auth] En øktkapsel som ikke kunne leses, ble avvist (ingen økt).")),
    };
  }
  return reader.read;
}

/** The Session row id named by this request's cookie, if any. (Tests replace this module.) */
export async function currentSessionId(): Promise<string | null> {
  // The headers first: reading them is what makes a page dynamic (a build prerenders the rest,
  // without the environment).
  const cookieHeader = (await headers()).get("cookie");
  // As lib/server/auth/index.ts configures next-auth: Secure cookies in production.
  const name = sessionCookieName(process.env.NODE_ENV === "production");
  const value = firstCookie(cookieHeader, name);
  if (value === undefined) {
    // next-auth splits a cookie over 4 kB into name.0, name.1 …; ours carries a session id only
    // and never gets there, but such a cookie is still read the way next-auth reads it.
    return firstCookie(cookieHeader, `${name}.0`) !== undefined ? ((await auth())?.sid ?? null) : null;
  }
  return readerFor(env().AUTH_SECRET, name).sessionIdOf(value);
}
