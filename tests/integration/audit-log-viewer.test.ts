// The audit viewer's data: only administrators read it; the person filter finds the entries about
// a person's records (her application, her enrolment) and nobody else's, and the look itself is
// logged; actor, type and period narrow it; pages are 50 entries.
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditAction, AuditEntityType } from "@/lib/domain/audit-actions";
import { audit } from "@/lib/server/audit";
import { AUDIT_PAGE_SIZE, viewAuditLog } from "@/lib/server/audit-log/queries";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { parseAuditLogFilter } from "@/lib/validation/audit-log";
import { createApplication, createOpenCohort, createUser, enrol } from "@/prisma/seed/factories";
import { db } from "./support";

let admin: Viewer;
let adviser: Viewer;
const ids: Record<string, string> = {};

const asViewer = (user: { id: string; email: string; name: string; roles: Viewer["roles"] }): Viewer => ({ ...user, sessionId: "x".repeat(43), emailVerified: true });
const filter = (params: Record<string, string>) => parseAuditLogFilter(params).filter;

beforeAll(async () => {
  admin = asViewer(await createUser(db(), { name: "Ada Loggleser", roles: ["ADMIN", "ADVISER"] }));
  adviser = asViewer(await createUser(db(), { name: "Vera Veileder", roles: ["ADVISER"] }));
  const petter = await createUser(db(), { name: "Petter Person", email: "petter.person@example.no", roles: ["STUDENT"] });
  const other = await createUser(db(), { name: "Olga Other", email: "olga.other@example.no" });
  ids.petter = petter.id;
  const { cohort } = await createOpenCohort(db());
  const application = await createApplication(db(), { applicantId: petter.id, cohortId: cohort.id });
  const enrolment = await enrol(db(), { userId: petter.id, cohortId: cohort.id });
  const theirs = await createApplication(db(), { applicantId: other.id, cohortId: cohort.id });
  await db().$transaction(async (tx) => {
    await audit(tx, { actorId: petter.id, action: "application.submit", entityType: "Application", entityId: application.id, after: { status: "SUBMITTED" } });
    await audit(tx, { actorId: adviser.id, action: "attendance.correct", entityType: "Attendance", entityId: "cnotpetters0000000000000a", after: {} });
    await audit(tx, { actorId: adviser.id, action: "enrolment.withdraw", entityType: "Enrolment", entityId: enrolment.id, before: { status: "ACTIVE" }, after: { status: "WITHDRAWN" } });
    await audit(tx, { actorId: other.id, action: "application.submit", entityType: "Application", entityId: theirs.id, after: { status: "SUBMITTED" } });
    await audit(tx, { actorId: null, action: "retention.delete_documents", entityType: "Application", entityId: theirs.id, after: { documents: 1 } });
  });
});

