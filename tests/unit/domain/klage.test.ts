import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, parseIsoDate } from "@/lib/domain/dates";
import {
  easterSunday,
  isNorwegianPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  norwegianPublicHolidays,
  publicHolidayName,
} from "@/lib/domain/holidays";
import {
  appealsBodyCorrectionBar,
  appealsBodyDecisionProblem,
  appealsBodyDecisionRef,
  appealsBodyFollowUpDue,
  appealsBodySettled,
  appealsBodyStanding,
  appealsBodyToBeTold,
  gradeRights,
  gradeRightsOpen,
  gradeRightsText,
  isKlageInTime,
  klageDeadline,
  klageRegistration,
  klageStage,
  klageStandingForStaff,
  refusalKlageTiming,
  registeredFiledAt,
} from "@/lib/domain/klage";
import { osloDate } from "@/lib/domain/application-deadline";

describe("Easter and the movable holidays", () => {
  it("finds Easter Sunday for known years, including the earliest and latest possible dates", () => {
    const known: Record<number, string> = {
      1943: "1943-04-25",
      2000: "2000-04-23",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2027: "2027-03-28",
      2028: "2028-04-16",
      2029: "2029-04-01",
      2030: "2030-04-21",
      2038: "2038-04-25",
      2285: "2285-03-22",
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it("lists the twelve public holidays of 2026 by law, and no others", () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "Nyttårsdag" },
      { date: "2026-04-02", name: "Skjærtorsdag" },
      { date: "2026-04-03", name: "Langfredag" },
      { date: "2026-04-05", name: "1. påskedag" },
      { date: "2026-04-06", name: "2. påskedag" },
      { date: "2026-05-01", name: "Offentlig høytidsdag (1. mai)" },
      { date: "2026-05-14", name: "Kristi himmelfartsdag" },
      { date: "2026-05-17", name: "Grunnlovsdag (17. mai)" },
      { date: "2026-05-24", name: "1. pinsedag" },
      { date: "2026-05-25", name: "2. pinsedag" },
      { date: "2026-12-25", name: "1. juledag" },
      { date: "2026-12-26", name: "2. juledag" },
    ]);
    expect(isNorwegianPublicHoliday("2026-12-24")).toBe(false); // julaften is not one
    expect(isNorwegianPublicHoliday("2026-12-31")).toBe(false); // nor nyttårsaften
    expect(publicHolidayName("2025-05-29")).toBe("Kristi himmelfartsdag");
    expect(publicHolidayName("2025-06-09")).toBe("2. pinsedag");
    expect(publicHolidayName("2027-03-25")).toBe("Skjærtorsdag");
  });

  it("keeps the movable holidays at their distance from Easter in every year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const easter = easterSunday(year);
        const day = parseIsoDate(easter);
        // Easter is a Sunday between 22 March and 25 April.
        expect((((day + 3) % 7) + 7) % 7).toBe(6);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        for (const offset of [-3, -2, 0, 1, 39, 49, 50]) expect(isNorwegianPublicHoliday(addDays(easter, offset))).toBe(true);
        expect(norwegianPublicHolidays(year)).toHaveLength(12);
      }),
    );
  });

  it("refuses a date that is not a real YYYY-MM-DD date", () => {
    for (const bad of ["2026-02-30", "2026-1-1", "01.12.2026", "", "2026-13-01"]) {
      expect(() => isNorwegianPublicHoliday(bad)).toThrow(RangeError);
      expect(() => nextWorkingDay(bad)).toThrow(RangeError);
      expect(() => klageDeadline(bad)).toThrow(RangeError);
    }
  });
});

describe("working days", () => {
  it("is the date itself on a working day, else the next one", () => {
    expect(nextWorkingDay("2026-12-01")).toBe("2026-12-01"); // Tuesday
    expect(nextWorkingDay("2026-12-05")).toBe("2026-12-07"); // Saturday → Monday
    expect(nextWorkingDay("2026-12-24")).toBe("2026-12-24"); // julaften is a working day by law
    expect(nextWorkingDay("2026-12-25")).toBe("2026-12-28"); // juledagene, then the weekend
    expect(nextWorkingDay("2026-04-02")).toBe("2026-04-07"); // skjærtorsdag to 2. påskedag
    expect(isWorkingDay("2026-05-17")).toBe(false);
  });
});

