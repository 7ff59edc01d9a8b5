/**
 * The bench's writes and heavy moments, over HTTP as the browser sends them (bench/run.ts calls
 * these after the pages of a scale are measured):
 * - a whole day's attendance saved (the server action `saveDayAttendanceAction`, posted to the day's
 *   page with its action id from the build's manifest), spread over every kull and held day, and
 *   all on the same day;
 * - a hand-in upload (the route handler `/api/student/arbeidskrav/[id]/innlevering`, a PDF in a
 *   multipart form, as the upload form's XHR sends it);
 * - 200 decision letters: the adviser's "send vedtak" (`sendDecisionBatchAction`) for an intake of
 *   200 reviewed applications, then the 200 letters as PDF (`/api/vedtak/[id]`);
 * - a declined offer reaching the next on the waiting list with nobody acting (the applicant's
 *   `answerOfferAction`, then the background job; polled in the database);
 * - eligibility for every student of the dataset (`evaluateCohortsEligibility`, in-process).
 * Every answer is checked for the action's own result (not only HTTP 200); failures are counted.
 */
import type { Database } from "@/lib/db/client";
import { evaluateCohortsEligibility } from "@/lib/server/cohorts/eligibility";
import { makePdf } from "@/prisma/seed/pdf";
import { actionForm, actionResult, type ManifestAction } from "@/tests/e2e/security/action-wire";
import { seedLettersIntake } from "./dataset";

export interface Outcome {
  ok: boolean;
  /** Why it failed (the action's message, the status), for the error samples. */
  detail?: string;
}

export interface LoadStats {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Up to five distinct failure details. */
  errorSamples: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

function stats(name: string, latencies: number[], failures: string[], seconds: number): LoadStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors: failures.length,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Math.round(((latencies.length - failures.length) / Math.max(seconds, 0.001)) * 10) / 10,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errorSamples: [...new Set(failures)].slice(0, 5),
  };
}

/** `connections` requests in flight at once, each worker taking the next task, for `seconds` or until `next` runs out. */
export async function runLoad(name: string, connections: number, seconds: number | null, next: () => (() => Promise<Outcome>) | null): Promise<LoadStats> {
  const latencies: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const until = seconds === null ? Infinity : started + seconds * 1000;
  const worker = async () => {
    for (;;) {
      if (performance.now() >= until) return;
      const task = next();
      if (!task) return;
      const at = performance.now();
      let outcome: Outcome;
      try {
        outcome = await task();
      } catch (error) {
        outcome = { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
      latencies.push(performance.now() - at);
      if (!outcome.ok) failures.push(outcome.detail ?? "failed");
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return stats(name, latencies, failures, (performance.now() - started) / 1000);
}

/** Posts a server action as the browser does (to the page that carries its form). */
export async function postAction(base: string, page: string, action: ManifestAction, cookie: string, fields: [string, string][]) {
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    body: actionForm(fields),
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: base, Cookie: cookie },
    redirect: "manual",
  });
  const raw = Buffer.from(await response.arrayBuffer());
  const { state, crashed } = actionResult(raw);
  const redirect = response.headers.get("x-action-redirect") ?? (response.status >= 300 && response.status < 400 ? response.headers.get("location") : null);
  return { status: response.status, state, crashed, redirect, bytes: raw.byteLength };
}

/** A GET that is tried again once when the server closed a kept-alive connection under it (ECONNRESET). */
async function getOnce(url: string, cookie: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { Cookie: cookie } });
  } catch {
    return fetch(url, { headers: { Cookie: cookie, Connection: "close" } });
  }
}

export function action(actions: Map<string, ManifestAction>, key: string): ManifestAction {
  const found = actions.get(key);
  if (!found) throw new Error(`${key} is not in the build's server-reference manifest`);
  return found;
}

// ─── Attendance ─────────────────────────────────────────────────────────────────────────────────

interface DayList {
  cohortId: string;
  dayId: string;
  /** Each student's status as last sent; one of them flips per save (a correction that changes one row). */
  statuses: Map<string, "PRESENT" | "ABSENT">;
  saves: number;
}

async function dayLists(db: Database, cohortIds: string[], dayIds: string[]): Promise<DayList[]> {
  const enrolments = await db.enrolment.findMany({
    where: { cohortId: { in: cohortIds }, status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } },
    select: { id: true, cohortId: true },
  });
  const rows = await db.attendance.findMany({
    where: { samlingDayId: { in: dayIds }, enrolmentId: { in: enrolments.map((e) => e.id) } },
    select: { enrolmentId: true, samlingDayId: true, status: true },
  });
  const stored = new Map(rows.map((row) => [`${row.enrolmentId}:${row.samlingDayId}`, row.status]));
  const lists: DayList[] = [];
  for (const cohortId of cohortIds) {
    const ids = enrolments.filter((e) => e.cohortId === cohortId).map((e) => e.id).sort();
    for (const dayId of dayIds) {
      lists.push({ cohortId, dayId, saves: 0, statuses: new Map(ids.map((id) => [id, stored.get(`${id}:${dayId}`) ?? "PRESENT"])) });
    }
  }
  return lists;
}

