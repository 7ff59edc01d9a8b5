import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceFigures, attendanceProgress, attendanceWarning, remainingDays, samlingDayState } from "@/lib/domain/attendance-progress";
import { evaluateEligibility } from "@/lib/domain/eligibility";
import { DEFAULT_REQUIREMENTS } from "@/lib/domain/requirements";

const attendance = (scheduledDays: number, heldDays: number, attendedDays: number, attendancePercent = 80) =>
  evaluateEligibility({ scheduledDays, heldDays, attendedDays, arbeidskrav: [] }, { ...DEFAULT_REQUIREMENTS, attendancePercent }).attendance;

describe("a samling day's state", () => {
  it("shows the registration, or whether the day has come", () => {
    expect(samlingDayState("2026-12-01", "PRESENT", "2026-12-10")).toBe("PRESENT");
    expect(samlingDayState("2026-12-01", "ABSENT", "2026-12-10")).toBe("ABSENT");
    expect(samlingDayState("2026-12-20", "PRESENT", "2026-12-10")).toBe("PRESENT"); // registered early
    expect(samlingDayState("2026-12-09", null, "2026-12-10")).toBe("UNREGISTERED");
    expect(samlingDayState("2026-12-10", null, "2026-12-10")).toBe("TODAY");
    expect(samlingDayState("2026-12-11", null, "2026-12-10")).toBe("UPCOMING");
    expect(() => samlingDayState("2026-12-11", "LATE" as never, "2026-12-10")).toThrow(RangeError);
  });
});

describe("the attendance picture", () => {
  it("leads with what the student has done beside what the rule needs", () => {
    // 26 days, 80 %: 21 needed, 5 absences allowed; 15 held, one missed.
    expect(attendanceProgress(attendance(26, 15, 14))).toEqual({
      soFar: "Du har vært til stede 14 av 15 dager så langt.",
      rule: "Du må ha minst 21 av 26 dager totalt (80 %).",
      outlook: "Du kan være borte høyst 4 dager til.",
    });
    expect(attendanceProgress(attendance(26, 15, 11)).outlook).toBe("Du kan være borte høyst 1 dag til.");
    expect(attendanceProgress(attendance(26, 15, 10)).outlook).toBe("Du må møte alle de 11 gjenstående samlingsdagene.");
    expect(attendanceProgress(attendance(26, 25, 20)).outlook).toBe("Du må møte den siste samlingsdagen.");
    expect(attendanceProgress(attendance(26, 15, 9)).outlook).toBe("Du kan ikke lenger nå kravet, selv om du møter alle de 11 gjenstående dagene.");
    expect(attendanceProgress(attendance(26, 25, 19)).outlook).toBe("Du kan ikke lenger nå kravet, selv om du møter den siste dagen.");
    expect(attendanceProgress(attendance(26, 26, 20)).outlook).toBe("Alle samlingsdagene er holdt, og kravet er ikke nådd.");
    expect(attendanceProgress(attendance(26, 26, 21)).outlook).toBe("Du har nådd oppmøtekravet.");
    expect(attendanceProgress(attendance(26, 1, 1)).soFar).toBe("Du har vært til stede 1 av 1 dag så langt.");
    // Every day held: the figure is final, not «så langt».
    expect(attendanceProgress(attendance(26, 26, 20)).soFar).toBe("Du har vært til stede 20 av 26 dager.");
    expect(attendanceProgress(attendance(26, 0, 0)).soFar).toBe("Ingen samlingsdager er holdt ennå.");
    // Days of a leave: not absences, and not attendance either (a walk read «ikke fravær» as slack left).
    const onLeave = evaluateEligibility({ scheduledDays: 26, heldDays: 12, attendedDays: 12, leaveDays: 5, arbeidskrav: [] }, DEFAULT_REQUIREMENTS).attendance;
    expect(attendanceProgress(onLeave)).toMatchObject({
      soFar: "Du har vært til stede 12 av 12 dager så langt. 5 dager er i permisjonstiden din: ikke fravær, men heller ikke oppmøte.",
      outlook: "Du må møte alle de 9 gjenstående samlingsdagene.",
    });
    expect(attendanceProgress(attendance(0, 0, 0)).soFar).toBe("Kullet har ingen samlingsdager i planen ennå.");
  });

  it("takes the threshold from the cohort's requirements", () => {
    expect(attendanceProgress(attendance(20, 10, 9, 90))).toEqual({
      soFar: "Du har vært til stede 9 av 10 dager så langt.",
      rule: "Du må ha minst 18 av 20 dager totalt (90 %).",
      outlook: "Du kan være borte høyst 1 dag til.",
    });
    expect(remainingDays(attendance(20, 10, 9, 90))).toBe(10);
  });
});

