import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays as addDaysTo } from "@/lib/domain/dates";
import { formatDateNb } from "@/lib/domain/format";
import {
  allowedChanges,
  completionAfterResultChange,
  completionChangeText,
  completedStudyLines,
  completionInView,
  completionProblem,
  completionSitting,
  daysOnLeave,
  leaveDaysAway,
  effectiveLeave,
  ENROLMENT_STATUSES,
  enrolmentChangeProblem,
  isInKull,
  kullLeaveProblem,
  leaveAfterKlage,
  leaveAfterKlageSentence,
  leaveCancellationProblem,
  leaveEndNote,
  leaveKlagePreview,
  leaveHasBegun,
  leaveRequestProblems,
  releasesPlace,
  returnDateProblem,
  type EnrolmentChange,
  type EnrolmentStatus,
  type LeaveEnding,
  requestedOnProblem,
} from "@/lib/domain/enrolment";

describe("which changes a status allows", () => {
  it("offers leave, withdrawal, completion and transfer to an active student; return, withdrawal and transfer on leave; nothing once ended", () => {
    expect(allowedChanges("ACTIVE")).toEqual(["GRANT_LEAVE", "REFUSE_LEAVE", "WITHDRAW", "COMPLETE", "TRANSFER"]);
    expect(allowedChanges("ON_LEAVE")).toEqual(["RETURN", "WITHDRAW", "TRANSFER"]);
    for (const status of ["WITHDRAWN", "COMPLETED", "TRANSFERRED"] as const) expect(allowedChanges(status)).toEqual([]);
  });

  it("says why not in Norwegian, and nothing when allowed (every pair)", () => {
    const changes: EnrolmentChange[] = ["GRANT_LEAVE", "REFUSE_LEAVE", "RETURN", "WITHDRAW", "COMPLETE", "TRANSFER"];
    for (const status of ENROLMENT_STATUSES) {
      for (const change of changes) {
        const problem = enrolmentChangeProblem(change, status);
        expect(problem === null).toBe(allowedChanges(status).includes(change));
      }
    }
    expect(enrolmentChangeProblem("RETURN", "ACTIVE")).toBe("Studenten har ikke permisjon nå.");
    expect(enrolmentChangeProblem("GRANT_LEAVE", "ON_LEAVE")).toBe("Studenten har allerede permisjon.");
    expect(enrolmentChangeProblem("COMPLETE", "ON_LEAVE")).toMatch(/permisjon/);
    expect(enrolmentChangeProblem("WITHDRAW", "TRANSFERRED")).toBe("Studenten er overført til et senere kull.");
    expect(() => enrolmentChangeProblem("WITHDRAW", "GONE" as EnrolmentStatus)).toThrow(RangeError);
  });

  it("a student on leave or completed is still in the kull; withdrawn and transferred are not", () => {
    expect(ENROLMENT_STATUSES.filter(isInKull)).toEqual(["ACTIVE", "ON_LEAVE", "COMPLETED"]);
  });
});