function saveTask(base: string, save: ManifestAction, cookie: string, list: DayList, answerBytes?: (bytes: number) => void, page?: string): () => Promise<Outcome> {
  return async () => {
    const ids = [...list.statuses.keys()];
    const flip = ids[list.saves % ids.length]!;
    list.saves += 1;
    list.statuses.set(flip, list.statuses.get(flip) === "PRESENT" ? "ABSENT" : "PRESENT");
    const fields: [string, string][] = [
      ["cohortId", list.cohortId],
      ["samlingDayId", list.dayId],
      ["reason", "Rettet etter papirlisten (bench)."],
      ...ids.map((id): [string, string] => [`status:${id}`, list.statuses.get(id)!]),
    ];
    const answer = await postAction(base, page ?? `/kull/${list.cohortId}/oppmote/${list.dayId}`, save, cookie, fields);
    answerBytes?.(answer.bytes);
    const ok = answer.status === 200 && !answer.crashed && answer.state?.ok === true && /Oppmøtet er lagret/.test(answer.state.message ?? "");
    return ok ? { ok } : { ok, detail: `${answer.status} ${answer.crashed ? "crashed" : (answer.state?.message ?? "no result")}` };
  };
}

/** Statements, most pool connections, answer size and time of one request alone (the server's BENCH_QUERY_STATS figures). */
export interface Single {
  statements: number;
  connections: number;
  kB: number;
  ms: number;
}

/**
 * Waits until the server sends no statement for 300 ms (at most 15 s), then resets the counters.
 * After a load the server is still working through requests autocannon has given up on, and those
 * statements would be counted as the next single request's.
 */
export async function quietServer(base: string): Promise<void> {
  const take = () => fetch(`${base}/api/bench/stats`).then((r) => r.json() as Promise<{ statements: number }>);
  await take();
  for (let tries = 0; tries < 50; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if ((await take()).statements === 0) return;
  }
}

async function counted(base: string, send: () => Promise<number>): Promise<Single> {
  await quietServer(base);
  const at = performance.now();
  const bytes = await send();
  const ms = Math.round(performance.now() - at);
  const figures = (await fetch(`${base}/api/bench/stats`).then((r) => r.json())) as { statements: number; peakConnections: number };
  return { statements: figures.statements, connections: figures.peakConnections, kB: Math.round(bytes / 102.4) / 10, ms };
}

export interface AttendanceResult {
  studentsPerDay: number;
  /** One save alone, as the browser posts it (to the day's page: the answer carries the page again, as revalidatePath asks). */
  single: Single;
  /** One save alone posted to a public page (/personvern): the action without the day page's re-render. */
  actionOnly: Single;
  spread: LoadStats & { lists: number };
  sameDay: LoadStats;
  /** 10×: the same samling day for every kull at once (kull share samlinger, so they share days). */
  sameDayAllKull: (LoadStats & { lists: number }) | null;
}

export async function attendanceLoad(options: {
  db: Database;
  base: string;
  actions: Map<string, ManifestAction>;
  cookie: string;
  cohortIds: string[];
  dayIds: string[];
  connections: number;
  seconds: number;
  warmup: number;
}): Promise<AttendanceResult> {
  const { db, base, actions, cookie, cohortIds, dayIds, connections, seconds, warmup } = options;
  const save = action(actions, "lib/actions/attendance.ts#saveDayAttendanceAction");
  const lists = await dayLists(db, cohortIds, dayIds);
  const studentsPerDay = lists[0]?.statuses.size ?? 0;
  let bytes = 0;
  let probe: Outcome = { ok: false };
  const single = await counted(base, async () => {
    probe = await saveTask(base, save, cookie, lists[0]!, (size) => (bytes = size))();
    return bytes;
  });
  if (!probe.ok) throw new Error(`a whole-day save failed alone: ${probe.detail}`);
  const actionOnly = await counted(base, async () => {
    probe = await saveTask(base, save, cookie, lists[0]!, (size) => (bytes = size), "/personvern")();
    return bytes;
  });
  if (!probe.ok) throw new Error(`a whole-day save failed alone (to /personvern): ${probe.detail}`);
  let turn = 0;
  const spreadNext = () => saveTask(base, save, cookie, lists[turn++ % lists.length]!);
  await runLoad("warm-up", connections, warmup, spreadNext);
  const spread = { ...(await runLoad("oppmøte: lagre dag (spredt)", connections, seconds, spreadNext)), lists: lists.length };
  const one = lists.at(-1)!;
  const sameDay = await runLoad("oppmøte: lagre dag (samme dag)", connections, seconds, () => saveTask(base, save, cookie, one));
  let sameDayAllKull: AttendanceResult["sameDayAllKull"] = null;
  if (cohortIds.length > 1) {
    const day = one.dayId;
    const ofDay = lists.filter((list) => list.dayId === day);
    let kullTurn = 0;
    sameDayAllKull = { ...(await runLoad("oppmøte: lagre dag (samme dag, alle kull)", connections, seconds, () => saveTask(base, save, cookie, ofDay[kullTurn++ % ofDay.length]!))), lists: ofDay.length };
  }
  return { studentsPerDay, single, actionOnly, spread, sameDay, sameDayAllKull };
}

