import { describe, expect, it } from "vitest";
import {
  arbeidskravCreditProblems,
  attendanceCredits,
  attendanceCreditSummary,
  awaitedCredits,
  correspondingSamlinger,
  creditsFromLateApproval,
  placeWithinKind,
  creditProblem,
  proposeArbeidskravCredits,
  transferExamProblem,
  transferTargetProblem,
  type CreditSource,
  type CreditTarget,
} from "@/lib/domain/transfer";

describe("which kull a student may move to", () => {
  const v2026 = { id: "v26", programmeId: "bvl", name: "Kull V2026", startsOn: "2026-01-20", endsOn: "2027-05-30", published: true, archived: false };
  const h2026 = { id: "h26", programmeId: "bvl", name: "Kull H2026", startsOn: "2026-09-01", endsOn: "2027-11-30", published: true, archived: false };
  it("a later kull of the same programme that is not over", () => {
    expect(transferTargetProblem(v2026, h2026, "2026-06-01")).toBeNull();
    expect(transferTargetProblem(v2026, v2026, "2026-06-01")).toBe("Velg et annet kull enn det studenten går i nå.");
    expect(transferTargetProblem(v2026, { ...h2026, programmeId: "bil" }, "2026-06-01")).toMatch(/samme videreutdanning/);
    expect(transferTargetProblem(h2026, v2026, "2026-06-01")).toBe("Kull V2026 begynte ikke etter Kull H2026. Velg et senere kull.");
    expect(transferTargetProblem(v2026, h2026, "2027-12-01")).toBe("Kull H2026 sluttet 30. november 2027.");
    expect(transferTargetProblem(v2026, { ...h2026, published: false }, "2026-06-01")).toBe("Kull H2026 er en kladd som ikke er publisert ennå. Publiser kullet først.");
    expect(transferTargetProblem(v2026, { ...h2026, archived: true }, "2026-06-01")).toBe("Kull H2026 er arkivert.");
  });
});

const source = (over: Partial<CreditSource> & Pick<CreditSource, "submissionId" | "kind" | "number">): CreditSource => ({
  arbeidskravId: `old-${over.submissionId}`,
  title: `${over.kind === "FAGNOTAT" ? "Fagnotat" : "Ledertreningsoppgave"} ${over.number}`,
  required: true,
  oralPresentation: false,
  status: "APPROVED",
  groupSize: 1,
  confirmed: true,
  cohortId: "v26",
  place: 0,
  cohortName: "Kull V2026",
  ...over,
});
const target = (over: Partial<CreditTarget> & Pick<CreditTarget, "arbeidskravId" | "kind" | "number">): CreditTarget => ({
  title: `${over.kind === "FAGNOTAT" ? "Fagnotat" : "Ledertreningsoppgave"} ${over.number} (ny)`,
  required: true,
  individualOnly: false,
  oralPresentation: false,
  ...over,
});

describe("crediting an arbeidskrav", () => {
  const fagnotat = target({ arbeidskravId: "t1", kind: "FAGNOTAT", number: 1 });
  it("an approved required item of the same kind", () => {
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1 }), fagnotat)).toBeNull();
  });
  it("never a submitted, not-approved or optional item, or one of another kind", () => {
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1, status: "SUBMITTED" }), fagnotat)).toBe("Fagnotat 1 er ikke godkjent i Kull V2026.");
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1, status: "NOT_APPROVED" }), fagnotat)).toMatch(/ikke godkjent/);
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 6, required: false }), fagnotat)).toMatch(/valgfritt i Kull V2026/);
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1 }), { ...fagnotat, required: false })).toMatch(/valgfritt og teller ikke/);
    expect(creditProblem(source({ submissionId: "s1", kind: "LEDERTRENING", number: 1 }), fagnotat)).toBe(
      "Ledertreningsoppgave 1 er en ledertreningsoppgave og kan bare godkjennes som en ledertreningsoppgave.",
    );
  });
  it("keeps the composition: an individual item only from work handed in alone, the oral item only from the oral one", () => {
    const individual = { ...fagnotat, individualOnly: true };
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1, groupSize: 2 }), individual)).toMatch(/skal skrives alene/);
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1, groupSize: 1 }), individual)).toBeNull();
    const oral = { ...fagnotat, oralPresentation: true };
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1 }), oral)).toMatch(/legges også fram muntlig/);
    expect(creditProblem(source({ submissionId: "s1", kind: "FAGNOTAT", number: 1, oralPresentation: true }), oral)).toBeNull();
  });
});

