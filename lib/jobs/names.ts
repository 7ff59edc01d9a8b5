// The names of the background jobs. The queue (lib/jobs/queue.ts) is infrastructure below the
// server: any use case may ask for a run by name. What each job does is the table in
// lib/worker/jobs.ts, which sits above the server (it calls use cases) and is loaded only by the
// process that runs the worker.
export const JOB_NAMES = ["mail.deliver", "notices.students", "admission.waitlist", "applications.reminders", "enrolments.leave", "maintenance.cleanup", "privacy.retention"] as const;

export type JobName = (typeof JOB_NAMES)[number];
