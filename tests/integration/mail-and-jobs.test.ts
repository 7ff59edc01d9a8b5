// The mail queue and the background job runner: a message is queued with the change it tells
// about, queued once per dedupe key, sent once even by two workers at the same moment, retried
// with back-off when the mail server fails, and delivered by the pg-boss worker on request.
import { afterAll, describe, expect, it, vi } from "vitest";
import { requestJob, stopJobRunner } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/worker/jobs";
import { deliverQueuedMail, MAX_MAIL_ATTEMPTS, queueMail, readOutbox } from "@/lib/server/mail";
import { db } from "./support";

const message = (key: string, to = `${key}@example.no`) => ({ dedupeKey: key, to, subject: `Emne ${key}`, text: `Tekst ${key}` });

describe("the mail queue", () => {
  it("queues a message only with its transaction, and once per dedupe key", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, message("rolled-back"));
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db().mailMessage.count({ where: { dedupeKey: "rolled-back" } })).toBe(0);

    expect(await db().$transaction((tx) => queueMail(tx, message("once")))).toBe(true);
    expect(await db().$transaction((tx) => queueMail(tx, message("once")))).toBe(false);
    expect(await db().mailMessage.count({ where: { dedupeKey: "once" } })).toBe(1);
  });

  it("sends each message once even when two workers deliver at the same moment", async () => {
    for (let index = 0; index < 12; index += 1) await queueMail(db(), message(`parallel-${index}`));
    const before = (await readOutbox(1000)).length;
    const [a, b] = await Promise.all([deliverQueuedMail(), deliverQueuedMail()]);
    const outbox = await readOutbox(1000);
    const parallel = outbox.filter((entry) => entry.subject.startsWith("Emne parallel-"));
    expect(a + b).toBeGreaterThanOrEqual(12);
    expect(parallel).toHaveLength(12);
    expect(new Set(parallel.map((entry) => entry.subject)).size).toBe(12);
    expect(outbox.length - before).toBe(a + b);
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: "parallel-" }, sentAt: null } })).toBe(0);
  });

  it("backs off after a failure and stops after the last attempt", async () => {
    await queueMail(db(), message("flaky"));
    // A transport that fails: the outbox folder cannot be created (env() is read fresh below).
    const previous = process.env.MAIL_OUTBOX_DIR;
    process.env.MAIL_OUTBOX_DIR = "/dev/null/cannot-write-here";
    vi.resetModules();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const fresh = await import("@/lib/server/mail");
    try {
      const t0 = new Date();
      expect(await fresh.deliverQueuedMail({ now: t0 })).toBe(0);
      const failed = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "flaky" } });
      expect(failed).toMatchObject({ attempts: 1, sentAt: null });
      expect(failed.lastError).toBeTruthy();
      expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
      // Not due yet: nothing is tried.
      expect(await fresh.deliverQueuedMail({ now: new Date(t0.getTime() + 30_000) })).toBe(0);
      expect((await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "flaky" } })).attempts).toBe(1);
      await db().mailMessage.update({ where: { dedupeKey: "flaky" }, data: { attempts: MAX_MAIL_ATTEMPTS, nextAttemptAt: t0 } });
      expect(await fresh.deliverQueuedMail({ now: new Date(t0.getTime() + 3_600_000) })).toBe(0);
      expect((await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "flaky" } })).attempts).toBe(MAX_MAIL_ATTEMPTS);
    } finally {
      process.env.MAIL_OUTBOX_DIR = previous;
      vi.resetModules();
      errors.mockRestore();
    }
  });
});

describe("the job runner", () => {
  afterAll(async () => {
    await stopJobRunner();
  });

  it("delivers queued mail when a run is requested, without waiting for the clock", async () => {
    await queueMail(db(), message("via-worker", "worker@example.no"));
    await startWorker(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5, schedule: false, log: () => {} });
    await requestJob("mail.deliver");
    await expect
      .poll(async () => (await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: "via-worker" } })).sentAt, { timeout: 15_000 })
      .not.toBeNull();
    expect((await readOutbox(1000)).filter((entry) => entry.to === "worker@example.no")).toHaveLength(1);
  });
});
