import { describe, expect, it } from "vitest";
import {
  applicationDeadlineMoved,
  changedIntakeFieldProblems,
  copiedIntakeFields,
  deadlineMovedMail,
  fixedIntakeFields,
  intakeChangeProblems,
  intakeFieldProblems,
  intakeLockedReason,
  type IntakeChangeContext,
  type IntakeFields,
} from "@/lib/domain/intake";

const fields: IntakeFields = {
  code: "H2027",
  name: "Kull H2027",
  capacity: 30,
  applicationOpensOn: "2026-11-08",
  applicationDeadline: "2026-12-24",
  offerAnswerDeadline: "2027-01-28",
  startsOn: "2027-08-24",
  endsOn: "2028-11-30",
  waitlistClosesOn: null,
};

describe("intakeFieldProblems", () => {
  it("accepts a whole intake", () => {
    expect(intakeFieldProblems(fields)).toEqual({});
    // The same day for opening and deadline, and the offer deadline on the first day, are allowed.
    expect(intakeFieldProblems({ ...fields, applicationOpensOn: "2026-12-24", startsOn: "2027-07-01", offerAnswerDeadline: "2027-07-01", code: "H2027" })).toEqual({});
  });

  it("wants a code that says the starting term", () => {
    expect(intakeFieldProblems({ ...fields, code: "h2027" }).code).toEqual(["Koden skrives H (høst) eller V (vår) og årstallet kullet starter, for eksempel H2027."]);
    expect(intakeFieldProblems({ ...fields, code: "V2027" }).code).toEqual([
      "V2027 betyr oppstart våren 2027, men kullet starter 24. august 2027. Bruk H2027, eller endre startdatoen.",
    ]);
    expect(intakeFieldProblems({ ...fields, code: "H2028" }).code).toHaveLength(1);
    expect(intakeFieldProblems({ ...fields, code: "V2028", startsOn: "2028-06-30", endsOn: "2029-06-01" })).toEqual({});
  });

  it("lets the waiting list close after the deadline and no later than the kull ends (the admission rule)", () => {
    expect(intakeFieldProblems({ ...fields, waitlistClosesOn: "2027-08-24" })).toEqual({});
    expect(intakeFieldProblems({ ...fields, waitlistClosesOn: "2026-12-24" }).waitlistClosesOn).toEqual([
      "Ventelisten kan ikke stenge før søknadsfristen 24. desember 2026 er ute. Velg 25. desember 2026 eller senere.",
    ]);
    expect(intakeFieldProblems({ ...fields, waitlistClosesOn: "2028-12-01" }).waitlistClosesOn).toEqual(["Ventelisten må stenge senest når kullet slutter, 30. november 2028."]);
  });

  it("ties each problem to its field", () => {
    expect(
      intakeFieldProblems({
        ...fields,
        name: "  ",
        capacity: 0,
        applicationDeadline: "2026-11-07",
        offerAnswerDeadline: "2026-11-07",
        startsOn: "2026-11-06",
        endsOn: "2026-11-05",
        code: "H2026",
      }),
    ).toEqual({
      name: ["Skriv et navn på kullet, for eksempel «Kull H2027»."],
      capacity: ["Antall studieplasser må være et helt tall fra 1 til 500."],
      applicationDeadline: ["Søknadsfristen kan ikke være før opptaket åpner."],
      offerAnswerDeadline: ["Svarfristen for tilbud må være etter søknadsfristen."],
      startsOn: ["Kullet kan ikke starte før svarfristen for tilbud."],
      endsOn: ["Kullet kan ikke slutte før det starter."],
    });
    expect(intakeFieldProblems({ ...fields, capacity: 501 }).capacity).toHaveLength(1);
    expect(intakeFieldProblems({ ...fields, capacity: 2.5 }).capacity).toHaveLength(1);
  });
});

