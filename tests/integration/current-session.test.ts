// The one place a request's session is read from its cookie (lib/server/auth/current-session.ts).
// The other integration tests replace that module (setup-file.ts) to sign in as they please; here
// the real one reads a request's Cookie header, with Next.js's headers() and next-auth's auth()
// stood in for by this file.
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookieName } from "@/lib/server/auth/session-cookie";

const request = vi.hoisted(() => ({ cookie: null as string | null, auth: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.cookie === null ? {} : { cookie: request.cookie }) }));
vi.mock("@/lib/server/auth", () => ({ auth: request.auth }));

const { currentSessionId } = await vi.importActual<typeof import("@/lib/server/auth/current-session")>("@/lib/server/auth/current-session");

// Outside production, next-auth names the cookie without the __Secure- prefix and salts with the name.
const NAME = sessionCookieName(false);
const cookieFor = (sid: string, secret = process.env.AUTH_SECRET!) => encode({ token: { sid, jti: "x" }, secret, salt: NAME, maxAge: 600 });

beforeEach(() => {
  request.cookie = null;
  request.auth.mockReset();
});

describe("currentSessionId", () => {
  it("is null without a cookie, or without the session cookie among others", async () => {
    expect(await currentSessionId()).toBeNull();
    request.cookie = "theme=dark; other=1";
    expect(await currentSessionId()).toBeNull();
    expect(request.auth).not.toHaveBeenCalled();
  });

  it("reads the session id from the cookie next-auth set, among other cookies", async () => {
    request.cookie = `theme=dark; ${NAME}=${await cookieFor("session-a")}; other=1`;
    expect(await currentSessionId()).toBe("session-a");
    expect(request.auth).not.toHaveBeenCalled();
  });

  it("takes the first cookie of the name, as next-auth does", async () => {
    request.cookie = `${NAME}=${await cookieFor("first")}; ${NAME}=${await cookieFor("second")}`;
    expect(await currentSessionId()).toBe("first");
  });

  it("is null for a cookie sealed with another secret, a cookie of the production name, or one that is not a cookie at all", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      request.cookie = `${NAME}=${await cookieFor("forged", "another-secret-of-at-least-thirty-two-chars")}`;
      expect(await currentSessionId()).toBeNull();
      request.cookie = `${NAME}=not-a-jwe`;
      expect(await currentSessionId()).toBeNull();
      request.cookie = `${sessionCookieName(true)}=${await cookieFor("secure-name")}`;
      expect(await currentSessionId()).toBeNull();
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("leaves a cookie split into chunks (name.0, name.1) to next-auth, and answers what it says", async () => {
    request.cookie = `${NAME}.0=part; ${NAME}.1=part`;
    request.auth.mockResolvedValueOnce({ sid: "from-chunks" });
    expect(await currentSessionId()).toBe("from-chunks");
    request.auth.mockResolvedValueOnce(null);
    expect(await currentSessionId()).toBeNull();
    expect(request.auth).toHaveBeenCalledTimes(2);
  });
});
