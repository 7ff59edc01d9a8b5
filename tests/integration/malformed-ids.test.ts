// Every route and server action that takes an id answers a malformed one with 404 (routes) or a
// field error (actions), never a 500, and the malformed id never reaches a query. Uploads from
// another site are refused before anything is read or stored.
import { readdir } from "node:fs/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/dokumenter/[id]/route";
import { POST as upload } from "@/app/api/soknader/[id]/dokumenter/route";
import * as applicationActions from "@/lib/actions/application";
import { changeUserAccess, renewInvitationAction } from "@/lib/actions/manage-users";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActionState } from "@/lib/forms";
import { getPublicCohort } from "@/lib/server/cohorts/queries";
import { makePdf } from "@/prisma/seed/pdf";
import { createApplication, createOpenCohort, createUser } from "@/prisma/seed/factories";
import { signInAs, submit } from "./support";

const MALFORMED: [string, string][] = [
  ["a NUL byte", "ckabcdefghijklmnopqrstuv\u0000"],
  ["a NUL byte alone", "\u0000"],
  ["5 000 characters", "c".repeat(5000)],
  ["a UUID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"],
  ["SQL", "' OR 1=1; --"],
  ["invalid UTF-16", "c\ud800abcdefghijklmnopqrstuvw"],
];

// A client that reports every query, in place of the app's singleton for this file.
const holder = globalThis as { __db?: unknown };
const queries: { query: string; params: string }[] = [];
function loggingClient() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }] as const,
  });
}
let client: ReturnType<typeof loggingClient>;

beforeAll(async () => {
  const previous = holder.__db as { $disconnect(): Promise<void> } | undefined;
  await previous?.$disconnect();
  client = loggingClient();
  client.$on("query", (event) => queries.push({ query: event.query, params: event.params }));
  holder.__db = client;
});

afterAll(async () => {
  await client.$disconnect();
  holder.__db = undefined;
});

/** Runs `work` and returns the queries it made. */
async function queriesOf(work: () => Promise<unknown>) {
  const before = queries.length;
  await work();
  return queries.slice(before);
}

function mentions(list: { query: string; params: string }[], id: string) {
  const needles = [id, JSON.stringify(id).slice(1, -1)];
  return list.some((entry) => needles.some((needle) => entry.params.includes(needle) || entry.query.includes(needle)));
}

describe("the query log", () => {
  it("sees queries (so the tests below can trust an empty log)", async () => {
    expect((await queriesOf(() => client.user.count())).length).toBeGreaterThan(0);
  });
});