describe("intakeChangeProblems", () => {
  const context: IntakeChangeContext = { phase: "OPEN", today: "2026-12-03", placesTaken: 0, applications: 44, decisions: 0, reason: null, waitlistClosedOn: null };

  it("lets an open intake change its places, window and dates", () => {
    expect(intakeChangeProblems(fields, { ...fields, capacity: 28, applicationDeadline: "2027-01-10", name: "Kull H2027 (Trondheim)" }, context)).toEqual({});
    expect(intakeChangeProblems(fields, { ...fields, applicationDeadline: "2026-12-03" }, context)).toEqual({}); // closes at the end of today
  });

  it("keeps a published kull's end on or after its plan's last day and its exam; a draft is checked when published", () => {
    const plan = { samlingDays: ["2027-09-01", "2028-10-03"], exam: { startsOn: "2028-11-14", endsOn: "2028-11-16" } };
    expect(intakeChangeProblems(fields, { ...fields, endsOn: "2028-11-16" }, { ...context, plan })).toEqual({});
    expect(intakeChangeProblems(fields, { ...fields, endsOn: "2028-11-15" }, { ...context, plan }).endsOn).toEqual([
      "Eksamen ligger etter at kullet slutter (15. november 2028). Sluttdatoen kan ikke være før planens siste dag.",
    ]);
    expect(intakeChangeProblems(fields, { ...fields, endsOn: "2028-10-02" }, { ...context, plan: { ...plan, exam: null } }).endsOn).toEqual([
      "1 samlingsdag ligger etter at kullet slutter (2. oktober 2028). Sluttdatoen kan ikke være før planens siste dag.",
    ]);
    expect(intakeChangeProblems(fields, { ...fields, endsOn: "2028-10-02" }, { ...context, phase: "DRAFT", plan })).toEqual({});
    // Only a change of the end is checked: a plan already past an unchanged end is the plan's to answer for.
    expect(intakeChangeProblems({ ...fields, endsOn: "2028-10-02" }, { ...fields, endsOn: "2028-10-02", capacity: 31 }, { ...context, plan })).toEqual({});
  });

  it("never goes below the places already taken", () => {
    expect(intakeChangeProblems(fields, { ...fields, capacity: 11 }, { ...context, placesTaken: 12 })).toEqual({
      capacity: ["12 plasser er allerede tatt eller tilbudt, så kullet kan ikke ha færre enn 12 studieplasser."],
    });
    expect(intakeChangeProblems(fields, { ...fields, capacity: 12 }, { ...context, placesTaken: 12 })).toEqual({});
    expect(intakeChangeProblems(fields, { ...fields, capacity: 0 }, { ...context, placesTaken: 1 }).capacity).toEqual([
      "1 plass er allerede tatt eller tilbudt, så kullet kan ikke ha færre enn 1 studieplass.",
    ]);
  });

  it("closes the window before today only with a written reason once applications exist", () => {
    const early = { ...fields, applicationDeadline: "2026-12-02" };
    expect(intakeChangeProblems(fields, early, context)).toEqual({
      applicationDeadline: ["Det har kommet inn 44 søknader. Skal søknadsfristen være før i dag, må du skrive en begrunnelse."],
    });
    expect(intakeChangeProblems(fields, early, { ...context, reason: "   " }).applicationDeadline).toHaveLength(1);
    expect(intakeChangeProblems(fields, early, { ...context, reason: "Feil frist ble publisert." })).toEqual({});
    expect(intakeChangeProblems(fields, early, { ...context, applications: 0 })).toEqual({});
    // An unchanged deadline that has passed is no change.
    const past = { ...fields, applicationDeadline: "2026-11-30" };
    expect(intakeChangeProblems(past, { ...past, capacity: 31 }, context)).toEqual({});
  });

  it("keeps the deadline once decisions are made: categories are decided as of it", () => {
    expect(intakeChangeProblems(fields, { ...fields, applicationDeadline: "2027-01-10" }, { ...context, phase: "ADMISSION", decisions: 3, reason: "x" })).toEqual({
      applicationDeadline: ["Det er gjort vedtak i opptaket, så søknadsfristen kan ikke endres lenger: prioritetskategoriene er vurdert per fristen."],
    });
  });

  it("keeps the waiting list's closing day once the list has closed", () => {
    const moved = { ...fields, waitlistClosesOn: "2027-09-01" };
    expect(intakeChangeProblems(fields, moved, context)).toEqual({});
    expect(intakeChangeProblems(fields, moved, { ...context, phase: "RUNNING", waitlistClosedOn: "2027-08-24" })).toEqual({
      waitlistClosesOn: ["Ventelisten stengte 24. august 2027. Datoen kan ikke endres etter at den har stengt."],
    });
    // Unchanged, a closed list is no problem.
    expect(intakeChangeProblems(moved, { ...moved, capacity: 31 }, { ...context, waitlistClosedOn: "2027-09-01" })).toEqual({});
  });

  it("keeps the code once published, and the start once begun", () => {
    const renamed = { ...fields, code: "V2028" };
    expect(intakeChangeProblems(fields, renamed, { ...context, phase: "DRAFT" })).toEqual({});
    expect(intakeChangeProblems(fields, renamed, context)).toEqual({
      code: ["Koden kan ikke endres etter at opptaket er publisert: søkerne kjenner kullet som H2027."],
    });
    const moved = { ...fields, startsOn: "2027-08-31" };
    expect(intakeChangeProblems(fields, moved, { ...context, phase: "ADMISSION" })).toEqual({});
    for (const phase of ["RUNNING", "EXAM", "COMPLETED", "ARCHIVED"] as const) {
      expect(intakeChangeProblems(fields, moved, { ...context, phase })).toEqual({ startsOn: ["Kullet har startet, så startdatoen kan ikke endres."] });
    }
  });
});

