// E-mail over SMTP to a real SMTP server (the `smtp-server` package) started by this test: the
// queued message goes through the real `mail.deliver` job (lib/server/mail.ts, nodemailer), a
// temporary refusal (4xx) is tried again and then delivered, a permanent one (5xx) is given up and
// never tried again, a crash between the server taking a message and the database recording it
// leaves no second copy, and without SMTP_URL the development outbox is used.
import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_MAIL_ATTEMPTS } from "@/lib/domain/mail-delivery";
import { queueMail } from "@/lib/server/mail-queue";
import { db } from "./support";

interface Received {
  mailFrom: string;
  rcptTo: string[];
  headers: Map<string, string>;
  body: string;
}

const received: Received[] = [];
const rcptAttempts = new Map<string, number>();
/** Per recipient: how the server answers RCPT TO on the n-th try (1-based); undefined = accept. */
const refusals = new Map<string, (attempt: number) => { code: number; message: string } | undefined>();
/** Runs after a message's data has arrived and before the server answers 250 (the crash test). */
let beforeAccepting: ((message: Received) => Promise<void>) | undefined;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    const attempt = (rcptAttempts.get(address.address) ?? 0) + 1;
    rcptAttempts.set(address.address, attempt);
    const refusal = refusals.get(address.address)?.(attempt);
    if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const message = parseMessage(
        Buffer.concat(chunks).toString("utf8"),
        session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        session.envelope.rcptTo.map((rcpt) => rcpt.address),
      );
      received.push(message);
      void (beforeAccepting?.(message) ?? Promise.resolve()).then(() => callback());
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  vi.resetModules();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(resolve));
});

async function mailModule() {
  return import("@/lib/server/mail");
}

function queue(key: string, to: string, subject = `Emne ${key}`, text = `Tekst ${key}`) {
  return db().$transaction((tx) => queueMail(tx, { dedupeKey: key, to, subject, text }));
}

const stored = (key: string) => db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
const receivedBy = (address: string) => received.filter((message) => message.rcptTo.includes(address));

