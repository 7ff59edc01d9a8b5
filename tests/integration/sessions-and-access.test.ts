import { describe, expect, it } from "vitest";
import { changeUserAccess, createUser as createUserAction } from "@/lib/actions/manage-users";
import { FORBIDDEN_MESSAGE, SIGNED_OUT_MESSAGE } from "@/lib/server/action";
import { endSession } from "@/lib/server/auth/sessions";
import { listUsers, USERS_PAGE_SIZE } from "@/lib/server/users/manage-users";
import { getViewer, resolveViewer } from "@/lib/server/viewer";
import { createUser } from "@/prisma/seed/factories";
import { viewerOf } from "./cohort-world";
import { db, signInAs, signInAsNew, signOutTestSession, submit } from "./support";

describe("sessions", () => {
  it("resolves a live session to its user, and nothing once it is ended", async () => {
    const user = await createUser(db(), { name: "Live Økt", roles: ["STUDENT"] });
    const sessionId = await signInAs(user);
    expect(await resolveViewer(sessionId)).toMatchObject({ id: user.id, name: "Live Økt", roles: ["STUDENT"] });
    await endSession(db(), sessionId);
    expect(await resolveViewer(sessionId)).toBeNull();
  });

  it("gives nothing for an expired session or a disabled account", async () => {
    const user = await createUser(db(), { roles: ["FACULTY"] });
    const expiring = await signInAs(user);
    // Active every hour, the session still ends at its absolute limit (10 hours).
    const start = Date.now();
    for (let hour = 1; hour <= 9; hour += 1) expect(await resolveViewer(expiring, new Date(start + hour * 3_600_000))).not.toBeNull();
    expect(await resolveViewer(expiring, new Date(start + 10 * 3_600_000 + 1000))).toBeNull();
    const sessionId = await signInAs(user);
    expect(await resolveViewer(sessionId)).not.toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveViewer(sessionId)).toBeNull();
  });

  it("gives nothing for an unknown session id", async () => {
    expect(await resolveViewer("forged-session-id")).toBeNull();
    expect(await resolveViewer(null)).toBeNull();
  });
});

