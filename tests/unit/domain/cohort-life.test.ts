import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  archiveProblems,
  COHORT_PHASES,
  cohortPhase,
  completedKullStep,
  completionProblems,
  describeCohortPhase,
  nextCohortStep,
  NO_OPEN_CASES,
  phaseIndex,
  planOutsideKull,
  publicationProblems,
  reopenProblems,
  restoreProblems,
  type CohortLifeFacts,
  type OpenCases,
  type CohortPhase,
  type NextStepFacts,
  type PublicationFacts,
} from "@/lib/domain/cohort-life";
import { addDays } from "@/lib/domain/dates";

const base: CohortLifeFacts = {
  published: true,
  completed: false,
  archived: false,
  applicationOpensOn: "2027-01-10",
  applicationDeadline: "2027-03-01",
  startsOn: "2027-08-24",
  endsOn: "2028-11-30",
  lastSamlingDay: "2028-10-26",
};

describe("cohortPhase", () => {
  it("follows the calendar between the steps a person takes", () => {
    const at = (today: string) => cohortPhase(base, today);
    expect(at("2026-12-01")).toBe("OPEN"); // published before the window opens
    expect(at("2027-01-10")).toBe("OPEN");
    expect(at("2027-03-01")).toBe("OPEN"); // the deadline closes at the end of its day
    expect(at("2027-03-02")).toBe("ADMISSION");
    expect(at("2027-08-23")).toBe("ADMISSION");
    expect(at("2027-08-24")).toBe("RUNNING");
    expect(at("2028-10-26")).toBe("RUNNING"); // the last samling day
    expect(at("2028-10-27")).toBe("EXAM");
    expect(at("2031-01-01")).toBe("EXAM"); // never completed: still waiting for the adviser
  });

  it("uses the end date when the plan has no samlinger", () => {
    const facts = { ...base, lastSamlingDay: null };
    expect(cohortPhase(facts, "2028-11-30")).toBe("RUNNING");
    expect(cohortPhase(facts, "2028-12-01")).toBe("EXAM");
  });

  it("lets the stored steps win, in the order of the life", () => {
    const today = "2027-02-01";
    expect(cohortPhase({ ...base, published: false }, today)).toBe("DRAFT");
    expect(cohortPhase({ ...base, published: false }, "2030-01-01")).toBe("DRAFT");
    expect(cohortPhase({ ...base, completed: true }, today)).toBe("COMPLETED");
    expect(cohortPhase({ ...base, completed: true, archived: true }, today)).toBe("ARCHIVED");
    // Inconsistent rows (the database forbids them) still get the most advanced stored step.
    expect(cohortPhase({ ...base, published: false, completed: true }, today)).toBe("COMPLETED");
    expect(cohortPhase({ ...base, published: false, archived: true }, today)).toBe("ARCHIVED");
  });

  it("gives every combination of stored steps and calendar position exactly the phase its rule says", () => {
    // Every stored combination × today before, on and after each date of the kull.
    const dates = [base.applicationOpensOn, base.applicationDeadline, base.startsOn, base.lastSamlingDay!, base.endsOn];
    const days = dates.flatMap((date) => [addDays(date, -1), date, addDays(date, 1)]);
    let checked = 0;
    for (const published of [false, true])
      for (const completed of [false, true])
        for (const archived of [false, true])
          for (const today of days) {
            const phase = cohortPhase({ ...base, published, completed, archived }, today);
            const expected: CohortPhase = archived
              ? "ARCHIVED"
              : completed
                ? "COMPLETED"
                : !published
                  ? "DRAFT"
                  : today <= base.applicationDeadline
                    ? "OPEN"
                    : today < base.startsOn
                      ? "ADMISSION"
                      : today <= base.lastSamlingDay!
                        ? "RUNNING"
                        : "EXAM";
            expect(phase).toBe(expected);
            checked += 1;
          }
    expect(checked).toBe(8 * 15);
  });

  it("never goes back as the days pass, and passes the calendar phases in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 600 }),
        fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 30 }),
        (opens, window, toStart, length, lastOffset, from, step) => {
          const applicationOpensOn = addDays("2027-01-01", opens);
          const applicationDeadline = addDays(applicationOpensOn, window);
          const startsOn = addDays(applicationDeadline, toStart + 1);
          const endsOn = addDays(startsOn, length);
          const lastSamlingDay = lastOffset === null ? null : addDays(startsOn, Math.min(lastOffset, length));
          const facts = { ...base, applicationOpensOn, applicationDeadline, startsOn, endsOn, lastSamlingDay };
          let previous = -1;
          for (let day = 0; day < 1500; day += step) {
            const index = phaseIndex(cohortPhase(facts, addDays("2026-12-01", from + day - 1500 / 2)));
            expect(index).toBeGreaterThanOrEqual(previous);
            expect(index).toBeGreaterThanOrEqual(phaseIndex("OPEN"));
            expect(index).toBeLessThanOrEqual(phaseIndex("EXAM"));
            previous = index;
          }
        },
      ),
    );
  });

  it("describes a published intake whose window has not opened", () => {
    expect(describeCohortPhase("OPEN", base, "2026-12-01")).toBe("Publisert, åpner for søknader 10. januar 2027");
    expect(describeCohortPhase("OPEN", base, "2027-01-10")).toBe("Åpen for søknader");
    expect(COHORT_PHASES.map((phase) => describeCohortPhase(phase, base, "2027-02-01"))).toEqual([
      "Kladd",
      "Åpen for søknader",
      "Opptak",
      "Pågår",
      "Eksamen",
      "Fullført",
      "Arkivert",
    ]);
  });
});