describe("delivery over SMTP", () => {
  it("hands the queued message to the SMTP server with its headers and body, and records it as sent", async () => {
    const link = `http://localhost:3000/nytt-passord/${"A".repeat(43)}`;
    const text = `Hei Åse,\n\nVi har fått søknaden din til kull H2027 – barnevernledelse.\nLag et nytt passord her: ${link}\n\nMed vennlig hilsen\nNTNU`;
    await queue("smtp-receipt", "aase.sokar@example.no", "Kvittering: søknaden er mottatt – H2027", text);
    const { deliverQueuedMail, messageIdFor } = await mailModule();

    expect(await deliverQueuedMail()).toBe(1);

    const [message] = receivedBy("aase.sokar@example.no");
    const row = await stored("smtp-receipt");
    expect(receivedBy("aase.sokar@example.no")).toHaveLength(1);
    expect(message!.mailFrom).toBe("ikke-svar@barnevernledelse.local");
    expect(message!.headers.get("from")).toBe("Barnevernledelse NTNU <ikke-svar@barnevernledelse.local>");
    expect(message!.headers.get("to")).toBe("aase.sokar@example.no");
    expect(message!.headers.get("subject")).toBe("Kvittering: søknaden er mottatt – H2027");
    expect(message!.headers.get("message-id")).toBe(messageIdFor(row.id));
    expect(message!.headers.get("message-id")).toBe(`<${row.id}@localhost>`);
    expect(message!.headers.get("content-type")).toMatch(/^text\/plain; charset=utf-8/i);
    expect(message!.body.replace(/\r\n/g, "\n").trimEnd()).toBe(text);
    // Sent once, claim cleared, and the stored copy lost the one-time link the recipient got.
    expect(row).toMatchObject({ attempts: 1, sendingSince: null, failedAt: null, lastError: null });
    expect(row.sentAt).not.toBeNull();
    expect(row.text).not.toContain("A".repeat(43));
    expect(row.text).toContain("[lenken er fjernet fra vår kopi]");

    // The job runs again (cron every minute): nothing is sent twice.
    expect(await deliverQueuedMail()).toBe(0);
    expect(receivedBy("aase.sokar@example.no")).toHaveLength(1);
  });

  it("tries again after a temporary refusal (451) and then delivers, once", async () => {
    refusals.set("opptatt@example.no", (attempt) => (attempt <= 2 ? { code: 451, message: "4.3.0 Prøv igjen senere" } : undefined));
    await queue("smtp-temporary", "opptatt@example.no");
    const { deliverQueuedMail } = await mailModule();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const t0 = new Date();
      expect(await deliverQueuedMail({ now: t0 })).toBe(0);
      let row = await stored("smtp-temporary");
      expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, sendingSince: null });
      expect(row.lastError).toMatch(/451/);
      expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);

      // Not due yet: the server is not asked.
      expect(await deliverQueuedMail({ now: new Date(t0.getTime() + 59_000) })).toBe(0);
      expect(rcptAttempts.get("opptatt@example.no")).toBe(1);

      const t1 = new Date(t0.getTime() + 60_000);
      expect(await deliverQueuedMail({ now: t1 })).toBe(0);
      row = await stored("smtp-temporary");
      expect(row).toMatchObject({ attempts: 2, sentAt: null, failedAt: null });
      expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + 120_000);

      expect(await deliverQueuedMail({ now: new Date(t1.getTime() + 120_000) })).toBe(1);
      row = await stored("smtp-temporary");
      expect(row).toMatchObject({ attempts: 3, failedAt: null, lastError: null, sendingSince: null });
      expect(row.sentAt).not.toBeNull();
      expect(rcptAttempts.get("opptatt@example.no")).toBe(3);
      expect(receivedBy("opptatt@example.no")).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });

  it("gives up at once on a permanent refusal (550), and never asks the server again", async () => {
    refusals.set("finnes.ikke@example.no", () => ({ code: 550, message: "5.1.1 Ukjent mottaker" }));
    await queue("smtp-permanent", "finnes.ikke@example.no");
    const { deliverQueuedMail } = await mailModule();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const t0 = new Date();
      expect(await deliverQueuedMail({ now: t0 })).toBe(0);
      const row = await stored("smtp-permanent");
      expect(row).toMatchObject({ attempts: 1, sentAt: null, sendingSince: null });
      expect(row.failedAt?.getTime()).toBe(t0.getTime());
      expect(row.lastError).toMatch(/550/);
      // A day later, and after every back-off there could have been: never tried again.
      for (const hours of [1, 24, 24 * 30]) expect(await deliverQueuedMail({ now: new Date(t0.getTime() + hours * 3_600_000) })).toBe(0);
      expect(rcptAttempts.get("finnes.ikke@example.no")).toBe(1);
      expect(receivedBy("finnes.ikke@example.no")).toHaveLength(0);
    } finally {
      errors.mockRestore();
    }
  });

  it("gives up after the last of the temporary failures", async () => {
    refusals.set("alltid.opptatt@example.no", () => ({ code: 421, message: "4.7.0 Tjenesten er ikke tilgjengelig" }));
    await queue("smtp-exhausted", "alltid.opptatt@example.no");
    const { deliverQueuedMail } = await mailModule();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      let now = new Date();
      for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
        expect(await deliverQueuedMail({ now })).toBe(0);
        now = new Date(now.getTime() + 24 * 3_600_000);
      }
      const row = await stored("smtp-exhausted");
      expect(row).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, sentAt: null, sendingSince: null });
      expect(row.failedAt).not.toBeNull();
      expect(await deliverQueuedMail({ now })).toBe(0);
      expect(rcptAttempts.get("alltid.opptatt@example.no")).toBe(MAX_MAIL_ATTEMPTS);
    } finally {
      errors.mockRestore();
    }
  });

  it("sends no second copy after the sender crashed between the server taking the message and the database recording it", async () => {
    await queue("smtp-crash", "krasj@example.no", "Tilbud om studieplass", "Du har fått tilbud om plass.");
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      // The server has the whole message; before it answers 250, the sending process is killed.
      beforeAccepting = async (message) => {
        if (!message.rcptTo.includes("krasj@example.no")) return;
        sender.kill("SIGKILL");
        resolve(await new Promise<NodeJS.Signals | null>((done) => sender.once("exit", (_code, signal) => done(signal))));
      };
    });
    const sender: ChildProcess = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.resolve("tests/integration/fixtures/mail-sender.ts")],
      { env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      expect(await exited).toBe("SIGKILL");
    } finally {
      beforeAccepting = undefined;
    }
    expect(receivedBy("krasj@example.no")).toHaveLength(1);
    const inDoubt = await stored("smtp-crash");
    // The claim was committed before the message left; no outcome was recorded.
    expect(inDoubt).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(inDoubt.sendingSince).not.toBeNull();

    // The server restarts and the job runs again, now and long after: no second copy.
    const { deliverQueuedMail } = await mailModule();
    expect(await deliverQueuedMail()).toBe(0);
    expect(await deliverQueuedMail({ now: new Date(Date.now() + 24 * 3_600_000) })).toBe(0);
    expect(receivedBy("krasj@example.no")).toHaveLength(1);
    expect(await stored("smtp-crash")).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
  });
});