describe("route handlers", () => {
  let applicant: { id: string };
  let applicationId: string;
  beforeAll(async () => {
    const { cohort } = await createOpenCohort(client as never);
    applicant = await createUser(client as never, { roles: ["APPLICANT"] });
    applicationId = (await createApplication(client as never, { applicantId: applicant.id, cohortId: cohort.id })).id;
  });

  for (const [what, id] of MALFORMED) {
    it(`GET /api/dokumenter/[id] with ${what}: 404, no query at all`, async () => {
      await signInAs(applicant);
      let status = 0;
      const made = await queriesOf(async () => {
        const response = await download(new Request("http://localhost/api/dokumenter/x"), { params: Promise.resolve({ id }) });
        status = response.status;
      });
      expect(status).toBe(404);
      expect(made).toEqual([]);
    });

    it(`POST /api/soknader/[id]/dokumenter with ${what}: 404, no query at all`, async () => {
      await signInAs(applicant);
      const form = new FormData();
      form.append("kind", "VITNEMAL");
      form.append("file", new File([Buffer.from(makePdf("Vitnemål"))], "vitnemal.pdf"));
      let status = 0;
      let body: unknown;
      const made = await queriesOf(async () => {
        const response = await upload(
          new NextRequest("http://localhost/api/soknader/x/dokumenter", { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } }),
          { params: Promise.resolve({ id }) },
        );
        status = response.status;
        body = await response.json();
      });
      expect(status).toBe(404);
      expect(body).toEqual({ ok: false, message: "Fant ikke søknaden." });
      expect(made).toEqual([]);
    });
  }

  it("a malformed position or document id in an upload is a 400, and reaches no query", async () => {
    await signInAs(applicant);
    // A NUL alone is removed by the form-data sanitiser: an empty field, as if none was sent.
    for (const [, id] of MALFORMED.filter(([, value]) => value !== "\u0000")) {
      for (const field of ["positionId", "replaces"]) {
        const form = new FormData();
        form.append("kind", field === "positionId" ? "TJENESTEBEVIS" : "VITNEMAL");
        form.append(field, id);
        form.append("file", new File([Buffer.from(makePdf("Vitnemål"))], "vitnemal.pdf"));
        let status = 0;
        const made = await queriesOf(async () => {
          const response = await upload(
            new NextRequest(`http://localhost/api/soknader/${applicationId}/dokumenter`, {
              method: "POST",
              body: form,
              headers: { accept: "application/json", origin: "http://localhost" },
            }),
            { params: Promise.resolve({ id: applicationId }) },
          );
          status = response.status;
        });
        expect(status, `${field}=${JSON.stringify(id).slice(0, 40)}`).toBe(400);
        expect(mentions(made, id)).toBe(false);
      }
    }
  });

  it("a public cohort looked up by a malformed id is simply not there", async () => {
    for (const [, id] of MALFORMED) {
      const made = await queriesOf(async () => expect(await getPublicCohort(id)).toBeNull());
      expect(made).toEqual([]);
    }
  });
});

describe("a cross-site upload", () => {
  it("without Origin but with Sec-Fetch-Site: cross-site is refused with 403, before anything is read or stored", async () => {
    const { cohort } = await createOpenCohort(client as never);
    const owner = await createUser(client as never, { roles: ["APPLICANT"] });
    const application = await createApplication(client as never, { applicantId: owner.id, cohortId: cohort.id });
    await signInAs(owner); // the victim's cookie rides along with the forged request
    const storage = process.env.STORAGE_DIR!;
    const filesBefore = await readdir(storage, { recursive: true }).catch(() => []);
    const attempts: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, {}, { origin: "null" }, { origin: "https://evil.example" }];
    for (const headers of attempts) {
      const form = new FormData();
      form.append("kind", "VITNEMAL");
      form.append("file", new File([Buffer.from(makePdf("Vitnemål"))], "fra-angriper.pdf"));
      let status = 0;
      const made = await queriesOf(async () => {
        const response = await upload(
          new NextRequest(`http://localhost/api/soknader/${application.id}/dokumenter`, { method: "POST", body: form, headers: { accept: "application/json", ...headers } }),
          { params: Promise.resolve({ id: application.id }) },
        );
        status = response.status;
        expect(await response.json()).toEqual({ ok: false, message: "Opplastingen kom fra en annen nettside og ble avvist." });
      });
      expect(status, JSON.stringify(headers)).toBe(403);
      expect(made).toEqual([]);
    }
    expect(await client.document.count({ where: { applicationId: application.id } })).toBe(0);
    expect(await readdir(storage, { recursive: true }).catch(() => [])).toEqual(filesBefore);
  });
});