describe("the proposal and the adviser's choices", () => {
  const sources = [
    source({ submissionId: "f1", kind: "FAGNOTAT", number: 1, place: 0, groupSize: 1 }),
    source({ submissionId: "f2", kind: "FAGNOTAT", number: 2, place: 1, groupSize: 3 }),
    source({ submissionId: "l1", kind: "LEDERTRENING", number: 3, place: 0 }),
    source({ submissionId: "l2", kind: "LEDERTRENING", number: 4, place: 1, status: "NOT_APPROVED" }),
    source({ submissionId: "x", kind: "FAGNOTAT", number: 9, place: -1, required: false }),
  ];
  const targets = [
    target({ arbeidskravId: "T1", kind: "FAGNOTAT", number: 1, individualOnly: true }),
    target({ arbeidskravId: "T2", kind: "FAGNOTAT", number: 2 }),
    target({ arbeidskravId: "T3", kind: "LEDERTRENING", number: 3 }),
    target({ arbeidskravId: "T4", kind: "LEDERTRENING", number: 4 }),
    target({ arbeidskravId: "T5", kind: "LEDERTRENING", number: 5 }),
    target({ arbeidskravId: "T6", kind: "FAGNOTAT", number: 6, required: false }),
  ];

  it("matches by kind and place within the kind, only approved, each once, never an optional", () => {
    expect(proposeArbeidskravCredits(sources, targets)).toEqual([
      { targetId: "T1", sourceSubmissionId: "f1" },
      { targetId: "T2", sourceSubmissionId: "f2" },
      { targetId: "T3", sourceSubmissionId: "l1" },
    ]);
  });

  it("counts places within each earlier kull, and proposes the latest kull's work first, for a student moved twice", () => {
    const earlier = (over: Partial<CreditSource> & Pick<CreditSource, "submissionId" | "kind" | "number">) => source({ cohortId: "h25", cohortName: "Kull H2025", ...over });
    const twoKull = [
      // In H2025: fagnotat 1 approved (credited in V2026), fagnotat 2 finally not approved.
      earlier({ submissionId: "a1", kind: "FAGNOTAT", number: 1 }),
      earlier({ submissionId: "a2", kind: "FAGNOTAT", number: 3, place: 1, status: "NOT_APPROVED" }),
      // In V2026 she handed in fagnotat 2 only (fagnotat 1 was credited there), and it was approved.
      source({ submissionId: "b2", kind: "FAGNOTAT", number: 3, place: 1 }),
    ];
    const fagnotater = [target({ arbeidskravId: "C1", kind: "FAGNOTAT", number: 1 }), target({ arbeidskravId: "C2", kind: "FAGNOTAT", number: 3 })];
    // V2026's fagnotat 2 is the only fagnotat she handed in there, but the second of its plan: it
    // counts as fagnotat 2, never as fagnotat 1, and H2025's refused fagnotat 2 is passed over.
    expect(proposeArbeidskravCredits(twoKull, fagnotater)).toEqual([
      { targetId: "C1", sourceSubmissionId: "a1" },
      { targetId: "C2", sourceSubmissionId: "b2" },
    ]);
    // Both kull approved fagnotat 1: the latest is proposed.
    expect(proposeArbeidskravCredits([earlier({ submissionId: "a1", kind: "FAGNOTAT", number: 1 }), source({ submissionId: "b1", kind: "FAGNOTAT", number: 1 })], fagnotater)).toEqual([
      { targetId: "C1", sourceSubmissionId: "b1" },
    ]);
  });

  it("a place is counted in the kull's plan, among its required items of the kind", () => {
    const plan = [
      { id: "k1", kind: "FAGNOTAT" as const, number: 1, required: true },
      { id: "k2", kind: "LEDERTRENING" as const, number: 2, required: true },
      { id: "k3", kind: "FAGNOTAT" as const, number: 3, required: true },
      { id: "k6", kind: "FAGNOTAT" as const, number: 6, required: false },
    ];
    expect(["k1", "k2", "k3", "k6", "nope"].map((id) => placeWithinKind(plan, id))).toEqual([0, 0, 1, -1, -1]);
  });

  it("proposes nothing that would break the rules (every proposal passes the check)", () => {
    const proposal = proposeArbeidskravCredits(sources, targets);
    expect(arbeidskravCreditProblems(proposal, sources, targets)).toEqual({});
  });

  it("checks the adviser's choices by target", () => {
    expect(
      arbeidskravCreditProblems(
        [
          { targetId: "T2", sourceSubmissionId: "f1" },
          { targetId: "T1", sourceSubmissionId: "f2" },
          { targetId: "T3", sourceSubmissionId: "f1" },
          { targetId: "T9", sourceSubmissionId: "l1" },
          { targetId: "T4", sourceSubmissionId: "nope" },
          { targetId: "T5", sourceSubmissionId: "l2" },
        ],
        sources,
        targets,
      ),
    ).toEqual({
      T1: "Fagnotat 1 (ny) skal skrives alene, og Fagnotat 2 var et gruppearbeid.",
      T3: "Fagnotat 1 er allerede godkjent som Fagnotat 2 (ny). Hver innlevering kan bare godkjennes én gang.",
      T9: "Arbeidskravet finnes ikke i det nye kullet.",
      T4: "Innleveringen finnes ikke blant studentens arbeidskrav i det tidligere kullet.",
      T5: "Ledertreningsoppgave 4 er ikke godkjent i Kull V2026.",
    });
    expect(arbeidskravCreditProblems([{ targetId: "T2", sourceSubmissionId: "f1" }, { targetId: "T2", sourceSubmissionId: "f2" }], sources, targets)).toEqual({
      T2: "Fagnotat 2 (ny) er valgt to ganger.",
    });
  });
});