const draft: PublicationFacts = {
  phase: "DRAFT",
  today: "2027-01-05",
  applicationDeadline: "2027-03-01",
  startsOn: "2027-08-24",
  endsOn: "2028-11-30",
  samlingDays: ["2027-08-24", "2027-08-25", "2028-10-26"],
  exam: { startsOn: "2028-11-21", endsOn: "2028-11-23" },
  arbeidskravCount: 5,
  arbeidskravProblems: [],
};

describe("planOutsideKull", () => {
  const kull = { startsOn: "2027-08-24", endsOn: "2028-11-30" };
  it("names the days and the exam outside the kull's span, or, checking the end only, those after it", () => {
    const plan = { ...kull, samlingDays: ["2027-08-20", "2028-12-01", "2028-01-10"], exam: { startsOn: "2028-11-28", endsOn: "2028-12-02" } };
    expect(planOutsideKull(plan)).toEqual([
      "2 samlingsdager ligger utenfor kullets start og slutt (24. august 2027 – 30. november 2028). Flytt dagene eller endre datoene for kullet.",
      "Eksamen ligger utenfor kullets start og slutt (24. august 2027 – 30. november 2028).",
    ]);
    expect(planOutsideKull(plan, "end")).toEqual(["1 samlingsdag ligger etter at kullet slutter (30. november 2028).", "Eksamen ligger etter at kullet slutter (30. november 2028)."]);
    expect(planOutsideKull({ ...kull, samlingDays: ["2027-08-20"], exam: null }, "end")).toEqual([]);
    expect(planOutsideKull({ ...kull, samlingDays: ["2028-11-30"], exam: { startsOn: "2028-11-28", endsOn: "2028-11-30" } })).toEqual([]);
  });
});