describe("the attendance warnings", () => {
  it("warns when at most one absence is left, and when the threshold is out of reach", () => {
    expect(attendanceWarning(attendance(26, 15, 14))).toBeNull(); // 4 left
    expect(attendanceWarning(attendance(26, 15, 12))).toBeNull(); // 2 left
    expect(attendanceWarning(attendance(26, 15, 11))).toBe("LAST_ABSENCE"); // 1 left
    expect(attendanceWarning(attendance(26, 15, 10))).toBe("LAST_ABSENCE"); // 0 left
    expect(attendanceWarning(attendance(26, 15, 9))).toBe("UNREACHABLE");
    expect(attendanceWarning(attendance(26, 26, 20))).toBe("UNREACHABLE");
  });

  it("says nothing once the requirement is met, with an empty plan, or before any absence", () => {
    expect(attendanceWarning(attendance(26, 26, 21))).toBeNull();
    expect(attendanceWarning(attendance(26, 22, 21))).toBeNull(); // met early
    expect(attendanceWarning(attendance(0, 0, 0))).toBeNull();
    // Five days at 80 % allow one absence from the start: no warning until one is used.
    expect(attendanceWarning(attendance(5, 0, 0))).toBeNull();
    expect(attendanceWarning(attendance(5, 1, 0))).toBe("LAST_ABSENCE");
  });

  it("agrees with the eligibility verdict: out of reach exactly when the status is NOT_ELIGIBLE", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 100 }), (scheduled, h, a, percent) => {
        const held = h % (scheduled + 1);
        const attended = a % (held + 1);
        const eligibility = evaluateEligibility(
          { scheduledDays: scheduled, heldDays: held, attendedDays: attended, arbeidskrav: [] },
          { ...DEFAULT_REQUIREMENTS, attendancePercent: percent, arbeidskrav: { total: 0, fagnotat: 0, ledertrening: 0, oral: 0, individualFagnotatMin: 0 } },
        );
        expect(attendanceWarning(eligibility.attendance) === "UNREACHABLE").toBe(eligibility.status === "NOT_ELIGIBLE");
      }),
    );
  });
});

