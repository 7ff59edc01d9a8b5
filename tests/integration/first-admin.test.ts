// The first administrator of an empty installation: `npm run admin:create` makes an account with
// the ADMIN role and no password, queues the invitation e-mail, prints the one-time link, and the
// person chooses the password there. Never a default password; never an existing account made
// admin from outside the app.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { acceptInvitation, invitationLink } from "@/lib/server/users/invitations";
import { createAdministrator, hasAdministrator } from "@/lib/server/users/first-admin";
import { verifyPassword } from "@/lib/server/auth/password";
import { createUser } from "@/prisma/seed/factories";
import { db } from "./support";

const run = promisify(execFile);
const tokenOf = (link: string) => link.split("/").at(-1)!;

/** The command as `npm run admin:create` runs it, against this test file's database. */
function adminCreate(...args: string[]) {
  return run(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/admin.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, APP_URL: "https://studier.example.no" },
  });
}

describe("the first administrator", () => {
  it("starts from an empty database: an admin without a password, an invitation e-mail, a link to choose it, audited", async () => {
    expect(await db().user.count()).toBe(0);
    expect(await hasAdministrator(db())).toBe(false);
    const admin = await createAdministrator(db(), { email: " Ada@NTNU.no ", name: "Ada Administrator" });
    expect(admin).toMatchObject({ email: "ada@ntnu.no", created: true });
    expect(admin.link).toMatch(/^http:\/\/localhost:3000\/invitasjon\/[A-Za-z0-9_-]{43}$/);
    expect(await hasAdministrator(db())).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: "ada@ntnu.no" }, select: { id: true, roles: true, passwordHash: true, emailVerifiedAt: true } });
    expect(user).toMatchObject({ roles: ["ADMIN"], passwordHash: null, emailVerifiedAt: null });
    const mail = await db().mailMessage.findFirstOrThrow({ where: { to: "ada@ntnu.no" } });
    expect(mail.subject).toBe("Du har fått en konto: velg passordet ditt");
    expect(mail.text).toContain(admin.link);
    expect(await db().auditLog.findFirst({ where: { entityId: user.id, action: "user.create-admin" } })).toMatchObject({ actorId: null });

    const { email } = await acceptInvitation(tokenOf(admin.link), "et-langt-og-godt-passord");
    expect(email).toBe("ada@ntnu.no");
    const chosen = await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true, emailVerifiedAt: true } });
    expect(await verifyPassword("et-langt-og-godt-passord", chosen.passwordHash!)).toBe(true);
    expect(chosen.emailVerifiedAt).not.toBeNull();
    await expect(createAdministrator(db(), { email: "ada@ntnu.no", name: "Ada" })).rejects.toThrow(
      "Administratoren ada@ntnu.no har allerede valgt passord. Bruk «Glemt passord» på innloggingssiden.",
    );
  });

  it("sends a new link to an administrator who has not chosen a password (the old one stops working)", async () => {
    const first = await createAdministrator(db(), { email: "bo@ntnu.no", name: "Bo Admin" });
    const second = await createAdministrator(db(), { email: "bo@ntnu.no", name: "Bo Admin" });
    expect(second.created).toBe(false);
    expect(await invitationLink(tokenOf(first.link))).toBeNull();
    expect(await invitationLink(tokenOf(second.link))).not.toBeNull();
    expect(await db().user.count({ where: { email: "bo@ntnu.no" } })).toBe(1);
  });

  it("never makes an existing account an administrator from outside the app, and refuses a bad address", async () => {
    const applicant = await createUser(db(), { email: "soker@ntnu.no", roles: ["APPLICANT"], name: "Siv Søker" });
    await expect(createAdministrator(db(), { email: "soker@ntnu.no", name: "Siv" })).rejects.toThrow(/^soker@ntnu\.no har allerede en konto \(Siv Søker\)\./);
    expect((await db().user.findUniqueOrThrow({ where: { id: applicant.id } })).roles).toEqual(["APPLICANT"]);
    await expect(createAdministrator(db(), { email: "ikke-en-adresse", name: "X" })).rejects.toThrow("Skriv en gyldig e-postadresse");
  });

  it("is the command `npm run admin:create`: it prints the link, and with --if-no-admin does nothing once an admin exists", async () => {
    const { stdout } = await adminCreate("--email", "cli@ntnu.no", "--name", "Cli Admin");
    expect(stdout).toContain("Administrator opprettet: cli@ntnu.no");
    const link = /https:\/\/studier\.example\.no\/invitasjon\/[A-Za-z0-9_-]{43}/.exec(stdout)![0];
    expect(await acceptInvitation(tokenOf(link), "et-annet-godt-passord")).toEqual({ email: "cli@ntnu.no" });
    const quiet = await adminCreate("--email", "cli2@ntnu.no", "--name", "Cli To", "--if-no-admin");
    expect(quiet.stdout).toBe("");
    expect(await db().user.count({ where: { email: "cli2@ntnu.no" } })).toBe(0);
    await expect(adminCreate("--email", "cli3@ntnu.no")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Bruk: npm run admin:create") });
  }, 180_000);
});