describe("publicationProblems", () => {
  it("lets a whole draft be published", () => {
    expect(publicationProblems(draft)).toEqual([]);
    expect(publicationProblems({ ...draft, today: "2027-03-01" })).toEqual([]); // the deadline day itself
    expect(publicationProblems({ ...draft, exam: null })).toEqual([]);
  });

  it("refuses what is published already", () => {
    for (const phase of ["OPEN", "ADMISSION", "RUNNING", "EXAM", "COMPLETED", "ARCHIVED"] as const) {
      expect(publicationProblems({ ...draft, phase })).toEqual(["Opptaket er allerede publisert."]);
    }
  });

  it("names every problem of an unfinished draft", () => {
    expect(publicationProblems({ ...draft, today: "2027-03-02", samlingDays: [], arbeidskravCount: 0 })).toEqual([
      "Søknadsfristen (1. mars 2027) er passert. Sett en ny frist før du publiserer.",
      "Kullet har ingen samlinger. Legg inn samlingene i planen før du publiserer.",
      "Kullet har ingen arbeidskrav. Opprett dem fra studieplanen i planen før du publiserer.",
    ]);
    expect(publicationProblems({ ...draft, arbeidskravProblems: ["Det må være 2 fagnotat (har 1)."] })).toEqual([
      "Arbeidskravene stemmer ikke med kravene for kullet: Det må være 2 fagnotat (har 1).",
    ]);
  });

  it("keeps samlinger and the exam within the kull's start and end", () => {
    expect(publicationProblems({ ...draft, samlingDays: ["2027-08-23", "2027-08-24", "2028-12-01"] })).toEqual([
      "2 samlingsdager ligger utenfor kullets start og slutt (24. august 2027 – 30. november 2028). Flytt dagene eller endre datoene for kullet.",
    ]);
    expect(publicationProblems({ ...draft, exam: { startsOn: "2028-11-29", endsOn: "2028-12-01" } })).toEqual([
      "Eksamen ligger utenfor kullets start og slutt (24. august 2027 – 30. november 2028).",
    ]);
  });
});

describe("completionProblems", () => {
  const done = { phase: "EXAM" as const, registered: 12, registeredWithoutGrade: 0, gradesPublished: true, leavesNotBegun: 0, withoutExamDecision: 0 };

  it("completes a kull whose registered students all have a published grade", () => {
    expect(completionProblems(done)).toEqual([]);
    expect(completionProblems({ ...done, registered: 0, gradesPublished: false })).toEqual([]); // nobody admitted
    expect(completionProblems({ ...done, registered: 0, gradesPublished: null })).toEqual([]); // no exam
  });

  it("refuses while registered students lack a grade, or the grades are unpublished", () => {
    expect(completionProblems({ ...done, registeredWithoutGrade: 3, gradesPublished: false })).toEqual([
      "3 studenter er meldt opp til eksamen uten karakter. Sett karakterene først.",
      "Karakterene er ikke publisert for studentene ennå. Publiser dem først.",
    ]);
    expect(completionProblems({ ...done, registeredWithoutGrade: 1 })).toEqual(["1 student er meldt opp til eksamen uten karakter. Sett karakterene først."]);
  });

  it("refuses while an active student has had the exam neither registered nor refused: nobody leaves the kull without a decision", () => {
    expect(completionProblems({ ...done, withoutExamDecision: 2 })).toEqual([
      "2 studenter har verken oppmelding til eksamen eller vedtak om ikke adgang. Meld dem opp, eller vedta «ikke adgang» (et enkeltvedtak med klagerett), på eksamenssiden først.",
    ]);
    expect(completionProblems({ ...done, registered: 0, gradesPublished: false, withoutExamDecision: 1 })).toEqual([
      "1 student har verken oppmelding til eksamen eller vedtak om ikke adgang. Meld dem opp, eller vedta «ikke adgang» (et enkeltvedtak med klagerett), på eksamenssiden først.",
    ]);
    // A kull without an exam has none to decide.
    expect(completionProblems({ ...done, registered: 0, gradesPublished: null, withoutExamDecision: 3 })).toEqual([]);
  });

  it("refuses while a granted leave has not begun: a completed kull puts nobody on leave", () => {
    expect(completionProblems({ ...done, leavesNotBegun: 1 })).toEqual([
      "1 student har innvilget permisjon som ikke har begynt. Kullet kan fullføres når permisjonen har begynt, eller når den er trukket tilbake på studentens side.",
    ]);
    expect(completionProblems({ ...done, leavesNotBegun: 2, registeredWithoutGrade: 1 })).toEqual([
      "1 student er meldt opp til eksamen uten karakter. Sett karakterene først.",
      "2 studenter har innvilget permisjon som ikke har begynt. Kullet kan fullføres når permisjonene har begynt, eller når de er trukket tilbake på studentenes sider.",
    ]);
  });

  it("refuses before the samlinger are over, and twice", () => {
    for (const phase of ["DRAFT", "OPEN", "ADMISSION", "RUNNING"] as const) {
      expect(completionProblems({ ...done, phase })).toEqual(["Kullet kan fullføres først når alle samlingene er holdt."]);
    }
    expect(completionProblems({ ...done, phase: "COMPLETED" })).toEqual(["Kullet er allerede fullført."]);
    expect(completionProblems({ ...done, phase: "ARCHIVED" })).toEqual(["Kullet er allerede fullført."]);
  });
});

