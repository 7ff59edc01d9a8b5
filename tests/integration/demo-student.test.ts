// The students of the demo story see what the README promises: Eva may sit the exam, Sander is on
// track with absences left and something to hand in again, Frank can no longer reach the
// attendance requirement and is told whom to contact.
import { beforeAll, describe, expect, it } from "vitest";
import { compareIsoDates } from "@/lib/domain/dates";
import { absenceReasonDueOn } from "@/lib/domain/retention";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer } from "@/lib/server/viewer";
import { db, signInAs } from "./support";
import { seedDemo } from "./demo-world";

const NOW = new Date();

beforeAll(async () => {
  await seedDemo(NOW);
}, 120_000);

async function overviewOf(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const viewer = (await resolveViewer(await signInAs(user)))!;
  const [overview] = await getStudentOverview(viewer, NOW);
  return overview!;
}

describe("the demo students", () => {
  it("Eva has met every requirement and is told about the exam", async () => {
    const eva = await overviewOf("student.ferdig@demo.no");
    expect(eva.eligibility.status).toBe("ELIGIBLE");
    expect(eva.nextSteps.map((step) => step.text).join(" ")).toMatch(/Du har rett til å gå opp til eksamen/);
  });

  it("Sander is on track: absences left, ledertreningsoppgave 1 to hand in again by a coming date, fagnotat 2 to hand in, samling 6 under way", async () => {
    const sander = await overviewOf("student@demo.no");
    expect(sander.eligibility.status).toBe("ON_TRACK");
    expect(sander.eligibility.attendance.absencesLeft).toBeGreaterThan(1);
    const texts = sander.nextSteps.map((step) => step.text);
    expect(texts).toContain(`Du kan være borte høyst ${sander.eligibility.attendance.absencesLeft} dager til.`);
    const rejected = sander.arbeidskrav.find((item) => item.number === 2)!;
    expect(rejected.status).toBe("NOT_APPROVED");
    expect(rejected.deadline > sander.today).toBe(true);
    expect(texts.some((text) => text.startsWith("Ledertreningsoppgave 1 er ikke godkjent: lever på nytt innen "))).toBe(true);
    const fagnotat2 = sander.arbeidskrav.find((item) => item.number === 3)!;
    expect(fagnotat2).toMatchObject({ status: "NOT_SUBMITTED", maxGroupSize: 3 });
    // Samling 6 (shared with the institution-leader cohort) is today and tomorrow.
    expect(texts.some((text) => text.startsWith("Samling 6: felles samling med institusjonsledelse pågår nå: "))).toBe(true);
    // His absence notice for tomorrow, the second day of samling 6.
    const notices = sander.samlinger.flatMap((samling) => samling.days).filter((d) => d.notice);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.notice!.canWithdraw).toBe(true);
  });

  it("Frank can no longer reach the threshold and is told whom to contact", async () => {
    const frank = await overviewOf("student.fravaer@demo.no");
    expect(frank.eligibility.status).toBe("NOT_ELIGIBLE");
    expect(frank.nextSteps[0]!.text).toMatch(/^Du kan ikke lenger nå kravet om 80 % oppmøte i dette kullet\. Ta kontakt med studieveileder /);
    // His notice for the last day he missed, and for the first: its reason erased by the retention job.
    const absent = frank.samlinger.flatMap((samling) => samling.days).filter((d) => d.state === "ABSENT");
    const noticed = absent.filter((d) => d.notice);
    expect(noticed.map((d) => d.notice!.reason)).toEqual([null, "Syk (feber)."]);
    expect(noticed[0]).toBe(absent[0]);
    expect(noticed[1]).toBe(absent.at(-1));
    expect(compareIsoDates(absenceReasonDueOn(noticed[0]!.date), frank.today)).toBeLessThanOrEqual(0);
    expect(await db().absenceNotice.findUniqueOrThrow({ where: { id: noticed[0]!.notice!.id } })).toMatchObject({ reason: null, reasonErasedAt: expect.any(Date) });
  });
});