describe("leave of absence", () => {
  const plan = [
    { id: "a", date: "2026-03-10" },
    { id: "b", date: "2026-03-11" },
    { id: "c", date: "2026-04-14" },
    { id: "d", date: "2026-05-20" },
  ];

  it("covers its days as granted, or up to the day before the return", () => {
    expect(effectiveLeave({ from: "2026-03-01", to: "2026-04-30", returnedOn: null })).toEqual({ from: "2026-03-01", to: "2026-04-30" });
    expect(effectiveLeave({ from: "2026-03-01", to: "2026-04-30", returnedOn: "2026-03-11" })).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    // Back after the granted end: the leave still ends as granted.
    expect(effectiveLeave({ from: "2026-03-01", to: "2026-04-30", returnedOn: "2026-06-01" })).toEqual({ from: "2026-03-01", to: "2026-04-30" });
    // Back on its first day: no day of leave at all.
    expect(effectiveLeave({ from: "2026-03-01", to: "2026-04-30", returnedOn: "2026-03-01" })).toBeNull();
  });

  it("finds the plan's days inside the leaves", () => {
    expect(daysOnLeave(plan, [{ from: "2026-03-11", to: "2026-04-30", returnedOn: null }])).toEqual(["b", "c"]);
    expect(daysOnLeave(plan, [{ from: "2026-03-11", to: "2026-04-30", returnedOn: "2026-04-14" }])).toEqual(["b"]);
    expect(daysOnLeave(plan, [{ from: "2026-03-10", to: "2026-03-10", returnedOn: null }, { from: "2026-05-20", to: "2026-05-21", returnedOn: null }])).toEqual(["a", "d"]);
    expect(daysOnLeave(plan, [])).toEqual([]);
  });

  it("counts as away only the leave's days she neither attended nor had credited", () => {
    expect(leaveDaysAway(["a", "b", "c"], new Set())).toEqual(["a", "b", "c"]);
    expect(leaveDaysAway(["a", "b", "c"], new Set(["b", "x"]))).toEqual(["a", "c"]);
    expect(leaveDaysAway(["a"], new Set(["a"]))).toEqual([]);
  });

  it("a day is on leave exactly when it lies inside some effective range (property)", () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day, fc.option(day))), fc.uniqueArray(day), (raw, dates) => {
        const leaves = raw.map(([a, b, back]) => ({ from: a < b ? a : b, to: a < b ? b : a, returnedOn: back }));
        const planDays = dates.map((date, index) => ({ id: `d${index}`, date }));
        const found = new Set(daysOnLeave(planDays, leaves));
        for (const planDay of planDays) {
          const inside = leaves.some((leave) => {
            const range = effectiveLeave(leave);
            return range !== null && planDay.date >= range.from && planDay.date <= range.to;
          });
          expect(found.has(planDay.id)).toBe(inside);
        }
      }),
    );
  });

  const context = { kullEndsOn: "2027-11-30", granted: [] };
  const request = { from: "2026-03-01", to: "2026-06-30", reason: "Sykdom", documentation: null };

  it("accepts a leave of up to a year within the kull", () => {
    expect(leaveRequestProblems(request, context)).toEqual({});
    expect(leaveRequestProblems({ ...request, to: "2027-02-28" }, context)).toEqual({});
    expect(leaveRequestProblems({ ...request, to: "2027-03-01" }, context).to).toBe("Permisjon gis for høyst ett år om gangen: siste dag kan være 28. februar 2027.");
  });

  it("names each field's problem", () => {
    expect(leaveRequestProblems({ from: "2026-02-30", to: "x", reason: " ", documentation: "r".repeat(201) }, context)).toEqual({
      from: "Skriv datoen permisjonen begynner (dd.mm.åååå).",
      to: "Skriv den siste dagen i permisjonen (dd.mm.åååå).",
      reason: "Skriv hvorfor studenten søker permisjon.",
      documentation: "Referansen kan ha høyst 200 tegn.",
    });
    expect(leaveRequestProblems({ ...request, to: "2026-02-28" }, context).to).toBe("Den siste dagen kan ikke være før den første.");
    expect(leaveRequestProblems({ ...request, reason: "x".repeat(2001) }, context).reason).toBe("Begrunnelsen kan ha høyst 2000 tegn.");
    expect(leaveRequestProblems({ ...request, from: "2027-12-01", to: "2027-12-31" }, context).from).toBe("Kullet slutter 30. november 2027. Permisjonen må begynne før det.");
  });

  it("refuses a leave overlapping one granted, but not one after a return", () => {
    const granted = [{ from: "2026-05-01", to: "2026-08-31", returnedOn: null }];
    expect(leaveRequestProblems(request, { ...context, granted }).from).toBe("Studenten har allerede permisjon 1. mai 2026–31. august 2026. Permisjonene kan ikke overlappe.");
    const ended = [{ from: "2026-01-01", to: "2026-08-31", returnedOn: "2026-02-15" }];
    expect(leaveRequestProblems(request, { ...context, granted: ended })).toEqual({});
  });

  it("a return is registered on a real day between the leave's start and today", () => {
    expect(returnDateProblem({ from: "2026-03-01" }, "2026-04-01", "2026-04-10")).toBeNull();
    expect(returnDateProblem({ from: "2026-03-01" }, "2026-03-01", "2026-03-01")).toBeNull();
    expect(returnDateProblem({ from: "2026-03-01" }, "2026-02-28", "2026-04-10")).toBe("Permisjonen begynte 1. mars 2026. Studenten kan ikke være tilbake før det.");
    expect(returnDateProblem({ from: "2026-03-01" }, "2026-04-11", "2026-04-10")).toMatch(/etter i dag/);
    expect(returnDateProblem({ from: "2026-03-01" }, "2026-04-31", "2026-05-10")).toMatch(/dd\.mm\.åååå/);
  });

  it("a granted leave is withdrawn only before its first day, while the student is active", () => {
    const leave = { status: "GRANTED" as const, from: "2026-03-01", returnedOn: null };
    expect([leaveHasBegun(leave, "2026-02-28"), leaveHasBegun(leave, "2026-03-01"), leaveHasBegun(leave, "2026-03-02")]).toEqual([false, true, true]);
    expect(leaveCancellationProblem(leave, "ACTIVE", "2026-02-28")).toBeNull();
    expect(leaveCancellationProblem(leave, "ACTIVE", "2026-03-01")).toBe("Permisjonen begynte 1. mars 2026. Registrer at studenten er tilbake i stedet.");
    expect(leaveCancellationProblem(leave, "ON_LEAVE", "2026-04-01")).toMatch(/Registrer at studenten er tilbake i stedet/);
    expect(leaveCancellationProblem({ ...leave, status: "REFUSED" }, "ACTIVE", "2026-02-01")).toBe("Permisjonen ble ikke innvilget.");
    expect(leaveCancellationProblem({ ...leave, status: "CANCELLED" }, "ACTIVE", "2026-02-01")).toBe("Permisjonen er allerede trukket tilbake.");
    expect(leaveCancellationProblem({ ...leave, returnedOn: "2026-03-01" }, "ACTIVE", "2026-02-01")).toMatch(/registrert tilbake/);
    expect(leaveCancellationProblem(leave, "WITHDRAWN", "2026-02-01")).toBe("Studenten har sluttet i kullet.");
    expect(leaveCancellationProblem(leave, "TRANSFERRED", "2026-02-01")).toBe("Studenten er overført til et senere kull.");
  });

  it("whatever the day, a leave is either withdrawn before it begins or ended by a return after, never both", () => {
    const isoDay = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDay, isoDay, (from, today) => {
        const cancellable = leaveCancellationProblem({ status: "GRANTED", from, returnedOn: null }, "ACTIVE", today) === null;
        const returnable = returnDateProblem({ from }, today, today) === null;
        expect(cancellable).not.toBe(returnable);
        expect(returnable).toBe(leaveHasBegun({ from }, today));
      }),
    );
  });
});