describe("archiveProblems", () => {
  const today = "2027-01-05";

  it("archives only a completed kull", () => {
    expect(archiveProblems("COMPLETED", NO_OPEN_CASES, today)).toEqual([]);
    expect(archiveProblems("ARCHIVED", NO_OPEN_CASES, today)).toEqual(["Kullet er allerede arkivert."]);
    for (const phase of ["DRAFT", "OPEN", "ADMISSION", "RUNNING", "EXAM"] as const) {
      expect(archiveProblems(phase, NO_OPEN_CASES, today)).toEqual(["Bare fullførte kull kan arkiveres. Fullfør kullet først."]);
    }
  });

  it("waits for every open case of a completed kull, naming each kind once", () => {
    const open: OpenCases = {
      deferralRequests: 1,
      openKlager: 2,
      pendingNotices: 1,
      klagePeriods: { letters: 3, lastDeadline: "2027-01-11" },
      unendedLeaves: 1,
      unconfirmedCompletions: 2,
      sittingsAhead: { count: 1, lastDay: "2027-01-14" },
      unpublishedSittings: 1,
      gradesLastPublishedOn: "2026-12-20",
    };
    expect(archiveProblems("COMPLETED", open, today)).toEqual([
      "1 søknad om utsatt eksamen er ikke avgjort.",
      "2 klager er ikke avgjort eller ikke sendt videre til klagenemnda.",
      "1 forhåndsvarsel om retting av en vurdering er ikke avgjort. Fagansvarlig retter vurderingen eller trekker varselet tilbake.",
      "1 eksamen er ikke holdt ennå (siste dag 14. januar 2027). Etterpå må karakterene publiseres og klagefristen på tre uker gå ut.",
      "Karakterene for 1 eksamen er ikke publisert.",
      // 20 December + 21 days is Sunday 10 January: the deadline moves to Monday.
      "Klagefristen på karakterene er ikke ute. Kullet kan arkiveres etter 11. januar 2027.",
      "Klagefristen for 3 vedtak er ikke ute. Kullet kan arkiveres etter 11. januar 2027.",
      "1 student har en permisjon som ikke er avsluttet. Registrer at studenten er tilbake, trekk permisjonen tilbake hvis den ikke har begynt, eller overfør studenten til et nytt kull.",
      "2 studenter har bestått, men er ikke registrert som fullført og har ikke fått bekreftelsen. Registrer det på studentens side («Registrer at studenten har fullført»).",
    ]);
    // Each kind alone stands in the way.
    const kinds: OpenCases[] = [
      { ...NO_OPEN_CASES, deferralRequests: 1 },
      { ...NO_OPEN_CASES, openKlager: 1 },
      { ...NO_OPEN_CASES, pendingNotices: 1 },
      { ...NO_OPEN_CASES, klagePeriods: { letters: 1, lastDeadline: "2027-01-11" } },
      { ...NO_OPEN_CASES, unendedLeaves: 1 },
      { ...NO_OPEN_CASES, unconfirmedCompletions: 1 },
      { ...NO_OPEN_CASES, sittingsAhead: { count: 1, lastDay: "2027-01-14" } },
      { ...NO_OPEN_CASES, unpublishedSittings: 1 },
      { ...NO_OPEN_CASES, gradesLastPublishedOn: "2026-12-20" },
    ];
    for (const facts of kinds) expect(archiveProblems("COMPLETED", facts, today)).toHaveLength(1);
    // An archived or unfinished kull gives its phase's answer, not the cases.
    expect(archiveProblems("ARCHIVED", open, today)).toEqual(["Kullet er allerede arkivert."]);
    expect(archiveProblems("EXAM", open, today)).toEqual(["Bare fullførte kull kan arkiveres. Fullfør kullet først."]);
    expect(archiveProblems("COMPLETED", { ...NO_OPEN_CASES, unendedLeaves: 2 }, today)).toEqual([
      "2 studenter har en permisjon som ikke er avsluttet. Registrer at studentene er tilbake, trekk permisjonene tilbake som ikke har begynt, eller overfør studentene til et nytt kull.",
    ]);
    expect(archiveProblems("COMPLETED", { ...NO_OPEN_CASES, sittingsAhead: { count: 2, lastDay: "2027-02-03" }, unpublishedSittings: 2 }, today)).toEqual([
      "2 eksamener er ikke holdt ennå (siste dag 3. februar 2027). Etterpå må karakterene publiseres og klagefristen på tre uker gå ut.",
      "Karakterene for 2 eksamener er ikke publisert.",
    ]);
  });

  it("lets the klage period on grades run to its last day, and not a day longer", () => {
    const published = { ...NO_OPEN_CASES, gradesLastPublishedOn: "2027-03-01" };
    // 1 March 2027 + 21 days is Monday 22 March.
    expect(archiveProblems("COMPLETED", published, "2027-03-22")).toEqual(["Klagefristen på karakterene er ikke ute. Kullet kan arkiveres etter 22. mars 2027."]);
    expect(archiveProblems("COMPLETED", published, "2027-03-23")).toEqual([]);
    expect(archiveProblems("COMPLETED", published, "2027-03-01")).toHaveLength(1);
  });
});

