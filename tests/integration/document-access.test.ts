// Who may open an uploaded file through /api/dokumenter/[id]: an arbeidskrav hand-in is open to
// the members of the submission and the cohort's staff (its teaching team, advisers); faculty
// outside the team and other students get the same empty 404 as for a file that does not exist.
// Staff may ask for it inline; students always get an attachment. Malformed ids never reach the
// database.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/dokumenter/[id]/route";
import {
  assignTeachers,
  createArbeidskrav,
  createCohort,
  createProgramme,
  createSubmission,
  createUser,
  enrol,
  standardArbeidskrav,
  uniqueCohortCode,
} from "@/prisma/seed/factories";
import { db, signInAs } from "./support";

let documentId: string;
const people: Record<string, { id: string }> = {};

beforeAll(async () => {
  const programme = await createProgramme(db());
  const { cohort } = await createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    applicationOpensOn: "2030-01-01",
    applicationDeadline: "2030-02-01",
    offerAnswerDeadline: "2030-03-01",
    samlinger: [{ title: "Samling 1", days: ["2030-09-10"] }],
  });
  // The group fagnotat: a group of two may hand it in (the database refuses groups on individual ones).
  const definition = (await createArbeidskrav(db(), cohort.id, standardArbeidskrav(["2030-10-01"]))).find((d) => d.maxGroupSize > 1);
  for (const name of ["memberA", "memberB", "otherStudent"]) people[name] = await createUser(db(), { roles: ["STUDENT"] });
  for (const name of ["teacher", "outsider"]) people[name] = await createUser(db(), { roles: ["FACULTY"] });
  people.adviser = await createUser(db(), { roles: ["ADVISER"] });
  await assignTeachers(db(), cohort.id, [people.teacher!.id]);
  const enrolments = await Promise.all(
    ["memberA", "memberB", "otherStudent"].map((name) => enrol(db(), { userId: people[name]!.id, cohortId: cohort.id })),
  );
  const submission = await createSubmission(db(), {
    arbeidskravId: definition!.id,
    enrolmentIds: [enrolments[0]!.id, enrolments[1]!.id],
    submittedById: people.memberA!.id,
    attempts: [{ status: "SUBMITTED", at: new Date("2030-09-20T10:00:00Z"), pdf: { originalName: "fagnotat æøå.pdf", title: "Fagnotat" } }],
  });
  documentId = (await db().document.findFirstOrThrow({ where: { submissionAttempt: { submissionId: submission.id } } })).id;
});

async function get(as: string, query = "") {
  await signInAs(people[as]!);
  const response = await download(new Request(`http://localhost/api/dokumenter/${documentId}${query}`), {
    params: Promise.resolve({ id: documentId }),
  });
  return { status: response.status, disposition: response.headers.get("content-disposition"), body: Buffer.from(await response.arrayBuffer()) };
}

describe("submission documents", () => {
  it("are open to every member of the group, as an attachment even when inline is asked for", async () => {
    for (const member of ["memberA", "memberB"]) {
      const response = await get(member, "?visning=inline");
      expect(response.status).toBe(200);
      expect(response.disposition).toMatch(/^attachment; /);
      expect(response.body.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });

  it("are open to the cohort's teaching team and advisers, inline when asked", async () => {
    for (const staff of ["teacher", "adviser"]) {
      const response = await get(staff, "?visning=inline");
      expect(response.status).toBe(200);
      expect(response.disposition).toMatch(/^inline; filename="fagnotat ___.pdf"; filename\*=UTF-8''fagnotat%20%C3%A6%C3%B8%C3%A5\.pdf$/);
    }
  });

  it("are not found for another student of the cohort and for faculty outside the team", async () => {
    for (const outsider of ["otherStudent", "outsider"]) {
      const response = await get(outsider);
      expect(response.status).toBe(404);
      expect(response.body.length).toBe(0);
    }
  });

  it("answers 404 for malformed ids without asking the database", async () => {
    await signInAs(people.adviser!);
    for (const id of ["abc\u0000def", "x".repeat(5000), "00000000-0000-0000-0000-000000000000", "'; DROP TABLE \"Document\"; --"]) {
      const response = await download(new Request("http://localhost/api/dokumenter/x"), { params: Promise.resolve({ id }) });
      expect(response.status).toBe(404);
    }
  });
});