describe("klageDeadline: three weeks, moved past weekends and public holidays", () => {
  const cases: [string, string, string][] = [
    ["an ordinary Tuesday", "2026-12-01", "2026-12-22"],
    ["Christmas Day, then 2. juledag and a Sunday", "2026-12-04", "2026-12-28"],
    ["New Year's Day, then a weekend", "2026-12-11", "2027-01-04"],
    ["a Saturday at the end of January", "2026-01-10", "2026-02-02"],
    ["a leap day", "2024-02-08", "2024-02-29"],
    ["over the end of a short February", "2023-02-08", "2023-03-01"],
    ["Easter: skjærtorsdag to 2. påskedag", "2026-03-12", "2026-04-07"],
    ["Easter 2027 in March", "2027-03-04", "2027-03-30"],
    ["the Sunday summer time begins", "2026-03-08", "2026-03-30"],
    ["the Sunday summer time ends", "2026-10-04", "2026-10-26"],
    ["1. mai on a Friday", "2026-04-10", "2026-05-04"],
    ["Kristi himmelfartsdag", "2026-04-23", "2026-05-15"],
    ["2. pinsedag", "2026-05-04", "2026-05-26"],
    ["17. mai on a Monday", "2027-04-26", "2027-05-18"],
  ];
  for (const [label, madeAvailable, expected] of cases) {
    it(`${label}: ${madeAvailable} → ${expected}`, () => {
      expect(klageDeadline(madeAvailable)).toBe(expected);
    });
  }

  it("is never earlier than 21 days, always a working day, and at most a few days later", () => {
    fc.assert(
      fc.property(fc.integer({ min: parseIsoDate("2000-01-01"), max: parseIsoDate("2100-12-31") }), (day) => {
        const made = addDays("1970-01-01", day);
        const deadline = klageDeadline(made);
        const distance = parseIsoDate(deadline) - parseIsoDate(made);
        expect(distance).toBeGreaterThanOrEqual(21);
        expect(distance).toBeLessThanOrEqual(21 + 6); // Easter: at most five days closed in a row, plus one
        expect(isWorkingDay(deadline)).toBe(true);
        for (let between = 21; between < distance; between += 1) expect(isWorkingDay(addDays(made, between))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("a klage filed on the last day is in time, the day after is not", () => {
    expect(isKlageInTime("2026-12-04", "2026-12-28")).toBe(true);
    expect(isKlageInTime("2026-12-04", "2026-12-29")).toBe(false);
    expect(isKlageInTime("2026-12-04", "2026-12-04")).toBe(true);
  });
});

describe("a grade's rights: its grounds within a week, a klage within three weeks", () => {
  it("counts from the day the grade was published, and moves a last day past weekends and holidays", () => {
    expect(gradeRights("2026-12-07")).toEqual({ knownOn: "2026-12-07", groundsBy: "2026-12-14", klageBy: "2026-12-28" });
    // A Friday before Christmas: a week on is 1. juledag, then the weekend.
    expect(gradeRights("2026-12-18")).toEqual({ knownOn: "2026-12-18", groundsBy: "2026-12-28", klageBy: "2027-01-08" });
    expect(() => gradeRights("2026-13-01")).toThrow(RangeError);
  });

  it("are open up to and including the klage's last day", () => {
    const rights = gradeRights("2026-12-07");
    expect(gradeRightsOpen(rights, "2026-12-07")).toBe(true);
    expect(gradeRightsOpen(rights, "2026-12-28")).toBe(true);
    expect(gradeRightsOpen(rights, "2026-12-29")).toBe(false);
  });

  it("are told with both last days, that a new grade may be lower, and whom to write to", () => {
    const text = gradeRightsText(gradeRights("2026-12-18"), { name: "Ingrid Haugen", email: "studieveileder@example.no" });
    expect(text).toContain("Be om den innen 28. desember 2026.");
    expect(text).toContain("Du kan klage på karakteren innen 8. januar 2027;");
    expect(text).toContain("både bedre og dårligere");
    expect(text).toContain("skriftlig til Ingrid Haugen, studieveileder@example.no.");
  });
});

describe("a klage registered by staff (fvl. §§ 31–32)", () => {
  const base = { today: "2027-04-10", madeAvailableOn: "2027-03-01", lateReason: null }; // deadline 22 March
  it("came neither after today nor before the decision was made available", () => {
    expect(klageRegistration({ ...base, receivedOn: "2027-04-11" })).toEqual({ ok: false, field: "receivedOn", message: "Datoen kan ikke være etter i dag." });
    expect(klageRegistration({ ...base, receivedOn: "2027-02-28" })).toMatchObject({ ok: false, field: "receivedOn", message: expect.stringMatching(/^Vedtaket ble gjort tilgjengelig 1\. mars 2027/) });
    expect(klageRegistration({ ...base, receivedOn: "2027-03-01" })).toEqual({ ok: true, dismissed: false, late: false, lateReason: null });
    expect(klageRegistration({ ...base, receivedOn: "2027-04-10" })).toMatchObject({ ok: false, field: "lateReason" });
  });
  it("in time up to and with the deadline, and then keeps no reason", () => {
    expect(klageRegistration({ ...base, receivedOn: "2027-03-22", lateReason: "Unødvendig." })).toEqual({ ok: true, dismissed: false, late: false, lateReason: null });
  });
  it("never more than a year after the decision, with or without a reason (§ 31 third paragraph)", () => {
    const later = { ...base, today: "2028-06-01", lateReason: "Brevet kom aldri fram." };
    expect(klageRegistration({ ...later, receivedOn: "2028-03-01" })).toEqual({ ok: true, dismissed: false, late: true, lateReason: "Brevet kom aldri fram." });
    expect(klageRegistration({ ...later, receivedOn: "2028-03-02" })).toMatchObject({ ok: false, field: "receivedOn", message: expect.stringContaining("forvaltningsloven § 31 tredje ledd") });
  });
  it("late only with why, trimmed; blank is no reason", () => {
    expect(klageRegistration({ ...base, receivedOn: "2027-03-23", lateReason: "  \n " })).toMatchObject({ ok: false, field: "lateReason", message: expect.stringContaining("klagefristen 22. mars 2027") });
    expect(klageRegistration({ ...base, receivedOn: "2027-03-23", lateReason: " Innlagt. " })).toEqual({ ok: true, dismissed: false, late: true, lateReason: "Innlagt." });
  });
  it("late and not taken up: avvist with why, trimmed (§ 33 andre ledd); never both a reason and an avvisning", () => {
    expect(klageRegistration({ ...base, receivedOn: "2027-03-23", dismissalGrounds: " Ingen grunn oppgitt. " })).toEqual({ ok: true, dismissed: true, grounds: "Ingen grunn oppgitt.", yearPassed: false });
    expect(klageRegistration({ ...base, receivedOn: "2027-03-23", lateReason: "Innlagt.", dismissalGrounds: "For sen." })).toMatchObject({ ok: false, field: "lateReason", message: expect.stringContaining("enten") });
    // Where an avvisning can be chosen, the message offers it.
    expect(klageRegistration({ ...base, receivedOn: "2027-03-23", dismissalGrounds: " " })).toMatchObject({ ok: false, field: "lateReason", message: expect.stringContaining("eller hvorfor den avvises") });
    expect(klageRegistration({ ...base, receivedOn: "2027-03-23" })).toMatchObject({ ok: false, field: "lateReason", message: expect.stringContaining("eller la være å registrere den") });
  });
  it("a klage in time is never avvist for lateness", () => {
    expect(klageRegistration({ ...base, receivedOn: "2027-03-22", dismissalGrounds: "For sen." })).toMatchObject({ ok: false, field: "dismissalGrounds", message: expect.stringContaining("innen klagefristen 22. mars 2027") });
  });
  it("more than a year after the decision it can only be avvist, and says so at the avvisning's field", () => {
    const later = { ...base, today: "2028-06-01" };
    expect(klageRegistration({ ...later, receivedOn: "2028-03-02", dismissalGrounds: "Mer enn ett år." })).toEqual({ ok: true, dismissed: true, grounds: "Mer enn ett år.", yearPassed: true });
    expect(klageRegistration({ ...later, receivedOn: "2028-03-02", lateReason: "Brevet kom aldri fram.", dismissalGrounds: null })).toMatchObject({
      ok: false,
      field: "dismissalGrounds",
      message: expect.stringContaining("Den må avvises"),
    });
    expect(klageRegistration({ ...later, receivedOn: "2028-03-01", dismissalGrounds: "Ikke rimelig." })).toEqual({ ok: true, dismissed: true, grounds: "Ikke rimelig.", yearPassed: false });
  });
  it("is filed now when it came today, else at noon of the day it came (its Oslo date is that day, summer or winter)", () => {
    const now = new Date("2027-04-10T21:30:00Z"); // 23:30 in Oslo
    expect(registeredFiledAt("2027-04-10", now)).toBe(now);
    for (const receivedOn of ["2027-03-27", "2027-03-28", "2027-10-31", "2027-01-01"]) {
      const at = registeredFiledAt(receivedOn, now);
      expect(osloDate(at)).toBe(receivedOn);
      expect(new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", hour: "2-digit", hourCycle: "h23" }).format(at)).toBe("12");
    }
  });
});

describe("the klagenemnd's decision on a klage we sent it (fvl. § 34)", () => {
  it("is dated on or after the day the klage was sent, and not after today", () => {
    const at = { forwardedOn: "2027-04-10", today: "2027-06-01" };
    expect(appealsBodyDecisionProblem({ ...at, decidedOn: "2027-04-10" })).toBeNull();
    expect(appealsBodyDecisionProblem({ ...at, decidedOn: "2027-06-01" })).toBeNull();
    expect(appealsBodyDecisionProblem({ ...at, decidedOn: "2027-04-09" })).toBe("Datoen er før klagen ble sendt til klagenemnda. Skriv datoen på klagenemndas vedtak.");
    expect(appealsBodyDecisionProblem({ ...at, decidedOn: "2027-06-02" })).toBe("Datoen kan ikke være etter i dag.");
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), (offset, waited) => {
        const forwardedOn = addDays("2027-01-01", 0);
        const today = addDays(forwardedOn, waited);
        const decidedOn = addDays(forwardedOn, offset);
        const ok = offset >= 0 && offset <= waited;
        return (appealsBodyDecisionProblem({ decidedOn, forwardedOn, today }) === null) === ok;
      }),
    );
  });

  it("is named in a letter with its date and, when there is one, its case number", () => {
    expect(appealsBodyDecisionRef({ decidedOn: "2027-05-20", reference: "27/00412" })).toBe("i vedtak av 20. mai 2027, saksnummer 27/00412");
    expect(appealsBodyDecisionRef({ decidedOn: "2027-05-20", reference: null })).toBe("i vedtak av 20. mai 2027");
  });

  it("a klage waits for it while sent and its current sending is unanswered; after a quashing, the new sending waits again", () => {
    const sent = new Date("2027-04-10T09:00:00Z");
    const again = new Date("2027-06-03T09:00:00Z");
    const quashed = { forwardedAt: sent, outcome: "QUASHED" };
    expect(appealsBodyStanding({ status: "UPHELD", forwardedAt: null }, [])).toEqual({ waiting: false, decision: null });
    expect(appealsBodyStanding({ status: "UPHELD", forwardedAt: sent }, [])).toEqual({ waiting: true, decision: null });
    expect(appealsBodyStanding({ status: "UPHELD", forwardedAt: sent }, [{ forwardedAt: new Date(sent), outcome: "UPHELD" }])).toMatchObject({ waiting: false, decision: { outcome: "UPHELD" } });
    // Quashed: open here again (not waiting), the quashing shown; sent again: waiting, the quashing still the latest.
    expect(appealsBodyStanding({ status: "RECEIVED", forwardedAt: null }, [quashed])).toEqual({ waiting: false, decision: quashed });
    expect(appealsBodyStanding({ status: "UPHELD", forwardedAt: again }, [quashed])).toEqual({ waiting: true, decision: quashed });
    expect(appealsBodyStanding({ status: "REVERSED", forwardedAt: null }, [])).toEqual({ waiting: false, decision: null });
    // Hevet answers the sending: no longer waiting.
    expect(appealsBodyStanding({ status: "UPHELD", forwardedAt: sent }, [{ forwardedAt: new Date(sent), outcome: "CLOSED" }])).toMatchObject({ waiting: false, decision: { outcome: "CLOSED" } });
  });
});

describe("an assessment the klagenemnd has settled (forvaltningsloven § 35)", () => {
  const sent = new Date("2027-04-10T09:00:00Z");
  const again = new Date("2027-06-03T09:00:00Z");
  const decision = (outcome: "UPHELD" | "REVERSED" | "QUASHED" | "CLOSED", forwardedAt = sent) => ({ forwardedAt: new Date(forwardedAt), outcome, decidedOn: "2027-05-20", reference: outcome === "REVERSED" ? "27/00412" : null });
  const klage = (status: string, forwardedAt: Date | null, decisions: ReturnType<typeof decision>[]) => ({ status, forwardedAt, decisions });

  it("tells the party where her klage stands: here, going to or at the klagenemnd, final; nothing once it changed the decision", () => {
    expect(klageStage(klage("RECEIVED", null, []))).toBe("RECEIVED");
    expect(klageStage(klage("UPHELD", null, []))).toBe("AT_APPEALS_BODY");
    expect(klageStage(klage("UPHELD", sent, []))).toBe("AT_APPEALS_BODY");
    expect(klageStage(klage("UPHELD", sent, [decision("UPHELD")]))).toBe("FINAL");
    expect(klageStage(klage("UPHELD", sent, [decision("REVERSED")]))).toBeNull();
    // Hevet (the decision no longer stood): nothing waits, and nothing was decided to be final.
    expect(klageStage(klage("UPHELD", sent, [decision("CLOSED")]))).toBeNull();
    // Opphevet and back here: decided anew; sent again: at the klagenemnd until it answers.
    expect(klageStage(klage("RECEIVED", null, [decision("QUASHED")]))).toBe("RECEIVED");
    expect(klageStage(klage("UPHELD", again, [decision("QUASHED")]))).toBe("AT_APPEALS_BODY");
    expect(klageStage(klage("UPHELD", again, [decision("UPHELD", again), decision("QUASHED")]))).toBe("FINAL");
    expect(klageStage(klage("REVERSED", null, []))).toBeNull();
    expect(klageStage(klage("SETTLED", null, []))).toBeNull();
    // Avvist as too late: the decision stands, and she is told so (not asked to klage again).
    expect(klageStage(klage("DISMISSED", null, []))).toBe("DISMISSED");
  });

  it("is settled by a stadfestet or omgjort decision answering the klage as last sent, never by an opphevet one or a waiting klage", () => {
    expect(appealsBodySettled([])).toBeNull();
    expect(appealsBodySettled([klage("RECEIVED", null, [])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", null, [])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", sent, [])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", sent, [decision("UPHELD")])])).toMatchObject({ outcome: "UPHELD" });
    expect(appealsBodySettled([klage("UPHELD", sent, [decision("REVERSED")])])).toMatchObject({ outcome: "REVERSED" });
    // Opphevet: back here, decided anew; sent again it waits; answered again it is settled.
    expect(appealsBodySettled([klage("RECEIVED", null, [decision("QUASHED")])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", null, [decision("QUASHED")])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", again, [decision("QUASHED")])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", again, [decision("UPHELD", again), decision("QUASHED")])])).toMatchObject({ outcome: "UPHELD" });
    // Hevet: closed without a decision on the merits; the assessment is ours as it stands.
    expect(appealsBodySettled([klage("UPHELD", sent, [decision("CLOSED")])])).toBeNull();
    expect(appealsBodySettled([klage("UPHELD", sent, [decision("CLOSED")]), klage("UPHELD", sent, [decision("UPHELD")])])).toMatchObject({ outcome: "UPHELD" });
    // A group: one member's settled klage settles the assessment for all.
    expect(appealsBodySettled([klage("REVERSED", null, []), klage("UPHELD", sent, [decision("REVERSED")])])).toMatchObject({ outcome: "REVERSED" });
  });

  it("bars a correction away from what the klagenemnd decided, never one toward it, and one against the student while a klage waits there", () => {
    expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [decision("UPHELD")])], "APPROVED")).toBe(
      "Den sentrale klagenemnda ved NTNU har stadfestet vurderingen i vedtak av 20. mai 2027. Vedtaket er klagenemndas og endelig, og det kan ikke rettes her (forvaltningsloven § 35). Mener du det er feil, ta det opp med klagenemnda.",
    );
    expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [decision("REVERSED")])], "NOT_APPROVED")).toContain("har tatt klagen på vurderingen til følge i vedtak av 20. mai 2027, saksnummer 27/00412.");
    // Approved here while it waited, then stadfestet: back to «ikke godkjent» carries the decision out.
    expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [decision("UPHELD")])], "NOT_APPROVED")).toBeNull();
    expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [decision("REVERSED")])], "APPROVED")).toBeNull();
    for (const to of ["APPROVED", "NOT_APPROVED"] as const) {
      expect(appealsBodyCorrectionBar([], to)).toBeNull();
      expect(appealsBodyCorrectionBar([klage("RECEIVED", null, [decision("QUASHED")])], to)).toBeNull();
      expect(appealsBodyCorrectionBar([klage("REVERSED", null, [])], to)).toBeNull();
      // Hevet: nothing waits there and nothing binds; a correction either way is ours again.
      expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [decision("CLOSED")])], to)).toBeNull();
    }
    expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [])], "APPROVED")).toBeNull();
    expect(appealsBodyCorrectionBar([klage("UPHELD", sent, [])], "NOT_APPROVED")).toBe(
      "En klage på vurderingen er sendt til Den sentrale klagenemnda ved NTNU. Mens klagenemnda behandler den, kan vurderingen ikke rettes til ikke godkjent.",
    );
    expect(appealsBodyCorrectionBar([klage("UPHELD", again, [decision("QUASHED")])], "NOT_APPROVED")).toContain("Mens klagenemnda behandler den");
  });
});