describe("e-mail that did not arrive, sent again by an administrator (lib/server/mail-admin.ts)", () => {
  async function people() {
    const { createUser } = await import("@/prisma/seed/factories");
    const { viewerOf } = await import("./cohort-world");
    return {
      admin: viewerOf(await createUser(db(), { roles: ["ADMIN"] })),
      adviser: viewerOf(await createUser(db(), { roles: ["ADVISER"] })),
    };
  }

  it("lists a given-up message and one whose sending stopped, and puts each back in the queue once, audited", async () => {
    const { admin, adviser } = await people();
    const { deliverQueuedMail } = await mailModule();
    const { countUndeliveredMail, listUndeliveredMail, resendMail } = await import("@/lib/server/mail-admin");
    // The recipient's mailbox did not exist on the first try; it does when the admin sends again.
    refusals.set("ny.postkasse@example.no", (attempt) => (attempt === 1 ? { code: 550, message: "5.1.1 Ukjent mottaker" } : undefined));
    await queue("resend-permanent", "ny.postkasse@example.no", "Vedtak om opptak");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const t0 = new Date();
      await deliverQueuedMail({ now: t0 });
    } finally {
      errors.mockRestore();
    }
    const givenUp = await stored("resend-permanent");
    expect(givenUp.failedAt).not.toBeNull();
    // Queued and not tried yet; a message handed over ten minutes ago and one an hour ago, neither with an outcome (a crash).
    await queue("resend-waiting", "venter@example.no", "Venter i køen");
    await queue("resend-sending", "sender.na@example.no", "Sendes nå");
    await queue("resend-unknown", "uvisst@example.no", "Uvisst");
    const now = new Date();
    await db().mailMessage.update({ where: { dedupeKey: "resend-sending" }, data: { sendingSince: new Date(now.getTime() - 10 * 60_000), attempts: 1 } });
    await db().mailMessage.update({ where: { dedupeKey: "resend-unknown" }, data: { sendingSince: new Date(now.getTime() - 60 * 60_000), attempts: 1 } });

    await expect(listUndeliveredMail(adviser, now)).rejects.toThrow("Bare administratorer ser e-post som ikke kom fram.");
    const listed = (await listUndeliveredMail(admin, now)).mails.filter((mail) => mail.subject !== "Tilbud om studieplass" && !mail.to.includes("finnes.ikke") && !mail.to.includes("alltid.opptatt"));
    expect(listed.map((mail) => [mail.to, mail.state])).toEqual(
      expect.arrayContaining([
        ["ny.postkasse@example.no", "GIVEN_UP"],
        ["uvisst@example.no", "UNKNOWN"],
      ]),
    );
    expect(listed.map((mail) => mail.to)).not.toContain("venter@example.no");
    expect(listed.map((mail) => mail.to)).not.toContain("sender.na@example.no");
    // The adviser home's to-do line counts the same messages, for an administrator only.
    const all = await listUndeliveredMail(admin, now);
    expect(await countUndeliveredMail(admin, now)).toEqual({ count: all.mails.length });
    expect(await countUndeliveredMail(adviser, now)).toBeNull();
    // Nothing but the administrator's own list: the text (it may hold a one-time link) is not read.
    expect(Object.keys(listed[0]!)).not.toContain("text");

    // Refused: an adviser; a message still on its way; one that does not exist.
    await expect(resendMail(adviser, { mailId: givenUp.id }, now)).rejects.toThrow("Bare administratorer");
    const waiting = await stored("resend-waiting");
    await expect(resendMail(admin, { mailId: waiting.id }, now)).rejects.toThrow("E-posten er fortsatt i køen og sendes av seg selv.");
    await expect(resendMail(admin, { mailId: (await stored("resend-sending")).id }, now)).rejects.toThrow("fortsatt i køen");
    await expect(resendMail(admin, { mailId: "cnosuchmail000000000000000" }, now)).rejects.toThrow("Fant ikke e-posten.");
    expect(await db().auditLog.count({ where: { action: "mail.resend" } })).toBe(0);

    expect(await resendMail(admin, { mailId: givenUp.id }, now)).toEqual({ to: "ny.postkasse@example.no", subject: "Vedtak om opptak" });
    expect(await stored("resend-permanent")).toMatchObject({ failedAt: null, sendingSince: null, attempts: 0 });
    // A second press finds it in the queue: one audit entry, one copy.
    await expect(resendMail(admin, { mailId: givenUp.id }, now)).rejects.toThrow("fortsatt i køen");
    const unknown = await stored("resend-unknown");
    await resendMail(admin, { mailId: unknown.id }, now);

    const before = receivedBy("ny.postkasse@example.no").length;
    await deliverQueuedMail({ now: new Date(now.getTime() + 1000) });
    expect(receivedBy("ny.postkasse@example.no")).toHaveLength(before + 1);
    expect(receivedBy("uvisst@example.no")).toHaveLength(1);
    expect((await stored("resend-permanent")).sentAt).not.toBeNull();
    await expect(resendMail(admin, { mailId: givenUp.id }, now)).rejects.toThrow("E-posten er allerede sendt.");
    expect((await listUndeliveredMail(admin, now)).mails.map((mail) => mail.id)).not.toContain(givenUp.id);
    expect((await countUndeliveredMail(admin, now))!.count).toBe(all.mails.length - 2);

    const entries = await db().auditLog.findMany({ where: { action: "mail.resend" }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.actorId, entry.entityId])).toEqual([
      [admin.id, givenUp.id],
      [admin.id, unknown.id],
    ]);
    expect(entries[0]!.before).toMatchObject({ state: "GIVEN_UP", attempts: 1, lastError: expect.stringMatching(/550/) });
    expect(entries[0]!.after).toEqual({ state: "WAITING", attempts: 0, to: "ny.postkasse@example.no", subject: "Vedtak om opptak" });
    expect(entries[1]!.before).toMatchObject({ state: "UNKNOWN", attempts: 1 });
  });

  it("a batch of letters on its way does not hide an older message that is stuck, from the list or the count; a full list says so", async () => {
    const { admin } = await people();
    const { countUndeliveredMail, listUndeliveredMail } = await import("@/lib/server/mail-admin");
    const now = new Date();
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const before = (await countUndeliveredMail(admin, now))!.count;
    await queue("stuck-before-batch", "gammel.feil@example.no", "Vedtak om opptak");
    await db().mailMessage.update({ where: { dedupeKey: "stuck-before-batch" }, data: { createdAt: minutesAgo(180), failedAt: minutesAgo(120), attempts: 8 } });
    // 250 letters, newer, each handed to the mail server a minute ago (more than the list's 200).
    await db().$transaction(async (tx) => {
      for (let index = 0; index < 250; index += 1) await queueMail(tx, { dedupeKey: `batch-in-flight-${index}`, to: `student${index}@example.no`, subject: "Vedtak", text: "Tekst" });
    });
    await db().mailMessage.updateMany({ where: { dedupeKey: { startsWith: "batch-in-flight-" } }, data: { sendingSince: minutesAgo(1), attempts: 1 } });
    try {
      expect(await countUndeliveredMail(admin, now)).toEqual({ count: before + 1 });
      const { mails, truncated } = await listUndeliveredMail(admin, now);
      expect(mails.map((mail) => [mail.to, mail.state])).toContainEqual(["gammel.feil@example.no", "GIVEN_UP"]);
      expect(mails.some((mail) => mail.to.startsWith("student"))).toBe(false);
      expect(truncated).toBe(false);

      // Exactly as many stuck as the list shows: all shown, none said to be left out; one more: it is.
      const { UNDELIVERED_LIST_LIMIT } = await import("@/lib/server/mail-admin");
      const giveUp = async (count: number, from: number) => {
        await db().$transaction(async (tx) => {
          for (let index = from; index < from + count; index += 1) await queueMail(tx, { dedupeKey: `batch-given-up-${index}`, to: `feil${index}@example.no`, subject: "Vedtak", text: "Tekst" });
        });
        await db().mailMessage.updateMany({ where: { dedupeKey: { startsWith: "batch-given-up-" }, failedAt: null }, data: { failedAt: minutesAgo(30), attempts: 8 } });
      };
      const missing = UNDELIVERED_LIST_LIMIT - (before + 1);
      await giveUp(missing, 0);
      const full = await listUndeliveredMail(admin, now);
      expect([full.mails.length, full.truncated]).toEqual([UNDELIVERED_LIST_LIMIT, false]);
      await giveUp(1, missing);
      const over = await listUndeliveredMail(admin, now);
      expect([over.mails.length, over.truncated]).toEqual([UNDELIVERED_LIST_LIMIT, true]);
      expect(await countUndeliveredMail(admin, now)).toEqual({ count: UNDELIVERED_LIST_LIMIT + 1 });
    } finally {
      await db().mailMessage.deleteMany({
        where: { OR: [{ dedupeKey: { startsWith: "batch-in-flight-" } }, { dedupeKey: { startsWith: "batch-given-up-" } }, { dedupeKey: "stuck-before-batch" }] },
      });
    }
  });

  it("a letter given up on a mistyped address goes to the address the person has corrected since; a link keeps its own", async () => {
    const { admin } = await people();
    const { createUser } = await import("@/prisma/seed/factories");
    const { addressBoundKey } = await import("@/lib/domain/mail-delivery");
    const { deliverQueuedMail } = await mailModule();
    const { listUndeliveredMail, resendMail } = await import("@/lib/server/mail-admin");
    const mistyped = "kari.nordman@example.no";
    const corrected = "kari.nordmann@example.no";
    refusals.set(mistyped, () => ({ code: 550, message: "5.1.1 Ukjent mottaker" }));
    const kari = await createUser(db(), { email: mistyped, name: "Kari Nordmann", roles: ["STUDENT"] });
    const letterKey = `student-letter:resend-${kari.id}`;
    const linkKey = addressBoundKey("account-link", `resend-${kari.id}`);
    await db().$transaction(async (tx) => {
      await queueMail(tx, { dedupeKey: letterKey, userId: kari.id, to: mistyped, subject: "Vedtak om arbeidskrav", text: "Brevet ligger i appen." });
      await queueMail(tx, { dedupeKey: linkKey, userId: kari.id, to: mistyped, subject: "Bekreft e-postadressen din", text: "Lenke" });
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await deliverQueuedMail({ now: new Date() });
    } finally {
      errors.mockRestore();
    }
    expect((await stored(letterKey)).failedAt).not.toBeNull();
    expect((await stored(linkKey)).failedAt).not.toBeNull();
    // Kari signs in and corrects her address.
    await db().user.update({ where: { id: kari.id }, data: { email: corrected } });

    const now = new Date();
    const listed = (await listUndeliveredMail(admin, now)).mails.filter((mail) => mail.user?.id === kari.id);
    expect(listed.map((mail) => [mail.subject, mail.to, mail.resendTo]).sort()).toEqual([
      ["Bekreft e-postadressen din", mistyped, mistyped],
      ["Vedtak om arbeidskrav", mistyped, corrected],
    ]);
    expect(await resendMail(admin, { mailId: (await stored(letterKey)).id }, now)).toEqual({ to: corrected, subject: "Vedtak om arbeidskrav" });
    expect(await resendMail(admin, { mailId: (await stored(linkKey)).id }, now)).toEqual({ to: mistyped, subject: "Bekreft e-postadressen din" });
    expect((await stored(letterKey)).to).toBe(corrected);
    const [entry] = await db().auditLog.findMany({ where: { action: "mail.resend", entityId: (await stored(letterKey)).id } });
    expect(entry!.before).toMatchObject({ state: "GIVEN_UP", to: mistyped });
    expect(entry!.after).toMatchObject({ state: "WAITING", to: corrected });

    const errorsAgain = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await deliverQueuedMail({ now: new Date(now.getTime() + 1000) });
    } finally {
      errorsAgain.mockRestore();
    }
    expect(receivedBy(corrected).map((message) => message.headers.get("subject"))).toEqual(["Vedtak om arbeidskrav"]);
    expect((await stored(letterKey)).sentAt).not.toBeNull();
    // The link was for the mistyped address and goes nowhere else: refused again, given up again.
    expect((await stored(linkKey)).failedAt).not.toBeNull();
    await db().mailMessage.delete({ where: { dedupeKey: linkKey } });
  });
});

