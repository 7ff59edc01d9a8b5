// Helpers for integration tests: the database of this test file, signing in as someone, and
// calling a server action the way a form does.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { createSession } from "@/lib/server/auth/sessions";
import { initialActionState, type ActionState } from "@/lib/forms";
import { db } from "@/lib/server/db";
import { createUser, type UserInput } from "@/prisma/seed/factories";

export { db };

/**
 * A connection of its own to this file's database, outside Prisma's pool: to write as an older
 * version of the code would, or to hold a lock while the code under test runs. End it in afterAll.
 */
export async function connectRaw(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/**
 * Whether another session of this database comes to wait for a lock while running a statement
 * that matches `pattern` (ILIKE), polled for a minute at most.
 */
export async function someoneWaitsForLock(observer: pg.Client, pattern: string): Promise<boolean> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const { rows } = await observer.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [pattern],
    );
    if (rows[0]!.waiting > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Polls until another session waits for a lock `holder` holds (twenty seconds at most). */
export async function someoneWaitsFor(holder: pg.Client): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await holder.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))",
    );
    if (rows[0]!.waiting > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** The newest queued (unsent) mail to `to` whose subject matches. */
export async function mailTo(to: string, subject: RegExp) {
  const messages = await db().mailMessage.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  return messages.find((message) => subject.test(message.subject)) ?? null;
}

/** The token at the end of the link to `path` in a mail. */
export function tokenIn(text: string, path: string): string {
  const match = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
}

const holder = globalThis as { __testSessionId?: string | null; __testSessions?: AsyncLocalStorage<string> };
holder.__testSessions ??= new AsyncLocalStorage<string>();
const sessions = holder.__testSessions;

/** Runs `work` as the session `sessionId`, independent of other calls running at the same time. */
export function asSession<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
  return sessions.run(sessionId, work);
}

/** Makes the next calls run as this user (a real Session row, as after sign-in). */
export async function signInAs(user: { id: string }): Promise<string> {
  const sessionId = await createSession(db(), user.id, "vitest");
  holder.__testSessionId = sessionId;
  return sessionId;
}

export function signOutTestSession(): void {
  holder.__testSessionId = null;
}

export async function signInAsNew(input: UserInput) {
  const user = await createUser(db(), input);
  await signInAs(user);
  return user;
}

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Calls a server action with form fields (repeat a name with an array), as a browser posts them. */
export async function submit(action: Action, fields: Record<string, string | string[] | File>): Promise<ActionState> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
  }
  return action(initialActionState, formData);
}

/** Runs something that should end in Next's redirect(), and returns where it redirects to. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("expected a redirect");
}

/** An hour after a sitting's hand-in: when its results may be set (lib/domain/exam-time.ts resultsNotYetProblem). */
export async function afterHandIn(examId: string): Promise<Date> {
  const { handInAt } = await db().exam.findUniqueOrThrow({ where: { id: examId }, select: { handInAt: true } });
  return new Date(handInAt.getTime() + 3_600_000);
}

/**
 * Time passes for a sitting set in the future: it has been held, its hand-in a day or more ago,
 * so results can be set through the actions (which run at the real time). Its days and times move
 * back by whole days, keeping its length and its time of day.
 */
export async function holdSitting(examId: string, now = new Date()): Promise<void> {
  const exam = await db().exam.findUniqueOrThrow({ where: { id: examId } });
  const day = 86_400_000;
  const back = Math.max(0, Math.ceil((exam.handInAt.getTime() - now.getTime()) / day) + 1) * day;
  const moved = (date: Date) => new Date(date.getTime() - back);
  await db().exam.update({
    where: { id: examId },
    data: {
      startsOn: moved(exam.startsOn),
      endsOn: moved(exam.endsOn),
      startsAt: moved(exam.startsAt),
      handInAt: moved(exam.handInAt),
      registrationClosesOn: exam.registrationClosesOn ? moved(exam.registrationClosesOn) : null,
    },
  });
}
