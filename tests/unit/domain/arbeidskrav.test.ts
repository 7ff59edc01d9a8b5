import { describe, expect, it } from "vitest";
import {
  arbeidskravSetChange,
  arbeidskravSetEditRule,
  GROUPINGS,
  groupingOf,
  studentArbeidskravStanding,
  validateArbeidskravSet,
  validateSubmissionGroup,
  type ArbeidskravDefinitionInput,
  type ArbeidskravSetItem,
} from "@/lib/domain/arbeidskrav";

function def(number: number, overrides: Partial<ArbeidskravDefinitionInput> = {}): ArbeidskravDefinitionInput {
  return {
    number,
    kind: "LEDERTRENING",
    individualOnly: true,
    oralPresentation: false,
    minGroupSize: 1,
    maxGroupSize: 1,
    ...overrides,
  };
}

/** The programme's usual set: fagnotat 1 individual, fagnotat 2 alone or in a group of 2–3 and presented orally. */
function validSet(): ArbeidskravDefinitionInput[] {
  return [
    def(1, { kind: "FAGNOTAT" }),
    def(2, { kind: "FAGNOTAT", individualOnly: false, minGroupSize: 1, maxGroupSize: 3, oralPresentation: true }),
    def(3),
    def(4),
    def(5),
  ];
}

describe("validateArbeidskravSet", () => {
  it("accepts the usual set", () => {
    expect(validateArbeidskravSet(validSet())).toEqual([]);
  });

  it("accepts both fagnotat individual, and a group fagnotat that must be written in a group", () => {
    const bothIndividual = validSet();
    bothIndividual[1] = def(2, { kind: "FAGNOTAT", oralPresentation: true });
    expect(validateArbeidskravSet(bothIndividual)).toEqual([]);
    const groupOnly = validSet();
    groupOnly[1] = { ...groupOnly[1]!, minGroupSize: 2, maxGroupSize: 3 };
    expect(validateArbeidskravSet(groupOnly)).toEqual([]);
    const pairs = validSet();
    pairs[1] = { ...pairs[1]!, minGroupSize: 1, maxGroupSize: 2 };
    expect(validateArbeidskravSet(pairs)).toEqual([]);
  });

  it("accepts the oral presentation on a ledertreningsoppgave", () => {
    const set = validSet();
    set[1] = { ...set[1]!, oralPresentation: false };
    set[4] = { ...set[4]!, oralPresentation: true };
    expect(validateArbeidskravSet(set)).toEqual([]);
  });

  it("does not depend on the order of the list", () => {
    expect(validateArbeidskravSet([...validSet()].reverse())).toEqual([]);
  });

  it("needs five in all", () => {
    expect(validateArbeidskravSet(validSet().slice(0, 4))).toEqual([
      "Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 4).",
      "Det må være 3 obligatoriske ledertreningsoppgaver (har 2).",
    ]);
    expect(validateArbeidskravSet([...validSet(), def(6)])).toEqual([
      "Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 6).",
      "Det må være 3 obligatoriske ledertreningsoppgaver (har 4).",
    ]);
  });

  it("reports an empty set", () => {
    expect(validateArbeidskravSet([])).toEqual([
      "Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 0).",
      "Det må være 2 obligatoriske fagnotat (har 0).",
      "Det må være 3 obligatoriske ledertreningsoppgaver (har 0).",
      "Nøyaktig ett av de obligatoriske arbeidskravene skal også presenteres muntlig (har 0).",
    ]);
  });

  it("needs the numbers 1–5 once each", () => {
    const set = validSet();
    set[4] = def(4);
    expect(validateArbeidskravSet(set)).toEqual([
      "Nummer 4 er brukt på flere arbeidskrav.",
      "Det mangler et arbeidskrav med nummer 5.",
    ]);
    const zero = validSet();
    zero[4] = def(0);
    expect(validateArbeidskravSet(zero)).toEqual([
      "Arbeidskrav må ha et nummer fra 1 til 5 (fant 0).",
      "Det mangler et arbeidskrav med nummer 5.",
    ]);
    const fraction = validSet();
    fraction[4] = def(4.5);
    expect(validateArbeidskravSet(fraction)[0]).toBe("Arbeidskrav må ha et nummer fra 1 til 5 (fant 4.5).");
  });

  it("needs two fagnotat and three ledertreningsoppgaver", () => {
    const set = validSet();
    set[2] = def(3, { kind: "FAGNOTAT" });
    expect(validateArbeidskravSet(set)).toEqual([
      "Det må være 2 obligatoriske fagnotat (har 3).",
      "Det må være 3 obligatoriske ledertreningsoppgaver (har 2).",
    ]);
  });

  it("needs at least one individual fagnotat", () => {
    const set = validSet();
    set[0] = def(1, { kind: "FAGNOTAT", individualOnly: false, maxGroupSize: 3 });
    expect(validateArbeidskravSet(set)).toEqual(["Minst ett av de obligatoriske fagnotatene må skrives individuelt."]);
  });

  it("needs exactly one oral presentation", () => {
    const none = validSet();
    none[1] = { ...none[1]!, oralPresentation: false };
    expect(validateArbeidskravSet(none)).toEqual(["Nøyaktig ett av de obligatoriske arbeidskravene skal også presenteres muntlig (har 0)."]);
    const two = validSet();
    two[0] = { ...two[0]!, oralPresentation: true };
    expect(validateArbeidskravSet(two)).toEqual(["Nøyaktig ett av de obligatoriske arbeidskravene skal også presenteres muntlig (har 2)."]);
  });

  it("keeps ledertreningsoppgaver individual", () => {
    const set = validSet();
    set[2] = def(3, { individualOnly: false, maxGroupSize: 3 });
    expect(validateArbeidskravSet(set)).toEqual([
      "Arbeidskrav 3: ledertreningsoppgaver bygger på egen praksis og må leveres individuelt.",
    ]);
  });

  it("checks group sizes", () => {
    const cases: [Partial<ArbeidskravDefinitionInput>, string][] = [
      [{ maxGroupSize: 4 }, "Arbeidskrav 2: gruppestørrelsen må være fra 1 til 3 personer, og minste størrelse kan ikke være større enn største."],
      [{ minGroupSize: 0 }, "Arbeidskrav 2: gruppestørrelsen må være fra 1 til 3 personer, og minste størrelse kan ikke være større enn største."],
      [{ minGroupSize: 3, maxGroupSize: 2 }, "Arbeidskrav 2: gruppestørrelsen må være fra 1 til 3 personer, og minste størrelse kan ikke være større enn største."],
      [{ minGroupSize: 1.5 }, "Arbeidskrav 2: gruppestørrelsen må være fra 1 til 3 personer, og minste størrelse kan ikke være større enn største."],
      [{ maxGroupSize: 1 }, "Arbeidskrav 2 tillater bare én person, men er ikke merket som individuelt. Merk det som individuelt, eller tillat grupper på 2–3."],
      [{ individualOnly: true }, "Arbeidskrav 2 er individuelt og kan ikke tillate grupper (største gruppe må være 1)."],
    ];
    for (const [change, message] of cases) {
      const set = validSet();
      set[1] = { ...set[1]!, ...change };
      expect(validateArbeidskravSet(set)).toEqual([message]);
    }
  });

  it("an individual fagnotat with a group size of 2 is reported", () => {
    const set = validSet();
    set[0] = { ...set[0]!, maxGroupSize: 2 };
    expect(validateArbeidskravSet(set)).toEqual(["Arbeidskrav 1 er individuelt og kan ikke tillate grupper (største gruppe må være 1)."]);
  });
});

