import { describe, expect, it } from "vitest";
import { describeContact, studentContacts, whomToContact } from "@/lib/domain/contacts";
import { evaluateEligibility, type ArbeidskravStatus } from "@/lib/domain/eligibility";
import { refusalNoLongerMetText, studentNextSteps, type NextStepsInput } from "@/lib/domain/next-steps";
import type { KlageStage } from "@/lib/domain/klage";
import { DEFAULT_REQUIREMENTS } from "@/lib/domain/requirements";

const programme = {
  adviser: { name: "Ingrid Haugen", email: "ingrid@example.no", phone: "73 00 00 01" },
  academicLead: { name: "Per Lunde", email: "per@example.no", phone: "73 00 00 02" },
};
const cohortLead = { name: "Hanne Moen", email: "hanne@example.no", phone: null };

describe("contacts", () => {
  it("prefer the cohort's academic lead, else the programme's", () => {
    expect(studentContacts(programme, cohortLead)).toEqual({ adviser: programme.adviser, academicLead: cohortLead });
    expect(studentContacts(programme, null)).toEqual(programme);
  });

  it("are written with e-mail and phone when there is one", () => {
    expect(describeContact(programme.adviser)).toBe("Ingrid Haugen (ingrid@example.no, tlf. 73 00 00 01)");
    expect(describeContact(cohortLead)).toBe("Hanne Moen (hanne@example.no)");
    expect(whomToContact(studentContacts(programme, cohortLead))).toBe(
      "Ta kontakt med studieveileder Ingrid Haugen (ingrid@example.no, tlf. 73 00 00 01) eller fagansvarlig Hanne Moen (hanne@example.no).",
    );
  });
});

const arbeidskrav = (statuses: ArbeidskravStatus[], deadlines: string[]) =>
  statuses.map((status, index) => ({
    id: `ak${index + 1}`,
    number: index + 1,
    title: ["Fagnotat 1", "Ledertreningsoppgave 1", "Fagnotat 2", "Ledertreningsoppgave 2", "Ledertreningsoppgave 3"][index]!,
    status,
    deadline: deadlines[index]!,
  }));

function input(overrides: Partial<NextStepsInput> & { days?: [number, number, number]; statuses?: ArbeidskravStatus[] }): NextStepsInput {
  const [scheduled, held, attended] = overrides.days ?? [26, 15, 14];
  const statuses = overrides.statuses ?? ["APPROVED", "NOT_APPROVED", "NOT_SUBMITTED", "NOT_SUBMITTED", "NOT_SUBMITTED"];
  const items = arbeidskrav(statuses, ["2026-09-01", "2026-12-10", "2027-03-15", "2027-04-20", "2027-05-25"]);
  return {
    today: "2026-11-22",
    eligibility: evaluateEligibility({ scheduledDays: scheduled, heldDays: held, attendedDays: attended, arbeidskrav: items }, DEFAULT_REQUIREMENTS),
    arbeidskrav: items,
    samlinger: [
      { number: 5, title: "Samling 5", location: "NTNU, Trondheim", days: ["2026-11-10", "2026-11-11"] },
      { number: 6, title: "Samling 6", location: "NTNU, Trondheim", days: ["2026-12-15", "2026-12-16"] },
    ],
    exam: { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: false, publishedGrade: null },
    contacts: studentContacts(programme, cohortLead),
    ...overrides,
  };
}

