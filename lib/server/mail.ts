import "server-only";
// Outgoing e-mail through nodemailer. With SMTP_URL set, mail goes to that server. Without it
// (development, tests, the demo) each message is written to the outbox folder as a .eml file and
// a .json summary, and listed at /utvikler/e-post.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

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
  await writeFile(path.join(dir, `${id}.eml`), info.message as Buffer);
  const entry: OutboxEntry = { id, from: settings.MAIL_FROM, sentAt: sentAt.toISOString(), ...mail };
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 2));
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