describe("how a leave's end reads", () => {
  const today = "2028-09-20";
  const back = (returnedOn: string | null, from = "2028-09-01", to = "2028-10-10") => ({ from, to, returnedOn, ending: returnedOn ? ("RETURNED" as const) : null });
  it("nothing while it runs; the day back once returned; never a return in the future; «begynte ikke» when it covered no day", () => {
    expect(leaveEndNote(back(null), today)).toBeNull();
    expect(leaveEndNote(back("2028-09-15"), today)).toBe("tilbake 15. september 2028");
    expect(leaveEndNote(back(today), today)).toBe("tilbake 20. september 2028");
    expect(leaveEndNote(back("2028-10-11"), today)).toBe("gjelder til og med 10. oktober 2028");
    expect(leaveEndNote(back("2028-10-01", "2028-10-01"), today)).toBe("begynte ikke");
    expect(leaveEndNote(back("2028-09-01", "2028-09-01", "2028-09-10"), today)).toBe("begynte ikke");
  });

  it("a leave the enrolment's end ended, or a klage granted already ended, says its last day and why, never «tilbake»", () => {
    const ended = (ending: Exclude<LeaveEnding, "RETURNED">, returnedOn: string, from = "2028-09-01", to = "2028-10-10") => leaveEndNote({ from, to, returnedOn, ending }, today);
    expect(ended("STUDENT_WITHDRAWN", "2028-09-15")).toBe("gjaldt til og med 14. september 2028, da studenten sluttet");
    expect(ended("STUDENT_TRANSFERRED", today)).toBe("gjaldt til og med 19. september 2028, da studenten ble overført");
    expect(ended("STUDENT_COMPLETED", "2028-09-12")).toBe("gjaldt til og med 11. september 2028, da studenten fullførte kullet");
    // A leave that had run out before the enrolment ended (closed by the withdrawal later) ran its course: no why.
    expect(ended("STUDENT_WITHDRAWN", "2028-09-20", "2028-09-01", "2028-09-10")).toBe("gjaldt til og med 10. september 2028");
    expect(ended("STUDENT_WITHDRAWN", "2028-09-11", "2028-09-01", "2028-09-10")).toBe("gjaldt til og med 10. september 2028");
    expect(ended("OVER", "2028-09-11", "2028-09-01", "2028-09-10")).toBe("gjaldt til og med 10. september 2028");
    // A completed kull: the days as asked, still to come or over.
    expect(ended("KULL_COMPLETED", "2028-10-11")).toBe("gjelder til og med 10. oktober 2028");
    expect(ended("KULL_COMPLETED", "2028-09-21", "2028-09-01", today)).toBe("gjelder til og med 20. september 2028");
    expect(ended("KULL_COMPLETED", "2028-09-20", "2028-09-01", "2028-09-19")).toBe("gjaldt til og med 19. september 2028");
    // The student reads it of herself.
    expect(leaveEndNote({ from: "2028-09-01", to: "2028-10-10", returnedOn: "2028-09-15", ending: "STUDENT_TRANSFERRED" }, today, "student")).toBe(
      "gjaldt til og med 14. september 2028, da du ble overført",
    );
    // Ended on its first day: no day covered, whatever ended it.
    expect(ended("STUDENT_WITHDRAWN", "2028-09-01")).toBe("begynte ikke");
  });

  it("only a return reads «tilbake», and the day named is always one the leave covered", () => {
    const isoDay = fc.integer({ min: 0, max: 800 }).map((n) => addDaysTo("2027-09-01", n));
    const endings: LeaveEnding[] = ["RETURNED", "OVER", "STUDENT_COMPLETED", "STUDENT_WITHDRAWN", "STUDENT_TRANSFERRED", "KULL_COMPLETED"];
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 80 }), fc.constantFrom(...endings), (from, length, backAfter, ending) => {
        const to = addDaysTo(from, length);
        const returnedOn = addDaysTo(from, backAfter);
        const note = leaveEndNote({ from, to, returnedOn, ending }, today)!;
        const covered = effectiveLeave({ from, to, returnedOn });
        if (!covered) {
          expect(note).toBe("begynte ikke");
        } else if (note.startsWith("tilbake")) {
          expect(ending).toBe("RETURNED");
          expect(note).toBe(`tilbake ${formatDateNb(returnedOn)}`);
        } else {
          expect(note).toMatch(new RegExp(`^(gjaldt|gjelder) til og med ${formatDateNb(covered.to)}`));
          // A why only for an end that cut the leave short.
          expect(note.includes(", da ")).toBe(covered.to < to && ending !== "OVER" && ending !== "KULL_COMPLETED" && ending !== "RETURNED");
        }
      }),
    );
  });
});