describe("a reversal by the klagenemnd not carried out here", () => {
  it("is a task until someone says what was done instead; never while the klage waits, nor when carried out", () => {
    const at = new Date("2027-06-01T09:00:00Z");
    expect(appealsBodyFollowUpDue({ waiting: false, decision: { notCarriedOut: "Kullet er avsluttet.", followedUpAt: null } })).toBe(true);
    expect(appealsBodyFollowUpDue({ waiting: false, decision: { notCarriedOut: "Kullet er avsluttet.", followedUpAt: at } })).toBe(false);
    expect(appealsBodyFollowUpDue({ waiting: false, decision: { notCarriedOut: null, followedUpAt: null } })).toBe(false);
    expect(appealsBodyFollowUpDue({ waiting: true, decision: { notCarriedOut: "Kullet er avsluttet.", followedUpAt: null } })).toBe(false);
    expect(appealsBodyFollowUpDue({ waiting: false, decision: null })).toBe(false);
  });
});

describe("a klage on «ikke adgang» and its sitting", () => {
  const sitting = { startsOn: "2026-12-28", endsOn: "2026-12-30" };
  it("tells the decider how long is left before the sitting, and what deciding after it means", () => {
    expect(refusalKlageTiming(sitting, "2026-12-07")).toBe(
      "Klagen gjelder eksamen 28.–30. desember 2026, som starter om 21 dager. Tas den til følge før det, blir studenten meldt opp og kan gå opp.",
    );
    expect(refusalKlageTiming(sitting, "2026-12-27")).toMatch(/, som starter i morgen\./);
    expect(refusalKlageTiming(sitting, "2026-12-28")).toMatch(/, som starter i dag\. Tas den til følge før innleveringsfristen, blir studenten meldt opp\.$/);
    expect(refusalKlageTiming(sitting, "2026-12-30")).toMatch(/, som har startet\./);
    expect(refusalKlageTiming(sitting, "2026-12-31")).toMatch(/, som er over\. Tas den til følge, regnes den ikke som et forsøk for studenten, som kan melde seg opp til ny eksamen\.$/);
    expect(refusalKlageTiming({ startsOn: "2027-01-04", endsOn: "2027-01-04" }, "2026-12-31")).toBe(
      "Klagen gjelder eksamen 4. januar 2027, som starter om 4 dager. Tas den til følge før det, blir studenten meldt opp og kan gå opp.",
    );
    expect(() => refusalKlageTiming(sitting, "7.12.2026")).toThrow(RangeError);
  });

  it("says whether the student meets the requirements now: then the klage is to be taken, else the facts corrected first", () => {
    for (const today of ["2026-12-07", "2026-12-29", "2026-12-31"]) {
      const met = refusalKlageTiming({ ...sitting, meetsRequirements: true }, today);
      expect(met.startsWith(refusalKlageTiming(sitting, today))).toBe(true);
      expect(met).toMatch(/\. Studenten fyller nå kravene til oppmøte og arbeidskrav, så vedtaket har ikke lenger grunnlag: ta klagen til følge\.$/);
      const short = refusalKlageTiming({ ...sitting, meetsRequirements: false }, today);
      expect(short.startsWith(refusalKlageTiming(sitting, today))).toBe(true);
      expect(short).toMatch(/\. Etter det som er registrert, fyller studenten ennå ikke kravene: er klagen riktig, rett først oppmøtet eller vurderingen den gjelder\.$/);
    }
  });
});

