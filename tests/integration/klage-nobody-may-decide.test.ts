// A klage is decided by someone other than the one who made the decision. When nobody at all may
// (the kull's only faculty on the team made it), the klager list says so and what must change,
// to everyone who reads it, besides telling each reader why it is not theirs.
import { beforeAll, describe, expect, it } from "vitest";
import { osloDate } from "@/lib/domain/application-deadline";
import { NOBODY_MAY_DECIDE_MESSAGE } from "@/lib/permissions";
import { fileStudentAppeal, listCohortAppeals } from "@/lib/server/student-letters/appeals";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { createStudentLetter, day } from "@/prisma/seed/factories";
import { makeCohort, planDays, type World } from "./cohort-world";
import { db, signInAs } from "./support";

let world: World;
let appealId: string;
const today = osloDate(new Date());

beforeAll(async () => {
  // One basisgruppe, supervised by the fagansvarlig, so the colleague can leave the team.
  world = await makeCohort({ students: 1, groups: 1, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01" });
  const student = world.students[0]!;
  const letter = await createStudentLetter(db(), {
    enrolmentId: student.enrolmentId,
    facts: { kind: "ARBEIDSKRAV_NOT_APPROVED", arbeidskrav: { title: "Fagnotat 1 (individuelt)" }, attempt: 2, maxAttempts: 2, assessedOn: today, grounds: "Mangler kilder.", group: null, corrected: false },
    decidedBy: { id: world.teacher.id, name: world.teacher.name, title: "Faglærer" },
    about: { type: "SubmissionAttempt", id: "nobody-may-decide" },
    at: day(today),
  });
  const self = (await resolveViewer(await signInAs(await db().user.findUniqueOrThrow({ where: { id: student.userId } }))))!;
  appealId = await fileStudentAppeal(self, letter.id, { text: "Kildene står i litteraturlisten til slutt." });
});

const listed = async (reader: Viewer) => (await listCohortAppeals(reader, world.cohortId, { open: true })).find((appeal) => appeal.id === appealId)!;

describe("a klage nobody may decide", () => {
  it("is decided by the colleague on the team while there is one; without her, the list says what must change, to everyone", async () => {
    // The fagansvarlig decided; the colleague on the team may decide the klage.
    expect(await listed(world.colleague)).toMatchObject({ canDecide: true, nobodyMayDecide: null });
    expect(await listed(world.teacher)).toMatchObject({ canDecide: false, nobodyMayDecide: null, whoDecides: expect.stringMatching(/^Du fattet vedtaket/) });

    await db().cohortTeacher.delete({ where: { cohortId_userId: { cohortId: world.cohortId, userId: world.colleague.id } } });
    // Each reader is still told why it is not theirs, and everyone what must change.
    expect(await listed(world.teacher)).toMatchObject({ canDecide: false, nobodyMayDecide: NOBODY_MAY_DECIDE_MESSAGE.TEACHING_TEAM, whoDecides: expect.stringMatching(/^Du fattet vedtaket/) });
    expect(await listed(world.adviser)).toMatchObject({ canDecide: false, nobodyMayDecide: NOBODY_MAY_DECIDE_MESSAGE.TEACHING_TEAM });
    // Another faculty member joins the team: she may.
    await db().cohortTeacher.create({ data: { cohortId: world.cohortId, userId: world.outsider.id } });
    expect(await listed(world.teacher)).toMatchObject({ nobodyMayDecide: null });
    expect(await listed(world.outsider)).toMatchObject({ canDecide: true });
  });
});