describe("leave in a completed kull", () => {
  it("is neither granted nor refused once the kull is completed, and says when it was", () => {
    expect(kullLeaveProblem({ completedOn: null })).toBeNull();
    expect(kullLeaveProblem({ completedOn: "2028-09-14" })).toBe(
      "Kullet ble fullført 14. september 2028. Permisjon kan ikke gis eller avslås i et fullført kull. Venter studenten på en senere eksamen, kan studenten søke om utsatt eksamen. Er kullet fullført for tidlig, åpner du det igjen under «Opptak og status».",
    );
  });
});

describe("a klage on a refused leave, taken", () => {
  const TODAY = "2028-09-20";
  const leave = { from: "2028-09-10", to: "2028-10-10" };
  const running = { kullCompletedOn: null, studentEndedOn: null, openLeave: false, today: TODAY };

  it("in a running kull: on leave from now once begun, from its first day when later, ended when its days are over", () => {
    expect(leaveAfterKlage({ ...running, leave, status: "ACTIVE" })).toEqual({ kind: "START" });
    expect(leaveAfterKlage({ ...running, leave: { from: TODAY, to: "2028-10-10" }, status: "ACTIVE" })).toEqual({ kind: "START" });
    expect(leaveAfterKlage({ ...running, leave: { from: "2028-09-21", to: "2028-10-10" }, status: "ACTIVE" })).toEqual({ kind: "LATER" });
    // Over: ended the day after its last day, whatever else is true (another leave open, on leave now).
    const over = { from: "2028-08-01", to: "2028-09-19" };
    for (const status of ["ACTIVE", "ON_LEAVE"] as const) {
      for (const openLeave of [false, true]) {
        expect(leaveAfterKlage({ ...running, leave: over, status, openLeave })).toEqual({ kind: "ENDED", returnedOn: TODAY, why: "OVER" });
      }
    }
  });

  it("in a running kull, another leave not ended holds it back: the return from that one is registered first", () => {
    expect(leaveAfterKlage({ ...running, leave, status: "ON_LEAVE" })).toEqual({ kind: "REFUSED", problem: "Studenten har allerede permisjon." });
    expect(leaveAfterKlage({ ...running, leave, status: "ACTIVE", openLeave: true })).toEqual({
      kind: "REFUSED",
      problem: "Studenten har allerede en permisjon som ikke er avsluttet. Registrer at studenten er tilbake fra den først.",
    });
  });

  it("a student who has completed or left: granted and ended when the student left (or today), never started; never refused", () => {
    for (const [status, why] of [
      ["COMPLETED", "STUDENT_COMPLETED"],
      ["WITHDRAWN", "STUDENT_WITHDRAWN"],
      ["TRANSFERRED", "STUDENT_TRANSFERRED"],
    ] as const) {
      for (const kullCompletedOn of [null, "2028-09-01"]) {
        for (const openLeave of [false, true]) {
          const facts = { status, kullCompletedOn, openLeave, today: TODAY };
          expect(leaveAfterKlage({ ...facts, leave, studentEndedOn: null })).toEqual({ kind: "ENDED", returnedOn: TODAY, why });
          // Left on the 15th: the days after it are no leave.
          expect(leaveAfterKlage({ ...facts, leave, studentEndedOn: "2028-09-15" })).toEqual({ kind: "ENDED", returnedOn: "2028-09-15", why });
          // Left before the leave would have begun, or it has not begun: ended on its first day, covering no day.
          expect(leaveAfterKlage({ ...facts, leave, studentEndedOn: "2028-09-01" })).toEqual({ kind: "ENDED", returnedOn: "2028-09-10", why });
          expect(leaveAfterKlage({ ...facts, leave: { from: "2028-10-01", to: "2028-10-10" }, studentEndedOn: null })).toEqual({ kind: "ENDED", returnedOn: "2028-10-01", why });
          // Over already: no later than the day the student left either.
          expect(leaveAfterKlage({ ...facts, leave: { from: "2028-08-01", to: "2028-09-19" }, studentEndedOn: "2028-09-01" })).toEqual({ kind: "ENDED", returnedOn: "2028-09-01", why: "OVER" });
        }
      }
    }
  });

  it("a student still in a completed kull: granted as asked and ended after its last day, never started; never refused", () => {
    for (const status of ["ACTIVE", "ON_LEAVE"] as const) {
      for (const openLeave of [false, true]) {
        const facts = { status, kullCompletedOn: "2028-09-01", studentEndedOn: null, openLeave, today: TODAY };
        expect(leaveAfterKlage({ ...facts, leave })).toEqual({ kind: "ENDED", returnedOn: "2028-10-11", why: "KULL_COMPLETED" });
        expect(leaveAfterKlage({ ...facts, leave: { from: "2028-10-01", to: "2028-10-10" } })).toEqual({ kind: "ENDED", returnedOn: "2028-10-11", why: "KULL_COMPLETED" });
      }
    }
  });

  it("never leaves a leave open that cannot start, makes no day after the student left leave, and ends no later than granted (any dates, any status)", () => {
    const date = fc.integer({ min: 0, max: 120 }).map((offset) => addDaysTo("2028-08-01", offset));
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 60 }),
        date,
        fc.constantFrom(...ENROLMENT_STATUSES),
        fc.option(date, { nil: null }),
        fc.option(date, { nil: null }),
        fc.boolean(),
        (from, length, today, status, kullCompletedOn, studentEndedOn, openLeave) => {
          const request = { from, to: addDaysTo(from, length) };
          const outcome = leaveAfterKlage({ leave: request, status, kullCompletedOn, studentEndedOn, openLeave, today });
          if (outcome.kind === "REFUSED") {
            expect(["ACTIVE", "ON_LEAVE"]).toContain(status);
            expect(kullCompletedOn).toBeNull();
            expect(request.to >= today).toBe(true);
            return;
          }
          if (outcome.kind === "START" || outcome.kind === "LATER") {
            expect(status).toBe("ACTIVE");
            expect(kullCompletedOn).toBeNull();
            expect(outcome.kind === "START").toBe(leaveHasBegun(request, today));
            return;
          }
          expect(outcome.returnedOn >= from && outcome.returnedOn <= addDaysTo(request.to, 1)).toBe(true);
          const covered = effectiveLeave({ ...request, returnedOn: outcome.returnedOn });
          if (covered) expect(covered.from).toBe(from);
          if (covered && ["COMPLETED", "WITHDRAWN", "TRANSFERRED"].includes(status)) {
            expect(covered.to < today).toBe(true);
            if (studentEndedOn) expect(covered.to < studentEndedOn).toBe(true);
          }
          // The letter names exactly the days the leave covers, or says it does not begin.
          const sentence = leaveAfterKlageSentence(request, outcome);
          if (outcome.why === "OVER") expect(sentence).toMatch(/Perioden er over/);
          else if (covered) expect(sentence).toContain(`fra og med ${formatDateNb(covered.from)} til og med ${formatDateNb(covered.to)} regnes ikke som fravær.`);
          else expect(sentence).toMatch(/så permisjonen begynner ikke\./);
        },
      ),
    );
  });

  it("tells the one who decides what taking it would do, before the choice", () => {
    expect(leaveKlagePreview(leave, { kind: "START" })).toBe("Tas klagen til følge, får studenten permisjon fra i dag, og er studenten meldt opp til eksamen, meldes studenten av.");
    expect(leaveKlagePreview(leave, { kind: "LATER" })).toBe("Tas klagen til følge, begynner permisjonen 10. september 2028.");
    expect(leaveKlagePreview(leave, { kind: "REFUSED", problem: "Studenten har allerede permisjon." })).toBe("Klagen kan ikke tas til følge nå: Studenten har allerede permisjon.");
    expect(leaveKlagePreview(leave, { kind: "ENDED", returnedOn: "2028-10-11", why: "OVER" })).toBe(
      "Tas klagen til følge, innvilges permisjonen for en periode som er over: samlingsdagene i den regnes ikke som fravær.",
    );
    expect(leaveKlagePreview(leave, { kind: "ENDED", returnedOn: TODAY, why: "STUDENT_WITHDRAWN" })).toBe(
      "Tas klagen til følge, innvilges permisjonen, men studenten settes ikke på permisjon fordi studenten har sluttet i kullet.",
    );
  });

  it("tells the student what the leave means now", () => {
    expect(leaveAfterKlageSentence(leave, { kind: "START" })).toBe(
      "Du får permisjon fra og med 10. september 2028 til og med 10. oktober 2028. Samlingsdagene i permisjonstiden regnes ikke som fravær.",
    );
    expect(leaveAfterKlageSentence(leave, { kind: "ENDED", returnedOn: "2028-10-11", why: "OVER" })).toBe(
      "Du får permisjon 10. september 2028–10. oktober 2028. Perioden er over, og samlingsdagene i den regnes ikke som fravær.",
    );
    expect(leaveAfterKlageSentence(leave, { kind: "ENDED", returnedOn: TODAY, why: "STUDENT_COMPLETED" })).toBe(
      "Du får permisjon 10. september 2028–10. oktober 2028. Du har fullført kullet, så du settes ikke på permisjon nå. " +
        "Samlingsdager fra og med 10. september 2028 til og med 19. september 2028 regnes ikke som fravær.",
    );
    expect(leaveAfterKlageSentence(leave, { kind: "ENDED", returnedOn: "2028-10-11", why: "KULL_COMPLETED" })).toBe(
      "Du får permisjon 10. september 2028–10. oktober 2028. Kullet er fullført, så du settes ikke på permisjon nå. " +
        "Samlingsdager fra og med 10. september 2028 til og med 10. oktober 2028 regnes ikke som fravær. Venter du på en senere eksamen, kan du søke om utsatt eksamen.",
    );
    expect(leaveAfterKlageSentence(leave, { kind: "ENDED", returnedOn: "2028-09-10", why: "STUDENT_WITHDRAWN" })).toBe(
      "Du får permisjon 10. september 2028–10. oktober 2028. Du har sluttet i kullet, så permisjonen begynner ikke.",
    );
    expect(leaveAfterKlageSentence(leave, { kind: "ENDED", returnedOn: TODAY, why: "STUDENT_TRANSFERRED" })).toMatch(/^Du får permisjon .*Du er overført til et senere kull, så du settes ikke på permisjon nå\./);
    expect(leaveAfterKlageSentence(leave, { kind: "ENDED", returnedOn: TODAY, why: "STUDENT_WITHDRAWN" })).toMatch(/Du har sluttet i kullet, så/);
  });
});