describe("completedKullStep", () => {
  it("says archive when nothing stands open, and to wait when something does, both on the kull's page (which lists it)", () => {
    expect(completedKullStep([])).toEqual({ text: "Arkiver kullet", target: "INTAKE" });
    expect(completedKullStep(["1 eksamen er ikke holdt ennå (siste dag 14. januar 2027)."])).toEqual({
      text: "Kullet kan arkiveres når det som står åpent, er avsluttet.",
      target: "INTAKE",
    });
  });
});

describe("restoreProblems", () => {
  it("brings back only an archived kull", () => {
    expect(restoreProblems("ARCHIVED")).toEqual([]);
    for (const phase of COHORT_PHASES.filter((phase) => phase !== "ARCHIVED")) {
      expect(restoreProblems(phase)).toEqual(["Kullet er ikke arkivert."]);
    }
  });
});

describe("reopenProblems", () => {
  it("opens only a completed kull again; an archived one is brought back from the archive first", () => {
    expect(reopenProblems("COMPLETED")).toEqual([]);
    expect(reopenProblems("ARCHIVED")).toEqual(["Kullet er arkivert. Hent det fram fra arkivet først."]);
    for (const phase of COHORT_PHASES.filter((phase) => phase !== "COMPLETED" && phase !== "ARCHIVED")) {
      expect(reopenProblems(phase)).toEqual(["Kullet er ikke fullført."]);
    }
  });
});

