// Crash safety: a second app process is killed (SIGKILL, as a crash or an OOM kill would) in the
// middle of a multi-row write, and after the "restart" each write is all or nothing, and the mail
// it queues is sent exactly once. The moment is made exact without sleeps: this test holds a row
// lock that the write needs near its end, waits until the worker's database session is blocked on
// it having already written (it holds an xid and RowExclusiveLock on the tables it wrote), and
// kills the process there. PostgreSQL then rolls the open transaction back; the same use case run
// again by a fresh process writes everything once.
//
// Faults injected: three (a whole day's attendance correction, a decision round with offers,
// waiting-list places, refusals and their letters, an upload between the file on disk and its row).
import { spawn, type ChildProcess } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { previewDecisionBatch } from "@/lib/server/admission/decisions";
import { deliverQueuedMail, readOutbox } from "@/lib/server/mail";
import { deleteOrphanFiles, ORPHAN_FILE_AGE_MS } from "@/lib/server/maintenance";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { isoDate } from "@/lib/to-domain";
import { createApplication, createOpenCohort, createReviewedApplication, createUser, COMPLETE_APPLICATION } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";
import { makeCohort, planDays, viewerOf } from "./cohort-world";
import { connectRaw, db } from "./support";

const WORKER = path.resolve("tests/integration/fixtures/crash-worker.ts");
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

interface Worker {
  child: ChildProcess;
  /** What it has printed on stderr so far. */
  errors: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
}

function startWorker(scenario: string, payload: object): Worker {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER, scenario, JSON.stringify(payload)], {
    env: { ...process.env, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, exited, errors: () => err };
}

/** Fails at once, with the worker's own words, when it ended before being killed. */
function stillRunning(worker: Worker) {
  if (worker.child.exitCode !== null) throw new Error(`the worker ended early (${worker.child.exitCode}): ${worker.errors()}`);
}

async function runToTheEnd(scenario: string, payload: object) {
  const result = await startWorker(scenario, payload).exited;
  if (result.code !== 0 || !result.out.includes("done")) throw new Error(`worker failed (${result.code}): ${result.err}`);
}

/** A second connection that holds row locks in an open transaction. */
async function lockHolder() {
  const client = await connectRaw();
  await client.query("BEGIN");
  return client;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * Waits (polling, up to a minute) until another session of this database waits for a lock while
 * its transaction has written; returns its pid and the tables it has written so far.
 */
async function blockedWriter(observer: pg.Client, worker: Worker): Promise<{ pid: number; wrote: string[] }> {
  for (let tries = 0; tries < 1200; tries += 1) {
    stillRunning(worker);
    const { rows } = await observer.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL`,
    );
    if (rows[0]) {
      const tables = await observer.query<{ name: string }>(
        `SELECT DISTINCT c.relname AS name FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r' ORDER BY 1`,
        [rows[0].pid],
      );
      return { pid: rows[0].pid, wrote: tables.rows.map((row) => row.name) };
    }
    await pause();
  }
  throw new Error("the worker never blocked mid-write");
}

/** Kills the worker, lets the lock go, and waits until PostgreSQL has ended its session. */
async function crash(worker: Worker, holder: pg.Client, pid: number) {
  worker.child.kill("SIGKILL");
  const ended = await worker.exited;
  expect(ended.signal).toBe("SIGKILL");
  await holder.query("ROLLBACK");
  await holder.end();
  const observer = await connectRaw();
  try {
    for (let tries = 0; tries < 1200; tries += 1) {
      const { rows } = await observer.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
      if (rows.length === 0) return;
      await pause();
    }
    throw new Error("the killed worker's session never ended");
  } finally {
    await observer.end();
  }
}