describe("the attendance figures in a table cell or a chart legend", () => {
  it("read as days attended of days held, days still planned and absences left; no share of all days mid-course", () => {
    const figures = attendanceFigures(attendance(26, 15, 14));
    expect(figures).toEqual({
      soFar: "14 av 15 dager så langt",
      remaining: "11 dager igjen",
      absencesLeft: "kan være borte 4 dager til",
      finalShare: null,
      onLeave: null,
      credited: null,
      summary: "Til stede 14 av 15 dager så langt, borte 1 dag, 11 dager igjen av 26 planlagte dager. Kravet er minst 21 dager (80 %) av alle samlingsdagene.",
    });
    expect(Object.values(figures).join(" ")).not.toMatch(/53,8/);
  });

  it("name the days of a granted leave, so present, absent, leave and planned add up to the plan", () => {
    const onLeave = evaluateEligibility({ scheduledDays: 26, heldDays: 10, attendedDays: 10, leaveDays: 3, arbeidskrav: [] }).attendance;
    const figures = attendanceFigures(onLeave);
    expect(figures.onLeave).toBe("3 dager");
    expect(figures.remaining).toBe("13 dager igjen");
    expect(figures.summary).toBe(
      "Til stede 10 av 10 dager så langt, borte 0 dager, 3 dager i permisjon, 13 dager igjen av 26 planlagte dager. Kravet er minst 21 dager (80 %) av alle samlingsdagene.",
    );
    const oneDay = evaluateEligibility({ scheduledDays: 26, heldDays: 10, attendedDays: 10, leaveDays: 1, arbeidskrav: [] }).attendance;
    expect(attendanceFigures(oneDay).onLeave).toBe("1 dag");
  });

  it("say how many of the days attended were credited from an earlier kull", () => {
    const transferred = evaluateEligibility({ scheduledDays: 26, heldDays: 15, attendedDays: 15, creditedDays: 12, arbeidskrav: [] }).attendance;
    const figures = attendanceFigures(transferred);
    expect(figures.soFar).toBe("15 av 15 dager så langt");
    expect(figures.credited).toBe("12 av dem godkjent fra et tidligere kull");
    expect(figures.summary.startsWith("Til stede 15 av 15 dager så langt (12 av dem godkjent fra et tidligere kull), borte 0 dager, 11 dager igjen")).toBe(true);
    expect(attendanceProgress(transferred).soFar).toBe("Du har vært til stede 15 av 15 dager så langt. 12 av dem er godkjent som oppmøte fra et tidligere kull.");
    expect(() => evaluateEligibility({ scheduledDays: 26, heldDays: 15, attendedDays: 10, creditedDays: 12, arbeidskrav: [] })).toThrow(RangeError);
  });

  it("use the singular for one day", () => {
    const figures = attendanceFigures(attendance(26, 1, 1));
    expect(figures.soFar).toBe("1 av 1 dag så langt");
    expect(attendanceFigures(attendance(26, 25, 21)).remaining).toBe("1 dag igjen");
    expect(attendanceFigures(attendance(26, 25, 21)).absencesLeft).toBe("kravet er nådd");
    expect(attendanceFigures(attendance(26, 20, 16)).absencesLeft).toBe("kan være borte 1 dag til");
  });

  it("say when no more absences are allowed, and when the rule can no longer be met", () => {
    expect(attendanceFigures(attendance(26, 20, 15)).absencesLeft).toBe("kan ikke være borte flere dager");
    expect(attendanceFigures(attendance(26, 20, 14)).absencesLeft).toBe("kravet kan ikke nås");
  });

  it("give the share of all planned days only once every day is held, saying what it is a share of", () => {
    const done = attendanceFigures(attendance(44, 44, 35));
    expect(done.remaining).toBe("ingen dager igjen");
    expect(done.finalShare).toBe("79,5 % av alle 44 samlingsdagene");
    expect(done.soFar).toBe("35 av 44 dager");
    expect(done.summary).toContain("; oppmøtet ble 79,5 % av alle 44 samlingsdagene.");
    expect(attendanceFigures(attendance(1, 1, 1)).finalShare).toBe("100 % av den ene samlingsdagen");
    expect(attendanceFigures(attendance(0, 0, 0)).summary).toBe("Ingen samlingsdager i planen ennå.");
  });

  it("never show a share next to the threshold while days remain, whatever the numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), (scheduled, h, a) => {
        const held = h % (scheduled + 1);
        const attended = a % (held + 1);
        const figures = attendanceFigures(attendance(scheduled, held, attended));
        expect(figures.finalShare === null).toBe(held < scheduled);
        expect(figures.soFar.startsWith(`${attended} av ${held} `)).toBe(true);
        expect(figures.soFar.endsWith(" så langt")).toBe(held < scheduled);
      }),
    );
  });
});