describe("a completed kull's intake", () => {
  const context: IntakeChangeContext = { phase: "COMPLETED", today: "2028-09-01", placesTaken: 30, applications: 44, decisions: 40, reason: "x", waitlistClosedOn: "2027-08-24" };
  it("lets only the name be put right", () => {
    expect(intakeChangeProblems(fields, { ...fields, name: "Kull H2027 Trondheim" }, context)).toEqual({});
    expect(intakeChangeProblems(fields, fields, context)).toEqual({});
  });

  it("keeps every place and date, each refused at its own field", () => {
    // Each message names its field: an error summary lists them without the labels.
    const changes: [Partial<IntakeFields>, string][] = [
      [{ capacity: 31 }, "Kullet er fullført, så antall studieplasser kan ikke endres."],
      [{ applicationOpensOn: "2026-10-02" }, "Kullet er fullført, så datoen opptaket åpner kan ikke endres."],
      [{ applicationDeadline: "2026-12-20" }, "Kullet er fullført, så søknadsfristen kan ikke endres."],
      [{ offerAnswerDeadline: "2027-03-02" }, "Kullet er fullført, så svarfristen for tilbud kan ikke endres."],
      [{ endsOn: "2028-06-01" }, "Kullet er fullført, så sluttdatoen kan ikke endres."],
      [{ waitlistClosesOn: null }, "Kullet er fullført, så datoen ventelisten stenger kan ikke endres."],
    ];
    for (const [change, message] of changes) {
      const field = Object.keys(change)[0] as keyof IntakeFields;
      const before = field === "waitlistClosesOn" ? { ...fields, waitlistClosesOn: "2027-08-24" } : fields;
      const problems = intakeChangeProblems(before, { ...before, ...change }, { ...context, decisions: 0, waitlistClosedOn: null });
      expect(problems).toEqual({ [field]: [message] });
    }
    // A field with a rule of its own keeps its own reason, once.
    expect(intakeChangeProblems(fields, { ...fields, startsOn: "2027-08-31" }, context)).toEqual({ startsOn: ["Kullet har startet, så startdatoen kan ikke endres."] });
    expect(intakeChangeProblems(fields, { ...fields, capacity: 29 }, context).capacity).toEqual([
      "30 plasser er allerede tatt eller tilbudt, så kullet kan ikke ha færre enn 30 studieplasser.",
    ]);
    // A running kull may still move its end.
    expect(intakeChangeProblems(fields, { ...fields, endsOn: "2028-06-01" }, { ...context, phase: "EXAM" })).toEqual({});
  });
});