describe("server actions", () => {
  type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
  const valid = "ckvalidid0000000000000000";
  const cases: [string, Action, (id: string) => Record<string, string>, string][] = [
    ["startApplicationAction", applicationActions.startApplicationAction, (id) => ({ cohortId: id }), "cohortId"],
    ["savePersonalDetailsAction", applicationActions.savePersonalDetailsAction, (id) => ({ applicationId: id }), "applicationId"],
    ["saveEmployerAction", applicationActions.saveEmployerAction, (id) => ({ applicationId: id }), "applicationId"],
    ["addEducationAction", applicationActions.addEducationAction, (id) => ({ applicationId: id }), "applicationId"],
    ["saveEducationAction", applicationActions.saveEducationAction, (id) => ({ applicationId: valid, educationId: id }), "educationId"],
    ["removeEducationAction", applicationActions.removeEducationAction, (id) => ({ applicationId: valid, educationId: id }), "educationId"],
    ["addPositionAction", applicationActions.addPositionAction, (id) => ({ applicationId: id }), "applicationId"],
    ["savePositionAction", applicationActions.savePositionAction, (id) => ({ applicationId: valid, positionId: id }), "positionId"],
    ["removePositionAction", applicationActions.removePositionAction, (id) => ({ applicationId: valid, positionId: id }), "positionId"],
    ["deleteDocumentAction", applicationActions.deleteDocumentAction, (id) => ({ applicationId: valid, documentId: id }), "documentId"],
    ["submitApplicationAction", applicationActions.submitApplicationAction, (id) => ({ applicationId: id, confirm: "on" }), "applicationId"],
    ["withdrawApplicationAction", applicationActions.withdrawApplicationAction, (id) => ({ applicationId: id, confirm: "on" }), "applicationId"],
    ["answerOfferAction", applicationActions.answerOfferAction, (id) => ({ applicationId: id, answer: "ACCEPTED" }), "applicationId"],
  ];

  it("every applicant action answers a malformed id with a field error, and the id reaches no query", async () => {
    await signInAs(await createUser(client as never, { roles: ["APPLICANT"] }));
    for (const [name, action, fields, field] of cases) {
      for (const [what, id] of MALFORMED) {
        let result: ActionState | undefined;
        const made = await queriesOf(async () => {
          result = await submit(action, fields(id));
        });
        expect(result, `${name} with ${what}`).toMatchObject({ ok: false });
        expect(result!.fieldErrors?.[field]?.[0], `${name} with ${what}`).toMatch(/(finnes ikke|mangler)\.$/);
        expect(mentions(made, id), `${name} with ${what}`).toBe(false);
      }
    }
  });

  it("the adviser's user actions do the same", async () => {
    await signInAs(await createUser(client as never, { roles: ["ADVISER"] }));
    for (const action of [changeUserAccess, renewInvitationAction]) {
      for (const [what, id] of MALFORMED) {
        let result: ActionState | undefined;
        const made = await queriesOf(async () => {
          result = await submit(action, { userId: id, disabled: "true" });
        });
        expect(result, what).toMatchObject({ ok: false });
        // A NUL alone is removed by the sanitiser: then the id is also missing.
        expect(result!.fieldErrors?.userId, what).toContain("Brukeren finnes ikke.");
        expect(mentions(made, id), what).toBe(false);
      }
    }
  });
});

