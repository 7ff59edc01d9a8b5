// A letter is «ny» until the student first opens it (StudentLetterOpening): her list says so, her
// start page has a step to it (a vedtak in its klage period each, others one or counted), and her record tells staff
// when she opened it. Only she marks her own letter, the first opening is kept, and the database
// refuses to move it. The innsyn export has it.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markLetterOpenedAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { getStudentRecord } from "@/lib/server/enrolments/queries";
import { refuseLeave } from "@/lib/server/enrolments/leave";
import { markLetterOpened } from "@/lib/server/student-letters/opening";
import { listStudentLetters } from "@/lib/server/student-letters/queries";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer } from "@/lib/server/viewer";
import { collectPersonData } from "@/lib/server/privacy/export";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { connectRaw, db, signInAs, submit } from "./support";

let world: World;
let raw: pg.Client;
const now = new Date();
const today = osloDate(now);

const studentViewer = async (index: number) => viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: world.students[index]!.userId } })), roles: ["STUDENT"] });
/** Her start page's steps that lead to new letters: each vedtak in its klage period, and the rest counted. */
const letterSteps = async (index: number) => {
  const [overview] = await getStudentOverview(await studentViewer(index), now);
  return overview!.nextSteps.filter((step) => step.key === "letters-new" || step.key.startsWith("letter-vedtak-"));
};
const VEDTAK_STEP = /^Nytt vedtak: søknaden om permisjon er avslått\. Klagefristen er \d{1,2}\. [a-z]+( \d{4})?\.$/;

beforeAll(async () => {
  world = await makeCohort({ students: 2, samlinger: planDays(addDays(today, -30), 12), heldBefore: today });
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

describe("a letter she has not opened", () => {
  it("is «ny» with a step on her start page until she opens it; the first opening is kept, and staff see it", async () => {
    const student = world.students[0]!;
    const refuse = (days: number) =>
      refuseLeave(world.adviser, { enrolmentId: student.enrolmentId, from: today, to: addDays(today, days), reason: "Sykdom", documentation: null, grounds: "Sykdommen er ikke dokumentert." }, now);
    const first = await refuse(30);
    const self = await studentViewer(0);
    expect((await listStudentLetters(self)).map((letter) => letter.isNew)).toEqual([true]);
    // A vedtak in its klage period is named with its deadline, each of them, not counted.
    expect(await letterSteps(0)).toEqual([{ key: `letter-vedtak-${first.letterId}`, tone: "todo", text: expect.stringMatching(VEDTAK_STEP), target: { kind: "letter", id: first.letterId } }]);

    const second = await refuse(20);
    expect((await letterSteps(0)).map((step) => step.target)).toEqual([
      { kind: "letter", id: second.letterId },
      { kind: "letter", id: first.letterId },
    ]);

    // Opened from the letter's page (the action it sends), then again later: the first time stays.
    const user = await db().user.findUniqueOrThrow({ where: { id: student.userId } });
    const session = await signInAs(user);
    // Her menu's «Brev» counts them, read with the session (no statement of its own).
    expect((await resolveViewer(session))!.newLetters).toBe(2);
    expect(await submit(markLetterOpenedAction, { letterId: first.letterId })).toMatchObject({ ok: true });
    expect((await resolveViewer(session))!.newLetters).toBe(1);
    const opened = (await db().studentLetterOpening.findUniqueOrThrow({ where: { letterId: first.letterId } })).openedAt;
    await markLetterOpened(self, first.letterId, new Date(now.getTime() + 3_600_000));
    expect((await db().studentLetterOpening.findUniqueOrThrow({ where: { letterId: first.letterId } })).openedAt).toEqual(opened);
    expect(await letterSteps(0)).toEqual([{ key: `letter-vedtak-${second.letterId}`, tone: "todo", text: expect.stringMatching(VEDTAK_STEP), target: { kind: "letter", id: second.letterId } }]);
    await markLetterOpened(self, second.letterId, now);
    expect(await letterSteps(0)).toEqual([]);
    expect((await resolveViewer(session))!.newLetters).toBe(0);
    // Staff have no letters of their own to count.
    expect((await resolveViewer(await signInAs(world.users.adviser)))!.newLetters).toBe(0);
    expect((await listStudentLetters(self)).some((letter) => letter.isNew)).toBe(false);

    // Her record tells the adviser when; the innsyn export has it.
    const record = await getStudentRecord(world.adviser, student.userId);
    expect(record.letters.find((letter) => letter.id === first.letterId)!.openedAt).toEqual(opened);
    const exported = JSON.stringify((await db().$transaction((tx) => collectPersonData(tx, student.userId, { self: true, now })))!.data);
    expect(exported).toContain(opened!.toISOString());

    // The database keeps the first opening.
    await expect(raw.query(`UPDATE "StudentLetterOpening" SET "openedAt" = now() WHERE "letterId" = $1`, [first.letterId])).rejects.toThrow(/written once/);
  });

  it("is marked only by the student it is to: another student is told it does not exist, staff are refused", async () => {
    const refused = await refuseLeave(
      world.adviser,
      { enrolmentId: world.students[1]!.enrolmentId, from: today, to: addDays(today, 30), reason: "Sykdom", documentation: null, grounds: "Sykdommen er ikke dokumentert." },
      now,
    );
    await signInAs(await db().user.findUniqueOrThrow({ where: { id: world.students[0]!.userId } }));
    expect(await submit(markLetterOpenedAction, { letterId: refused.letterId })).toMatchObject({ ok: false, message: "Fant ikke brevet." });
    await signInAs(world.users.adviser);
    expect(await submit(markLetterOpenedAction, { letterId: refused.letterId })).toMatchObject({ ok: false });
    expect(await submit(markLetterOpenedAction, { letterId: "ikke en id" })).toMatchObject({ ok: false });
    expect(await db().studentLetterOpening.count({ where: { letterId: refused.letterId } })).toBe(0);
    expect((await letterSteps(1)).map((step) => step.target)).toEqual([{ kind: "letter", id: refused.letterId }]);
  });
});