// ─── Hand-ins ───────────────────────────────────────────────────────────────────────────────────

export interface HandInTask {
  cookie: string;
  arbeidskravId: string;
  label: string;
}

/** The open hand-ins (arbeidskrav with no submission yet) of the given students, first one each, then the second… */
export async function openHandIns(db: Database, userIds: string[]): Promise<{ userId: string; arbeidskravId: string }[][]> {
  const enrolments = await db.enrolment.findMany({
    where: { userId: { in: userIds }, status: "ACTIVE" },
    select: { userId: true, cohort: { select: { arbeidskrav: { where: { minGroupSize: { lte: 1 } }, orderBy: { number: "asc" }, select: { id: true } } } }, submissionMembers: { select: { arbeidskravId: true } } },
  });
  return enrolments.map((enrolment) => {
    const done = new Set(enrolment.submissionMembers.map((member) => member.arbeidskravId));
    return enrolment.cohort.arbeidskrav.filter((definition) => !done.has(definition.id)).map((definition) => ({ userId: enrolment.userId, arbeidskravId: definition.id }));
  });
}

export async function handInLoad(options: { base: string; tasks: HandInTask[]; connections: number }): Promise<LoadStats & { pdfKb: number; single: Single | null }> {
  const { base, tasks, connections } = options;
  let index = 0;
  let pdfBytes = 0;
  const upload = (task: HandInTask) => async (): Promise<Outcome> => {
      const pdf = makePdf(`Innlevering ${task.label}`, Array.from({ length: 40 }, (_, line) => `Linje ${line + 1}: drøfting av lederrollen i barnevernet, ${task.label}.`));
      pdfBytes = pdf.byteLength;
      const form = new FormData();
      form.append("text", "");
      form.append("file", new File([Buffer.from(pdf)], `innlevering-${task.label}.pdf`, { type: "application/pdf" }));
      const response = await fetch(`${base}/api/student/arbeidskrav/${task.arbeidskravId}/innlevering`, {
        method: "POST",
        body: form,
        headers: { Accept: "application/json", Origin: base, Cookie: task.cookie },
        redirect: "manual",
      });
      const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
      const ok = response.status === 201 && body?.ok === true;
      return ok ? { ok } : { ok, detail: `${response.status} ${body?.message ?? ""}` };
  };
  // One alone first (counted), then the rest 50 at a time.
  let single: Single | null = null;
  const first = tasks[index++];
  if (first) {
    let probe: Outcome = { ok: false };
    single = await counted(base, async () => {
      probe = await upload(first)();
      return 0;
    });
    if (!probe.ok) throw new Error(`a hand-in failed alone: ${probe.detail}`);
  }
  const result = await runLoad("innlevering: last opp", connections, null, () => {
    const task = tasks[index++];
    return task ? upload(task) : null;
  });
  return { ...result, pdfKb: Math.round(pdfBytes / 102.4) / 10, single };
}

// ─── Heavy moments ──────────────────────────────────────────────────────────────────────────────

export interface LettersResult {
  letters: number;
  mailsQueued: number;
  /** The send action: 200 decisions and letters stored, their e-mails queued. */
  sendSeconds: number;
  /** Then all 200 letters as PDF over HTTP (10 at a time), each checked to be a PDF. */
  pdfSeconds: number;
  totalSeconds: number;
  pdfErrors: number;
  ok: boolean;
  detail: string;
}