describe("a process killed in the middle of a write", () => {
  it("a whole day's attendance correction: none of it, then all of it once, each student told once", async () => {
    const today = osloDate(new Date());
    const world = await makeCohort({ students: 12, samlinger: planDays(addDays(today, -10), 3), heldBefore: today });
    const day = world.days.find((candidate) => isoDate(candidate.date) < today)!;
    await db().$transaction((tx) => refreshStandings(tx, { cohortId: world.cohortId }, { actorId: world.teacher.id, cause: "Oppstart", notify: false }));
    const before = await db().attendance.findMany({ where: { samlingDayId: day.id }, orderBy: { enrolmentId: "asc" }, select: { enrolmentId: true, status: true } });
    expect(before.every((row) => row.status === "PRESENT")).toBe(true);
    const audits = await db().auditLog.count();
    const mails = await db().mailMessage.count();

    const input = {
      cohortId: world.cohortId,
      samlingDayId: day.id,
      rows: world.students.map((student, index) => ({ enrolmentId: student.enrolmentId, status: index % 2 === 0 ? ("ABSENT" as const) : ("PRESENT" as const), note: null })),
      reason: "Listen ble ført feil den dagen.",
    };
    const userId = world.users.teacher.id;
    const holder = await lockHolder();
    // The standing of the last student the correction changes is locked last: everything else is
    // written by then (only the changed students' standings are refreshed; the others stay PRESENT).
    const last = input.rows.filter((row) => row.status === "ABSENT").map((row) => row.enrolmentId).sort().at(-1)!;
    await holder.query(`SELECT 1 FROM "Standing" WHERE "enrolmentId" = $1 FOR UPDATE`, [last]);
    const worker = startWorker("attendance", { userId, now: new Date().toISOString(), attendance: input });
    const observer = await connectRaw();
    const blocked = await blockedWriter(observer, worker);
    await observer.end();
    expect(blocked.wrote).toEqual(expect.arrayContaining(["Attendance", "AuditLog", "MailMessage"]));
    await crash(worker, holder, blocked.pid);

    // Nothing of it is stored.
    expect(await db().attendance.findMany({ where: { samlingDayId: day.id }, orderBy: { enrolmentId: "asc" }, select: { enrolmentId: true, status: true } })).toEqual(before);
    expect(await db().auditLog.count()).toBe(audits);
    expect(await db().mailMessage.count()).toBe(mails);

    // After the restart the same save goes through once, whole.
    await runToTheEnd("attendance", { userId, now: new Date().toISOString(), attendance: input });
    const after = await db().attendance.findMany({ where: { samlingDayId: day.id }, select: { enrolmentId: true, status: true } });
    expect(after).toHaveLength(12);
    expect(after.filter((row) => row.status === "ABSENT")).toHaveLength(6);
    expect(await db().auditLog.count({ where: { action: "attendance.correct", entityId: { in: (await db().attendance.findMany({ where: { samlingDayId: day.id } })).map((row) => row.id) } } })).toBe(6);
    const told = await db().mailMessage.findMany({ where: { createdAt: { gte: new Date(Date.now() - 3_600_000) }, userId: { in: world.students.map((student) => student.userId) } } });
    expect(told).toHaveLength(6);
    expect(new Set(told.map((mail) => mail.to)).size).toBe(6);

    // Delivered exactly once, however often the job runs.
    await deliverQueuedMail();
    await deliverQueuedMail();
    const outbox = (await readOutbox(1000)).filter((entry) => told.some((mail) => mail.to === entry.to));
    expect(outbox).toHaveLength(6);
  }, 120_000);

  it("a decision round: no decision, letter or e-mail of it, then every one once", async () => {
    const deadline = addDays(osloDate(new Date()), -3);
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline });
    const applicants = [];
    for (let index = 0; index < 4; index += 1) {
      applicants.push(await createReviewedApplication(db(), { cohortId: cohort.id, category: 1, name: `Søker ${index + 1}`, submittedAt: new Date(Date.UTC(2026, 0, 1, 8, index)) }));
    }
    const refused = await createReviewedApplication(db(), { cohortId: cohort.id, qualified: false, name: "Søker uten grunnlag", submittedAt: new Date(Date.UTC(2026, 0, 1, 9)) });
    const adviserUser = await createUser(db(), { roles: ["ADVISER"], name: "Vegard Veileder" });
    const adviser = viewerOf(adviserUser);
    const preview = await previewDecisionBatch(adviser, cohort.id, { closeWaitlist: false });
    const payload = { userId: adviserUser.id, now: new Date().toISOString(), decisions: { cohortId: cohort.id, fingerprint: preview.plan.fingerprint } };

    const holder = await lockHolder();
    // The refusal is decided last: lock its application, so offers and waiting-list places are written first.
    await holder.query(`SELECT 1 FROM "Application" WHERE "id" = $1 FOR UPDATE`, [refused.application.id]);
    const worker = startWorker("decisions", payload);
    const observer = await connectRaw();
    const blocked = await blockedWriter(observer, worker);
    await observer.end();
    expect(blocked.wrote).toEqual(expect.arrayContaining(["Decision", "DecisionLetter", "MailMessage", "AuditLog"]));
    await crash(worker, holder, blocked.pid);

    const ids = [...applicants.map((entry) => entry.application.id), refused.application.id];
    expect(await db().decision.count({ where: { applicationId: { in: ids } } })).toBe(0);
    expect(await db().decisionLetter.count({ where: { decision: { applicationId: { in: ids } } } })).toBe(0);
    expect(await db().mailMessage.count({ where: { userId: { in: [...applicants.map((entry) => entry.user.id), refused.user.id] } } })).toBe(0);
    expect(await db().application.count({ where: { id: { in: ids }, status: "DECIDED" } })).toBe(0);

    await runToTheEnd("decisions", payload);
    const decisions = await db().decision.findMany({ where: { applicationId: { in: ids } }, select: { outcome: true } });
    expect(decisions.map((decision) => decision.outcome).sort()).toEqual(["OFFER", "OFFER", "REFUSAL", "WAITLIST", "WAITLIST"]);
    expect(await db().decisionLetter.count({ where: { decision: { applicationId: { in: ids } } } })).toBe(5);
    const letters = await db().mailMessage.findMany({ where: { userId: { in: [...applicants.map((entry) => entry.user.id), refused.user.id] } } });
    expect(letters).toHaveLength(5);
    await deliverQueuedMail();
    await deliverQueuedMail();
    expect((await readOutbox(1000)).filter((entry) => letters.some((mail) => mail.to === entry.to))).toHaveLength(5);
  }, 120_000);

  it("an upload: no row and, after the sweep, no file; then the file and its row once", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await createUser(db(), { roles: ["APPLICANT"], name: "Kari Komplett" });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, ...COMPLETE_APPLICATION });
    const payload = {
      userId: applicant.id,
      now: new Date().toISOString(),
      upload: { applicationId: application.id, name: "vitnemål.pdf", base64: Buffer.from(makePdf("Vitnemål")).toString("base64") },
    };
    const stored = async () => {
      try {
        return (await readdir(process.env.STORAGE_DIR!, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
      } catch {
        return 0;
      }
    };
    const filesBefore = await stored();

    const holder = await lockHolder();
    await holder.query(`SELECT 1 FROM "Application" WHERE "id" = $1 FOR UPDATE`, [application.id]);
    const worker = startWorker("upload", payload);
    const observer = await connectRaw();
    // The upload's transaction waits for the application's lock before it writes anything; the
    // bytes are already on disk by then (stored first, outside the transaction).
    let pid: number | null = null;
    for (let tries = 0; tries < 1200 && pid === null; tries += 1) {
      stillRunning(worker);
      const { rows } = await observer.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
      );
      if (rows[0] && (await stored()) > filesBefore) pid = rows[0].pid;
      else await pause();
    }
    await observer.end();
    expect(pid).not.toBeNull();
    await crash(worker, holder, pid!);

    expect(await db().document.count({ where: { applicationId: application.id } })).toBe(0);
    expect(await stored()).toBe(filesBefore + 1);
    // The cleanup job leaves a file young enough to be an upload in flight, and removes it a day on.
    expect(await deleteOrphanFiles(new Date())).toBe(0);
    expect(await deleteOrphanFiles(new Date(Date.now() + ORPHAN_FILE_AGE_MS + 60_000))).toBe(1);
    expect(await stored()).toBe(filesBefore);

    await runToTheEnd("upload", payload);
    const documents = await db().document.findMany({ where: { applicationId: application.id }, select: { storageKey: true } });
    expect(documents).toHaveLength(1);
    expect(await stored()).toBe(filesBefore + 1);
    // A stored document's file is never swept.
    expect(await deleteOrphanFiles(new Date(Date.now() + ORPHAN_FILE_AGE_MS + 60_000))).toBe(0);
    expect(await stored()).toBe(filesBefore + 1);
  }, 120_000);
});