describe("nextCohortStep", () => {
  const facts: NextStepFacts = {
    phase: "DRAFT",
    today: "2027-01-05",
    applicationOpensOn: "2027-01-10",
    applicationDeadline: "2027-03-01",
    startsOn: "2027-08-24",
    publicationProblems: [],
    undecidedApplications: 0,
    openOffers: 0,
    students: 0,
    nextSamlingDay: null,
    exam: null,
    archiveProblems: null,
  };
  const exam = { startsOn: "2028-11-21", endsOn: "2028-11-23", registered: 0, registeredWithoutGrade: 0, gradesPublished: false, withoutExamDecision: 0 };

  it("a draft: publish it, or finish it first", () => {
    expect(nextCohortStep(facts)).toEqual({ text: "Publiser opptaket", target: "INTAKE" });
    expect(nextCohortStep({ ...facts, publicationProblems: ["Kullet har ingen samlinger.", "x"] })).toEqual({
      text: "Gjør kladden ferdig: Kullet har ingen samlinger.",
      target: "INTAKE",
    });
  });

  it("open for applications: wait for the window and the deadline", () => {
    expect(nextCohortStep({ ...facts, phase: "OPEN" })).toEqual({ text: "Opptaket åpner 10. januar 2027.", target: null });
    expect(nextCohortStep({ ...facts, phase: "OPEN", today: "2027-01-10" })).toEqual({ text: "Søknadsperioden pågår til 1. mars 2027.", target: null });
  });

  it("admission: review, then wait for answers, then the start", () => {
    const admission = { ...facts, phase: "ADMISSION" as const, today: "2027-03-05" };
    expect(nextCohortStep({ ...admission, undecidedApplications: 4, openOffers: 2 })).toEqual({ text: "Søknadsfristen er ute: vurder søknadene", target: "ADMISSION" });
    expect(nextCohortStep({ ...admission, openOffers: 2 })).toEqual({ text: "Venter på svar på 2 tilbud.", target: "ADMISSION" });
    expect(nextCohortStep(admission)).toEqual({ text: "Kullet starter 24. august 2027.", target: null });
  });

  it("running: today's attendance, or the next samling", () => {
    const running = { ...facts, phase: "RUNNING" as const, today: "2027-10-12", students: 20 };
    expect(nextCohortStep({ ...running, nextSamlingDay: "2027-10-12" })).toEqual({ text: "Registrer oppmøte for i dag", target: "ATTENDANCE" });
    expect(nextCohortStep({ ...running, nextSamlingDay: "2027-11-23" })).toEqual({ text: "Neste samling 23. november 2027.", target: null });
    expect(nextCohortStep(running)).toEqual({ text: "Samlingene er holdt.", target: null });
  });

  it("exam: register, hold it, grade, publish, complete", () => {
    const after = { ...facts, phase: "EXAM" as const, today: "2028-11-01", students: 16 };
    expect(nextCohortStep(after)).toEqual({ text: "Legg inn eksamen i planen", target: "PLAN" });
    expect(nextCohortStep({ ...after, exam })).toEqual({ text: "Meld opp studentene til eksamen", target: "EXAM" });
    const registered = { ...exam, registered: 13, registeredWithoutGrade: 13 };
    expect(nextCohortStep({ ...after, exam: registered })).toEqual({ text: "Eksamen 21. november 2028.", target: null });
    expect(nextCohortStep({ ...after, today: "2028-11-23", exam: registered })).toEqual({ text: "Eksamen 21. november 2028.", target: null });
    expect(nextCohortStep({ ...after, today: "2028-11-24", exam: registered })).toEqual({ text: "Sett karakterer", target: "EXAM" });
    expect(nextCohortStep({ ...after, exam: { ...registered, registeredWithoutGrade: 0 } })).toEqual({ text: "Publiser karakterene", target: "EXAM" });
    expect(nextCohortStep({ ...after, exam: { ...registered, registeredWithoutGrade: 0, gradesPublished: true } })).toEqual({ text: "Fullfør kullet", target: "INTAKE" });
    expect(nextCohortStep({ ...after, exam: { ...registered, registeredWithoutGrade: 0, gradesPublished: true, withoutExamDecision: 2 } })).toEqual({
      text: "Meld opp eller gi vedtak om ikke adgang til eksamen (2 studenter)",
      target: "EXAM",
    });
    expect(nextCohortStep({ ...after, students: 0 })).toEqual({ text: "Fullfør kullet", target: "INTAKE" });
  });

  it("completed: archive it; archived: nothing", () => {
    // Not read (a page that does not show the step): no step rather than a guess.
    expect(nextCohortStep({ ...facts, phase: "COMPLETED" })).toBeNull();
    expect(nextCohortStep({ ...facts, phase: "COMPLETED", archiveProblems: [] })).toEqual({ text: "Arkiver kullet", target: "INTAKE" });
    expect(nextCohortStep({ ...facts, phase: "COMPLETED", archiveProblems: ["Karakterene for 1 eksamen er ikke publisert."] })).toEqual(completedKullStep(["x"]));
    expect(nextCohortStep({ ...facts, phase: "ARCHIVED" })).toBeNull();
  });
});