describe("validateSubmissionGroup", () => {
  const individual = { individualOnly: true, minGroupSize: 1, maxGroupSize: 1 };
  const group = { individualOnly: false, minGroupSize: 1, maxGroupSize: 3 };
  const groupOnly = { individualOnly: false, minGroupSize: 2, maxGroupSize: 3 };

  it("accepts allowed sizes", () => {
    expect(validateSubmissionGroup(individual, ["s1"])).toEqual([]);
    expect(validateSubmissionGroup(group, ["s1"])).toEqual([]);
    expect(validateSubmissionGroup(group, ["s1", "s2"])).toEqual([]);
    expect(validateSubmissionGroup(group, ["s1", "s2", "s3"], "s2")).toEqual([]);
    expect(validateSubmissionGroup(groupOnly, ["s1", "s2"])).toEqual([]);
  });

  it("refuses groups for an individual arbeidskrav", () => {
    expect(validateSubmissionGroup(individual, ["s1", "s2"])).toEqual(["Dette arbeidskravet skal leveres individuelt."]);
  });

  it("refuses too large and too small groups", () => {
    expect(validateSubmissionGroup(group, ["s1", "s2", "s3", "s4"])).toEqual(["Gruppen kan ha høyst 3 deltakere (har 4)."]);
    expect(validateSubmissionGroup(groupOnly, ["s1"])).toEqual(["Gruppen må ha minst 2 deltakere (har 1)."]);
  });

  it("refuses an empty group", () => {
    expect(validateSubmissionGroup(group, [])).toEqual(["En innlevering må ha minst én deltaker."]);
  });

  it("refuses duplicate members and judges the size without them", () => {
    expect(validateSubmissionGroup(group, ["s1", "s1"])).toEqual(["Den samme studenten er lagt til flere ganger."]);
    expect(validateSubmissionGroup(groupOnly, ["s1", "s1"])).toEqual([
      "Den samme studenten er lagt til flere ganger.",
      "Gruppen må ha minst 2 deltakere (har 1).",
    ]);
  });

  it("needs the submitter in the group", () => {
    expect(validateSubmissionGroup(group, ["s1", "s2"], "s3")).toEqual(["Du må selv være med i gruppen du leverer for."]);
  });
});

