// The letters of the demo story (prisma/seed/demo-letters.ts) are what the README promises: Sander
// has a vedtak and the letter on his klage taken; Vilde has a letter of every kind and a klage on
// the exam that the demo adviser may decide (and Frida, who refused her, may not); Siri's last
// hand-in waits; Lars has a forhåndsvarsel Frida may now decide; Hanne signs in. The exam beyond the first sitting (prisma/seed/demo-exams.ts):
// Nora failed and is registered for the ny eksamen, Fredrik failed and may register, Ulla was
// granted utsatt eksamen.
import { beforeAll, describe, expect, it } from "vitest";
import { klageBadge } from "@/components/status-badge";
import { eligibilityHeadline } from "@/lib/domain/eligibility";
import { STUDENT_LETTER_KINDS } from "@/lib/domain/student-letter";
import { getStudentRecord } from "@/lib/server/enrolments/queries";
import { getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { listPendingNotices } from "@/lib/server/cohorts/correction-notices";
import { getStudentArbeidskrav } from "@/lib/server/students/arbeidskrav";
import { listCohortAppeals } from "@/lib/server/student-letters/appeals";
import { listStudentLetters } from "@/lib/server/student-letters/queries";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { db, signInAs } from "./support";
import { seedDemo } from "./demo-world";

const NOW = new Date();

beforeAll(async () => {
  await seedDemo(NOW);
}, 180_000);

async function viewerOf(email: string): Promise<Viewer> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await resolveViewer(await signInAs(user)))!;
}

