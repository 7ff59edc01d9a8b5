// Fifty people doing their main task at the same moment, on one app process and its one pool of
// database connections (10, lib/db/pool-settings.ts): twenty applicants upload a vitnemål, twenty
// faculty saves register a whole day's attendance (two kull, ten days each), and ten applicants
// answer their offer. Every request must end as it would alone: no server error, no pool timeout
// ("timeout exceeded when trying to connect", Prisma P2024), and every write stored exactly once.
// The driver must not warn either (the `pg` "client.query() while a query is already executing"
// deprecation, see lib/db/serial-transactions.ts).
//
// In-process rather than over HTTP: the same route handlers and server actions, the same pool, but
// measured on what the pool and the database do rather than on Next.js's own request handling
// (which `npm run bench` loads over HTTP).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/soknader/[id]/dokumenter/route";
import { answerOfferAction } from "@/lib/actions/application";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { createSession } from "@/lib/server/auth/sessions";
import { COMPLETE_APPLICATION, createApplication, createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";
import { makeCohort, planDays } from "./cohort-world";
import { asSession, db, redirectOf, submit } from "./support";

const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
beforeAll(() => {
  process.on("warning", onWarning);
});
afterAll(() => {
  process.off("warning", onWarning);
});

const session = (userId: string) => createSession(db(), userId, "load");

function uploadRequest(applicationId: string, n: number) {
  const form = new FormData();
  form.append("kind", "VITNEMAL");
  form.append("file", new File([Buffer.from(makePdf(`Vitnemål ${n}`))], `vitnemal-${n}.pdf`, { type: "application/pdf" }));
  return new NextRequest(`http://localhost/api/soknader/${applicationId}/dokumenter`, {
    method: "POST",
    body: form,
    headers: { accept: "application/json", origin: "http://localhost" },
  });
}

describe("fifty people at once", () => {
  it("upload, register attendance and answer offers: no server error, no pool timeout, every write once", async () => {
    const today = osloDate(new Date());

    // Twenty applicants with a draft each.
    const { cohort: open } = await createOpenCohort(db(), { capacity: 60 });
    const uploaders = [];
    for (let n = 0; n < 20; n += 1) {
      const user = await createUser(db(), { roles: ["APPLICANT"], name: `Søker ${n + 1}` });
      const application = await createApplication(db(), { ...COMPLETE_APPLICATION, applicantId: user.id, cohortId: open.id });
      uploaders.push({ application, sessionId: await session(user.id), n });
    }

    // Two kull of twenty students, ten past days each, nothing registered yet: twenty saves.
    const worlds = await Promise.all([0, 1].map(() => makeCohort({ students: 20, samlinger: planDays(addDays(today, -60), 10), heldBefore: addDays(today, -90) })));
    const saves = [];
    for (const [index, world] of worlds.entries()) {
      const sessionId = await session(index === 0 ? world.users.teacher.id : world.users.colleague.id);
      for (const samlingDay of world.days) {
        const fields: Record<string, string> = { cohortId: world.cohortId, samlingDayId: samlingDay.id, reason: "Registrert etter dagen fra papirlisten." };
        world.students.forEach((student, position) => (fields[`status:${student.enrolmentId}`] = position % 5 === 0 ? "ABSENT" : "PRESENT"));
        saves.push({ sessionId, fields, world, dayId: samlingDay.id });
      }
    }

    // Ten applicants with an offer to answer.
    const { cohort: decided } = await createOpenCohort(db(), { capacity: 10, deadline: addDays(today, -3) });
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const answerers = [];
    for (let n = 0; n < 10; n += 1) {
      const { user, application } = await createReviewedApplication(db(), { cohortId: decided.id, name: `Tilbud ${n + 1}` });
      await db().application.update({ where: { id: application.id }, data: { status: "DECIDED" } });
      await db().decision.create({ data: { applicationId: application.id, outcome: "OFFER", grounds: "x", decidedById: adviser.id, answerDeadline: day(addDays(today, 5)) } });
      answerers.push({ application, sessionId: await session(user.id) });
    }

    const started = warnings.length;
    const results = await Promise.all([
      ...uploaders.map(async ({ application, sessionId, n }) => {
        const response = await asSession(sessionId, () => uploadRoute(uploadRequest(application.id, n), { params: Promise.resolve({ id: application.id }) }));
        return { task: "upload", status: response.status, body: (await response.json()) as { ok: boolean; message: string } };
      }),
      ...saves.map(async ({ sessionId, fields }) => {
        const state = await asSession(sessionId, () => submit(saveDayAttendanceAction, fields));
        return { task: "attendance", status: state.ok ? 200 : 400, body: { ok: state.ok, message: state.message ?? "" } };
      }),
      ...answerers.map(async ({ application, sessionId }) => {
        // Accepting ends in a redirect to the application's page (303 in the browser).
        const to = await asSession(sessionId, () => redirectOf(() => submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" })));
        return { task: "offer", status: to.includes(application.id) ? 200 : 400, body: { ok: true, message: to } };
      }),
    ]);

    expect(results).toHaveLength(50);
    const failed = results.filter((result) => result.status >= 300 || !result.body.ok).map((result) => `${result.task} ${result.status}: ${result.body.message}`);
    expect(failed).toEqual([]);
    expect(warnings.slice(started)).toEqual([]);

    // Every write stored exactly once.
    expect(await db().document.count({ where: { applicationId: { in: uploaders.map((entry) => entry.application.id) } } })).toBe(20);
    for (const world of worlds) {
      const rows = await db().attendance.findMany({ where: { enrolment: { cohortId: world.cohortId } }, select: { status: true } });
      expect(rows).toHaveLength(20 * 10);
      expect(rows.filter((row) => row.status === "ABSENT")).toHaveLength(4 * 10);
    }
    const answers = await db().decision.findMany({ where: { applicationId: { in: answerers.map((entry) => entry.application.id) } }, select: { answer: true } });
    expect(answers.map((row) => row.answer)).toEqual(Array(10).fill("ACCEPTED"));
    expect(await db().enrolment.count({ where: { cohortId: decided.id } })).toBe(10);
  }, 180_000);
});
