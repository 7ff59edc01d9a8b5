import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { firstCookie, sessionCookieName, sessionCookieReader } from "@/lib/server/auth/session-cookie";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const SALT = sessionCookieName(true);

/** A cookie as next-auth makes it at sign-in (lib/server/auth/index.ts keeps only these claims). */
const cookieFor = (sid: string | undefined, maxAge = 600, secret = SECRET, salt = SALT) =>
  encode({ token: sid === undefined ? { jti: "x" } : { sid, jti: "x" }, secret, salt, maxAge });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("sessionCookieReader", () => {
  it("gives the session id the cookie carries, and null for no cookie", async () => {
    const reader = sessionCookieReader(SECRET, SALT);
    expect(await reader.sessionIdOf(await cookieFor("session-1"))).toBe("session-1");
    expect(await reader.sessionIdOf(undefined)).toBeNull();
    expect(await reader.sessionIdOf("")).toBeNull();
  });

  it("names the cookie as next-auth does", () => {
    expect(sessionCookieName(true)).toBe("__Secure-authjs.session-token");
    expect(sessionCookieName(false)).toBe("authjs.session-token");
  });

  it("decrypts a cookie value once, and answers it again from memory", async () => {
    const reader = sessionCookieReader(SECRET, SALT);
    const cookie = await cookieFor("session-2");
    const subtle = vi.spyOn(globalThis.crypto.subtle, "decrypt");
    expect(await reader.sessionIdOf(cookie)).toBe("session-2");
    const afterFirst = subtle.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(await reader.sessionIdOf(cookie)).toBe("session-2");
    expect(await reader.sessionIdOf(cookie)).toBe("session-2");
    expect(subtle.mock.calls.length).toBe(afterFirst);
    expect(reader.size).toBe(1);
  });

  it("stops answering a remembered cookie once it has expired (with next-auth's 15 s of tolerance)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T10:00:00Z"));
    const reader = sessionCookieReader(SECRET, SALT);
    const cookie = await cookieFor("session-3", 60);
    expect(await reader.sessionIdOf(cookie)).toBe("session-3");
    vi.setSystemTime(new Date("2026-12-03T10:01:14Z"));
    expect(await reader.sessionIdOf(cookie)).toBe("session-3");
    vi.setSystemTime(new Date("2026-12-03T10:01:15Z"));
    expect(await reader.sessionIdOf(cookie)).toBeNull();
    // A clock moved back (the end-to-end tests' clock) finds it valid again, as jose would.
    vi.setSystemTime(new Date("2026-12-03T10:00:30Z"));
    expect(await reader.sessionIdOf(cookie)).toBe("session-3");
  });

  it("refuses a cookie first seen after it expired, without calling it unreadable", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T10:00:00Z"));
    const cookie = await cookieFor("session-4", 60);
    vi.setSystemTime(new Date("2026-12-03T11:00:00Z"));
    const unreadable = vi.fn();
    const reader = sessionCookieReader(SECRET, SALT, unreadable);
    expect(await reader.sessionIdOf(cookie)).toBeNull();
    expect(unreadable).not.toHaveBeenCalled();
    // Its claims were kept: the clock moved back finds it valid, as jose would.
    vi.setSystemTime(new Date("2026-12-03T10:00:30Z"));
    expect(await reader.sessionIdOf(cookie)).toBe("session-4");
  });

  it("refuses a made-up cookie, one from another secret or another cookie name, and says so once per value", async () => {
    const unreadable = vi.fn();
    const reader = sessionCookieReader(SECRET, SALT, unreadable);
    for (const cookie of [
      "not-a-jwt",
      await cookieFor("session-5", 600, "another-secret-of-at-least-thirty-two-chars"),
      await cookieFor("session-5", 600, SECRET, sessionCookieName(false)),
    ]) {
      expect(await reader.sessionIdOf(cookie)).toBeNull();
      expect(await reader.sessionIdOf(cookie)).toBeNull();
    }
    expect(unreadable).toHaveBeenCalledTimes(3);
  });

  it("gives null for a token without a session id", async () => {
    const reader = sessionCookieReader(SECRET, SALT);
    expect(await reader.sessionIdOf(await cookieFor(undefined))).toBeNull();
  });

  it("remembers at most 5 000 values, the oldest going first, and none longer than 4 kB", async () => {
    const reader = sessionCookieReader(SECRET, SALT);
    for (let i = 0; i < 5_010; i += 1) await reader.sessionIdOf(`garbage-${i}`);
    expect(reader.size).toBe(5_000);
    const fresh = sessionCookieReader(SECRET, SALT);
    await fresh.sessionIdOf("x".repeat(5_000));
    expect(fresh.size).toBe(0);
    await fresh.sessionIdOf("x".repeat(4_000));
    expect(fresh.size).toBe(1);
  });

  it("takes the first of two cookies with the session's name, as next-auth does", () => {
    const name = sessionCookieName(true);
    expect(firstCookie(`a=1; ${name}=own; b=2; ${name}=tossed`, name)).toBe("own");
    expect(firstCookie(`${name}.0=chunk; ${name}x=other`, name)).toBeUndefined();
    expect(firstCookie(`${name}.0=chunk`, `${name}.0`)).toBe("chunk");
    expect(firstCookie(`${name}="quoted%20value"`, name)).toBe("quoted value");
    expect(firstCookie(`${name}=%E0%A4%A`, name)).toBe("%E0%A4%A");
    expect(firstCookie(null, name)).toBeUndefined();
    expect(firstCookie("", name)).toBeUndefined();
  });
});