export async function lettersMoment(options: { db: Database; base: string; actions: Map<string, ManifestAction>; cookie: string; today: string; count: number }): Promise<LettersResult> {
  const { db, base, actions, cookie, today, count } = options;
  const intake = await seedLettersIntake(db, { today, count });
  const page = `/veileder/opptak/${intake.cohortId}/vedtak`;
  const html = await getOnce(`${base}${page}`, cookie).then((r) => r.text());
  const fingerprint = /name="fingerprint"[^>]*value="([0-9a-f]{32})"|value="([0-9a-f]{32})"[^>]*name="fingerprint"/.exec(html);
  if (!fingerprint) return { letters: 0, mailsQueued: 0, sendSeconds: 0, pdfSeconds: 0, totalSeconds: 0, pdfErrors: 0, ok: false, detail: "no preview fingerprint on the vedtak page" };
  const send = action(actions, "lib/actions/admission.ts#sendDecisionBatchAction");
  const started = performance.now();
  const answer = await postAction(base, page, send, cookie, [
    ["cohortId", intake.cohortId],
    ["fingerprint", (fingerprint[1] ?? fingerprint[2])!],
    ["closeWaitlist", ""],
    ["confirm", "on"],
  ]);
  const sendSeconds = (performance.now() - started) / 1000;
  const sent = answer.redirect?.includes("sendt=") ?? false;
  const letters = await db.decisionLetter.findMany({ where: { decision: { application: { cohortId: intake.cohortId } } }, select: { id: true } });
  const mailsQueued = await db.mailMessage.count({ where: { dedupeKey: { in: letters.map((letter) => `decision-letter:${letter.id}`) } } });
  let next = 0;
  let pdfErrors = 0;
  const pdfStarted = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let letter = letters[next++]; letter; letter = letters[next++]) {
        const response = await getOnce(`${base}/api/vedtak/${letter.id}`, cookie);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200 || bytes.subarray(0, 5).toString() !== "%PDF-") pdfErrors += 1;
      }
    }),
  );
  const pdfSeconds = (performance.now() - pdfStarted) / 1000;
  const ok = sent && letters.length === count && mailsQueued === count && pdfErrors === 0;
  return {
    letters: letters.length,
    mailsQueued,
    sendSeconds: Number(sendSeconds.toFixed(2)),
    pdfSeconds: Number(pdfSeconds.toFixed(2)),
    totalSeconds: Number((sendSeconds + pdfSeconds).toFixed(2)),
    pdfErrors,
    ok,
    detail: sent ? `sendt (${answer.redirect})` : `${answer.status} ${answer.state?.message ?? (answer.crashed ? "crashed" : "no redirect")}`,
  };
}

export interface WaitlistResult {
  ok: boolean;
  /** From the decline's answer to the next applicant's offer in the database. */
  seconds: number | null;
  detail: string;
}

/** soker@demo.no declines the offer; the first on that intake's waiting list must get it with nobody acting. */
export async function waitlistMoment(options: { db: Database; base: string; actions: Map<string, ManifestAction>; cookie: string; email: string; timeoutSeconds: number }): Promise<WaitlistResult> {
  const { db, base, actions, cookie, email, timeoutSeconds } = options;
  const offer = await db.decision.findFirst({
    where: { outcome: "OFFER", answer: null, application: { applicant: { email } } },
    select: { applicationId: true, application: { select: { cohortId: true } } },
  });
  if (!offer) return { ok: false, seconds: null, detail: `${email} holds no open offer` };
  const first = await db.decision.findFirst({
    where: { outcome: "WAITLIST", application: { cohortId: offer.application.cohortId } },
    orderBy: { waitlistPosition: "asc" },
    select: { id: true },
  });
  if (!first) return { ok: false, seconds: null, detail: "nobody on the waiting list" };
  const answer = await postAction(base, `/soker/soknad/${offer.applicationId}`, action(actions, "lib/actions/application.ts#answerOfferAction"), cookie, [
    ["applicationId", offer.applicationId],
    ["answer", "DECLINED"],
  ]);
  if (answer.state?.ok !== true) return { ok: false, seconds: null, detail: `the decline failed: ${answer.status} ${answer.state?.message ?? ""}` };
  const started = performance.now();
  while ((performance.now() - started) / 1000 < timeoutSeconds) {
    const now = await db.decision.findUnique({ where: { id: first.id }, select: { outcome: true } });
    if (now?.outcome === "OFFER") {
      const seconds = (performance.now() - started) / 1000;
      return { ok: true, seconds: Number(seconds.toFixed(2)), detail: "tilbud til nr. 1 på ventelisten" };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ok: false, seconds: null, detail: `no offer to the next within ${timeoutSeconds} s` };
}

export interface EligibilityResult {
  students: number;
  cohorts: number;
  /** One warm call (the first call opens connections and is not counted). */
  milliseconds: number;
}

export async function eligibilityMoment(db: Database, cohortIds: string[], today: string): Promise<EligibilityResult> {
  await evaluateCohortsEligibility(db, cohortIds, { today });
  const started = performance.now();
  const result = await evaluateCohortsEligibility(db, cohortIds, { today });
  const milliseconds = performance.now() - started;
  const students = [...result.values()].reduce((sum, cohort) => sum + cohort.byEnrolment.size, 0);
  return { students, cohorts: result.size, milliseconds: Math.round(milliseconds) };
}
