import "server-only";
// Every background job of the app, in one list. A job is a sweep: it looks at the database and
// does whatever is due, so running it twice, or on two app instances at once, does the work once
// (each sweep locks what it changes). `cron` runs it on a schedule as a safety net; use cases
// also request a run right after they commit (requestJob), so users do not wait for the clock.
import { deliverQueuedMail } from "@/lib/server/mail";
import { cleanUpExpiredAccountData } from "@/lib/server/maintenance";

export interface JobDefinition {
  /** pg-boss cron expression (UTC), or null for jobs that run only when requested. */
  cron: string | null;
  run: () => Promise<unknown>;
}

export const JOBS = {
  /** Sends queued e-mail (lib/server/mail.ts). */
  "mail.deliver": { cron: "* * * * *", run: () => deliverQueuedMail() },
  /** Removes ended rate-limit windows, ended sessions and spent one-time links (lib/server/maintenance.ts). */
  "maintenance.cleanup": { cron: "17 * * * *", run: () => cleanUpExpiredAccountData() },
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