describe("the audit viewer", () => {
  it("is for administrators only", async () => {
    await expect(viewAuditLog(adviser, filter({}))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds the entries about a person by name or e-mail, only hers, and logs the look", async () => {
    const looks = () => db().auditLog.count({ where: { action: "audit_log.view_person", entityId: ids.petter! } });
    const before = await looks();
    const view = await viewAuditLog(admin, filter({ person: "petter.person@" }));
    expect(view.state).toBe("entries");
    if (view.state !== "entries") return;
    expect(view.person).toMatchObject({ id: ids.petter, name: "Petter Person" });
    // The look is logged before the entries are read: it is among them, newest first.
    expect(view.entries.map((entry) => entry.action)).toEqual(["audit_log.view_person", "enrolment.withdraw", "application.submit"]);
    expect(await looks()).toBe(before + 1);
    const look = await db().auditLog.findFirstOrThrow({ where: { action: "audit_log.view_person", entityId: ids.petter! }, orderBy: { id: "desc" } });
    expect(look.actorId).toBe(admin.id);
  });

  it("says whom each entry is about: the person behind the record, a student with the kull, nobody for a record gone", async () => {
    const view = await viewAuditLog(admin, filter({ aktor: "Vera Veileder" }));
    if (view.state !== "entries") throw new Error("expected entries");
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { userId: ids.petter! }, select: { cohort: { select: { name: true } } } });
    expect(view.entries.map((entry) => [entry.action, entry.about])).toEqual([
      ["enrolment.withdraw", `Petter Person (${enrolment.cohort.name})`],
      ["attendance.correct", null],
    ]);
    const submits = await viewAuditLog(admin, filter({ type: "application.submit" }));
    if (submits.state !== "entries") throw new Error("expected entries");
    const applicants = await db().application.findMany({ where: { applicant: { id: { in: [ids.petter!] } } }, select: { fullName: true } });
    expect(submits.entries.map((entry) => entry.about)).toEqual(expect.arrayContaining([applicants[0]!.fullName ?? "Petter Person"]));
    expect(submits.entries.every((entry) => entry.about !== null)).toBe(true);
  });

  it("asks which person when several match, and reads nothing until one is chosen", async () => {
    const before = await db().auditLog.count();
    const view = await viewAuditLog(admin, filter({ person: "example.no" }));
    expect(view.state).toBe("choose-person");
    if (view.state === "choose-person") expect(view.candidates.map((person) => person.name)).toEqual(expect.arrayContaining(["Olga Other", "Petter Person"]));
    expect(await db().auditLog.count()).toBe(before);
  });

  it("narrows by actor (or the system), type and period, without logging a look when no person is chosen", async () => {
    const before = await db().auditLog.count();
    const byAdviser = await viewAuditLog(admin, filter({ aktor: "Vera Veileder" }));
    expect(byAdviser.state === "entries" && byAdviser.entries.map((entry) => entry.action)).toEqual(["enrolment.withdraw", "attendance.correct"]);
    const system = await viewAuditLog(admin, filter({ aktor: "system" }));
    expect(system.state === "entries" && system.entries.map((entry) => entry.action)).toEqual(["retention.delete_documents"]);
    const submits = await viewAuditLog(admin, filter({ type: "application.submit" }));
    expect(submits.state === "entries" && submits.total).toBe(2);
    const nouns = await viewAuditLog(admin, filter({ type: "application" }));
    expect(nouns.state === "entries" && nouns.total).toBe(2);
    const past = await viewAuditLog(admin, filter({ fra: "01.01.2020", til: "31.12.2020" }));
    expect(past.state === "entries" && past.total).toBe(0);
    expect(await db().auditLog.count()).toBe(before);
  });

  it("pages by 50, newest first", async () => {
    // A code of its own (no list knows it, as an older installation's entries), so the filter finds these 60 alone.
    await db().$transaction(async (tx) => {
      for (let index = 0; index < 60; index += 1) {
        await audit(tx, { actorId: admin.id, action: "paging.test" as AuditAction, entityType: "Test" as AuditEntityType, entityId: String(index), after: { index } });
      }
    });
    const first = await viewAuditLog(admin, filter({ type: "paging.test" }));
    const second = await viewAuditLog(admin, filter({ type: "paging.test", side: "2" }));
    if (first.state !== "entries" || second.state !== "entries") throw new Error("expected entries");
    expect(first).toMatchObject({ total: 60, pages: 2, page: 1 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]!.entityId).toBe("59");
    expect(second.entries.map((entry) => entry.entityId)).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
  });

  it("lists by when it happened, not by when it was written", async () => {
    // The demo's history and a migration's backfill are written after the moments they record.
    await db().$transaction((tx) => audit(tx, { actorId: admin.id, action: "order.test" as AuditAction, entityType: "Test" as AuditEntityType, entityId: "now", after: {} }));
    await db().auditLog.create({ data: { actorId: admin.id, action: "order.test", entityType: "Test", entityId: "last week", at: new Date(Date.now() - 7 * 86_400_000) } });
    const view = await viewAuditLog(admin, filter({ type: "order.test" }));
    if (view.state !== "entries") throw new Error("expected entries");
    expect(view.entries.map((entry) => entry.entityId)).toEqual(["now", "last week"]);
  });
});