describe("studentArbeidskravStanding", () => {
  const ids = (...list: string[]) => list.map((id) => ({ id }));

  it("lists every definition, NOT_SUBMITTED where there is no submission", () => {
    expect(
      studentArbeidskravStanding(ids("a1", "a2", "a3"), [
        { arbeidskravId: "a3", status: "APPROVED" },
        { arbeidskravId: "a1", status: "NOT_APPROVED" },
      ]),
    ).toEqual([
      { id: "a1", status: "NOT_APPROVED", required: true, final: false },
      { id: "a2", status: "NOT_SUBMITTED", required: true, final: false },
      { id: "a3", status: "APPROVED", required: true, final: false },
    ]);
  });

  it("keeps each item's required flag, so an optional extra is listed but marked", () => {
    expect(studentArbeidskravStanding([{ id: "a1" }, { id: "x", required: false }], [{ arbeidskravId: "x", status: "APPROVED" }])).toEqual([
      { id: "a1", status: "NOT_SUBMITTED", required: true, final: false },
      { id: "x", status: "APPROVED", required: false, final: false },
    ]);
  });

  it("counts a credited item (carried over from an earlier kull) as approved", () => {
    expect(studentArbeidskravStanding(ids("a1", "a2"), [{ arbeidskravId: "a1", status: "NOT_APPROVED" }], ["a1"])).toEqual([
      { id: "a1", status: "APPROVED", required: true, final: false },
      { id: "a2", status: "NOT_SUBMITTED", required: true, final: false },
    ]);
    expect(() => studentArbeidskravStanding(ids("a1"), [], ["zz"])).toThrow(RangeError);
  });

  it("marks «ikke godkjent» on the last hand-in allowed as final, and nothing else", () => {
    const definitions = [
      { id: "a1", maxAttempts: 2 },
      { id: "a2", maxAttempts: 2 },
      { id: "a3", maxAttempts: 3 },
      { id: "a4", maxAttempts: 1 },
      { id: "a5", maxAttempts: 2 },
    ];
    expect(
      studentArbeidskravStanding(
        definitions,
        [
          { arbeidskravId: "a1", status: "NOT_APPROVED", attempt: 2 },
          { arbeidskravId: "a2", status: "NOT_APPROVED", attempt: 1 },
          { arbeidskravId: "a3", status: "NOT_APPROVED", attempt: 2 },
          { arbeidskravId: "a4", status: "SUBMITTED", attempt: 1 },
          // Credited from an earlier kull: approved, whatever was handed in here.
          { arbeidskravId: "a5", status: "NOT_APPROVED", attempt: 2 },
        ],
        ["a5"],
      ).map(({ id, status, final }) => ({ id, status, final })),
    ).toEqual([
      { id: "a1", status: "NOT_APPROVED", final: true },
      { id: "a2", status: "NOT_APPROVED", final: false },
      { id: "a3", status: "NOT_APPROVED", final: false },
      { id: "a4", status: "SUBMITTED", final: false },
      { id: "a5", status: "APPROVED", final: false },
    ]);
    // Without the attempt or the plan's limit nothing is called final.
    expect(studentArbeidskravStanding([{ id: "a1" }], [{ arbeidskravId: "a1", status: "NOT_APPROVED", attempt: 9 }])[0]!.final).toBe(false);
    expect(studentArbeidskravStanding([{ id: "a1", maxAttempts: 2 }], [{ arbeidskravId: "a1", status: "NOT_APPROVED" }])[0]!.final).toBe(false);
  });

  it("refuses unknown arbeidskrav and two submissions for one", () => {
    expect(() => studentArbeidskravStanding(ids("a1"), [{ arbeidskravId: "x", status: "SUBMITTED" }])).toThrow(RangeError);
    expect(() =>
      studentArbeidskravStanding(ids("a1"), [
        { arbeidskravId: "a1", status: "SUBMITTED" },
        { arbeidskravId: "a1", status: "APPROVED" },
      ]),
    ).toThrow(RangeError);
  });
});