describe("changedIntakeFieldProblems", () => {
  const stale = { ...fields, code: "V2027" }; // made under an earlier rule: the code does not follow the start

  it("does not let a problem the stored intake already had, on a field left as it is, hold back another change", () => {
    expect(intakeFieldProblems(stale).code).toHaveLength(1);
    expect(changedIntakeFieldProblems(stale, { ...stale, name: "Kull H2027 (rettet)" })).toEqual({});
  });

  it("still refuses a problem the change brings, on the changed field or on one left as it is", () => {
    // Changed into the problem.
    expect(changedIntakeFieldProblems(fields, { ...fields, code: "V2027" }).code).toHaveLength(1);
    // A new start makes the unchanged code wrong, with a new text.
    expect(changedIntakeFieldProblems(fields, { ...fields, startsOn: "2028-01-10", endsOn: "2029-01-10" }).code).toEqual([
      "H2027 betyr oppstart høsten 2027, men kullet starter 10. januar 2028. Bruk V2028, eller endre startdatoen.",
    ]);
    // A new end before the unchanged waiting list's day.
    const set = { ...fields, waitlistClosesOn: "2027-09-01" };
    expect(changedIntakeFieldProblems(set, { ...set, endsOn: "2027-08-30" }).waitlistClosesOn).toHaveLength(1);
    // A stale problem with a changed text is the change's own.
    expect(changedIntakeFieldProblems(stale, { ...stale, startsOn: "2027-08-31" }).code).toEqual([
      "V2027 betyr oppstart våren 2027, men kullet starter 31. august 2027. Bruk H2027, eller endre startdatoen.",
    ]);
  });
});

describe("fixedIntakeFields", () => {
  it("names what may no longer change and why, as the kull moves on", () => {
    expect(fixedIntakeFields({ phase: "DRAFT", decisions: 0, waitlistClosedOn: null })).toEqual({});
    expect(fixedIntakeFields({ phase: "OPEN", decisions: 0, waitlistClosedOn: null })).toEqual({ code: "Koden kan ikke endres etter at opptaket er publisert." });
    expect(fixedIntakeFields({ phase: "ADMISSION", decisions: 2, waitlistClosedOn: null })).toEqual({
      code: "Koden kan ikke endres etter at opptaket er publisert.",
      applicationDeadline: "Det er gjort vedtak, så fristen står fast.",
    });
    expect(fixedIntakeFields({ phase: "RUNNING", decisions: 2, waitlistClosedOn: "2027-08-24" })).toEqual({
      code: "Koden kan ikke endres etter at opptaket er publisert.",
      applicationDeadline: "Det er gjort vedtak, så fristen står fast.",
      startsOn: "Kullet har startet, så startdatoen står fast.",
      waitlistClosesOn: "Ventelisten stengte 24. august 2027, så datoen står fast.",
    });
    const completed = fixedIntakeFields({ phase: "COMPLETED", decisions: 2, waitlistClosedOn: "2027-08-24" });
    expect(Object.keys(completed).sort()).toEqual(
      ["applicationDeadline", "applicationOpensOn", "capacity", "code", "endsOn", "offerAnswerDeadline", "startsOn", "waitlistClosesOn"].sort(),
    );
    expect(completed.name).toBeUndefined();
    expect(completed.endsOn).toBe("Kullet er fullført, så dette står fast. Må det rettes, åpner du kullet igjen under «Status».");
    expect(completed.startsOn).toBe("Kullet har startet, så startdatoen står fast.");
  });

  it("fixes exactly the fields a change to which is refused", () => {
    const changed: IntakeFields = {
      code: "V2028",
      name: "Annet navn",
      capacity: 99,
      applicationOpensOn: "2026-10-02",
      applicationDeadline: "2027-01-20",
      offerAnswerDeadline: "2027-03-02",
      startsOn: "2027-08-31",
      endsOn: "2028-06-01",
      waitlistClosesOn: "2027-09-01",
    };
    for (const phase of ["DRAFT", "OPEN", "ADMISSION", "RUNNING", "EXAM", "COMPLETED"] as const) {
      for (const decisions of [0, 3]) {
        for (const waitlistClosedOn of [null, "2027-08-24"]) {
          const context: IntakeChangeContext = { phase, today: "2026-12-03", placesTaken: 0, applications: 0, decisions, reason: null, waitlistClosedOn };
          const refused = Object.keys(changed).filter((key) => {
            const field = key as keyof IntakeFields;
            return intakeChangeProblems(fields, { ...fields, [field]: changed[field] }, context)[field] !== undefined;
          });
          expect(refused.sort(), `${phase} ${decisions} ${waitlistClosedOn}`).toEqual(Object.keys(fixedIntakeFields(context)).sort());
        }
      }
    }
  });
});

