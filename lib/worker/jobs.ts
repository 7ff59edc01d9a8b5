import "server-only";
// Every background job of the app, in one list: the table of handlers, above the server (it calls
// use cases); the queue itself is lib/jobs/queue.ts, below it. A job is a sweep: it looks at the database and
// does whatever is due, so running it twice, or on two app instances at once, does the work once
// (each sweep locks what it changes). `cron` runs it on a schedule as a safety net; use cases
// also request a run right after they commit (requestJob), so users do not wait for the clock.
import { advanceWaitingLists } from "@/lib/server/admission/waitlist";
import { remindUnsentApplications } from "@/lib/server/applications/reminders";
import { startDueLeaves } from "@/lib/server/enrolments/leave";
import { deliverQueuedMail } from "@/lib/server/mail";
import { sweepStudentNotices } from "@/lib/server/students/notices";
import { cleanUpExpiredAccountData } from "@/lib/server/maintenance";
import { applyRetention } from "@/lib/server/retention/sweep";
import { startJobRunner, type JobTable, type RunnerOptions } from "@/lib/jobs/queue";

export const JOBS = {
  /** Sends queued e-mail (lib/server/mail.ts). */
  "mail.deliver": { cron: "* * * * *", run: () => deliverQueuedMail() },
  /**
   * Students' notices (lib/server/students/notices.ts): arbeidskrav reminders, attendance warnings,
   * the "ikke godkjent" safety net. Hourly, so a registration of attendance is followed by its
   * warning within the hour; queued mail goes out with the next `mail.deliver` run.
   */
  "notices.students": { cron: "7 * * * *", run: () => sweepStudentNotices() },
  /**
   * Expires unanswered offers after their answer deadline, gives free places to the first on the
   * waiting list, and from the day the list closes tells those still on it, once
   * (lib/server/admission/waitlist.ts). Requested when an offer is declined.
   */
  "admission.waitlist": { cron: "* * * * *", run: () => advanceWaitingLists() },
  /**
   * Reminds applicants whose application is not sent (a draft, or one opened for change) three
   * days before the deadline and on the day, from 09:00 Oslo time (lib/server/applications/reminders.ts).
   */
  "applications.reminders": { cron: "27 * * * *", run: () => remindUnsentApplications() },
  /**
   * A granted leave of absence whose first day has come starts: the student is ON_LEAVE, off the
   * exam, and gets no attendance notices (lib/server/enrolments/leave.ts). Hourly, and requested
   * when a leave is granted.
   */
  "enrolments.leave": { cron: "12 * * * *", run: () => startDueLeaves() },
  /** Removes ended rate-limit windows, ended sessions and spent one-time links (lib/server/maintenance.ts). */
  "maintenance.cleanup": { cron: "17 * * * *", run: () => cleanUpExpiredAccountData() },
  /**
   * Retention (lib/domain/retention.ts, lib/server/retention/sweep.ts): deletes the documents of
   * applicants not admitted once the period after the final decision has passed (never while a
   * klage is open), applications that never got a decision a period after the deadline, and the
   * health data of a student's decided requests for utsatt eksamen, and the reasons of absence
   * notices a period after their samling day; an audit entry with ids and counts for each. Daily
   * at night; nothing asks for it sooner. A case that fails is logged, the rest still go, and the
   * run then fails naming it (pg-boss keeps it as failed).
   */
  "privacy.retention": { cron: "37 2 * * *", run: () => applyRetention() },
} satisfies JobTable;

/** Starts this process's worker with every job above (instrumentation.ts, and tests). */
export function startWorker(connectionString: string, options?: RunnerOptions) {
  return startJobRunner(connectionString, JOBS, options);
}
