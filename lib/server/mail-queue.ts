// Queueing an e-mail in the caller's transaction (delivery is lib/server/mail.ts and the
// `mail.deliver` job). No `server-only` marker here: the demo seed, a plain Node process, queues
// the same notices through lib/server/standings/refresh.ts.
import type { Database, Transaction } from "@/lib/db/client";

/** How the app's own e-mails to students end (a letter is signed by the person who decided). */
export const MAIL_SIGNATURE = "Hilsen studieadministrasjonen, NTNU";

export interface QueuedMail {
  to: string;
  subject: string;
  text: string;
  /** What the message is about, unique for all time: "decision-letter:<decisionId>:<version>". */
  dedupeKey: string;
  /** The user it is for, when there is one. */
  userId?: string | null;
}

/**
 * Queues a message in the caller's transaction. A second call with the same dedupe key changes
 * nothing (returns false): a retried request or a job that runs twice never sends twice.
 */
export async function queueMail(tx: Transaction | Database, mail: QueuedMail): Promise<boolean> {
  const { count } = await tx.mailMessage.createMany({
    data: [{ dedupeKey: mail.dedupeKey, to: mail.to, subject: mail.subject, text: mail.text, userId: mail.userId ?? null }],
    skipDuplicates: true, // ON CONFLICT DO NOTHING
  });
  return count === 1;
}


/** Several messages in one statement (the notices of one save); returns how many were new. */
export async function queueMails(tx: Transaction | Database, mails: readonly QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const { count } = await tx.mailMessage.createMany({
    data: mails.map((mail) => ({ dedupeKey: mail.dedupeKey, to: mail.to, subject: mail.subject, text: mail.text, userId: mail.userId ?? null })),
    skipDuplicates: true, // ON CONFLICT DO NOTHING
  });
  return count;
}
