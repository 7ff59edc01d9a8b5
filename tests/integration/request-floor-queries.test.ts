// What every signed-in request pays before its page's own queries (issue 21): the session and
// its user are looked up in one statement (the root layout, the group layout and the page share
// that lookup within a request through React's cache, lib/server/viewer.ts), and the viewer is
// the same as before.
import { describe, expect, it } from "vitest";
import { resolveViewer } from "@/lib/server/viewer";
import { countQueries } from "./query-counter";
import { db, signInAsNew } from "./support";

describe("the viewer of a request", () => {
  it("is one statement: the session joined to its user, with the user's facts", async () => {
    const user = await signInAsNew({ name: "Vera Veileder", roles: ["ADVISER", "ADMIN"] });
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id } });
    const { result, queries } = await countQueries(() => resolveViewer(session.id));
    expect(queries).toBe(1);
    expect(result).toEqual({
      id: user.id,
      email: user.email,
      name: "Vera Veileder",
      roles: ["ADVISER", "ADMIN"],
      sessionId: session.id,
      emailVerified: user.emailVerifiedAt !== null,
      // A student's unopened letters are counted in the same statement; staff have none.
      newLetters: 0,
    });
  });

  it("still ends an idle session, refuses a disabled account and writes lastSeenAt only when stale", async () => {
    const user = await signInAsNew({ roles: ["STUDENT"] });
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id } });
    const later = new Date(Date.now() + 10 * 60_000);
    const touched = await countQueries(() => resolveViewer(session.id, later));
    expect(touched.result?.id).toBe(user.id);
    expect(touched.queries).toBe(2);
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(later);

    const idle = new Date(later.getTime() + 3 * 60 * 60_000);
    expect(await resolveViewer(session.id, idle)).toBeNull();
    expect(await db().session.findUnique({ where: { id: session.id } })).toBeNull();

    const other = await signInAsNew({ roles: ["STUDENT"] });
    const otherSession = await db().session.findFirstOrThrow({ where: { userId: other.id } });
    await db().user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect(await resolveViewer(otherSession.id)).toBeNull();
    expect(await resolveViewer("x".repeat(43))).toBeNull();
  });
});