describe("a student's next steps", () => {
  it("ask no hand-in of a student on leave: each item waits until the leave is over, with its deadline", () => {
    const steps = studentNextSteps(input({ today: "2026-12-12", onLeave: { until: "2027-02-01" } }));
    const handIns = steps.filter((step) => step.key.startsWith("arbeidskrav-"));
    expect(handIns.map((step) => [step.tone, step.text])).toEqual([
      ["info", "Ledertreningsoppgave 1: fristen var 10. desember. Lever når permisjonen er over."],
      ["info", "Fagnotat 2: lever når permisjonen er over, innen 15. mars 2027."],
      ["info", "Ledertreningsoppgave 2: lever når permisjonen er over, innen 20. april 2027."],
      ["info", "Ledertreningsoppgave 3: lever når permisjonen er over, innen 25. mai 2027."],
    ]);
    // A deadline inside the leave, to its last day, is said to be there: she cannot keep it.
    const longer = studentNextSteps(input({ today: "2026-12-12", onLeave: { until: "2027-03-15" } })).filter((step) => step.key.startsWith("arbeidskrav-"));
    expect(longer.map((step) => step.text).slice(1, 3)).toEqual([
      "Fagnotat 2: fristen 15. mars 2027 er i permisjonen din. Lever når permisjonen er over.",
      "Ledertreningsoppgave 2: lever når permisjonen er over, innen 20. april 2027.",
    ]);
    expect(steps.some((step) => /lever (på nytt|så snart)/.test(step.text))).toBe(false);
    // The samling she is to come to is the first after the leave, not the one going on during it.
    const during = studentNextSteps(input({ today: "2026-12-15", onLeave: { until: "2026-12-31" } }));
    expect(during.find((step) => step.key === "next-samling")).toBeUndefined();
    const shorter = studentNextSteps(input({ today: "2026-11-10", onLeave: { until: "2026-11-30" } }));
    expect(shorter.find((step) => step.key === "next-samling")?.text).toBe("Første samling etter permisjonen: 15.–16. desember (uke 51), NTNU, Trondheim.");
  });

  it("tell a student on track what to hand in, how many days they may miss and where to be next", () => {
    const steps = studentNextSteps(input({}));
    expect(steps.map((step) => [step.tone, step.text])).toEqual([
      ["urgent", "Ledertreningsoppgave 1 er ikke godkjent: lever på nytt innen 10. desember."],
      ["todo", "Fagnotat 2 skal leveres innen 15. mars 2027."],
      ["info", "Du kan være borte høyst 4 dager til."],
      // Months away: one line after the first of them, not a step each.
      ["info", "Senere frister: Ledertreningsoppgave 2 (20. april 2027) og Ledertreningsoppgave 3 (25. mai 2027)."],
      ["info", "Neste samling: 15.–16. desember (uke 51), NTNU, Trondheim."],
      ["info", "Eksamen er 8.–10. juni 2027 (uke 23). For å gå opp må du ha minst 80 % oppmøte og 5 godkjente arbeidskrav."],
    ]);
    expect(steps[0]!.target).toEqual({ kind: "arbeidskrav", id: "ak2" });
    expect(steps.find((step) => step.key === "arbeidskrav-later")!.target).toEqual({ kind: "arbeidskrav-list" });
    // Within six weeks each hand-in is a step of its own, and then every later one is listed.
    const spring = studentNextSteps(input({ today: "2027-03-01" }));
    expect(spring.filter((step) => step.key.startsWith("arbeidskrav-")).map((step) => step.text)).toEqual([
      "Ledertreningsoppgave 1 er ikke godkjent, og fristen for ny innlevering var 10. desember 2026: lever på nytt så snart du kan.",
      "Fagnotat 2 skal leveres innen 15. mars.",
      "Senere frister: Ledertreningsoppgave 2 (20. april) og Ledertreningsoppgave 3 (25. mai).",
    ]);
    const april = studentNextSteps(input({ today: "2027-04-01" }));
    expect(april.filter((step) => step.key.startsWith("arbeidskrav-")).map((step) => step.text).slice(1)).toEqual([
      "Fagnotat 2 skulle vært levert 15. mars: lever så snart du kan (det blir merket som levert for sent).",
      "Ledertreningsoppgave 2 skal leveres innen 20. april.",
      "Ledertreningsoppgave 3 skal leveres innen 25. mai.",
    ]);
    expect(steps.find((step) => step.key === "attendance")!.target).toEqual({ kind: "attendance" });
  });

  it("put a forhåndsvarsel first among the arbeidskrav: speak by the deadline; once spoken, it waits for the decision", () => {
    const base = input({});
    const withNotice = (responded: boolean) => ({
      ...base,
      arbeidskrav: base.arbeidskrav.map((item) => (item.id === "ak1" ? { ...item, notice: { respondBy: "2026-12-07", responded } } : item)),
    });
    const waiting = studentNextSteps(withNotice(false));
    expect(waiting[0]).toEqual({
      key: "arbeidskrav-notice-ak1",
      tone: "urgent",
      text: "Du har fått forhåndsvarsel om at Fagnotat 1 kan bli rettet til ikke godkjent. Du kan uttale deg innen 7. desember.",
      target: { kind: "arbeidskrav", id: "ak1" },
    });
    const spoken = studentNextSteps(withNotice(true)).find((step) => step.key === "arbeidskrav-notice-ak1")!;
    expect(spoken.tone).toBe("info");
    expect(spoken.text).toContain("Saken er ikke avgjort ennå");
    expect(studentNextSteps(base).some((step) => step.key.startsWith("arbeidskrav-notice"))).toBe(false);
    // Past the deadline and not decided: she may still speak, and is not told a date that has passed as a deadline ahead.
    const late = studentNextSteps({ ...withNotice(false), today: "2026-12-08" }).find((step) => step.key === "arbeidskrav-notice-ak1")!;
    expect(late.text).toBe("Fristen for å uttale deg til forhåndsvarselet om Fagnotat 1 var 7. desember. Saken er ikke avgjort, så du kan fortsatt uttale deg.");
  });

  it("lead to the notice's letter, where she speaks, and do not count that letter again as new", () => {
    const base = input({});
    const steps = studentNextSteps({
      ...base,
      arbeidskrav: base.arbeidskrav.map((item) => (item.id === "ak1" ? { ...item, notice: { respondBy: "2026-12-07", responded: false, letterId: "varsel" } } : item)),
      newLetters: [{ id: "varsel", subject: "Forhåndsvarsel: Fagnotat 1 kan bli rettet til ikke godkjent" }],
    });
    expect(steps.find((step) => step.key === "arbeidskrav-notice-ak1")!.target).toEqual({ kind: "letter", id: "varsel" });
    expect(steps.some((step) => step.key === "letters-new")).toBe(false);
  });

  it("say when a deadline has passed: hand in anyway, marked late", () => {
    const steps = studentNextSteps(input({ today: "2026-12-11", statuses: ["NOT_SUBMITTED", "NOT_APPROVED", "SUBMITTED", "APPROVED", "APPROVED"] }));
    expect(steps.slice(0, 2).map((step) => step.text)).toEqual([
      "Fagnotat 1 skulle vært levert 1. september: lever så snart du kan (det blir merket som levert for sent).",
      "Ledertreningsoppgave 1 er ikke godkjent, og fristen for ny innlevering var 10. desember: lever på nytt så snart du kan.",
    ]);
    expect(steps.map((step) => step.text)).toContain("Fagnotat 2 er levert og venter på vurdering.");
  });

  it("warn first when at most one absence is left", () => {
    const steps = studentNextSteps(input({ days: [26, 15, 11] }));
    expect(steps[0]).toMatchObject({ tone: "urgent", text: "Du kan være borte høyst 1 dag til." });
    expect(studentNextSteps(input({ days: [26, 15, 10] }))[0]!.text).toBe("Du må møte alle de 11 gjenstående samlingsdagene.");
  });

  it("tell a student who can no longer reach the threshold whom to contact, and leave out the exam", () => {
    const steps = studentNextSteps(input({ days: [26, 15, 8] }));
    expect(steps[0]).toEqual({
      key: "attendance",
      tone: "urgent",
      text:
        "Du kan ikke lenger nå kravet om 80 % oppmøte i dette kullet. Ta kontakt med studieveileder Ingrid Haugen " +
        "(ingrid@example.no, tlf. 73 00 00 01) eller fagansvarlig Hanne Moen (hanne@example.no). De kan fortelle deg hva du kan gjøre videre. " +
        "Arbeidskrav du får godkjent her, kan godkjennes for deg om du fortsetter i et senere kull.",
      target: { kind: "contacts" },
    });
    expect(steps.some((step) => step.key === "exam")).toBe(false);
    // A hand-in past its deadline is still to do, but no longer «viktig»: no exam here hangs on it.
    const late = studentNextSteps(input({ days: [26, 15, 8], today: "2026-12-11", statuses: ["NOT_SUBMITTED", "NOT_APPROVED", "SUBMITTED", "APPROVED", "APPROVED"] }));
    expect(late.filter((step) => step.tone === "urgent").map((step) => step.key)).toEqual(["attendance"]);
    expect(late.filter((step) => step.key.startsWith("arbeidskrav-") && step.tone === "todo")).toHaveLength(2);
    // The same hand-ins while the attendance can still be reached are «viktig».
    const reachable = studentNextSteps(input({ today: "2026-12-11", statuses: ["NOT_SUBMITTED", "NOT_APPROVED", "SUBMITTED", "APPROVED", "APPROVED"] }));
    expect(reachable.filter((step) => step.key.startsWith("arbeidskrav-") && step.tone === "urgent")).toHaveLength(2);
  });

  it("tell an eligible student about the exam and the semester fee, with nothing else to do", () => {
    const steps = studentNextSteps(
      input({
        days: [27, 27, 26],
        statuses: ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"],
        samlinger: [{ number: 9, title: "Samling 9", location: "NTNU, Trondheim", days: ["2026-11-10"] }],
        exam: { startsOn: "2026-12-14", endsOn: "2026-12-16", registered: false, publishedGrade: null },
      }),
    );
    expect(steps.map((step) => step.text)).toEqual([
      "Du har rett til å gå opp til eksamen 14.–16. desember (uke 51). Faglærer melder deg opp, og du ser det her når det er gjort. Husk å betale semesteravgiften for semesteret du tar eksamen.",
    ]);
    const registered = studentNextSteps(
      input({
        days: [27, 27, 26],
        statuses: ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"],
        exam: { startsOn: "2026-12-14", endsOn: "2026-12-16", registered: true, publishedGrade: null },
      }),
    );
    expect(registered.find((step) => step.key === "exam")!.text).toMatch(/^Du er meldt opp til eksamen 14\.–16\. desember \(uke 51\)\./);
  });

  it("show the grade once it is published, and nothing about an exam that is over without one", () => {
    const done = { days: [27, 27, 26] as [number, number, number], statuses: ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"] as ArbeidskravStatus[] };
    expect(
      studentNextSteps(input({ ...done, today: "2027-07-01", exam: { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: true, publishedGrade: "B" } })).map((s) => s.text),
    ).toEqual(["Karakteren din på eksamen er B."]);
    expect(
      studentNextSteps(input({ ...done, today: "2027-07-01", exam: { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: true, publishedGrade: null } })),
    ).toEqual([]);
  });

  it("say where the student is when a samling is going on", () => {
    const steps = studentNextSteps(input({ today: "2026-12-15" }));
    expect(steps.map((step) => step.text)).toContain("Samling 6 pågår nå: 15.–16. desember (uke 51), NTNU, Trondheim.");
  });

  it("take the threshold and the number of arbeidskrav from the cohort's requirements", () => {
    const requirements = { attendancePercent: 75, arbeidskrav: { total: 4, fagnotat: 2, ledertrening: 2, oral: 1, individualFagnotatMin: 1 } };
    const base = input({});
    const items = base.arbeidskrav.slice(0, 4);
    const steps = studentNextSteps({
      ...base,
      arbeidskrav: items,
      eligibility: evaluateEligibility({ scheduledDays: 20, heldDays: 10, attendedDays: 2, arbeidskrav: items }, requirements),
    });
    expect(steps[0]!.text).toMatch(/^Du kan ikke lenger nå kravet om 75 % oppmøte/);
    const onTrack = studentNextSteps({
      ...base,
      arbeidskrav: items,
      eligibility: evaluateEligibility({ scheduledDays: 20, heldDays: 10, attendedDays: 10, arbeidskrav: items }, requirements),
    });
    expect(onTrack.find((step) => step.key === "exam")!.text).toMatch(/minst 75 % oppmøte og 4 godkjente arbeidskrav\.$/);
  });
});

describe("letters she has not opened", () => {
  it("one is named with a link to it, more are counted with a link to the list, none asks nothing", () => {
    const one = studentNextSteps({ ...input({}), newLetters: [{ id: "l1", subject: "Vedtak: Fagnotat 1 er ikke godkjent" }] });
    expect(one.find((step) => step.key === "letters-new")).toEqual({
      key: "letters-new",
      tone: "todo",
      text: "Du har fått et nytt brev: «Vedtak: Fagnotat 1 er ikke godkjent».",
      target: { kind: "letter", id: "l1" },
    });
    const two = studentNextSteps({ ...input({}), newLetters: [{ id: "l2", subject: "B" }, { id: "l1", subject: "A" }] });
    expect(two.find((step) => step.key === "letters-new")).toEqual({ key: "letters-new", tone: "todo", text: "Du har 2 nye brev du ikke har åpnet.", target: { kind: "letters" } });
    expect(studentNextSteps({ ...input({}), newLetters: [] }).some((step) => step.key === "letters-new")).toBe(false);
    expect(studentNextSteps(input({})).some((step) => step.key === "letters-new")).toBe(false);
  });

  it("says «andre» of the rest when a new letter is a step of its own above, so the count matches the menu's", () => {
    const base = input({});
    const items = base.arbeidskrav.map((item) => (item.number === 2 ? { ...item, final: true, decisionLetterId: "vedtak" } : item));
    const letters = [{ id: "vedtak", subject: "Vedtak" }, { id: "l2", subject: "B" }, { id: "l3", subject: "C" }];
    const steps = studentNextSteps({ ...base, arbeidskrav: items, newLetters: letters });
    expect(steps.find((step) => step.key === "arbeidskrav-ak2")!.target).toEqual({ kind: "letter", id: "vedtak" });
    expect(steps.find((step) => step.key === "letters-new")!.text).toBe("Du har 2 andre nye brev du ikke har åpnet.");
    const one = studentNextSteps({ ...base, arbeidskrav: items, newLetters: letters.slice(0, 2) });
    expect(one.find((step) => step.key === "letters-new")!.text).toBe("Du har fått enda et nytt brev: «B».");
  });

  it("names each other vedtak with its klage deadline while it runs; the rest, and a vedtak past its deadline, are counted", () => {
    const letters = [
      { id: "leave", subject: "Vedtak: søknaden din om permisjon er avslått", klageDeadline: "2026-12-13" },
      { id: "notice", subject: "Ny samlingsplan", klageDeadline: null },
      { id: "old", subject: "Vedtak: klagen din er avvist", klageDeadline: "2026-11-21" },
      { id: "today", subject: "Vedtak: klagen din er ikke tatt til følge", klageDeadline: "2026-11-22" },
    ];
    const steps = studentNextSteps({ ...input({}), newLetters: letters });
    expect(steps.find((step) => step.key === "letter-vedtak-leave")).toEqual({
      key: "letter-vedtak-leave",
      tone: "todo",
      text: "Nytt vedtak: søknaden din om permisjon er avslått. Klagefristen er 13. desember.",
      target: { kind: "letter", id: "leave" },
    });
    // Its last day is today: still named.
    expect(steps.find((step) => step.key === "letter-vedtak-today")!.text).toBe("Nytt vedtak: klagen din er ikke tatt til følge. Klagefristen er 22. november.");
    // First among the things to do, before hand-ins due later, after what is urgent.
    const tones = steps.map((step) => step.tone);
    const firstTodo = tones.indexOf("todo");
    expect(steps.slice(firstTodo, firstTodo + 2).map((step) => step.key)).toEqual(["letter-vedtak-leave", "letter-vedtak-today"]);
    expect(steps.slice(firstTodo + 2).some((step) => step.key.startsWith("arbeidskrav-") && step.tone === "todo")).toBe(true);
    expect(tones.slice(0, firstTodo).every((tone) => tone === "urgent")).toBe(true);
    expect(steps.some((step) => step.key === "letter-vedtak-old" || step.key === "letter-vedtak-notice")).toBe(false);
    // The notice and the vedtak past its deadline are the «andre» two, so the count matches the menu's four.
    expect(steps.find((step) => step.key === "letters-new")).toEqual({ key: "letters-new", tone: "todo", text: "Du har 2 andre nye brev du ikke har åpnet.", target: { kind: "letters" } });
    // A deadline in another year says the year.
    const nextYear = studentNextSteps({ ...input({ today: "2026-12-20" }), newLetters: [{ id: "l", subject: "Vedtak", klageDeadline: "2027-01-10" }] });
    expect(nextYear.find((step) => step.key === "letter-vedtak-l")!.text).toBe("Nytt vedtak: «Vedtak». Klagefristen er 10. januar 2027.");
    expect(nextYear.some((step) => step.key === "letters-new")).toBe(false);
  });

  it("does not name a vedtak twice: one a step above leads to (an arbeidskrav's final «ikke godkjent») is neither named again nor counted", () => {
    const base = input({});
    const items = base.arbeidskrav.map((item) => (item.number === 2 ? { ...item, final: true, decisionLetterId: "vedtak" } : item));
    const steps = studentNextSteps({ ...base, arbeidskrav: items, newLetters: [{ id: "vedtak", subject: "Vedtak: Ledertreningsoppgave 1 er ikke godkjent", klageDeadline: "2026-12-13" }] });
    expect(steps.filter((step) => step.target.kind === "letter" && step.target.id === "vedtak").map((step) => step.key)).toEqual(["arbeidskrav-ak2"]);
    expect(steps.some((step) => step.key === "letters-new")).toBe(false);
  });
});

describe("after a decision (an enkeltvedtak)", () => {
  it("points to the letter, not to a new hand-in, after 'ikke godkjent' on the final attempt", () => {
    const base = input({});
    const items = base.arbeidskrav.map((item) => (item.number === 2 ? { ...item, final: true } : item));
    const steps = studentNextSteps({ ...base, arbeidskrav: items });
    const step = steps.find((candidate) => candidate.key === "arbeidskrav-ak2")!;
    expect(step).toEqual({
      key: "arbeidskrav-ak2",
      tone: "urgent",
      text: "Ledertreningsoppgave 1 er ikke godkjent etter siste innlevering. Du har fått et vedtak om det under Brev, og kan klage på det innen klagefristen.",
      target: { kind: "letters" },
    });
    expect(steps.some((candidate) => candidate.text.includes("lever på nytt"))).toBe(false);
  });

  it("leads to the decision's letter while she has not opened it, and does not count it again as new", () => {
    const base = input({});
    const items = base.arbeidskrav.map((item) => (item.number === 2 ? { ...item, final: true, decisionLetterId: "vedtak" } : item));
    const steps = studentNextSteps({ ...base, arbeidskrav: items, newLetters: [{ id: "vedtak", subject: "Vedtak: Ledertreningsoppgave 1 er ikke godkjent" }] });
    expect(steps.find((candidate) => candidate.key === "arbeidskrav-ak2")!.target).toEqual({ kind: "letter", id: "vedtak" });
    expect(steps.some((candidate) => candidate.key === "letters-new")).toBe(false);
  });

  it("after a klage on the final «ikke godkjent», says where the klage stands instead of asking her to klage", () => {
    const base = input({});
    const stepWith = (klage: "RECEIVED" | "AT_APPEALS_BODY" | "FINAL" | "DISMISSED") =>
      studentNextSteps({ ...base, arbeidskrav: base.arbeidskrav.map((item) => (item.number === 2 ? { ...item, final: true, klage } : item)) }).find((step) => step.key === "arbeidskrav-ak2")!;
    expect(stepWith("RECEIVED")).toMatchObject({ tone: "info", text: "Ledertreningsoppgave 1 er ikke godkjent etter siste innlevering. Du har klaget på vedtaket, og klagen er under behandling." });
    expect(stepWith("AT_APPEALS_BODY").text).toContain("Klagen din ble ikke tatt til følge her, og den går til klagenemnda, som avgjør den endelig.");
    expect(stepWith("FINAL").text).toContain("Klagenemnda har stadfestet vedtaket, og det er endelig.");
    expect(stepWith("RECEIVED").text).not.toContain("kan klage");
    // Avvist as too late: the decision stands, and the avvisning is a decision she may klage on.
    expect(stepWith("DISMISSED")).toMatchObject({
      tone: "info",
      text: "Ledertreningsoppgave 1 er ikke godkjent etter siste innlevering. Klagen din kom etter klagefristen og ble avvist, så vedtaket står. Vedtaket om avvisningen står under Brev.",
    });
  });

  it("after a klage on «ikke adgang», says where it stands", () => {
    const exam = { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: false, refused: true, refusalKlage: "RECEIVED" as const, publishedGrade: null };
    const step = studentNextSteps(input({ exam })).find((candidate) => candidate.key === "exam")!;
    expect(step.tone).toBe("info");
    expect(step.text).toMatch(/^Du har fått vedtak om at du ikke får gå opp til eksamen 8\.–10\. juni .*\. Du har klaget på vedtaket, og klagen er under behandling\.$/);
  });

  it("tells of an optional extra as good to know, never as urgent, and says it does not count", () => {
    const base = input({ today: "2026-12-11", statuses: ["NOT_SUBMITTED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"] });
    const items = base.arbeidskrav.map((item) => (item.id === "ak1" ? { ...item, required: false } : item));
    const step = studentNextSteps({ ...base, arbeidskrav: items }).find((candidate) => candidate.key === "arbeidskrav-ak1")!;
    expect(step.tone).toBe("info");
    expect(step.text).toBe("Fagnotat 1 skulle vært levert 1. september: lever så snart du kan (det blir merket som levert for sent). Det er valgfritt og teller ikke for eksamen.");
  });

  it("asks nothing after the last hand-in of an optional extra is not approved: no decision, no hand-in left", () => {
    const base = input({});
    const items = base.arbeidskrav.map((item) => (item.number === 2 ? { ...item, final: true, required: false } : item));
    const steps = studentNextSteps({ ...base, arbeidskrav: items });
    expect(steps.some((candidate) => candidate.key === "arbeidskrav-ak2")).toBe(false);
    expect(steps.some((candidate) => candidate.text.includes("Ledertreningsoppgave 1"))).toBe(false);
  });

  it("says that the exam was refused, and where the letter is", () => {
    const steps = studentNextSteps(input({ exam: { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: false, refused: true, publishedGrade: null } }));
    const exam = steps.find((step) => step.key === "exam")!;
    expect(exam.tone).toBe("urgent");
    expect(exam.text).toMatch(/^Du har fått vedtak om at du ikke får gå opp til eksamen 8\.–10\. juni/);
    expect(exam.target).toEqual({ kind: "letters" });
  });

  it("leads to the refusal's letter while she has not opened it, and does not count it again as new", () => {
    const exam = { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: false, refused: true, refusalLetterId: "avslag", publishedGrade: null };
    const letters = [
      { id: "avslag", subject: "Vedtak: Du får ikke gå opp til eksamen" },
      { id: "annet", subject: "Permisjon innvilget" },
    ];
    const steps = studentNextSteps({ ...input({ exam }), newLetters: letters });
    expect(steps.find((step) => step.key === "exam")!.target).toEqual({ kind: "letter", id: "avslag" });
    // Only the other letter is counted as new.
    expect(steps.find((step) => step.key === "letters-new")).toMatchObject({ text: "Du har fått enda et nytt brev: «Permisjon innvilget».", target: { kind: "letter", id: "annet" } });
  });

  it("says a refusal still stands until she is registered, once she meets the requirements (a klage taken on an arbeidskrav)", () => {
    const steps = studentNextSteps(
      input({
        days: [27, 27, 26],
        statuses: ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"],
        exam: { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: false, refused: true, publishedGrade: null },
      }),
    );
    const exam = steps.find((step) => step.key === "exam")!;
    expect(exam).toMatchObject({ tone: "info", target: { kind: "letters" } });
    expect(exam.text).toMatch(
      /^Du oppfyller nå kravene for å gå opp til eksamen 8\.–10\. juni .*, men vedtaket om at du ikke får gå opp, gjelder til det er opphevet\. Det blir opphevet når du blir meldt opp, og du får et brev om det\.$/,
    );
    expect(steps.some((step) => step.text.includes("kan klage på det innen klagefristen"))).toBe(false);
  });

  it("says how the refusal is lifted by where her klage on it stands: taken here, or told at the klagenemnd", () => {
    const text = (refusalKlage: KlageStage | null) =>
      studentNextSteps(
        input({
          days: [27, 27, 26],
          statuses: ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"],
          exam: { startsOn: "2027-06-08", endsOn: "2027-06-10", registered: false, refused: true, refusalKlage, publishedGrade: null },
        }),
      ).find((step) => step.key === "exam")!.text;
    expect(text("RECEIVED")).toMatch(/gjelder til det er opphevet\. Studieveilederen opphever det ved å ta klagen din til følge: da blir du meldt opp, og du får et brev om det\.$/);
    expect(text("AT_APPEALS_BODY")).toMatch(/Det blir opphevet når du blir meldt opp, og du får et brev om det\. Klagenemnda, som har klagen din, får beskjed om det\.$/);
    for (const stage of [null, "FINAL", "DISMISSED"] as const) {
      expect(text(stage)).toMatch(/gjelder til det er opphevet\. Det blir opphevet når du blir meldt opp, og du får et brev om det\.$/);
    }
    // Not the refused student's «klagen er under behandling»: she meets the requirements now.
    expect(text("RECEIVED")).not.toContain("Du har fått vedtak om at du ikke får gå opp");
    // The e-mail, which does not know the klage, says only what holds in every case.
    expect(refusalNoLongerMetText("Eksamen våren 2027")).toBe(
      "Du oppfyller nå kravene for å gå opp til Eksamen våren 2027, men vedtaket om at du ikke får gå opp, gjelder til det er opphevet. Det blir opphevet når du blir meldt opp, og du får et brev om det.",
    );
  });
});