describe("klageStandingForStaff", () => {
  const none = { filed: false, stage: null, klageDeadline: "2026-12-21" } as const;
  it("without a klage: the deadline while it runs (to its last day), then that none came", () => {
    expect(klageStandingForStaff({ ...none, today: "2026-12-01" })).toBe("Ingen klage ennå; klagefristen er 21. desember 2026.");
    expect(klageStandingForStaff({ ...none, today: "2026-12-21" })).toBe("Ingen klage ennå; klagefristen er 21. desember 2026.");
    expect(klageStandingForStaff({ ...none, today: "2026-12-22" })).toBe("Ingen klage kom innen klagefristen 21. desember 2026.");
    expect(klageStandingForStaff({ ...none, klageDeadline: null, today: "2026-12-22" })).toBe("Ingen klage.");
  });
  it("with a klage: each stage in its own words, the deadline no longer said", () => {
    const filed = { filed: true, klageDeadline: "2026-12-21", today: "2026-12-30" };
    expect(klageStandingForStaff({ ...filed, stage: "RECEIVED" })).toBe("Har klaget; klagen venter på behandling under Klager.");
    expect(klageStandingForStaff({ ...filed, stage: "AT_APPEALS_BODY" })).toBe("Klagen ble ikke tatt til følge, og den skal sendes til klagenemnda.");
    expect(klageStandingForStaff({ ...filed, stage: "AT_APPEALS_BODY", forwardedOn: "2026-12-28" })).toBe("Klagen ble ikke tatt til følge og ble sendt til klagenemnda 28. desember 2026.");
    expect(klageStandingForStaff({ ...filed, stage: "FINAL" })).toBe("Klagenemnda har stadfestet vedtaket, og det er endelig.");
    expect(klageStandingForStaff({ ...filed, stage: "DISMISSED" })).toBe("Klagen kom etter klagefristen og ble avvist.");
    expect(klageStandingForStaff({ ...filed, stage: null })).toBe("Klagen er avgjort.");
    expect(klageStandingForStaff({ ...filed, stage: null, appealsBodyOutcome: "REVERSED" })).toBe("Klagen er avgjort.");
    expect(klageStandingForStaff({ ...filed, stage: null, appealsBodyOutcome: "CLOSED" })).toBe("Klagenemnda avsluttet saken uten å avgjøre den (hevet).");
  });
  it("at the klagenemnd with the decision changed here since: whether it has been told", () => {
    const filed = { filed: true, stage: "AT_APPEALS_BODY" as const, klageDeadline: "2026-12-21", today: "2026-12-30" };
    expect(klageStandingForStaff({ ...filed, changedSince: { told: false } })).toBe(
      "Klagen er hos klagenemnda. Vedtaket er endret her siden, og studieveilederen gir klagenemnda beskjed under Klager.",
    );
    expect(klageStandingForStaff({ ...filed, changedSince: { told: true } })).toBe("Klagen er hos klagenemnda. Vedtaket er endret her siden, og klagenemnda har fått beskjed.");
    expect(klageStandingForStaff({ ...filed, changedSince: null })).toBe("Klagen ble ikke tatt til følge, og den skal sendes til klagenemnda.");
  });
  it("refuses a bad date", () => {
    expect(() => klageStandingForStaff({ ...none, today: "21.12.2026" })).toThrow(RangeError);
  });
});

describe("appealsBodyToBeTold", () => {
  const changed = new Date("2026-03-01T10:00:00Z");
  it("is a task while the klage waits there, its decision changed here and the klagenemnd not told", () => {
    expect(appealsBodyToBeTold({ waiting: true, decisionChangedAt: changed, appealsBodyToldAt: null })).toBe(true);
  });
  it("is none once told, when nothing changed, or when the klagenemnd has decided", () => {
    expect(appealsBodyToBeTold({ waiting: true, decisionChangedAt: changed, appealsBodyToldAt: new Date("2026-03-02T10:00:00Z") })).toBe(false);
    expect(appealsBodyToBeTold({ waiting: true, decisionChangedAt: null, appealsBodyToldAt: null })).toBe(false);
    expect(appealsBodyToBeTold({ waiting: false, decisionChangedAt: changed, appealsBodyToldAt: null })).toBe(false);
  });
});