describe("the demo's letters", () => {
  it("Lars: a forhåndsvarsel on his approved fagnotat 1, spoken to, past its deadline: Frida's to decide", async () => {
    const lars = await viewerOf("student.varsel@demo.no");
    expect(lars.name).toBe("Lars Varsel");
    const letters = await listStudentLetters(lars, NOW);
    expect(letters.map((letter) => letter.kind)).toEqual(["CORRECTION_NOTICE"]);
    const [overview] = await getStudentOverview(lars, NOW);
    const fagnotat = overview!.arbeidskrav.find((item) => item.number === 1)!;
    expect(fagnotat).toMatchObject({ status: "APPROVED", pendingNotice: { responded: true } });
    const page = await getStudentArbeidskrav(lars, fagnotat.id);
    expect(page.notices).toMatchObject([{ status: "PENDING", mayRespond: true, response: expect.stringContaining("litteraturlisten") }]);
    const frida = await viewerOf("faglaerer@demo.no");
    const [pending] = await listPendingNotices(frida, NOW);
    expect(pending).toMatchObject({ ready: true, members: ["Lars Varsel"], title: fagnotat.title });
    const submission = await getSubmissionForAssessment(frida, pending!.cohortId, pending!.submissionId);
    expect(submission.notices).toMatchObject([{ status: "PENDING", notReady: null }]);
    expect(submission).toMatchObject({ academicLead: true, canCorrect: false });
  });

  it("Sander: a vedtak on fagnotat 1, a klage taken by Tor, fagnotat 1 approved", async () => {
    const sander = await viewerOf("student@demo.no");
    const letters = await listStudentLetters(sander, NOW);
    expect(letters.map((letter) => letter.kind)).toEqual(["KLAGE_REVERSED", "ARBEIDSKRAV_NOT_APPROVED"]);
    expect(letters[1]!.appeal).toMatchObject({ status: "REVERSED" });
    expect(letters[1]!.canAppeal).toBe(false);
    // The vedtak he klaged on he had read; the outcome is new to him.
    expect(letters.map((letter) => letter.isNew)).toEqual([true, false]);
    // So has every student the letters they klaged on themselves.
    expect(await db().studentLetter.count({ where: { opening: { is: null }, appeals: { some: { registeredById: null } } } })).toBe(0);
    const [overview] = await getStudentOverview(sander, NOW);
    const fagnotat1 = overview!.arbeidskrav.find((item) => item.number === 1)!;
    expect(fagnotat1.status).toBe("APPROVED");
    expect(fagnotat1.submission!.attempts.at(-1)!.changes).toMatchObject([{ cause: "KLAGE", changedBy: { name: "Tor Prosessveileder Bakken" } }]);
    // His story otherwise as before: ledertreningsoppgave 1 to hand in again.
    expect(overview!.arbeidskrav.find((item) => item.number === 2)!.permission).toMatchObject({ allowed: true, kind: "RESUBMISSION" });
  });

  it("Vilde: a letter of every kind, and a klage on 'ikke adgang' waiting for an adviser", async () => {
    const vilde = await viewerOf("student.vedtak@demo.no");
    const letters = await listStudentLetters(vilde, NOW);
    // Every kind about coursework and the exam but utsatt eksamen (Ulla's story) and the
    // forhåndsvarsel (Lars's); the enrolment changes' letters are Petra's and Olav's, and an
    // avvisning of a late klage is made in the walk (tests/e2e/klage-dismissal.spec.ts).
    const enrolmentKinds = ["LEAVE_GRANTED", "LEAVE_REFUSED", "LEAVE_ENDED", "LEAVE_CANCELLED", "WITHDRAWAL_CONFIRMED", "COMPLETION_CONFIRMED", "TRANSFER_CONFIRMED", "KLAGE_DISMISSED"];
    expect(new Set(letters.map((letter) => letter.kind))).toEqual(
      new Set(STUDENT_LETTER_KINDS.filter((kind) => !kind.startsWith("EXAM_DEFERRAL") && !kind.startsWith("CORRECTION_NOTICE") && !enrolmentKinds.includes(kind))),
    );
    const refusal = letters.find((letter) => letter.kind === "EXAM_ADMISSION_REFUSED")!;
    expect(refusal.appeal).toMatchObject({ status: "RECEIVED" });
    expect(refusal.body).toContain("Ledertreningsoppgave 2 er endelig ikke godkjent etter siste innlevering");
    const [overview] = await getStudentOverview(vilde, NOW);
    expect(overview!.exam).toMatchObject({ refused: true });
    expect(overview!.arbeidskrav.filter((item) => item.finalRejection).map((item) => item.number)).toEqual([4]);

    const cohortId = overview!.cohort.id;
    // The klage on the exam waits for an adviser; the one on ledertreningsoppgave 2 waits at the
    // klagenemnd, and the adviser registers its decision when it comes.
    const open = async (viewer: Viewer) => {
      const rows = await listCohortAppeals(viewer, cohortId, { open: true });
      expect(rows.map((row) => [row.letter.kind, row.status])).toEqual([
        ["ARBEIDSKRAV_NOT_APPROVED", "UPHELD"],
        ["EXAM_ADMISSION_REFUSED", "RECEIVED"],
      ]);
      return { atAppealsBody: rows[0]!, exam: rows[1]! };
    };
    const forAdviser = await open(await viewerOf("veileder@demo.no"));
    expect(forAdviser.exam.canDecide).toBe(true);
    // The decider sees the sitting the refusal is about (the demo's first sitting of the kull);
    // the klage at the klagenemnd is on an arbeidskrav, no sitting.
    // She does not meet the requirements (ledertreningsoppgave 2 is finally not approved): the
    // decider is told the facts must be corrected before the klage can be taken.
    expect(forAdviser.exam.sitting).toEqual({ startsOn: overview!.exam!.startsOn, endsOn: overview!.exam!.endsOn, meetsRequirements: false });
    expect(forAdviser.atAppealsBody.sitting).toBeNull();
    expect(forAdviser.exam.nobodyMayDecide).toBeNull();
    expect(forAdviser.atAppealsBody).toMatchObject({ canRegisterAppealsBody: true, appealsBody: { waiting: true, decision: null } });
    const frida = await open(await viewerOf("faglaerer@demo.no"));
    expect(frida.exam.canDecide).toBe(false); // she refused it
    expect(frida.atAppealsBody.canRegisterAppealsBody).toBe(false); // the study administration's
    expect((await open(await viewerOf("hanne.faglaerer@demo.no"))).exam.canDecide).toBe(false); // the exam is the advisers'

    // Her record, as the adviser reads it: the klage at the klagenemnd is not told as closed, and a
    // replaced vedtak offers no klage to register.
    const record = await getStudentRecord(await viewerOf("veileder@demo.no"), vilde.id, NOW);
    const rejection = record.letters.find((letter) => letter.id === forAdviser.atAppealsBody.letter.id)!;
    expect(klageBadge(rejection.klage!, rejection.klage!.appealsBody).label).toBe("Hos klagenemnda");
    const replaced = record.letters.filter((letter) => letter.replaced);
    expect(replaced.length).toBeGreaterThan(0);
    expect(letters.filter((letter) => letter.replacedBy !== null).map((letter) => letter.id).sort()).toEqual(replaced.map((letter) => letter.id).sort());
    // Her start page names the rejection, and where her klage on it stands, not «for eksempel etter en klage».
    expect(eligibilityHeadline(overview!.eligibility, overview!.arbeidskrav.filter((item) => item.number === 4).map((item) => ({ title: item.title, klage: item.klage })))).toMatch(
      /ikke godkjent etter siste innlevering\. Klagen din er hos klagenemnda\. Får du medhold, kan du gå opp til eksamen\.$/,
    );
  });

  it("Siri: her second and last hand-in of ledertreningsoppgave 1 waits for assessment", async () => {
    const siri = await viewerOf("student.sjanse@demo.no");
    const [overview] = await getStudentOverview(siri, NOW);
    const item = overview!.arbeidskrav.find((candidate) => candidate.number === 2)!;
    expect(item.status).toBe("SUBMITTED");
    expect(item.submission!.attempts.map((attempt) => attempt.status)).toEqual(["NOT_APPROVED", "SUBMITTED"]);
    const submission = await getSubmissionForAssessment(await viewerOf("faglaerer@demo.no"), overview!.cohort.id, item.submission!.id);
    expect(submission.latestIsFinal).toBe(true);
  });

  it("the students and Hanne who decide in the story can sign in", async () => {
    for (const email of ["student.vedtak@demo.no", "student.sjanse@demo.no", "hanne.faglaerer@demo.no"]) {
      const user = await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
      expect(user.passwordHash, email).toBeTruthy();
    }
  });

  it("H2023's ny eksamen and utsatt eksamen: Nora registered after F, Fredrik may register, Ulla granted a deferral with a letter", async () => {
    const nora = (await getStudentOverview(await viewerOf("student.nyeksamen@demo.no"), NOW))[0]!;
    const resit = nora.exams.sittings.find((sitting) => sitting.kind === "RESIT")!;
    expect(resit.status).toBe("ADMITTED");
    expect(nora.exams.sittings.find((sitting) => sitting.kind === "ORDINARY")!.grade).toBe("F");
    expect(nora.exams.attempts).toMatchObject({ used: 1, allowed: 3, passed: false });
    expect(resit.startsAt.getTime()).toBeGreaterThan(NOW.getTime());

    const fredrik = (await getStudentOverview(await viewerOf("student.forsok@demo.no"), NOW))[0]!;
    expect(fredrik.exams.sittings.find((sitting) => sitting.kind === "RESIT")).toMatchObject({ status: null, resitProblem: null });

    const ulla = await viewerOf("student.utsatt@demo.no");
    const [overview] = await getStudentOverview(ulla, NOW);
    expect(overview!.exams.sittings.map((sitting) => [sitting.kind, sitting.status])).toEqual([
      ["ORDINARY", "DEFERRED"],
      ["DEFERRED", "ADMITTED"],
    ]);
    expect(overview!.exams.attempts.used).toBe(0);
    const letters = await listStudentLetters(ulla, NOW);
    expect(letters.map((letter) => letter.kind)).toEqual(["EXAM_DEFERRAL_GRANTED"]);
  });
});