describe("optional extra items", () => {
  it("may be added beside the five required ones, of either kind and any grouping", () => {
    const set = [
      ...validSet(),
      def(6, { kind: "FAGNOTAT", required: false, individualOnly: false, minGroupSize: 1, maxGroupSize: 3 }),
      def(7, { required: false }),
    ];
    expect(validateArbeidskravSet(set)).toEqual([]);
  });

  it("never stand in for a missing required item: a set of four required and one optional is refused", () => {
    const set = validSet();
    set[4] = { ...set[4]!, required: false };
    expect(validateArbeidskravSet(set)).toEqual([
      "Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 4).",
      "Det må være 3 obligatoriske ledertreningsoppgaver (har 2).",
    ]);
  });

  it("is never the one presented orally", () => {
    const set = [...validSet(), def(6, { required: false, oralPresentation: true })];
    expect(validateArbeidskravSet(set)).toEqual(["Arbeidskrav 6 er valgfritt og kan ikke være arbeidskravet som legges fram muntlig."]);
  });

  it("are numbered with the others, 1 … n once each", () => {
    const set = [...validSet(), def(8, { required: false })];
    expect(validateArbeidskravSet(set)).toEqual([
      "Arbeidskrav må ha et nummer fra 1 til 6 (fant 8).",
      "Det mangler et arbeidskrav med nummer 6.",
    ]);
  });

  it("a group fagnotat needs an individual one beside it among the required", () => {
    const set = validSet();
    set[0] = def(1, { kind: "FAGNOTAT", required: false });
    set.push(def(6, { kind: "FAGNOTAT", individualOnly: false, minGroupSize: 2, maxGroupSize: 3 }));
    expect(validateArbeidskravSet(set)).toEqual(["Minst ett av de obligatoriske fagnotatene må skrives individuelt."]);
  });
});

describe("groupings", () => {
  it("every choice is a valid grouping of a fagnotat and round-trips through groupingOf", () => {
    for (const [grouping, sizes] of Object.entries(GROUPINGS)) {
      expect(groupingOf(sizes)).toBe(grouping);
      const set = validSet();
      set[1] = { ...set[1]!, ...sizes };
      expect(validateArbeidskravSet(set)).toEqual([]);
    }
    expect(groupingOf({ individualOnly: false, minGroupSize: 2, maxGroupSize: 2 })).toBeNull();
  });
});

describe("changing a set", () => {
  const item = (id: string | null, number: number, overrides: Partial<ArbeidskravSetItem> = {}): ArbeidskravSetItem => ({
    ...def(number),
    id,
    title: `Arbeidskrav ${number}`,
    description: "",
    dueDate: "2027-03-01",
    required: true,
    ...overrides,
  });
  const stored = [item("a", 1), item("b", 2), item("c", 3)];

  it("tells a change of what the exam requires from new due dates and titles", () => {
    expect(arbeidskravSetChange(stored, [item("a", 1, { dueDate: "2027-04-01" }), item("b", 2, { title: "Ny tittel" }), item("c", 3)])).toEqual({
      added: 0,
      removed: [],
      recomposed: [],
      edited: ["a", "b"],
      composition: false,
    });
    expect(arbeidskravSetChange(stored, [item("a", 1), item("b", 2, { required: false }), item("c", 3, { kind: "FAGNOTAT" })])).toMatchObject({
      recomposed: ["b", "c"],
      composition: true,
    });
    expect(arbeidskravSetChange(stored, [item("a", 1), item("b", 2), item(null, 3)])).toMatchObject({ added: 1, removed: ["c"], composition: true });
    expect(arbeidskravSetChange(stored, stored)).toMatchObject({ edited: [], composition: false });
  });

  it("lets the team build the set before the start, and only the fagansvarlig with a reason change what counts after", () => {
    expect(arbeidskravSetEditRule({ started: false, handedIn: false, composition: true })).toBe("OPEN");
    expect(arbeidskravSetEditRule({ started: true, handedIn: false, composition: true })).toBe("ACADEMIC_LEAD_WITH_REASON");
    expect(arbeidskravSetEditRule({ started: false, handedIn: true, composition: true })).toBe("ACADEMIC_LEAD_WITH_REASON");
    expect(arbeidskravSetEditRule({ started: true, handedIn: true, composition: false })).toBe("OPEN");
  });
});
