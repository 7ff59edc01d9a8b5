import "server-only";
// Outgoing e-mail. Use cases never send directly: they queue a message with queueMail() in the
// transaction that makes the change it tells about (so a rolled-back change sends nothing, and a
// dedupe key means a retry never queues it twice), then the `mail.deliver` background job sends
// it (lib/jobs). Delivery goes through nodemailer: with SMTP_URL set, to that server; without it
// (development, tests, the demo) each message is written to the outbox folder as a .eml file and
// a .json summary, and listed at /utvikler/e-post.
//
// Sent once: see deliverQueuedMail for what guarantees it (a claim committed before the message
// leaves, so a crash between sending and recording never leads to a second copy).
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Database } from "@/lib/db/client";
import { afterMailFailure, MAX_MAIL_ATTEMPTS, mailFailureKind } from "@/lib/domain/mail-delivery";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";

export { MAX_MAIL_ATTEMPTS } from "@/lib/domain/mail-delivery";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The Message-ID header, the same on every attempt of one queued message. */
  messageId?: string;
}

/**
 * How long nodemailer waits for the SMTP server: to connect, for its greeting, and for any answer.
 * Bounded, so a hung server cannot hold a message "being sent" for nodemailer's default 10 minutes.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 } as const;

export interface OutboxEntry extends OutgoingMail {
  id: string;
  from: string;
  sentAt: string;
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const settings = env();
  if (settings.SMTP_URL) {
    const transport = nodemailer.createTransport({ url: settings.SMTP_URL, ...SMTP_TIMEOUTS });
    try {
      await transport.sendMail({ from: settings.MAIL_FROM, ...mail });
    } finally {
      transport.close();
    }
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ from: settings.MAIL_FROM, ...mail });
  const sentAt = new Date();
  const id = `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}`;
  const dir = path.resolve(settings.MAIL_OUTBOX_DIR);
  await mkdir(dir, { recursive: true });
  await writeAtomically(path.join(dir, `${id}.eml`), info.message as Buffer);
  const entry: OutboxEntry = { id, from: settings.MAIL_FROM, sentAt: sentAt.toISOString(), to: mail.to, subject: mail.subject, text: mail.text };
  // The .json last: a reader that lists it finds the whole message (and its .eml) in place.
  await writeAtomically(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 2));
}

/** Writes under a temporary name and renames, so a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Buffer) {
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

export function outboxEnabled(): boolean {
  return !env().SMTP_URL;
}

/** The newest messages in the outbox first. */
export async function readOutbox(limit = 100): Promise<OutboxEntry[]> {
  const dir = path.resolve(env().MAIL_OUTBOX_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  names.sort().reverse();
  return Promise.all(
    names.slice(0, limit).map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as OutboxEntry),
  );
}

// ─── The queue ──────────────────────────────────────────────────────────────────────────────────

export { queueMail, queueMails, type QueuedMail } from "@/lib/server/mail-queue";

/**
 * The stored copy of a sent message loses its one-time links (password reset, invitation, …):
 * the token then exists only in the recipient's mailbox, and a copy of the database cannot use it.
 * A one-time link is an https?:// URL whose last segment is a 43-character base64url token.
 */
export function redactOneTimeLinks(text: string): string {
  return text.replace(/(https?:\/\/\S+\/)[A-Za-z0-9_-]{43}(?=\s|$)/g, "$1[lenken er fjernet fra vår kopi]");
}

/** The Message-ID of a queued message: the same on every attempt, so a copy can be recognised. */
export function messageIdFor(mailId: string): string {
  return `<${mailId}@${new URL(env().APP_URL).hostname}>`;
}

/**
 * Sends what is due, oldest first: the `mail.deliver` job. Returns how many were sent.
 *
 * Each message goes through three steps, none of which holds a database connection while the
 * mail server is talking:
 *
 * 1. **Claim**: one UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED) RETURNING sets
 *    `sendingSince` and counts the attempt, and commits. Two workers never claim the same row,
 *    and a claimed row is never picked again while `sendingSince` is set.
 * 2. **Send** through nodemailer, with a Message-ID that is the same on every attempt.
 * 3. **Record** the outcome and clear the claim: sent (the stored text loses its one-time links);
 *    a temporary failure (4xx, no answer) is tried again after 1, 2, 4 … minutes, up to
 *    MAX_MAIL_ATTEMPTS; a permanent one (5xx) is given up at once (`failedAt`).
 *
 * If the process dies between 2 and 3 (or step 3 cannot be written), nobody knows whether the
 * server took the message: the claim stays, and the message is not sent again by itself. That
 * is the guarantee: **at most one copy** leaves for a queued message after a crash; such a
 * message stays visible in the table (`sendingSince` set, neither `sentAt` nor `failedAt`).
 * Sending again after every failure whose outcome is known keeps the delivery as sure as SMTP
 * allows; only a crash in the few milliseconds of step 2 can cost a message, never double it.
 */
export async function deliverQueuedMail(options: { limit?: number; now?: Date; client?: Database } = {}): Promise<number> {
  const client = options.client ?? db();
  const limit = options.limit ?? 50;
  let sent = 0;
  for (let index = 0; index < limit; index += 1) {
    const now = options.now ?? new Date();
    const [message] = await client.$queryRaw<{ id: string; to: string; subject: string; text: string; attempts: number }[]>`
      UPDATE "MailMessage" SET "sendingSince" = ${now}, "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "MailMessage"
        WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "sendingSince" IS NULL
          AND "nextAttemptAt" <= ${now} AND "attempts" < ${MAX_MAIL_ATTEMPTS}
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "to", "subject", "text", "attempts"`;
    if (!message) break;
    // Only this worker holds the claim (no one picks a row whose sendingSince is set). The outcome
    // is written only while the claim is still this one: an administrator may have put a message
    // whose sending seemed to have stopped back in the queue (lib/server/mail-admin.ts), and then
    // the new attempt's outcome is the one that counts.
    const claim = { id: message.id, sentAt: null, failedAt: null, sendingSince: now };
    try {
      await sendMail({ to: message.to, subject: message.subject, text: message.text, messageId: messageIdFor(message.id) });
    } catch (error) {
      const kind = mailFailureKind(error);
      const outcome = afterMailFailure(kind, message.attempts, now);
      await client.mailMessage.updateMany({
        where: claim,
        data: {
          sendingSince: null,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          ...(outcome.giveUp ? { failedAt: now } : { nextAttemptAt: outcome.nextAttemptAt }),
        },
      });
      console.error(
        `E-post ${message.id} kunne ikke sendes (forsøk ${message.attempts}, ${kind === "permanent" ? "avvist for godt" : "midlertidig feil"}${outcome.giveUp ? ", gitt opp" : ""})`,
        error,
      );
      continue;
    }
    await client.mailMessage.updateMany({
      where: claim,
      data: { sentAt: new Date(), sendingSince: null, lastError: null, text: redactOneTimeLinks(message.text) },
    });
    sent += 1;
  }
  return sent;
}