describe("a message sent again while its first sender is still talking to the server", () => {
  it("keeps the new attempt: the old sender's outcome is not written over it", async () => {
    const { createUser } = await import("@/prisma/seed/factories");
    const { viewerOf } = await import("./cohort-world");
    const admin = viewerOf(await createUser(db(), { roles: ["ADMIN"] }));
    const { deliverQueuedMail } = await mailModule();
    const { resendMail } = await import("@/lib/server/mail-admin");
    await queue("resend-race", "treg@example.no", "Treg tjener");
    const { id } = await stored("resend-race");
    // The server has the first copy and is slow to answer; twenty minutes later by the
    // administrator's clock the sending looks stopped, and the message is sent again.
    let resent = false;
    beforeAccepting = async (message) => {
      if (resent || !message.rcptTo.includes("treg@example.no")) return;
      resent = true;
      await resendMail(admin, { mailId: id }, new Date(Date.now() + 20 * 60_000));
    };
    try {
      await deliverQueuedMail();
    } finally {
      beforeAccepting = undefined;
    }
    expect(resent).toBe(true);
    // The first sender's success did not mark the re-queued message sent.
    expect(await stored("resend-race")).toMatchObject({ sentAt: null, failedAt: null, sendingSince: null, attempts: 0 });
    expect(await deliverQueuedMail({ now: new Date(Date.now() + 21 * 60_000) })).toBe(1);
    expect(receivedBy("treg@example.no")).toHaveLength(2);
    expect((await stored("resend-race")).sentAt).not.toBeNull();
  });
});