describe("work approved in the earlier kull after the transfer", () => {
  const targets = [
    target({ arbeidskravId: "T1", kind: "FAGNOTAT", number: 1 }),
    target({ arbeidskravId: "T2", kind: "FAGNOTAT", number: 2 }),
    target({ arbeidskravId: "T3", kind: "LEDERTRENING", number: 3 }),
    target({ arbeidskravId: "T4", kind: "LEDERTRENING", number: 4, individualOnly: true }),
  ];
  const atTransfer = [
    source({ submissionId: "f1", kind: "FAGNOTAT", number: 1 }),
    source({ submissionId: "f2", kind: "FAGNOTAT", number: 2, place: 1, status: "SUBMITTED" }),
    source({ submissionId: "l1", kind: "LEDERTRENING", number: 3, place: 0, status: "NOT_APPROVED" }),
    source({ submissionId: "l2", kind: "LEDERTRENING", number: 4, place: 1, status: "SUBMITTED", groupSize: 2 }),
  ];
  const chosen = [{ targetId: "T1", sourceSubmissionId: "f1" }];
  const approvedLater = (ids: string[]) => atTransfer.map((row) => (ids.includes(row.submissionId) ? { ...row, status: "APPROVED" as const } : row));

  it("counts as the item the proposal pairs it with, once it is approved there", () => {
    expect(creditsFromLateApproval(approvedLater(["f2"]), targets, chosen, new Set(["f2"]))).toEqual([{ targetId: "T2", sourceSubmissionId: "f2" }]);
    // A klage upheld on the «ikke godkjent» ledertreningsoppgave: it counts in the new kull as well.
    expect(creditsFromLateApproval(approvedLater(["l1"]), targets, chosen, new Set(["l1"]))).toEqual([{ targetId: "T3", sourceSubmissionId: "l1" }]);
  });

  it("brings nothing when it is not approved, breaks the rules, or the item is credited or handed in here already", () => {
    expect(creditsFromLateApproval(atTransfer, targets, chosen, new Set(["f2"]))).toEqual([]);
    // Group work cannot count as an item to be written alone.
    expect(creditsFromLateApproval(approvedLater(["l2"]), targets, chosen, new Set(["l2"]))).toEqual([]);
    expect(creditsFromLateApproval(approvedLater(["f2"]), targets, [...chosen, { targetId: "T2", sourceSubmissionId: "other" }], new Set(["f2"]))).toEqual([]);
    expect(creditsFromLateApproval(approvedLater(["f2"]), targets, [{ targetId: "T9", sourceSubmissionId: "f2" }], new Set(["f2"]))).toEqual([]);
    // She handed the item in in the new kull herself (waiting, approved or not): her own work decides it.
    expect(creditsFromLateApproval(approvedLater(["f2"]), targets, chosen, new Set(["f2"]), new Set(["T2"]))).toEqual([]);
    // Nothing credited at the transfer: the late approval counts all the same.
    expect(creditsFromLateApproval(approvedLater(["f2"]), targets, [], new Set(["f2"]))).toEqual([{ targetId: "T2", sourceSubmissionId: "f2" }]);
  });

  it("the transfer names the pending work that will count when approved, and only that", () => {
    expect(awaitedCredits(atTransfer, targets, chosen)).toEqual([{ targetId: "T2", sourceSubmissionId: "f2" }]);
    expect(awaitedCredits(atTransfer, targets, [...chosen, { targetId: "T2", sourceSubmissionId: "x" }])).toEqual([]);
    // Group work she never confirmed being in is assessed without her.
    expect(awaitedCredits(atTransfer.map((row) => (row.submissionId === "f2" ? { ...row, confirmed: false } : row)), targets, chosen)).toEqual([]);
  });
});