describe("intakeLockedReason", () => {
  it("closes an archived kull to changes, and nothing else", () => {
    expect(intakeLockedReason("ARCHIVED")).toBe("Kullet er arkivert og kan ikke endres.");
    for (const phase of ["DRAFT", "OPEN", "ADMISSION", "RUNNING", "EXAM", "COMPLETED"] as const) expect(intakeLockedReason(phase)).toBeNull();
  });
});

describe("when the deadline moves", () => {
  it("is a move only when the application deadline changes", () => {
    expect(applicationDeadlineMoved(fields, { ...fields, applicationDeadline: "2027-01-10" })).toBe(true);
    expect(applicationDeadlineMoved(fields, { ...fields })).toBe(false);
  });

  it("tells an applicant with a draft what the new deadline is", () => {
    const mail = deadlineMovedMail({
      applicantName: "Sofie Søker",
      programmeName: "Nasjonal videreutdanning i barnevernledelse",
      cohortName: "Kull H2027",
      from: "2026-12-24",
      to: "2027-01-10",
      today: "2026-12-03",
      link: "http://localhost:3000/soker/soknad/abc",
    });
    expect(mail.subject).toBe("Ny søknadsfrist: Nasjonal videreutdanning i barnevernledelse, Kull H2027");
    expect(mail.text).toContain("er endret fra 24. desember 2026 til 10. januar 2027.");
    expect(mail.text).toContain("Husk å sende søknaden innen utgangen av 10. januar 2027.");
    expect(mail.text).toContain("http://localhost:3000/soker/soknad/abc");
    const closed = deadlineMovedMail({ applicantName: "A", programmeName: "P", cohortName: "K", from: "2026-12-24", to: "2026-12-01", today: "2026-12-03", link: "x" });
    expect(closed.text).toContain("Fristen er dermed passert, og utkastet ditt kan ikke sendes.");
  });
});

describe("copiedIntakeFields", () => {
  it("moves every date by the same whole weeks and names the kull by its new code", () => {
    expect(copiedIntakeFields(fields, "H2028", 52)).toEqual({
      code: "H2028",
      name: "Kull H2028",
      capacity: 30,
      applicationOpensOn: "2027-11-07",
      applicationDeadline: "2027-12-23",
      offerAnswerDeadline: "2028-01-27",
      startsOn: "2028-08-22",
      endsOn: "2029-11-29",
      waitlistClosesOn: null,
    });
    expect(copiedIntakeFields({ ...fields, waitlistClosesOn: "2027-08-24" }, "H2028", 52).waitlistClosesOn).toBe("2028-08-22");
    expect(intakeFieldProblems(copiedIntakeFields(fields, "H2028", 52))).toEqual({});
  });
});
