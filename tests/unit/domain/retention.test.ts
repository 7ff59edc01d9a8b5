import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareIsoDates } from "@/lib/domain/dates";
import { klageDeadline } from "@/lib/domain/klage";
import {
  absenceReasonCutoff,
  absenceReasonDueOn,
  addMonths,
  DEFAULT_RETENTION_PERIODS,
  deferralRetentionVerdict,
  type DeferralRetentionFacts,
  formatMonthsNb,
  retentionPeriodsFrom,
  retentionVerdict,
  type RetentionFacts,
} from "@/lib/domain/retention";

const refused = (latestLetterOn: string, extra: Partial<RetentionFacts> = {}): RetentionFacts => ({
  applicationDeadline: "2026-03-01",
  admitted: false,
  sent: true,
  withdrawnOn: null,
  decision: { outcome: "REFUSAL", answer: null, answeredOn: null, latestLetterOn },
  klager: [],
  ...extra,
});

describe("addMonths", () => {
  it("moves by calendar months and keeps the day where the month has it", () => {
    expect(addMonths("2026-04-10", 6)).toBe("2026-10-10");
    expect(addMonths("2026-09-15", 6)).toBe("2027-03-15");
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
    expect(addMonths("2026-03-01", 0)).toBe("2026-03-01");
  });
  it("takes the month's last day when it is shorter (31 August + 6 months, leap years)", () => {
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-05-31", 1)).toBe("2026-06-30");
  });
  it("refuses negative and fractional months", () => {
    expect(() => addMonths("2026-01-01", -1)).toThrow(RangeError);
    expect(() => addMonths("2026-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("documents of an applicant who was not admitted", () => {
  it("are due six months after a refusal, from that day on, not the day before", () => {
    const facts = refused("2026-04-10");
    expect(retentionVerdict(facts, "2026-10-09")).toEqual({ action: "DELETE_DOCUMENTS", dueOn: "2026-10-10", due: false });
    expect(retentionVerdict(facts, "2026-10-10")).toEqual({ action: "DELETE_DOCUMENTS", dueOn: "2026-10-10", due: true });
    expect(retentionVerdict(facts, "2031-01-01").action).toBe("DELETE_DOCUMENTS");
  });

  it("are kept for as long as a klage waits, however old the decision", () => {
    const facts = refused("2026-04-10", { klager: [{ state: "OPEN", filedOn: "2026-04-20", decidedOn: null }] });
    expect(retentionVerdict(facts, "2030-01-01")).toEqual({ action: "KEEP", reason: "KLAGE_OPEN" });
  });

  it("run from the decision on the klage when it came later than the letter", () => {
    const facts = refused("2026-04-10", { klager: [{ state: "DECIDED", filedOn: "2026-04-20", decidedOn: "2026-06-02" }] });
    expect(retentionVerdict(facts, "2026-12-01")).toMatchObject({ dueOn: "2026-12-02", due: false });
    expect(retentionVerdict(facts, "2026-12-02")).toMatchObject({ dueOn: "2026-12-02", due: true });
  });

  it("are kept while a klage the adviser did not take waits to be sent on or waits at the appeals body, and run from the later of its sending and the appeals body's decision", () => {
    const upheld = { state: "DECIDED" as const, filedOn: "2026-04-20", decidedOn: "2026-05-02", upheld: true };
    expect(retentionVerdict(refused("2026-04-10", { klager: [{ ...upheld, forwardedOn: null }] }), "2030-01-01")).toEqual({ action: "KEEP", reason: "KLAGE_OPEN" });
    const sent = refused("2026-04-10", { klager: [{ ...upheld, forwardedOn: "2026-07-15" }] });
    expect(retentionVerdict(sent, "2027-01-14")).toMatchObject({ dueOn: "2027-01-15", due: false });
    expect(retentionVerdict(sent, "2027-01-15")).toMatchObject({ dueOn: "2027-01-15", due: true });
    // Kept while it waits there (still being handled); once its decision is registered, from its day.
    expect(retentionVerdict(refused("2026-04-10", { klager: [{ ...upheld, forwardedOn: "2026-07-15", atAppealsBody: true }] }), "2030-01-01")).toEqual({ action: "KEEP", reason: "KLAGE_OPEN" });
    const answered = refused("2026-04-10", { klager: [{ ...upheld, forwardedOn: "2026-07-15", appealsBodyDecidedOn: "2026-09-30", atAppealsBody: false }] });
    expect(retentionVerdict(answered, "2027-01-15")).toMatchObject({ dueOn: "2027-03-30", due: false });
  });

  it("run from the newest letter (a waiting list closed is a refusal with a new letter)", () => {
    expect(retentionVerdict(refused("2026-08-20"), "2027-02-19").action).toBe("DELETE_DOCUMENTS");
    expect(retentionVerdict(refused("2026-08-20"), "2027-02-19")).toMatchObject({ due: false, dueOn: "2027-02-20" });
  });

  it("never go before the klage deadline has passed, even with a period of 0 months", () => {
    const periods = retentionPeriodsFrom({ notAdmittedDocumentsMonths: 0 });
    // Made available Friday 10 April 2026: three weeks is 1 May, a holiday, so the deadline is Monday 4 May.
    expect(klageDeadline("2026-04-10")).toBe("2026-05-04");
    expect(retentionVerdict(refused("2026-04-10"), "2026-05-04", periods)).toMatchObject({ due: false, dueOn: "2026-05-05" });
    expect(retentionVerdict(refused("2026-04-10"), "2026-05-05", periods)).toMatchObject({ due: true });
  });

  it("follow an offer declined or left to expire, from the answer", () => {
    const declined = refused("2026-04-10", { decision: { outcome: "OFFER", answer: "DECLINED", answeredOn: "2026-04-20", latestLetterOn: "2026-04-10" } });
    expect(retentionVerdict(declined, "2026-10-20")).toMatchObject({ dueOn: "2026-10-20", due: true });
    const expired = refused("2026-04-10", { decision: { outcome: "OFFER", answer: "EXPIRED", answeredOn: "2026-05-02", latestLetterOn: "2026-04-10" } });
    expect(retentionVerdict(expired, "2026-11-01")).toMatchObject({ dueOn: "2026-11-02", due: false });
  });

  it("keep an offer not yet answered, an accepted one and a waiting-list place", () => {
    const pending = refused("2026-04-10", { decision: { outcome: "OFFER", answer: null, answeredOn: null, latestLetterOn: "2026-04-10" } });
    expect(retentionVerdict(pending, "2030-01-01")).toEqual({ action: "KEEP", reason: "NOT_FINAL" });
    const waiting = refused("2026-04-10", { decision: { outcome: "WAITLIST", answer: null, answeredOn: null, latestLetterOn: "2026-04-10" } });
    expect(retentionVerdict(waiting, "2030-01-01")).toEqual({ action: "KEEP", reason: "NOT_FINAL" });
    expect(retentionVerdict(refused("2026-04-10", { admitted: true }), "2030-01-01")).toEqual({ action: "KEEP", reason: "ADMITTED" });
  });

  it("follow a withdrawal from the waiting list, from the day of withdrawal", () => {
    const withdrawn = refused("2026-04-10", {
      withdrawnOn: "2026-05-15",
      decision: { outcome: "WAITLIST", answer: null, answeredOn: null, latestLetterOn: "2026-04-10" },
    });
    expect(retentionVerdict(withdrawn, "2026-11-15")).toMatchObject({ action: "DELETE_DOCUMENTS", dueOn: "2026-11-15", due: true });
  });

  it("use the configured period", () => {
    const periods = retentionPeriodsFrom({ notAdmittedDocumentsMonths: 12 });
    expect(retentionVerdict(refused("2026-04-10"), "2027-04-09", periods)).toMatchObject({ due: false, dueOn: "2027-04-10" });
  });
});

describe("applications that never got a decision", () => {
  const undecided: RetentionFacts = { applicationDeadline: "2026-03-01", admitted: false, sent: false, withdrawnOn: null, decision: null, klager: [] };

  it("are deleted whole six months after the application deadline when never sent (from the day after its end)", () => {
    expect(retentionVerdict(undecided, "2026-09-01")).toEqual({ action: "DELETE_APPLICATION", dueOn: "2026-09-02", due: false });
    expect(retentionVerdict(undecided, "2026-09-02")).toEqual({ action: "DELETE_APPLICATION", dueOn: "2026-09-02", due: true });
  });

  it("also when sent and withdrawn before a decision, and with another period", () => {
    const periods = retentionPeriodsFrom({ undecidedApplicationMonths: 12 });
    const withdrawn = { ...undecided, sent: true, withdrawnOn: "2026-02-01" };
    expect(retentionVerdict(withdrawn, "2027-03-02", periods)).toMatchObject({ action: "DELETE_APPLICATION", due: true });
    expect(retentionVerdict(withdrawn, "2027-03-01", periods)).toMatchObject({ due: false });
  });

  it("are kept however long they wait when sent and not withdrawn: the applicant is owed a decision", () => {
    const waiting = { ...undecided, sent: true };
    expect(retentionVerdict(waiting, "2026-09-02")).toEqual({ action: "KEEP", reason: "AWAITS_DECISION" });
    expect(retentionVerdict(waiting, "2036-01-01", retentionPeriodsFrom({ undecidedApplicationMonths: 0 }))).toEqual({ action: "KEEP", reason: "AWAITS_DECISION" });
  });
});

describe("periods and words", () => {
  it("default to six months for applicants and three for the health data of utsatt eksamen and the reasons of absence notices, and take what is set", () => {
    expect(DEFAULT_RETENTION_PERIODS).toEqual({ notAdmittedDocumentsMonths: 6, undecidedApplicationMonths: 6, deferralHealthDataMonths: 3, absenceReasonMonths: 3 });
    expect(retentionPeriodsFrom({ undecidedApplicationMonths: 3 })).toEqual({ notAdmittedDocumentsMonths: 6, undecidedApplicationMonths: 3, deferralHealthDataMonths: 3, absenceReasonMonths: 3 });
    expect(retentionPeriodsFrom({ deferralHealthDataMonths: 0 }).deferralHealthDataMonths).toBe(0);
    expect(retentionPeriodsFrom({ absenceReasonMonths: 12 }).absenceReasonMonths).toBe(12);
  });
  it("are said in Norwegian", () => {
    expect(formatMonthsNb(6)).toBe("seks måneder");
    expect(formatMonthsNb(1)).toBe("én måned");
    expect(formatMonthsNb(12)).toBe("ett år");
    expect(formatMonthsNb(24)).toBe("2 år");
    expect(formatMonthsNb(18)).toBe("18 måneder");
  });
});

// ─── Orders of events ──────────────────────────────────────────────────────────────────────────
// A refusal, then any order of: time passing, a klage filed (while none is open and the newest
// letter's klage period runs), a klage decided (upheld, or with a new refusal letter, e.g. a better
// waiting-list place that later closed). After every step the verdict must keep the promises.

type Event = { kind: "pass"; days: number } | { kind: "file" } | { kind: "decide"; newLetter: boolean };

const eventArbitrary: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant("pass" as const), days: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant("file" as const) }),
  fc.record({ kind: fc.constant("decide" as const), newLetter: fc.boolean() }),
);

describe("retention over any order of decision, klage and time (property)", () => {
  it("never deletes while a klage is open, never before the period after the last decision and the klage deadline, and stays due as time passes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.array(eventArbitrary, { maxLength: 25 }),
        fc.integer({ min: 0, max: 24 }),
        (startOffset, events, months) => {
          const periods = retentionPeriodsFrom({ notAdmittedDocumentsMonths: months });
          let today = addDays("2026-01-05", startOffset);
          let latestLetterOn = today;
          let lastDecisionOn = today;
          const klager: { state: "OPEN" | "DECIDED"; filedOn: string; decidedOn: string | null }[] = [];
          let wasDue = false;
          const check = (timeOnly: boolean) => {
            const facts = refused(latestLetterOn, { klager: klager.map((klage) => ({ ...klage })) });
            const verdict = retentionVerdict(facts, today, periods);
            const open = klager.some((klage) => klage.state === "OPEN");
            if (open) {
              expect(verdict).toEqual({ action: "KEEP", reason: "KLAGE_OPEN" });
              wasDue = false;
              return;
            }
            expect(verdict.action).toBe("DELETE_DOCUMENTS");
            if (verdict.action !== "DELETE_DOCUMENTS") return;
            if (verdict.due) {
              expect(compareIsoDates(today, klageDeadline(latestLetterOn))).toBeGreaterThan(0);
              expect(compareIsoDates(today, addMonths(lastDecisionOn, months))).toBeGreaterThanOrEqual(0);
            } else {
              expect(compareIsoDates(today, verdict.dueOn)).toBeLessThan(0);
            }
            // Time passing alone never takes a deletion back.
            if (timeOnly && wasDue) expect(verdict.due).toBe(true);
            wasDue = verdict.due;
          };
          check(false);
          for (const event of events) {
            if (event.kind === "pass") {
              today = addDays(today, event.days);
              check(true);
              continue;
            }
            const open = klager.find((klage) => klage.state === "OPEN");
            if (event.kind === "file") {
              if (open || compareIsoDates(today, klageDeadline(latestLetterOn)) > 0) continue;
              klager.push({ state: "OPEN", filedOn: today, decidedOn: null });
            } else {
              if (!open) continue;
              open.state = "DECIDED";
              open.decidedOn = today;
              lastDecisionOn = today;
              if (event.newLetter) latestLetterOn = today;
            }
            check(false);
          }
          // With no klage open, the deletion comes in the end.
          if (!klager.some((klage) => klage.state === "OPEN")) {
            const later = addDays(addMonths(today, months), 60);
            expect(retentionVerdict(refused(latestLetterOn, { klager }), later, periods)).toMatchObject({ action: "DELETE_DOCUMENTS", due: true });
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ─── Utsatt eksamen ────────────────────────────────────────────────────────────────────────────

type DeferralLetterFacts = DeferralRetentionFacts["letters"][number];

const refusalLetter = (madeAvailableOn: string, klage: DeferralLetterFacts["klage"] = null): DeferralLetterFacts => ({
  madeAvailableOn,
  klageDeadline: klageDeadline(madeAvailableOn),
  klage,
});

const grantedOn = (decidedOn: string, deferredSittingEndsOn: string | null = null): DeferralRetentionFacts => ({
  status: "GRANTED",
  decidedOn,
  deferredSittingEndsOn,
  letters: [{ madeAvailableOn: decidedOn, klageDeadline: null, klage: null }],
});

const refusedOn = (decidedOn: string, klage: DeferralLetterFacts["klage"] = null): DeferralRetentionFacts => ({
  status: "REFUSED",
  decidedOn,
  deferredSittingEndsOn: null,
  letters: [refusalLetter(decidedOn, klage)],
});

describe("the health data of a request for utsatt eksamen", () => {
  it("is kept while the request waits for a decision, however old", () => {
    const waiting: DeferralRetentionFacts = { status: "REQUESTED", decidedOn: null, deferredSittingEndsOn: null, letters: [] };
    expect(deferralRetentionVerdict([waiting], "2035-01-01")).toEqual({ action: "KEEP", reason: "NOT_DECIDED" });
  });

  it("goes three months after a grant whose utsatt eksamen is over, from that day on", () => {
    const facts = grantedOn("2026-12-21", "2026-11-30");
    expect(deferralRetentionVerdict([facts], "2027-03-20")).toEqual({ action: "ERASE_HEALTH_DATA", dueOn: "2027-03-21", due: false });
    expect(deferralRetentionVerdict([facts], "2027-03-21")).toEqual({ action: "ERASE_HEALTH_DATA", dueOn: "2027-03-21", due: true });
  });

  it("after a grant, runs from the utsatt eksamen's hand-in when that is later: the grant is carried out then", () => {
    const facts = grantedOn("2026-12-21", "2027-02-11");
    expect(deferralRetentionVerdict([facts], "2027-04-01")).toMatchObject({ dueOn: "2027-05-11", due: false });
    expect(deferralRetentionVerdict([facts], "2027-05-11")).toMatchObject({ dueOn: "2027-05-11", due: true });
  });

  it("after a refusal, never goes before its klage deadline has passed, even with a period of 0 months", () => {
    const periods = retentionPeriodsFrom({ deferralHealthDataMonths: 0 });
    // Made available Friday 10 April 2026: the deadline is Monday 4 May (1 May is a holiday).
    expect(deferralRetentionVerdict([refusedOn("2026-04-10")], "2026-05-04", periods)).toMatchObject({ dueOn: "2026-05-05", due: false });
    expect(deferralRetentionVerdict([refusedOn("2026-04-10")], "2026-05-05", periods)).toMatchObject({ due: true });
    expect(deferralRetentionVerdict([refusedOn("2026-04-10")], "2026-07-10")).toMatchObject({ dueOn: "2026-07-10", due: true });
  });

  it("is kept while a klage on the refusal waits", () => {
    const facts = refusedOn("2026-04-10", { state: "OPEN", decidedOn: null, upheld: false, forwardedOn: null });
    expect(deferralRetentionVerdict([facts], "2030-01-01")).toEqual({ action: "KEEP", reason: "KLAGE_OPEN" });
  });

  it("is kept while an upheld klage has not been sent on to the appeals body, and runs from the sending", () => {
    const upheld = refusedOn("2026-04-10", { state: "DECIDED", decidedOn: "2026-05-02", upheld: true, forwardedOn: null });
    expect(deferralRetentionVerdict([upheld], "2030-01-01")).toEqual({ action: "KEEP", reason: "KLAGE_NOT_SENT_ON" });
    const sent = refusedOn("2026-04-10", { state: "DECIDED", decidedOn: "2026-05-02", upheld: true, forwardedOn: "2026-06-15" });
    expect(deferralRetentionVerdict([sent], "2026-09-14")).toMatchObject({ dueOn: "2026-09-15", due: false });
    expect(deferralRetentionVerdict([sent], "2026-09-15")).toMatchObject({ due: true });
    const answered = refusedOn("2026-04-10", { state: "DECIDED", decidedOn: "2026-05-02", upheld: true, forwardedOn: "2026-06-15", appealsBodyDecidedOn: "2026-08-20" });
    expect(deferralRetentionVerdict([answered], "2026-09-15")).toMatchObject({ dueOn: "2026-11-20", due: false });
  });

  it("after a klage that was taken (the request granted), runs from the newest of the klage, the grant and its sitting", () => {
    const facts: DeferralRetentionFacts = {
      status: "GRANTED",
      decidedOn: "2026-05-20",
      deferredSittingEndsOn: "2026-06-04",
      // The klage's outcome letter is about the klage, not the request: only the refusal is here.
      letters: [refusalLetter("2026-04-10", { state: "DECIDED", decidedOn: "2026-05-20", upheld: false, forwardedOn: null })],
    };
    expect(deferralRetentionVerdict([facts], "2026-09-03")).toMatchObject({ dueOn: "2026-09-04", due: false });
    expect(deferralRetentionVerdict([facts], "2026-09-04")).toMatchObject({ due: true });
  });

  it("is erased for all of a student's requests at once: a later request keeps the earlier one's until it is final", () => {
    // Granted onto an utsatt eksamen ending 11 February; ill again, a new request for it waits.
    const first = grantedOn("2026-12-21", "2027-02-11");
    const again: DeferralRetentionFacts = { status: "REQUESTED", decidedOn: null, deferredSittingEndsOn: null, letters: [] };
    expect(deferralRetentionVerdict([first, again], "2027-09-01")).toEqual({ action: "KEEP", reason: "NOT_DECIDED" });
    // Refused on 1 June: both go three months after it, once its klage deadline has passed.
    expect(deferralRetentionVerdict([first, refusedOn("2027-06-01")], "2027-08-31")).toMatchObject({ dueOn: "2027-09-01", due: false });
    expect(deferralRetentionVerdict([first, refusedOn("2027-06-01")], "2027-09-01")).toMatchObject({ dueOn: "2027-09-01", due: true });
    // Refused before the utsatt eksamen the first placed the student on: that sitting still counts.
    expect(deferralRetentionVerdict([first, refusedOn("2027-01-10")], "2027-05-10")).toMatchObject({ dueOn: "2027-05-11", due: false });
    // A klage on the later one keeps the earlier one too.
    const klage = refusedOn("2027-06-01", { state: "OPEN", decidedOn: null, upheld: false, forwardedOn: null });
    expect(deferralRetentionVerdict([first, klage], "2030-01-01")).toEqual({ action: "KEEP", reason: "KLAGE_OPEN" });
    expect(deferralRetentionVerdict([], "2030-01-01")).toEqual({ action: "KEEP", reason: "NOT_DECIDED" });
  });
});

// Any order of: time passing, a request made (the first, or a new one once none waits: after a
// refusal, or illness again at the utsatt eksamen a grant placed the student on), the waiting one
// decided (granted onto a sitting, or refused), a klage filed on a refusal in time, the klage
// decided (taken: the request granted; or upheld), an upheld klage sent on. After every step the
// verdict over all the student's requests keeps the promises, and time alone never takes an
// erasure back.
type DeferralEvent =
  | { kind: "pass"; days: number }
  | { kind: "ask" }
  | { kind: "decide"; grant: boolean; sittingInDays: number }
  | { kind: "file"; which: number }
  | { kind: "decideKlage"; which: number; take: boolean; sittingInDays: number }
  | { kind: "sendOn"; which: number };

const deferralEvent: fc.Arbitrary<DeferralEvent> = fc.oneof(
  fc.record({ kind: fc.constant("pass" as const), days: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ kind: fc.constant("ask" as const) }),
  fc.record({ kind: fc.constant("decide" as const), grant: fc.boolean(), sittingInDays: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("file" as const), which: fc.nat(3) }),
  fc.record({ kind: fc.constant("decideKlage" as const), which: fc.nat(3), take: fc.boolean(), sittingInDays: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("sendOn" as const), which: fc.nat(3) }),
);

type MutableRequest = { status: DeferralRetentionFacts["status"]; decidedOn: string | null; deferredSittingEndsOn: string | null; letters: DeferralLetterFacts[] };

describe("the health data of utsatt eksamen over any order of requests, decisions, klager and time (property)", () => {
  it("is never erased with a request undecided, a klage waiting or not sent on, before a klage deadline, or before the period after the last step", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.array(deferralEvent, { maxLength: 30 }), fc.integer({ min: 0, max: 12 }), (start, events, months) => {
        const periods = retentionPeriodsFrom({ deferralHealthDataMonths: months });
        let today = addDays("2026-01-05", start);
        const requests: MutableRequest[] = [{ status: "REQUESTED", decidedOn: null, deferredSittingEndsOn: null, letters: [] }];
        let lastStepOn = today;
        let wasDue = false;
        const check = (timeOnly: boolean) => {
          const verdict = deferralRetentionVerdict(structuredClone(requests), today, periods);
          const klager = requests.flatMap((request) => request.letters.flatMap((letter) => (letter.klage ? [letter.klage] : [])));
          const waiting = requests.some((request) => request.status === "REQUESTED");
          const keep = waiting || klager.some((klage) => klage.state === "OPEN" || (klage.upheld && !klage.forwardedOn));
          expect(verdict.action).toBe(keep ? "KEEP" : "ERASE_HEALTH_DATA");
          if (verdict.action !== "ERASE_HEALTH_DATA") {
            wasDue = false;
            return;
          }
          if (verdict.due) {
            for (const request of requests) {
              for (const letter of request.letters) if (letter.klageDeadline) expect(compareIsoDates(today, letter.klageDeadline)).toBeGreaterThan(0);
              if (request.deferredSittingEndsOn) expect(compareIsoDates(today, addMonths(request.deferredSittingEndsOn, months))).toBeGreaterThanOrEqual(0);
            }
            expect(compareIsoDates(today, addMonths(lastStepOn, months))).toBeGreaterThanOrEqual(0);
          } else {
            expect(compareIsoDates(today, verdict.dueOn)).toBeLessThan(0);
          }
          if (timeOnly && wasDue) expect(verdict.due).toBe(true);
          wasDue = verdict.due;
        };
        const grant = (request: MutableRequest, sittingInDays: number, letter: boolean) => {
          request.status = "GRANTED";
          request.decidedOn = today;
          request.deferredSittingEndsOn = addDays(today, sittingInDays);
          if (letter) request.letters.push({ madeAvailableOn: today, klageDeadline: null, klage: null });
        };
        const refusals = () => requests.flatMap((request) => request.letters.filter((letter) => letter.klageDeadline !== null).map((letter) => ({ request, letter })));
        check(false);
        for (const event of events) {
          if (event.kind === "pass") {
            today = addDays(today, event.days);
            check(true);
            continue;
          }
          const waiting = requests.find((request) => request.status === "REQUESTED");
          const refused = refusals();
          const target = refused.length > 0 && "which" in event ? refused[event.which % refused.length]! : null;
          if (event.kind === "ask") {
            if (waiting) continue;
            requests.push({ status: "REQUESTED", decidedOn: null, deferredSittingEndsOn: null, letters: [] });
          } else if (event.kind === "decide") {
            if (!waiting) continue;
            if (event.grant) grant(waiting, event.sittingInDays, true);
            else {
              waiting.status = "REFUSED";
              waiting.decidedOn = today;
              waiting.letters.push(refusalLetter(today));
            }
          } else if (event.kind === "file") {
            if (!target || target.letter.klage || compareIsoDates(today, target.letter.klageDeadline!) > 0) continue;
            target.letter.klage = { state: "OPEN", decidedOn: null, upheld: false, forwardedOn: null };
          } else if (event.kind === "decideKlage") {
            if (target?.letter.klage?.state !== "OPEN") continue;
            target.letter.klage = { state: "DECIDED", decidedOn: today, upheld: !event.take, forwardedOn: null };
            // Taken: the request is granted; the outcome letter is about the klage, not the request.
            if (event.take) grant(target.request, event.sittingInDays, false);
          } else {
            if (!target?.letter.klage?.upheld || target.letter.klage.forwardedOn) continue;
            target.letter.klage.forwardedOn = today;
          }
          lastStepOn = today;
          check(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the reason of an absence notice", () => {
  const periods = (months: number) => retentionPeriodsFrom({ absenceReasonMonths: months });

  it("is due the day after the period has run from the samling day, whatever else happened", () => {
    expect(absenceReasonDueOn("2026-09-10")).toBe("2026-12-11");
    expect(absenceReasonDueOn("2026-11-30", periods(3))).toBe("2027-03-01");
    // No period: the night after the day, never the day itself (the job runs at night, before registration).
    expect(absenceReasonDueOn("2026-09-10", periods(0))).toBe("2026-09-11");
  });

  it("the cut-off is the last day whose notices are due: month ends, a leap day, no period", () => {
    expect(absenceReasonCutoff("2026-12-11")).toBe("2026-09-10");
    expect(absenceReasonCutoff("2026-12-10")).toBe("2026-09-09");
    // 28, 29 and 30 November all reach 28 February, so all are due on 1 March.
    expect(absenceReasonCutoff("2027-03-01")).toBe("2026-11-30");
    expect(absenceReasonCutoff("2027-02-28")).toBe("2026-11-27");
    expect(absenceReasonCutoff("2028-03-01", periods(12))).toBe("2027-02-28");
    expect(absenceReasonCutoff("2026-12-05", periods(0))).toBe("2026-12-04");
  });

  it("a day's notices are due exactly when the day is on or before the cut-off (the job's one condition)", () => {
    const day = fc.integer({ min: 0, max: 3_000 }).map((offset) => addDays("2024-01-01", offset));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 120 }), (samlingDay, today, months) => {
        const due = compareIsoDates(absenceReasonDueOn(samlingDay, periods(months)), today) <= 0;
        expect(compareIsoDates(samlingDay, absenceReasonCutoff(today, periods(months))) <= 0).toBe(due);
      }),
    );
  });
});