describe("attendance where the plan is the same", () => {
  const day = (id: string, date: string) => ({ id, date });
  const oldPlan = [
    { number: 1, title: "Samling 1", days: [day("o1a", "2026-01-20"), day("o1b", "2026-01-21")] },
    { number: 2, title: "Samling 2", days: [day("o2a", "2026-02-20"), day("o2b", "2026-02-21"), day("o2c", "2026-02-22")] },
    { number: 3, title: "Samling 3", days: [day("o3a", "2026-03-20")] },
  ];
  const newPlan = [
    { number: 2, title: "Samling 2 ny", days: [day("n2a", "2026-10-20"), day("n2b", "2026-10-21"), day("n2c", "2026-10-22")] },
    { number: 1, title: "Samling 1 ny", days: [day("n1a", "2026-09-20"), day("n1b", "2026-09-21")] },
    { number: 3, title: "Samling 3 ny", days: [day("n3a", "2026-11-20"), day("n3b", "2026-11-21")] },
    { number: 4, title: "Samling 4 ny", days: [day("n4a", "2026-12-20")] },
  ];

  it("samling N corresponds to samling N when both have as many days", () => {
    expect(correspondingSamlinger(oldPlan, newPlan).map((samling) => samling.number)).toEqual([1, 2]);
  });

  it("credits the day in the same place for each old day attended, only in the samlinger chosen", () => {
    const corresponding = correspondingSamlinger(oldPlan, newPlan);
    const present = new Set(["o1a", "o1b", "o2a", "o2c", "o3a"]);
    expect(attendanceCredits(corresponding, present, [1, 2])).toEqual([
      { targetDayId: "n1a", sourceDayId: "o1a" },
      { targetDayId: "n1b", sourceDayId: "o1b" },
      { targetDayId: "n2a", sourceDayId: "o2a" },
      { targetDayId: "n2c", sourceDayId: "o2c" },
    ]);
    expect(attendanceCredits(corresponding, present, [2])).toHaveLength(2);
    // Samling 3 has a different number of days: never credited, even when chosen.
    expect(attendanceCredits(corresponding, present, [3])).toEqual([]);
    expect(attendanceCreditSummary(corresponding, present).map(({ number, days, credited }) => ({ number, days, credited }))).toEqual([
      { number: 1, days: 2, credited: 2 },
      { number: 2, days: 3, credited: 2 },
    ]);
  });
});

describe("an exam attempt used in the kull", () => {
  it("keeps the student in it: her next attempt is its ny eksamen", () => {
    expect(transferExamProblem(0)).toBeNull();
    expect(transferExamProblem(1)).toMatch(/^Studenten har brukt et forsøk på eksamen i kullet \(en karakter eller «ikke møtt»\)/);
  });
});
