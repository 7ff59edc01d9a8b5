import "server-only";
// Outgoing e-mail. Use cases never send directly: they queue a message with queueMail() in the
// transaction that makes the change it tells about (so a rolled-back change sends nothing, and a
// dedupe key means a retry never queues it twice), then the `mail.deliver` background job sends
// it (lib/jobs). Delivery goes through nodemailer: with SMTP_URL set, to that server; without it
// (development, tests, the demo) each message is written to the outbox folder as a .eml file and
// a .json summary, and listed at /utvikler/e-post.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface OutboxEntry extends OutgoingMail {
  id: string;
  from: string;
  sentAt: string;
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const settings = env();
  if (settings.SMTP_URL) {
    await nodemailer.createTransport(settings.SMTP_URL).sendMail({ from: settings.MAIL_FROM, ...mail });
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ from: settings.MAIL_FROM, ...mail });
  const sentAt = new Date();
  const id = `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}`;
  const dir = path.resolve(settings.MAIL_OUTBOX_DIR);
  await mkdir(dir, { recursive: true });
  await writeAtomically(path.join(dir, `${id}.eml`), info.message as Buffer);
  const entry: OutboxEntry = { id, from: settings.MAIL_FROM, sentAt: sentAt.toISOString(), ...mail };
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

export { queueMail, type QueuedMail } from "@/lib/server/mail-queue";

/**
 * The stored copy of a sent message loses its one-time links (password reset, invitation, …):
 * the token then exists only in the recipient's mailbox, and a copy of the database cannot use it.
 * A one-time link is an https?:// URL whose last segment is a 43-character base64url token.
 */
export function redactOneTimeLinks(text: string): string {
  return text.replace(/(https?:\/\/\S+\/)[A-Za-z0-9_-]{43}(?=\s|$)/g, "$1[lenken er fjernet fra vår kopi]");
}

/** After this many failed attempts a message stays unsent and is listed for the administrator. */
export const MAX_MAIL_ATTEMPTS = 8;

/**
 * Sends what is due, oldest first: the `mail.deliver` job. Each message is locked while it is
 * sent (FOR UPDATE SKIP LOCKED), so two workers never send the same one; a failure backs off
 * (1, 2, 4 … minutes) and is retried up to MAX_MAIL_ATTEMPTS times. Returns how many were sent.
 */
export async function deliverQueuedMail(options: { limit?: number; now?: Date; client?: Database } = {}): Promise<number> {
  const client = options.client ?? db();
  const limit = options.limit ?? 50;
  let sent = 0;
  for (let index = 0; index < limit; index += 1) {
    const outcome = await client.$transaction(async (tx) => {
      const now = options.now ?? new Date();
      const [message] = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string; attempts: number }[]>`
        SELECT "id", "to", "subject", "text", "attempts" FROM "MailMessage"
        WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ${now} AND "attempts" < ${MAX_MAIL_ATTEMPTS}
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      if (!message) return "empty" as const;
      try {
        await sendMail({ to: message.to, subject: message.subject, text: message.text });
        await tx.mailMessage.update({
          where: { id: message.id },
          data: { sentAt: new Date(), attempts: message.attempts + 1, lastError: null, text: redactOneTimeLinks(message.text) },
        });
        return "sent" as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx.mailMessage.update({
          where: { id: message.id },
          data: {
            attempts,
            lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error).slice(0, 1000),
            nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
          },
        });
        console.error(`E-post ${message.id} kunne ikke sendes (forsøk ${attempts})`, error);
        return "failed" as const;
      }
    });
    if (outcome === "empty") break;
    if (outcome === "sent") sent += 1;
  }
  return sent;
}
