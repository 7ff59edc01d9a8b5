// Reading the session cookie without next-auth's whole session round (issue 21). The cookie is
// next-auth's encrypted JWT carrying only the id of a Session row (lib/server/auth/index.ts);
// next-auth's `auth()` answered it per request by building its configuration, deriving the key
// (HKDF), decrypting, running the callbacks and encrypting a refreshed token that a page cannot
// even set: 7–12 % of a light page's CPU under load. Here the cookie is decrypted with next-auth's
// own `decode`, and what it said is remembered per exact cookie value: the same ciphertext always
// decrypts to the same payload, so only the expiry needs checking again. Whether the session still
// holds (signed out, idle, account disabled) is still read from the database on every request
// (lib/server/viewer.ts).
//
// No `server-only` marker, so the unit tests can read it; it holds no secret of its own.
import { decode } from "next-auth/jwt";

/** next-auth's session cookie: __Secure- prefixed when cookies are Secure (production). */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/**
 * The first cookie of that name in a Cookie header, as next-auth's own parser takes it (Next's
 * `cookies()` keeps the last): a cookie tossed in by a sibling subdomain for the same name comes
 * after the site's own and must not win. Undefined when there is none.
 */
export function firstCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    if (equals < 0 || part.slice(0, equals).trim() !== name) continue;
    let value = part.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return value.includes("%") ? decodeURIComponent(value) : value;
    } catch {
      return value;
    }
  }
  return undefined;
}

/** As next-auth's decode (jose's `clockTolerance`): an expiry this close is still accepted. */
const CLOCK_TOLERANCE_SECONDS = 15;
/** Cookie values remembered per process; the oldest goes first (about 1 kB each). */
const KEPT = 5_000;
/** A session cookie is a few hundred bytes; anything longer is not remembered. */
const LONGEST = 4_096;

interface Decoded {
  sid: string | null;
  /** Seconds since the epoch; Infinity when the token has no expiry (or never decrypts). */
  exp: number;
}

export interface SessionCookieReader {
  /** The Session row id the cookie names, or null: absent, unreadable, expired or without one. */
  sessionIdOf(value: string | undefined): Promise<string | null>;
  /** How many cookie values are remembered (tests). */
  readonly size: number;
}

/**
 * A reader for cookies made with `secret` under the cookie name `salt` (next-auth uses the cookie
 * name as the key-derivation salt). `onUnreadable` is called once per cookie value that does not
 * decrypt (made up, or made before AUTH_SECRET changed).
 */
export function sessionCookieReader(secret: string, salt: string, onUnreadable: () => void = () => {}): SessionCookieReader {
  const kept = new Map<string, Decoded>();

  const remember = (value: string, decoded: Decoded) => {
    if (value.length > LONGEST) return;
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    kept.set(value, decoded);
  };

  return {
    get size() {
      return kept.size;
    },
    async sessionIdOf(value) {
      if (!value) return null;
      let decoded = kept.get(value);
      if (!decoded) {
        decoded = await read(value, secret, salt, onUnreadable);
        remember(value, decoded);
      }
      // Checked on every use, also for a remembered value: a session cookie ages.
      // jose refuses when exp <= now - tolerance (whole seconds).
      if (decoded.exp <= Math.floor(Date.now() / 1000) - CLOCK_TOLERANCE_SECONDS) return null;
      return decoded.sid;
    },
  };
}

async function read(value: string, secret: string, salt: string, onUnreadable: () => void): Promise<Decoded> {
  try {
    const payload = await decode({ token: value, secret, salt });
    return {
      sid: typeof payload?.sid === "string" ? payload.sid : null,
      exp: typeof payload?.exp === "number" ? payload.exp : Number.POSITIVE_INFINITY,
    };
  } catch (error) {
    // An expired token is a session that has ended, not an unreadable cookie (jose says which).
    // Its claims are kept, so a clock moved back (the end-to-end tests') finds it valid again, as
    // jose would.
    if ((error as { code?: string }).code === "ERR_JWT_EXPIRED") {
      const payload = (error as { payload?: { sid?: unknown; exp?: unknown } }).payload;
      return {
        sid: typeof payload?.sid === "string" ? payload.sid : null,
        exp: typeof payload?.exp === "number" ? payload.exp : 0,
      };
    }
    onUnreadable();
    return { sid: null, exp: Number.POSITIVE_INFINITY };
  }
}