describe("the admission and student routes and actions", () => {
  type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

  it("every route that takes an id answers a malformed one with 404 and no query", async () => {
    const { GET: letterPdf } = await import("@/app/api/vedtak/[id]/route");
    const { POST: klage } = await import("@/app/api/soknader/[id]/klage/route");
    const { POST: handIn } = await import("@/app/api/student/arbeidskrav/[id]/innlevering/route");
    const { GET: rankingCsv } = await import("@/app/(adviser)/veileder/opptak/[cohortId]/rangering/eksport/route");
    const post = (url: string) => {
      const form = new FormData();
      form.append("text", "En tekst som er lang nok til å bli lest.");
      return new NextRequest(url, { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } });
    };
    const routes: [string, (id: string) => Promise<Response>, string][] = [
      ["GET /api/vedtak/[id]", (id) => letterPdf(new Request("http://localhost/api/vedtak/x"), { params: Promise.resolve({ id }) }), "APPLICANT"],
      ["POST /api/soknader/[id]/klage", (id) => klage(post("http://localhost/api/soknader/x/klage"), { params: Promise.resolve({ id }) }), "APPLICANT"],
      ["POST /api/student/arbeidskrav/[id]/innlevering", (id) => handIn(post("http://localhost/api/student/arbeidskrav/x/innlevering"), { params: Promise.resolve({ id }) }), "STUDENT"],
      ["GET …/opptak/[cohortId]/rangering/eksport", (id) => rankingCsv(new Request("http://localhost/x"), { params: Promise.resolve({ cohortId: id }) }), "ADVISER"],
    ];
    for (const [name, call, role] of routes) {
      await signInAs(await createUser(client as never, { roles: [role as "APPLICANT"] }));
      for (const [what, id] of MALFORMED) {
        let status = 0;
        const made = await queriesOf(async () => {
          status = (await call(id)).status;
        });
        expect(status, `${name} with ${what}`).toBe(404);
        expect(mentions(made, id), `${name} with ${what}`).toBe(false);
      }
    }
  });

  it("every adviser action and every student action answers a malformed id with a field error, and the id reaches no query", async () => {
    const admission = await import("@/lib/actions/admission");
    const student = await import("@/lib/actions/student");
    const idFields = ["applicationId", "documentId", "positionId", "requestId", "cohortId", "moveId", "appealId", "samlingDayId", "noticeId", "enrolmentId", "feedId"];
    const modules: [string, Record<string, unknown>][] = [
      ["ADVISER", admission],
      ["STUDENT", student],
    ];
    let checked = 0;
    for (const [role, actions] of modules) {
      await signInAs(await createUser(client as never, { roles: [role as "ADVISER"] }));
      for (const [name, action] of Object.entries(actions)) {
        // The calendar-feed actions take no id (they act on the viewer's own feed).
        if (typeof action !== "function" || /CalendarFeed/.test(name)) continue;
        for (const [what, id] of MALFORMED) {
          const fields = Object.fromEntries(idFields.map((field) => [field, id]));
          let result: ActionState | undefined;
          const made = await queriesOf(async () => {
            result = await submit(action as Action, { ...fields, status: "VERIFIED", reason: "Fordi.", grounds: "Fordi.", toRank: "1", message: "Send mer.", dueDate: "2030-01-01" });
          });
          expect(result, `${name} with ${what}`).toMatchObject({ ok: false });
          expect(mentions(made, id), `${name} with ${what}`).toBe(false);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe("NUL and control characters in form fields", () => {
  it("are taken out before an action parses the form: the draft is saved, without them, and nothing fails", async () => {
    const { cohort } = await createOpenCohort(client as never);
    const applicant = await createUser(client as never, { roles: ["APPLICANT"] });
    const application = await createApplication(client as never, { applicantId: applicant.id, cohortId: cohort.id });
    await signInAs(applicant);
    const result = await submit(applicationActions.savePersonalDetailsAction, {
      applicationId: `${application.id}\u0000`,
      fullName: "Kari\u0000 Nordmann\u0001\u001b",
      address: "Storgata 1\u007f",
      "postal\u0000Code": "7030",
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.values).toMatchObject({ fullName: "Kari Nordmann", address: "Storgata 1" });
    expect(result.values).not.toHaveProperty("postal\u0000Code");
    const stored = await client.application.findUniqueOrThrow({ where: { id: application.id }, select: { fullName: true, address: true } });
    expect(stored).toEqual({ fullName: "Kari Nordmann", address: "Storgata 1" });
  });

  it("in a hand-in or upload route give a 4xx or a clean save, never a 500", async () => {
    const { cohort } = await createOpenCohort(client as never);
    const applicant = await createUser(client as never, { roles: ["APPLICANT"] });
    const application = await createApplication(client as never, { applicantId: applicant.id, cohortId: cohort.id });
    await signInAs(applicant);
    const form = new FormData();
    form.append("kind", "VITNEMAL\u0000");
    form.append("re\u0000places", "x");
    form.append("file", new File([Buffer.from(makePdf("Vitnemål"))], "vitnemal.pdf"));
    const response = await upload(
      new NextRequest(`http://localhost/api/soknader/${application.id}/dokumenter`, { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } }),
      { params: Promise.resolve({ id: application.id }) },
    );
    expect(response.status).toBe(201);
    expect(await client.document.count({ where: { applicationId: application.id, kind: "VITNEMAL" } })).toBe(1);
  });
});