describe("server actions authorize on the server", () => {
  const newStudent = (email: string) => ({
    name: "Ny Student",
    email,
    roles: "STUDENT",
  });

  it("refuses a signed-out caller", async () => {
    signOutTestSession();
    const result = await submit(createUserAction, newStudent("ute@test.no"));
    expect(result).toMatchObject({ ok: false, message: SIGNED_OUT_MESSAGE, signedOut: true, values: { email: "ute@test.no" } });
    expect(await db().user.count({ where: { email: "ute@test.no" } })).toBe(0);
  });

  it("refuses an applicant calling an adviser's action, and keeps what was typed", async () => {
    await signInAsNew({ roles: ["APPLICANT"] });
    const result = await submit(createUserAction, { ...newStudent("soker.forsok@test.no"), password: "hemmelig-passord-123" });
    expect(result).toMatchObject({ ok: false, message: FORBIDDEN_MESSAGE });
    // What was typed comes back, but never a password.
    expect(result.values).not.toHaveProperty("password");
    expect(result.values).toMatchObject({ name: "Ny Student", email: "soker.forsok@test.no" });
    expect(await db().user.count({ where: { email: "soker.forsok@test.no" } })).toBe(0);
  });

  it("lets an adviser create a student, with an audit entry, and ignores fields it does not know", async () => {
    const adviser = await signInAsNew({ roles: ["ADVISER"] });
    const result = await submit(createUserAction, {
      ...newStudent("Ny.Student@Test.no"),
      disabledAt: "2020-01-01",
      id: "chosen-id",
    });
    expect(result).toMatchObject({ ok: true });
    const created = await db().user.findUniqueOrThrow({ where: { email: "ny.student@test.no" } });
    expect(created).toMatchObject({ roles: ["STUDENT"], disabledAt: null });
    expect(created.id).not.toBe("chosen-id");
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "user.create" } });
    expect(entry.actorId).toBe(adviser.id);
    expect(entry.after).toMatchObject({ email: "ny.student@test.no", roles: ["STUDENT"] });
  });

  it("lets only an admin create an admin", async () => {
    await signInAsNew({ roles: ["ADVISER"] });
    const refused = await submit(createUserAction, { ...newStudent("ny.admin@test.no"), roles: ["ADMIN", "ADVISER"] });
    expect(refused).toMatchObject({ ok: false, message: "Du kan ikke opprette en bruker med disse rollene." });
    await signInAsNew({ roles: ["ADMIN"] });
    const allowed = await submit(createUserAction, { ...newStudent("ny.admin@test.no"), roles: ["ADMIN", "ADVISER"] });
    expect(allowed.ok).toBe(true);
  });

  it("answers a bad form with Norwegian messages next to the fields", async () => {
    await signInAsNew({ roles: ["ADVISER"] });
    const result = await submit(createUserAction, { name: "", email: "ikke-en-adresse" });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      name: ["Navn må fylles ut."],
      email: ["Skriv en gyldig e-postadresse, for eksempel navn@kommune.no."],
      roles: ["Velg minst én rolle."],
    });
  });

  it("refuses a second account with the same e-mail address", async () => {
    await signInAsNew({ roles: ["ADVISER"] });
    await createUser(db(), { email: "finnes@test.no" });
    const result = await submit(createUserAction, newStudent("FINNES@test.no"));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: ["Det finnes allerede en bruker med denne e-postadressen."] } });
  });

  it("ends every session of an account when it is disabled, and records who did it", async () => {
    const target = await createUser(db(), { roles: ["STUDENT"] });
    const targetSession = await signInAs(target);
    const adviser = await signInAsNew({ roles: ["ADVISER"] });
    const result = await submit(changeUserAccess, { userId: target.id, disabled: "true" });
    expect(result.ok).toBe(true);
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
    expect(await resolveViewer(targetSession)).toBeNull();
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: target.id, action: "user.disable" } });
    expect(entry).toMatchObject({ actorId: adviser.id, before: { disabledAt: null } });
  });

  it("does not let advisers disable themselves", async () => {
    const adviser = await signInAsNew({ roles: ["ADVISER"] });
    const result = await submit(changeUserAccess, { userId: adviser.id, disabled: "true" });
    expect(result).toMatchObject({ ok: false, message: "Du kan ikke endre denne brukeren." });
    expect(await getViewer()).toMatchObject({ id: adviser.id });
  });
});

describe("the staff's form for a new account", () => {
  it("asks for the person's e-mail address, not the adviser's own", async () => {
    await signInAsNew({ roles: ["ADVISER"] });
    const result = await submit(createUserAction, { name: "Ny Student", email: "", roles: "STUDENT", password: "midlertidig-123" });
    expect(result.fieldErrors?.email).toEqual(["Skriv inn e-postadressen til personen."]);
  });
});

describe("the list of users", () => {
  it("shows 50 at a time, by name, every match on exactly one page, and a page past the end as the last", async () => {
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const viewer = viewerOf(adviser);
    const names = Array.from({ length: 62 }, (_, index) => `Sidevis Bruker ${String(index).padStart(2, "0")}`);
    for (const name of names.toReversed()) await createUser(db(), { name, roles: ["STUDENT"] });
    const first = await listUsers(viewer, { query: "Sidevis", page: 1 });
    expect(first).toMatchObject({ total: 62, page: 1, pages: 2 });
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    const second = await listUsers(viewer, { query: "Sidevis", page: 2 });
    expect([...first.users, ...second.users].map((user) => user.name)).toEqual(names);
    expect(await listUsers(viewer, { query: "Sidevis", page: 40 })).toMatchObject({ page: 2, users: second.users });
    expect(await listUsers(viewer, { query: "Ingen slik", page: 3 })).toMatchObject({ total: 0, page: 1, pages: 1, users: [] });
  });
});