describe("without SMTP_URL", () => {
  it("writes to the development outbox and sends nothing over SMTP", async () => {
    const previous = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    vi.resetModules();
    try {
      const { deliverQueuedMail, outboxEnabled, readOutbox } = await mailModule();
      expect(outboxEnabled()).toBe(true);
      const before = received.length;
      await queue("outbox-default", "utvikler@example.no");
      expect(await deliverQueuedMail()).toBe(1);
      expect(received.length).toBe(before);
      const outbox = await readOutbox();
      expect(outbox.map((entry) => entry.to)).toContain("utvikler@example.no");
      expect((await stored("outbox-default")).sentAt).not.toBeNull();
    } finally {
      process.env.SMTP_URL = previous;
      vi.resetModules();
    }
  });
});

// ─── Reading what the server received ─────────────────────────────────────────────────────────

function parseMessage(raw: string, mailFrom: string, rcptTo: string[]): Received {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const rawBody = raw.slice(split + 4).replace(/\r\n\.\r\n$/, "");
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const body =
    encoding === "quoted-printable" ? decodeQuotedPrintable(rawBody) : encoding === "base64" ? Buffer.from(rawBody, "base64").toString("utf8") : rawBody;
  return { mailFrom, rcptTo, headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes them. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, "");
  for (let index = 0; index < joined.length; index += 1) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
