import "server-only";
// Background jobs on pg-boss: durable jobs in PostgreSQL (schema "pgboss", created by pg-boss on
// start), claimed with SELECT … FOR UPDATE SKIP LOCKED, so every app instance can run the worker
// and a job runs on one of them. Started with the server (instrumentation.ts); JOBS_WORKER=false
// leaves it off in a process (the other instances' crons then do the work).
//
// Every queue has the "stately" policy: at most one run waiting and one running. A request while
// a sweep runs queues exactly one more (which sees what the current one missed); more are dropped.
//
// This file knows job names, not what the jobs do: the handlers (lib/worker/jobs.ts) are passed in
// by the process that runs the worker, so a use case that asks for a job never imports the use
// cases of every other job (which would make the server import itself in a circle).
import PgBoss from "pg-boss";
import type { JobName } from "@/lib/jobs/names";

export type { JobName } from "@/lib/jobs/names";

export interface JobDefinition {
  /** pg-boss cron expression (UTC), or null for jobs that run only when requested. */
  cron: string | null;
  run: () => Promise<unknown>;
}

export type JobTable = Record<JobName, JobDefinition>;

const holder = globalThis as { __jobRunner?: Promise<PgBoss> };

export interface RunnerOptions {
  /** Seconds between polls for new jobs (pg-boss allows ≥ 0.5). */
  pollingIntervalSeconds?: number;
  /** Register the cron schedules (off in tests that drive the jobs themselves). */
  schedule?: boolean;
  log?: (message: string) => void;
}

export function startJobRunner(connectionString: string, jobs: JobTable, options: RunnerOptions = {}): Promise<PgBoss> {
  holder.__jobRunner ??= (async () => {
    const log = options.log ?? ((message: string) => console.log(message));
    const boss = new PgBoss({
      connectionString,
      application_name: "barnevernledelse-jobs",
      max: 4,
      // Finished jobs are kept a week for inspection (README: "Background jobs").
      deleteAfterDays: 7,
    });
    boss.on("error", (error) => console.error("[jobs]", error));
    await boss.start();
    for (const [name, definition] of Object.entries(jobs) as [JobName, JobDefinition][]) {
      await boss.createQueue(name, { name, policy: "stately", retryLimit: 3, retryDelay: 30, expireInSeconds: 600 });
      await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 }, async () => {
        await definition.run();
      });
      if (options.schedule !== false && definition.cron) {
        await boss.schedule(name, definition.cron, {}, { tz: "UTC" });
        // One run at start-up too: what waited while no server ran (the first administrator's
        // invitation, queued by `npm run admin:create`) goes out now, not at the next cron tick.
        await boss.send(name, {}, { singletonKey: name });
      }
    }
    log(`[jobs] Bakgrunnsjobber kjører: ${Object.keys(jobs).join(", ")}`);
    return boss;
  })();
  return holder.__jobRunner;
}

/**
 * Asks for a run of a job soon (after the caller's transaction has committed). Never throws: if
 * the runner is not started in this process, or the request fails, the job's cron does the work.
 */
export async function requestJob(name: JobName): Promise<void> {
  const runner = holder.__jobRunner;
  if (!runner) return;
  try {
    await (await runner).send(name, {}, { singletonKey: name });
  } catch (error) {
    console.error(`[jobs] Kunne ikke be om ${name}; cron-jobben tar den`, error);
  }
}

export async function stopJobRunner(): Promise<void> {
  const runner = holder.__jobRunner;
  holder.__jobRunner = undefined;
  if (runner) await (await runner).stop({ graceful: true, wait: true, close: true });
}