describe("withdrawal and the waiting list", () => {
  it("gives the place back only before the day the list closes", () => {
    expect(releasesPlace({ withdrawnOn: "2026-08-14", waitlistClosesOn: "2026-08-15" })).toBe(true);
    expect(releasesPlace({ withdrawnOn: "2026-08-15", waitlistClosesOn: "2026-08-15" })).toBe(false);
    expect(releasesPlace({ withdrawnOn: "2026-12-01", waitlistClosesOn: "2026-08-15" })).toBe(false);
  });
});

describe("completion", () => {
  const sitting = (examId: string, startsAt: string, status: "ADMITTED" | "NOT_ATTENDED" | "REFUSED" | "DEFERRED", grade: "A" | "B" | "C" | "E" | "F" | null, published = true) => ({
    examId,
    startsAt: new Date(startsAt),
    status,
    grade,
    gradedOn: grade ? startsAt.slice(0, 10) : null,
    published,
  });
  const ordinary = (grade: "A" | "B" | "C" | "E" | "F" | null, published = true) => sitting("ord", "2026-11-17T08:00:00Z", "ADMITTED", grade, published);

  it("needs an active student whose published grade that counts is a pass", () => {
    for (const grade of ["A", "C", "E"] as const) expect(completionProblem({ status: "ACTIVE", sittings: [ordinary(grade)] })).toBeNull();
  });

  it("counts the best grade over every sitting: F on the ordinary exam and a pass on the ny eksamen completes, with the ny eksamen as the sitting", () => {
    const sittings = [ordinary("F"), sitting("resit", "2027-02-16T08:00:00Z", "ADMITTED", "C")];
    expect(completionProblem({ status: "ACTIVE", sittings })).toBeNull();
    expect(completionSitting(sittings)?.examId).toBe("resit");
    // Utsatt eksamen in place of the ordinary one: a "DEFERRED" registration is no result.
    const deferred = [sitting("ord", "2026-11-17T08:00:00Z", "DEFERRED", null), sitting("utsatt", "2027-01-12T08:00:00Z", "ADMITTED", "B")];
    expect(completionProblem({ status: "ACTIVE", sittings: deferred })).toBeNull();
    expect(completionSitting(deferred)?.examId).toBe("utsatt");
  });

  it("is refused without a published passing grade that counts, with the reason", () => {
    expect(completionProblem({ status: "ACTIVE", sittings: [ordinary("F")] })).toBe("Karakteren er F (ikke bestått). Studenten kan ikke fullføre uten bestått eksamen.");
    expect(completionProblem({ status: "ACTIVE", sittings: [ordinary(null)] })).toBe("Studenten har ikke fått karakter på eksamen ennå.");
    expect(completionProblem({ status: "ACTIVE", sittings: [] })).toMatch(/ikke meldt opp/);
    expect(completionProblem({ status: "ACTIVE", sittings: [sitting("ord", "2026-11-17T08:00:00Z", "REFUSED", null)] })).toMatch(/ikke meldt opp/);
    expect(completionProblem({ status: "ACTIVE", sittings: [ordinary("B", false)] })).toMatch(/ikke publisert/);
  });

  it("is spoken of once the student has a sitting or the kull is over, not mid-course", () => {
    const mid = { kullEndsOn: "2026-11-30", today: "2026-09-01" };
    expect(completionInView({ sittings: [], ...mid })).toBe(false);
    expect(completionInView({ sittings: [ordinary(null)], ...mid })).toBe(true);
    expect(completionInView({ sittings: [sitting("ord", "2026-11-17T08:00:00Z", "REFUSED", null)], ...mid })).toBe(true);
    expect(completionInView({ sittings: [], kullEndsOn: "2026-11-30", today: "2026-11-30" })).toBe(false);
    expect(completionInView({ sittings: [], kullEndsOn: "2026-11-30", today: "2026-12-01" })).toBe(true);
    // A pass on a sitting not yet published, after a published F: publish first.
    expect(completionProblem({ status: "ACTIVE", sittings: [ordinary("F"), sitting("resit", "2027-02-16T08:00:00Z", "ADMITTED", "C", false)] })).toMatch(/ikke publisert/);
    expect(completionSitting([ordinary("B", false)])).toBeNull();
    expect(completionProblem({ status: "ON_LEAVE", sittings: [ordinary("A")] })).toMatch(/permisjon/);
    expect(completionProblem({ status: "COMPLETED", sittings: [ordinary("A")] })).toBe("Studenten har fullført kullet.");
  });

  it("after a completed student's result changes: the confirmation stands, is replaced with the new grade, or no longer holds", () => {
    expect(completionAfterResultChange([ordinary("B")], [ordinary("B")])).toBeNull();
    // A worse grade on a sitting that does not count changes nothing.
    const resit = sitting("resit", "2027-02-16T08:00:00Z", "ADMITTED", "C");
    expect(completionAfterResultChange([ordinary("E"), resit], [ordinary("F"), resit])).toBeNull();
    expect(completionAfterResultChange([ordinary("B")], [ordinary("C")])).toEqual({ kind: "REGRADED", from: "B", to: "C", examId: "ord" });
    expect(completionAfterResultChange([ordinary("B")], [ordinary("A")])).toEqual({ kind: "REGRADED", from: "B", to: "A", examId: "ord" });
    expect(completionAfterResultChange([ordinary("B")], [ordinary("F")])).toEqual({ kind: "REVOKED", from: "B", to: "F" });
    expect(completionAfterResultChange([ordinary("B")], [sitting("ord", "2026-11-17T08:00:00Z", "NOT_ATTENDED", null)])).toEqual({ kind: "REVOKED", from: "B", to: null });
    // The counting pass moves from the resit to the ordinary sitting's corrected grade.
    expect(completionAfterResultChange([ordinary("F"), resit], [ordinary("A"), resit])).toEqual({ kind: "REGRADED", from: "C", to: "A", examId: "ord" });
    // The same grade from another exam: the confirmation named the other exam, so it is replaced too.
    const improved = sitting("resit", "2027-02-16T08:00:00Z", "ADMITTED", "B");
    expect(completionAfterResultChange([ordinary("B"), improved], [ordinary("C"), improved])).toEqual({ kind: "REGRADED", from: "B", to: "B", examId: "resit" });
    // Never completed on these sittings: nothing to review.
    expect(completionAfterResultChange([ordinary("F")], [ordinary("B")])).toBeNull();
  });

  it("tells the student what the change means for the completion", () => {
    const study = { study: "Videreutdanning i barnevernledelse, Kull H2026", credits: 30, courseCode: "BVL6001", exam: { title: "Hjemmeeksamen", startsOn: "2026-11-17" } };
    expect(completionChangeText({ kind: "REGRADED", from: "B", to: "C", examId: "ord" }, "Eksamen, H2026", study)).toEqual({
      outcome:
        "Du har fullført Videreutdanning i barnevernledelse, Kull H2026, 30 studiepoeng (emnekode BVL6001). Eksamen: Hjemmeeksamen, 17. november 2026. Karakter: C. " +
        "Dette brevet erstatter bekreftelsen. Resultatet blir registrert i Felles studentsystem (FS), og vitnemål eller karakterutskrift bestiller du i Studentweb når det er registrert.",
      reason: "Karakteren som teller, er endret fra B til C etter at resultatet på Eksamen, H2026 ble endret.",
    });
    // The replacing letter states what the confirmation stated, in its words, with the new grade.
    const [done, exam] = completedStudyLines({ ...study, grade: "C" });
    expect(completionChangeText({ kind: "REGRADED", from: "B", to: "C", examId: "ord" }, "Eksamen, H2026", study).outcome).toContain(`${done} ${exam}`);
    expect(() => completionChangeText({ kind: "REGRADED", from: "B", to: "C", examId: "ord" }, "Eksamen, H2026")).toThrow(RangeError);
    expect(completionChangeText({ kind: "REGRADED", from: "B", to: "B", examId: "resit" }, "Eksamen, H2026", study).reason).toBe(
      "Karakteren som teller, B, kommer nå fra en annen eksamen etter at resultatet på Eksamen, H2026 ble endret.",
    );
    expect(completionChangeText({ kind: "REVOKED", from: "B", to: "F" }, "Eksamen, H2026")).toEqual({
      outcome:
        "Du har ikke lenger fullført videreutdanningen: karakteren som teller, er F, som ikke er bestått. " +
        "Ta kontakt med studieveilederen om hva du kan gjøre videre, for eksempel å gå opp til ny eksamen.",
      reason: "Karakteren som teller, er endret fra B til F etter at resultatet på Eksamen, H2026 ble endret.",
    });
    expect(completionChangeText({ kind: "REVOKED", from: "B", to: null }, "Eksamen, H2026").reason).toBe(
      "Resultatet ditt på Eksamen, H2026 er endret, og du har ikke lenger en bestått karakter som teller (du hadde B).",
    );
    // The reason the result was changed, as staff wrote it, is the letter's grounds too.
    expect(completionChangeText({ kind: "REVOKED", from: "B", to: "F" }, "Eksamen, H2026", undefined, " Ny sensur etter klage på karakteren. ").reason).toBe(
      "Karakteren som teller, er endret fra B til F etter at resultatet på Eksamen, H2026 ble endret. Begrunnelse for endringen av resultatet: Ny sensur etter klage på karakteren.",
    );
    expect(completionChangeText({ kind: "REVOKED", from: "B", to: "F" }, "Eksamen, H2026", undefined, "  ").reason).not.toContain("Begrunnelse");
  });
});

describe("a request's day (requestedOnProblem)", () => {
  it("is today or before, never after", () => {
    expect(requestedOnProblem("2027-01-28", "2027-01-28")).toBeNull();
    expect(requestedOnProblem("2026-12-01", "2027-01-28")).toBeNull();
    expect(requestedOnProblem("2027-01-29", "2027-01-28")).toBe("Dagen studenten ba om det, kan ikke være etter i dag.");
  });
});
