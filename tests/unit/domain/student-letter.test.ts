import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import { defaultExamTimes } from "@/lib/domain/exam-time";
import { isWorkingDay } from "@/lib/domain/holidays";
import { klageDeadline } from "@/lib/domain/klage";
import { AVVISNING_BASIS, ENKELTVEDTAK_BASIS, letterAsText } from "@/lib/domain/letter";
import {
  attemptOrdinal,
  composeStudentLetter,
  continuesCaseOf,
  holdsCaseAlone,
  isEnkeltvedtak,
  KLAGE_HANDLER,
  opensCase,
  replacedStudentLetters,
  STUDENT_LETTER_KINDS,
  STUDY_REGULATIONS,
  type StudentLetterInput,
  type StudentLetterKind,
  type StudentLetterParty,
} from "@/lib/domain/student-letter";

const party: StudentLetterParty = {
  studentName: "Siri Sjanse",
  reference: "2026/00042",
  programmeName: "Nasjonal videreutdanning i barnevernledelse",
  cohortName: "Kull V2026",
  madeAvailableOn: "2026-03-02",
  decidedBy: { name: "Frida Faglærer", title: "Faglærer" },
  contact: { name: "Vegard Veileder", email: "veileder@demo.no", phone: "73 00 00 00" },
};

const finalRejection: StudentLetterInput = {
  ...party,
  kind: "ARBEIDSKRAV_NOT_APPROVED",
  arbeidskrav: { title: "Ledertreningsoppgave 1" },
  attempt: 2,
  maxAttempts: 2,
  assessedOn: "2026-03-02",
  grounds: "Refleksjonen over egen endring mangler.",
  group: null,
  corrected: false,
};

const correctionNotice: StudentLetterInput = {
  ...party,
  kind: "CORRECTION_NOTICE",
  arbeidskrav: { title: "Ledertreningsoppgave 1" },
  attempt: 2,
  maxAttempts: 2,
  approvedOn: "2026-02-10",
  reason: "Store deler av teksten er hentet fra en annen students besvarelse uten kildehenvisning",
  respondBy: "2026-03-16",
  group: ["Siri Sjanse", "Per Partner"],
  required: true,
};

const refusal: StudentLetterInput = {
  ...party,
  kind: "EXAM_ADMISSION_REFUSED",
  exam: { title: "Individuell hjemmeeksamen", startsOn: "2026-05-19", endsOn: "2026-05-21" },
  requirements: { attendancePercent: 80, arbeidskrav: 5 },
  reasons: ["Arbeidskrav: du har 4 av 5 godkjent. Ledertreningsoppgave 2 er endelig ikke godkjent etter siste innlevering."],
};

describe("the enkeltvedtak letters", () => {
  it("'ikke godkjent' on the final attempt states the decision, the legal basis, the grounds, the klage deadline and who decided", () => {
    const letter = composeStudentLetter(finalRejection);
    expect(letter).toMatchObject({
      kind: "ARBEIDSKRAV_NOT_APPROVED",
      enkeltvedtak: true,
      subject: "Vedtak: Ledertreningsoppgave 1 er ikke godkjent",
      title: "Vedtak om arbeidskrav (enkeltvedtak)",
      grounds: "Refleksjonen over egen endring mangler.",
      klageDeadline: "2026-03-23",
    });
    expect(letter.legalBasis).toContain("universitets- og høyskoleloven");
    expect(letter.legalBasis).toContain("studieforskriften");
    expect(letter.legalBasis).toContain("kan leveres 2 ganger");
    const text = letterAsText(letter);
    expect(text).toContain("Dette var den andre innleveringen");
    expect(text).toContain("Arbeidskravet er derfor endelig ikke godkjent.");
    expect(text).toContain("Refleksjonen over egen endring mangler.");
    expect(text).toContain("klagefristen er derfor 23. mars 2026");
    expect(text).toContain("forvaltningsloven §§ 28 og 29");
    expect(text).toContain("Klagen behandles av en annen enn den som fattet vedtaket.");
    expect(text).toContain("Den sentrale klagenemnda ved NTNU");
    expect(text).toContain("Frida Faglærer\nFaglærer");
    expect(text).not.toContain("Fagansvarlig har rettet");
  });

  it("names the laws and regulations without section numbers (none we cannot vouch for), and forvaltningsloven's sections", () => {
    expect(STUDY_REGULATIONS).not.toMatch(/§/);
    for (const input of [finalRejection, refusal]) {
      const letter = composeStudentLetter(input);
      // The only sections cited are forvaltningsloven's.
      expect(letter.legalBasis!.replace(/forvaltningsloven §[^.]*|§§ 28 og 29/g, "")).not.toMatch(/§/);
      expect(letter.legalBasis).toContain("enkeltvedtak etter forvaltningsloven § 2 første ledd bokstav b");
      expect(letter.legalBasis).toContain("forvaltningsloven §§ 24 og 25");
      const text = letterAsText(letter);
      expect(text).toContain(`Hjemmel\n\n${letter.legalBasis!.split(" Vedtaket er et enkeltvedtak")[0]}`);
    }
  });

  it("every letter begins with whom it is to, the case's reference, the date and the programme applied to", () => {
    const text = letterAsText(composeStudentLetter({ ...finalRejection, programmeName: "Videreutdanning i institusjonsledelse", studentName: "Áile Ŋuolláš Čoavji-Đoallu" }));
    expect(text).toContain("Til Áile Ŋuolláš Čoavji-Đoallu\n\nSaksnummer: 2026/00042\nDato: 2. mars 2026\nStudium: Videreutdanning i institusjonsledelse, Kull V2026");
    expect(text).toContain("studieplanen for Videreutdanning i institusjonsledelse");
    expect(text).toContain("NTNU, Videreutdanning i institusjonsledelse\n2. mars 2026");
    expect(text).not.toContain("barnevernledelse");
  });

  it("says so when the decision is a correction, and names the group when the work was a group's", () => {
    const text = letterAsText(
      composeStudentLetter({ ...finalRejection, corrected: true, group: ["Anne Gruppe", "Bjørn Gruppe", "Siri Sjanse"] }),
    );
    expect(text).toContain("Fagansvarlig har rettet vurderingen av innleveringen din fra godkjent til ikke godkjent.");
    expect(text).toContain("Fagansvarliges begrunnelse for rettingen (2. mars 2026):");
    expect(text).toContain("Innleveringen var et gruppearbeid (Anne Gruppe, Bjørn Gruppe og Siri Sjanse). Vedtaket gjelder deg; hver i gruppen får sitt eget brev.");
  });

  it("refuses to call an earlier attempt's 'ikke godkjent' an enkeltvedtak, and refuses empty grounds", () => {
    expect(() => composeStudentLetter({ ...finalRejection, attempt: 1 })).toThrow(RangeError);
    expect(() => composeStudentLetter({ ...finalRejection, grounds: "  " })).toThrow(RangeError);
    expect(() => composeStudentLetter({ ...refusal, reasons: [] })).toThrow(RangeError);
  });

  it("'ikke adgang til eksamen' states the exam, the rule with the cohort's threshold, the reasons and the klage deadline", () => {
    const letter = composeStudentLetter({ ...refusal, requirements: { attendancePercent: 75, arbeidskrav: 4 } });
    expect(letter).toMatchObject({ enkeltvedtak: true, subject: "Vedtak: ikke adgang til eksamen, Individuell hjemmeeksamen", klageDeadline: "2026-03-23" });
    expect(letter.grounds).toBe(refusal.kind === "EXAM_ADMISSION_REFUSED" ? refusal.reasons[0] : "");
    expect(letter.legalBasis).toContain("minst 75 % av samlingsdagene");
    expect(letter.legalBasis).toContain("alle de 4 arbeidskravene");
    const text = letterAsText(letter);
    expect(text).toContain("Du får ikke adgang til eksamen: Individuell hjemmeeksamen, 19. mai 2026–21. mai 2026.");
    expect(text).toContain("Ledertreningsoppgave 2 er endelig ikke godkjent");
  });

  it("gives every enkeltvedtak the klage deadline of lib/domain/klage.ts: a working day, 21 or more days on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const madeAvailableOn = addDays("2026-01-01", offset);
        for (const input of [finalRejection, refusal]) {
          const letter = composeStudentLetter({ ...input, madeAvailableOn });
          expect(letter.klageDeadline).toBe(klageDeadline(madeAvailableOn));
          expect(isWorkingDay(letter.klageDeadline!)).toBe(true);
          expect(letter.klageDeadline! >= addDays(madeAvailableOn, 21)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("letters on a klage's outcome and on a changed decision", () => {
  const appealed = { subject: "Vedtak: Ledertreningsoppgave 1 er ikke godkjent", madeAvailableOn: "2026-03-02", matter: "Ledertreningsoppgave 1" };

  it("a klage taken: what changed and why, and no new right to appeal", () => {
    const letter = composeStudentLetter({
      ...party,
      madeAvailableOn: "2026-03-20",
      kind: "KLAGE_REVERSED",
      klage: { filedOn: "2026-03-05", grounds: "Refleksjonen står i avsnitt 3." },
      appealed,
      outcome: "Ledertreningsoppgave 1 er godkjent.",
    });
    expect(letter).toMatchObject({ enkeltvedtak: false, klageDeadline: null, grounds: null, legalBasis: null, subject: "Klagen din er tatt til følge: Ledertreningsoppgave 1" });
    const text = letterAsText(letter);
    expect(text).toContain(
      "Vi har behandlet klagen din av 5. mars 2026 på vedtaket «Vedtak: Ledertreningsoppgave 1 er ikke godkjent» fra 2. mars 2026. Klagen er tatt til følge: Ledertreningsoppgave 1 er godkjent.",
    );
    expect(text).toContain("Dette vedtaket erstatter vedtaket «Vedtak: Ledertreningsoppgave 1 er ikke godkjent» fra 2. mars 2026, som ikke lenger gjelder.");
    expect(text).toContain("Refleksjonen står i avsnitt 3.");
    expect(text).toContain("Saksnummer: 2026/00042");
    // Taken here: § 33 andre ledd, and nothing of a klage not taken or of the klageinstans.
    expect(text).toContain("Klagen er behandlet etter forvaltningsloven § 33 andre ledd: vi har vurdert saken på nytt, funnet klagen begrunnet og endret vedtaket.");
    expect(text).not.toContain("klageinstans");
    expect(text).not.toContain("Du kan klage");
    // The refused grounds are not restated.
    expect(text).not.toContain("ikke godkjent.");
  });

  it("a klage the klagenemnd took: its decision named and carried out, its grounds, final", () => {
    const input = {
      ...party,
      madeAvailableOn: "2026-05-20",
      kind: "KLAGE_REVERSED" as const,
      klage: { filedOn: "2026-03-05", grounds: "Refleksjonen drøfter egen praksis slik studieplanen krever." },
      appealed,
      outcome: "Ledertreningsoppgave 1 er godkjent.",
      appealsBody: { decidedOn: "2026-05-12", reference: "26/00877" },
    };
    const letter = composeStudentLetter(input);
    expect(letter).toMatchObject({ enkeltvedtak: false, klageDeadline: null, title: "Klagenemndas vedtak er gjennomført", subject: "Klagenemnda har tatt klagen din til følge: Ledertreningsoppgave 1" });
    const text = letterAsText(letter);
    expect(text).toContain(
      "Klagen din av 5. mars 2026 på vedtaket «Vedtak: Ledertreningsoppgave 1 er ikke godkjent» fra 2. mars 2026 ble sendt til Den sentrale klagenemnda ved NTNU. Klagenemnda har tatt klagen til følge i vedtak av 12. mai 2026, saksnummer 26/00877.",
    );
    expect(text).toContain("Vi har gjennomført vedtaket: Ledertreningsoppgave 1 er godkjent.");
    expect(text).toContain("Klagenemndas begrunnelse");
    expect(text).toContain("Klagen er avgjort av klageinstansen etter forvaltningsloven § 34, og vi har gjennomført vedtaket. Klageinstansens vedtak er endelig (§ 28 tredje ledd).");
    // Not the rules of a klage we handle ourselves.
    expect(text).not.toContain("vi har vurdert den på nytt (§ 33)");
    expect(text).not.toContain("Vi har behandlet klagen din");
    expect(text).not.toContain("Du kan klage");
  });

  it("a klage not taken: it goes to the appeals body, whose decision is final", () => {
    const letter = composeStudentLetter({ ...party, kind: "KLAGE_UPHELD", klage: { filedOn: "2026-03-05", grounds: "Vurderingen står." }, appealed });
    expect(letter).toMatchObject({ enkeltvedtak: false, klageDeadline: null, subject: "Klagen din sendes til klagenemnda: Ledertreningsoppgave 1" });
    const text = letterAsText(letter);
    expect(text).toContain("har ikke funnet grunn til å endre vedtaket");
    expect(text).toContain("Vi sender derfor klagen til Den sentrale klagenemnda ved NTNU, som avgjør den endelig (forvaltningsloven § 33 fjerde ledd)");
    expect(text).toContain("Klageinstansens avgjørelse er endelig");
  });

  it("a late klage avvist: an enkeltvedtak of its own, with the days, the rules, the grounds and a klage right", () => {
    const letter = composeStudentLetter({
      ...party,
      madeAvailableOn: "2026-04-22",
      kind: "KLAGE_DISMISSED",
      klage: { receivedOn: "2026-04-20", grounds: "Du har ikke oppgitt noen grunn til at klagen kom sent" },
      appealed: { ...appealed, klageDeadline: "2026-03-23" },
      yearPassed: false,
    });
    expect(letter).toMatchObject({
      enkeltvedtak: true,
      klageDeadline: "2026-05-13",
      subject: "Vedtak: klagen din på vedtaket om Ledertreningsoppgave 1 er avvist",
      title: "Vedtak om avvisning av klage (enkeltvedtak)",
      grounds: "Du har ikke oppgitt noen grunn til at klagen kom sent.",
    });
    // § 31 as the discretion it is, and § 33 andre ledd's duty when it is not used.
    expect(letter.legalBasis).toContain("Forvaltningsloven §§ 29, 31 og 33 andre ledd. En klage som er kommet etter klagefristen, kan likevel tas under behandling hvis klageren ikke kan lastes");
    expect(letter.legalBasis).toContain("Ellers skal den avvises (§ 33 andre ledd).");
    // An avvisning is an enkeltvedtak by § 2 tredje ledd, not § 2 første ledd bokstav b.
    expect(letter.legalBasis).toContain("Vedtaket om å avvise klagen er et enkeltvedtak etter forvaltningsloven § 2 tredje ledd.");
    expect(letter.legalBasis).not.toContain("bokstav b");
    const text = letterAsText(letter);
    expect(text).toContain(
      "Klagen din på vedtaket «Vedtak: Ledertreningsoppgave 1 er ikke godkjent» fra 2. mars 2026 ble sendt eller kom inn 20. april 2026. Klagefristen var 23. mars 2026, så klagen kom for sent.",
    );
    // The discretion was weighed (§ 25), and what she may do about it.
    expect(text).toContain("Vi har vurdert om klagen likevel kan tas under behandling etter forvaltningsloven § 31, og har ikke funnet grunn til det. Klagen er derfor avvist: vi tar ikke stilling til det du klager på.");
    expect(text).toContain("Vedtaket du klaget på, gjelder som før.");
    expect(text).toContain("Skriv da hvorfor klagen kom sent. Har du dokumentasjon på det, for eksempel en legeerklæring, send den til studieveilederen (se nederst i brevet).");
    expect(text).toContain("Du kan klage på vedtaket innen tre uker etter at du mottok det (forvaltningsloven §§ 28 og 29). Brevet ble gjort tilgjengelig for deg i studentportalen 22. april 2026, og klagefristen er derfor 13. mai 2026.");
    const afterYear = composeStudentLetter({ ...party, kind: "KLAGE_DISMISSED", klage: { receivedOn: "2027-04-20", grounds: "g" }, appealed: { ...appealed, klageDeadline: "2026-03-23" }, yearPassed: true });
    expect(afterYear.legalBasis).toContain("En klage kan ikke tas under behandling når det er gått mer enn ett år siden vedtaket ble truffet (§ 31 tredje ledd)");
    expect(letterAsText(afterYear)).toContain("Det var gått mer enn ett år siden vedtaket, og da kan klagen ikke tas under behandling.");
    expect(letterAsText(afterYear)).not.toContain("Vi har vurdert om klagen likevel");
  });

  it("a decision that no longer stands names the earlier letter", () => {
    const letter = composeStudentLetter({ ...party, kind: "DECISION_CHANGED", changed: appealed, outcome: "Ledertreningsoppgave 1 er godkjent.", reason: "Rettet av fagansvarlig." });
    expect(letter).toMatchObject({ enkeltvedtak: false, subject: "Endret vedtak: Ledertreningsoppgave 1", title: "Endret vedtak" });
    expect(letterAsText(letter)).toContain("Vedtaket «Vedtak: Ledertreningsoppgave 1 er ikke godkjent» fra 2. mars 2026 gjelder ikke lenger.");
    expect(letterAsText(letter)).not.toContain("Klagen din");
  });

  it("a decision changed while her klage on it is at the klagenemnd says the klagenemnd is told, and that she need not act", () => {
    const input = { ...party, kind: "DECISION_CHANGED", changed: appealed, outcome: "Ledertreningsoppgave 1 er godkjent.", reason: "Rettet av fagansvarlig.", klageAtAppealsBody: true } as const;
    const letter = composeStudentLetter(input);
    expect(letter.sections.map((section) => section.heading)).toEqual([null, "Vedtak", "Begrunnelse", "Klagen din", null]);
    expect(letterAsText(letter)).toContain(
      "Klagen din i denne saken ligger hos Den sentrale klagenemnda ved NTNU. Vi gir klagenemnda beskjed om at vedtaket «Vedtak: Ledertreningsoppgave 1 er ikke godkjent» fra 2. mars 2026 er endret, så den ikke avgjør et vedtak som ikke gjelder lenger. Du trenger ikke gjøre noe.",
    );
    expect(letterAsText(letter)).toContain("Mener du at klagen gjelder noe dette nye vedtaket ikke gir deg, kan du si fra til studieveilederen.");
    // Still no enkeltvedtak: no klage deadline of its own.
    expect(letter).toMatchObject({ enkeltvedtak: false, klageDeadline: null });
  });
});

const missed = { kindLabel: "Ordinær eksamen", title: "Individuell skriftlig hjemmeeksamen", ...defaultExamTimes("2026-10-23") };
const deferralGranted: StudentLetterInput = {
  ...party,
  kind: "EXAM_DEFERRAL_GRANTED",
  missed,
  sitting: { kindLabel: "Utsatt eksamen", title: "Individuell skriftlig hjemmeeksamen", ...defaultExamTimes("2027-01-11") },
  reason: "ILLNESS",
  requestedOn: "2026-10-26",
  note: null,
};
const deferralRefused: StudentLetterInput = {
  ...party,
  kind: "EXAM_DEFERRAL_REFUSED",
  missed,
  reason: "OTHER",
  requestedOn: "2026-10-26",
  grounds: "Dokumentasjonen gjelder ikke eksamensperioden.",
  over: true,
};

describe("utsatt eksamen", () => {
  it("a grant names the sitting missed and the deferred one with its start and hand-in, Oslo time, and gives no klage", () => {
    const letter = composeStudentLetter(deferralGranted);
    expect(letter).toMatchObject({ enkeltvedtak: false, klageDeadline: null, subject: "Utsatt eksamen innvilget, i stedet for ordinær eksamen 23. oktober 2026" });
    const text = letterAsText(letter);
    expect(text).toContain(
      "Du søkte 26. oktober 2026 om utsatt eksamen (sykdom) for ordinær eksamen: Individuell skriftlig hjemmeeksamen, fredag 23. oktober 2026 kl. 09.00 – søndag 25. oktober 2026 kl. 14.00. Søknaden er innvilget.",
    );
    expect(text).toContain("Eksamen starter mandag 11. januar 2027 kl. 09.00 og skal leveres senest onsdag 13. januar 2027 kl. 14.00 (norsk tid).");
    expect(text).toContain("Eksamenen du gikk glipp av, teller ikke som et forsøk.");
  });

  it("a refusal is an enkeltvedtak: grounds, the legal basis, what it means for the attempts, and the klage deadline", () => {
    const letter = composeStudentLetter(deferralRefused);
    expect(letter).toMatchObject({
      enkeltvedtak: true,
      grounds: "Dokumentasjonen gjelder ikke eksamensperioden.",
      klageDeadline: klageDeadline("2026-03-02"),
      subject: "Vedtak: utsatt eksamen er avslått, ordinær eksamen 23. oktober 2026",
    });
    expect(letter.legalBasis).toContain("sykdom eller en annen tungtveiende grunn");
    const text = letterAsText(letter);
    expect(text).toContain("(annen tungtveiende grunn)");
    expect(text).toContain("registrert som «ikke møtt», og den teller som et forsøk");
    expect(letterAsText(composeStudentLetter({ ...deferralRefused, over: false } as StudentLetterInput))).toContain("Du er fortsatt meldt opp til eksamenen.");
    expect(() => composeStudentLetter({ ...deferralRefused, grounds: " " } as StudentLetterInput)).toThrow(RangeError);
  });
});

describe("who handles a klage", () => {
  it("an arbeidskrav: the teaching team; admission to the exam: an adviser; other letters cannot be appealed", () => {
    expect(KLAGE_HANDLER.ARBEIDSKRAV_NOT_APPROVED).toBe("TEACHING_TEAM");
    expect(KLAGE_HANDLER.EXAM_ADMISSION_REFUSED).toBe("ADVISER");
    expect(KLAGE_HANDLER.EXAM_DEFERRAL_REFUSED).toBe("ADVISER");
    expect(KLAGE_HANDLER.LEAVE_REFUSED).toBe("ADVISER");
    expect(KLAGE_HANDLER.KLAGE_DISMISSED).toBe("ADVISER");
    expect(STUDENT_LETTER_KINDS.filter(isEnkeltvedtak)).toEqual(["ARBEIDSKRAV_NOT_APPROVED", "EXAM_ADMISSION_REFUSED", "EXAM_DEFERRAL_REFUSED", "LEAVE_REFUSED", "KLAGE_DISMISSED"]);
  });

  it("every kind composes to the enkeltvedtak it is said to be", () => {
    const inputs: Record<StudentLetterKind, StudentLetterInput> = {
      ARBEIDSKRAV_NOT_APPROVED: finalRejection,
      EXAM_ADMISSION_REFUSED: refusal,
      KLAGE_REVERSED: { ...party, kind: "KLAGE_REVERSED", klage: { filedOn: "2026-03-02", grounds: "x" }, appealed: { subject: "s", madeAvailableOn: "2026-03-01", matter: "m" }, outcome: "o" },
      KLAGE_UPHELD: { ...party, kind: "KLAGE_UPHELD", klage: { filedOn: "2026-03-02", grounds: "x" }, appealed: { subject: "s", madeAvailableOn: "2026-03-01", matter: "m" } },
      DECISION_CHANGED: { ...party, kind: "DECISION_CHANGED", changed: { subject: "s", madeAvailableOn: "2026-03-01", matter: "m" }, outcome: "o", reason: "r" },
      EXAM_DEFERRAL_GRANTED: deferralGranted,
      EXAM_DEFERRAL_REFUSED: deferralRefused,
      LEAVE_GRANTED: { ...party, kind: "LEAVE_GRANTED", leave: { from: "2026-03-01", to: "2026-04-01" }, reason: "r", samlingDays: 3, maxAbsences: 5, attendancePercent: 80, examWithdrawn: false },
      LEAVE_REFUSED: { ...party, kind: "LEAVE_REFUSED", leave: { from: "2026-03-01", to: "2026-04-01" }, reason: "r", grounds: "g" },
      LEAVE_ENDED: { ...party, kind: "LEAVE_ENDED", leave: { from: "2026-03-01", to: "2026-04-01" }, returnedOn: "2026-03-20", samlingDays: 2 },
      LEAVE_CANCELLED: { ...party, kind: "LEAVE_CANCELLED", leave: { from: "2026-03-01", to: "2026-04-01" }, samlingDays: 2, requestedOn: "2026-02-20" },
      WITHDRAWAL_CONFIRMED: { ...party, kind: "WITHDRAWAL_CONFIRMED", effectiveOn: "2026-03-01", reason: null, examWithdrawn: false, requestedOn: "2026-02-27" },
      COMPLETION_CONFIRMED: { ...party, kind: "COMPLETION_CONFIRMED", exam: { title: "Hjemmeeksamen", startsOn: "2026-11-19" }, grade: "B", credits: 30, courseCode: "BVL6001" },
      TRANSFER_CONFIRMED: { ...party, kind: "TRANSFER_CONFIRMED", fromCohortName: "Kull H2025", credited: [], remaining: ["Fagnotat 1"], attendance: { days: 0, samlinger: [] }, firstDay: null },
      CORRECTION_NOTICE: correctionNotice,
      CORRECTION_NOTICE_WITHDRAWN: { ...party, kind: "CORRECTION_NOTICE_WITHDRAWN", notice: { subject: "s", madeAvailableOn: "2026-03-01", matter: "m" }, note: null },
      KLAGE_DISMISSED: { ...party, kind: "KLAGE_DISMISSED", klage: { receivedOn: "2026-04-02", grounds: "g" }, appealed: { subject: "s", madeAvailableOn: "2026-03-01", matter: "m", klageDeadline: "2026-03-23" }, yearPassed: false },
    };
    for (const kind of STUDENT_LETTER_KINDS) {
      const letter = composeStudentLetter(inputs[kind]!);
      expect(letter.kind).toBe(kind);
      expect(letter.enkeltvedtak).toBe(isEnkeltvedtak(kind));
      expect(letter.klageDeadline !== null).toBe(isEnkeltvedtak(kind));
      // Each enkeltvedtak says, under «Hjemmel», the rules and what kind of decision it is and why
      // it may be appealed (forvaltningsloven §§ 2, 24–25, 28–29), in the letter and as stored.
      // An avvisning is one by § 2 third paragraph.
      if (isEnkeltvedtak(kind)) {
        const basis = kind === "KLAGE_DISMISSED" ? AVVISNING_BASIS : ENKELTVEDTAK_BASIS;
        expect(letter.sections.find((section) => section.heading === "Hjemmel")?.paragraphs).toContain(basis);
        expect(letter.legalBasis).toContain(basis);
      }
    }
  });
});

describe("someone's own words in a letter", () => {
  it("end as a sentence, so a short reason or grounds never reads as a heading; the stored grounds stay as written", () => {
    const letter = composeStudentLetter({ ...party, kind: "LEAVE_REFUSED", leave: { from: "2026-03-01", to: "2026-04-01" }, reason: " Fødsel ", grounds: "Ikke dokumentert" });
    const paragraphs = letter.sections.flatMap((section) => section.paragraphs);
    expect(paragraphs).toContain("Fødsel.");
    expect(paragraphs).toContain("Ikke dokumentert.");
    expect(letter.grounds).toBe("Ikke dokumentert");
    const asked = composeStudentLetter({ ...party, kind: "LEAVE_REFUSED", leave: { from: "2026-03-01", to: "2026-04-01" }, reason: "Er det mulig?", grounds: "Se vedlegg (legeerklæring)" });
    expect(asked.sections.flatMap((section) => section.paragraphs)).toEqual(expect.arrayContaining(["Er det mulig?", "Se vedlegg (legeerklæring)"]));
  });
});

describe("which letters open a case (a reference of their own)", () => {
  it("a klage's outcome, a changed decision, a leave's end and a withdrawn notice continue the earlier case; every other letter opens one", () => {
    expect(STUDENT_LETTER_KINDS.filter((kind) => !opensCase(kind))).toEqual([
      "KLAGE_REVERSED",
      "KLAGE_UPHELD",
      "DECISION_CHANGED",
      "LEAVE_ENDED",
      "LEAVE_CANCELLED",
      "CORRECTION_NOTICE_WITHDRAWN",
    ]);
  });

  it("every enkeltvedtak opens a case, and so do the confirmations that give what was asked", () => {
    for (const kind of STUDENT_LETTER_KINDS.filter(isEnkeltvedtak)) expect(opensCase(kind)).toBe(true);
    for (const kind of ["LEAVE_GRANTED", "WITHDRAWAL_CONFIRMED", "COMPLETION_CONFIRMED", "TRANSFER_CONFIRMED", "EXAM_DEFERRAL_GRANTED"] as const) {
      expect(opensCase(kind)).toBe(true);
    }
  });
});

describe("attempt ordinals", () => {
  it("words the attempts a plan allows and nothing else", () => {
    expect(attemptOrdinal(1)).toBe("første");
    expect(attemptOrdinal(2)).toBe("andre");
    expect(attemptOrdinal(9)).toBe("niende");
    expect(() => attemptOrdinal(0)).toThrow(RangeError);
    expect(() => attemptOrdinal(10)).toThrow(RangeError);
    expect(() => attemptOrdinal(1.5)).toThrow(RangeError);
  });
});

describe("replacedStudentLetters", () => {
  const letter = (id: string, kind: StudentLetterInput["kind"], caseNumber: number, order: number) => ({ id, kind, caseNumber, order });

  it("an enkeltvedtak is replaced by a klage taken or a 'no longer stands' in its own case, never by a klage sent on", () => {
    const letters = [
      letter("a", "ARBEIDSKRAV_NOT_APPROVED", 7, 1),
      letter("b", "KLAGE_REVERSED", 7, 2),
      letter("c", "EXAM_ADMISSION_REFUSED", 8, 3),
      letter("d", "KLAGE_UPHELD", 8, 4),
      letter("e", "ARBEIDSKRAV_NOT_APPROVED", 9, 5),
      letter("f", "DECISION_CHANGED", 9, 6),
      letter("g", "DECISION_CHANGED", 10, 7),
    ];
    const replaced = replacedStudentLetters(letters);
    expect([...replaced.entries()].map(([id, by]) => [id, by.id]).sort()).toEqual([
      ["a", "b"],
      ["e", "f"],
    ]);
  });

  it("a confirmation of completion is replaced when the grade that counts changes, and each such letter by the next; other confirmations never", () => {
    const letters = [
      letter("c", "COMPLETION_CONFIRMED", 11, 1),
      letter("d1", "DECISION_CHANGED", 11, 2),
      letter("d2", "DECISION_CHANGED", 11, 3),
      letter("w", "WITHDRAWAL_CONFIRMED", 12, 4),
      letter("x", "DECISION_CHANGED", 12, 5),
    ];
    expect([...replacedStudentLetters(letters).entries()].map(([id, by]) => [id, by.id]).sort()).toEqual([
      ["c", "d1"],
      ["d1", "d2"],
    ]);
  });

  it("a letter of another case, or an earlier one, replaces nothing", () => {
    expect(replacedStudentLetters([letter("a", "ARBEIDSKRAV_NOT_APPROVED", 7, 2), letter("b", "KLAGE_REVERSED", 7, 1)]).size).toBe(0);
    expect(replacedStudentLetters([letter("a", "ARBEIDSKRAV_NOT_APPROVED", 7, 1), letter("b", "KLAGE_REVERSED", 8, 2)]).size).toBe(0);
  });
});

describe("a withdrawal's confirmation", () => {
  it("confirms the day she stops and the day she asked", () => {
    const letter = composeStudentLetter({ ...party, kind: "WITHDRAWAL_CONFIRMED", effectiveOn: "2027-02-01", reason: null, examWithdrawn: true, requestedOn: "2027-01-28" });
    expect(letter.sections.flatMap((section) => section.paragraphs).join("\n")).toContain("fra og med 1. februar 2027, slik du ba om i henvendelsen din av 28. januar 2027. Studieretten din i kullet er avsluttet.");
  });
});

describe("a transfer's confirmation", () => {
  const transfer = { ...party, kind: "TRANSFER_CONFIRMED" as const, fromCohortName: "Kull H2025", credited: [{ title: "Fagnotat 1", from: "Fagnotat 1 i Kull H2025" }], attendance: { days: 0, samlinger: [] }, firstDay: null };
  const text = (input: StudentLetterInput) => composeStudentLetter(input).sections.flatMap((section) => section.paragraphs).join("\n");
  it("names work still waiting for its assessment as counting once approved, apart from what she is to hand in", () => {
    const body = text({ ...transfer, remaining: ["Fagnotat 2"], awaited: [{ title: "Ledertreningsoppgave 3", from: "Ledertreningsoppgave 3 i Kull H2025" }] });
    expect(body).toContain(
      "Ledertreningsoppgave 3 i Kull H2025 er ikke vurdert ennå. Blir det godkjent før du har levert Ledertreningsoppgave 3 i det nye kullet, teller det som Ledertreningsoppgave 3 der, og da trenger du ikke levere det. Blir det ikke godkjent, leverer du Ledertreningsoppgave 3 i det nye kullet.\nArbeidskrav du skal levere i det nye kullet: Fagnotat 2.",
    );
    expect(text({ ...transfer, remaining: [], awaited: [{ title: "Ledertreningsoppgave 3", from: "Ledertreningsoppgave 3 i Kull H2025" }] })).toContain("Alle de andre obligatoriske arbeidskravene er godkjent.");
    expect(text({ ...transfer, remaining: [] })).toContain("Alle de obligatoriske arbeidskravene er godkjent.");
    expect(text({ ...transfer, remaining: [] })).not.toContain("ikke vurdert ennå");
  });
});

describe("a withdrawn leave's letter", () => {
  it("confirms what was asked, names the period and says its days count again", () => {
    const letter = composeStudentLetter({ ...party, kind: "LEAVE_CANCELLED", leave: { from: "2027-01-11", to: "2027-03-31" }, samlingDays: 3, requestedOn: "2027-01-04" });
    expect(letter.subject).toBe("Permisjonen fra 11. januar 2027 er trukket tilbake");
    expect(letter.enkeltvedtak).toBe(false);
    const text = letter.sections.flatMap((section) => section.paragraphs).join("\n");
    expect(text).toContain("fra og med 11. januar 2027 til og med 31. mars 2027, er trukket tilbake, slik du ba om i henvendelsen din av 4. januar 2027. Permisjonen hadde ikke begynt.");
    expect(text).toContain("3 samlingsdager var i perioden. De teller som vanlige samlingsdager: møter du ikke, er det fravær.");
    const none = composeStudentLetter({ ...party, kind: "LEAVE_CANCELLED", leave: { from: "2027-01-11", to: "2027-01-12" }, samlingDays: 0, requestedOn: "2027-01-04" });
    expect(none.sections.flatMap((section) => section.paragraphs).join("\n")).toContain("Ingen samlingsdager var i perioden");
  });
});

describe("forhåndsvarsel before a correction to «ikke godkjent» (forvaltningsloven § 16)", () => {
  it("says what may be decided and why, that it is not a decision yet, the deadline to speak and where, and gives no klage", () => {
    const letter = composeStudentLetter(correctionNotice);
    const text = letterAsText(letter);
    expect(letter.subject).toBe("Forhåndsvarsel: Ledertreningsoppgave 1 kan bli rettet til ikke godkjent");
    expect(letter.enkeltvedtak).toBe(false);
    expect(letter.klageDeadline).toBeNull();
    expect(text).toContain("Ledertreningsoppgave 1 i Kull V2026 ble vurdert til godkjent 10. februar 2026");
    expect(text).toContain("Fristen er 16. mars 2026");
    expect(text).toContain("forvaltningsloven § 16");
    expect(text).toContain("Dette er ikke et vedtak.");
    expect(text).toContain("Alle i gruppen får dette varselet");
    expect(text).toContain("uten kildehenvisning.");
    expect(text).toContain("da har du ikke rett til å gå opp til eksamen. Det gjelder også om arbeidskravet er godkjent for deg i et senere kull");
    expect(text).toContain("under «Brev» i studentportalen, på siden for dette brevet");
    expect(text).not.toContain("trakk det tilbake");
    // Only before an enkeltvedtak: the final attempt of an arbeidskrav that counts.
    expect(() => composeStudentLetter({ ...correctionNotice, required: false } as StudentLetterInput)).toThrow(RangeError);
    expect(() => composeStudentLetter({ ...correctionNotice, attempt: 1 } as StudentLetterInput)).toThrow(RangeError);
  });

  it("after a withdrawn notice on the same hand-in, says the case is taken up again, that what she wrote then is kept, and that she may speak again", () => {
    const text = letterAsText(composeStudentLetter({ ...correctionNotice, earlier: { sentOn: "2026-02-16", withdrawnOn: "2026-02-24" } } as StudentLetterInput));
    expect(text).toContain("Vi sendte deg et forhåndsvarsel om den samme vurderingen 16. februar 2026 og trakk det tilbake 24. februar 2026. Saken er nå tatt opp igjen, og dette er et nytt varsel");
    expect(text).toContain("Det du eventuelt skrev til det forrige varselet, er med i saken, og du kan uttale deg på nytt.");
  });

  it("the decision that follows says when the notice came and whether this student spoke to it", () => {
    const notice = { sentOn: "2026-03-02", respondBy: "2026-03-16", respondedOn: "2026-03-10", othersSpoke: false };
    const spoke = letterAsText(composeStudentLetter({ ...finalRejection, corrected: true, notice } as StudentLetterInput));
    expect(spoke).toContain("Du fikk forhåndsvarsel 2. mars 2026, med frist 16. mars 2026 for å uttale deg. Vi fikk uttalelsen din 10. mars 2026");
    expect(spoke).not.toContain("de andre i gruppen");
    const silent = letterAsText(composeStudentLetter({ ...finalRejection, corrected: true, group: ["A", "B"], notice: { ...notice, respondedOn: null, othersSpoke: true } } as StudentLetterInput));
    expect(silent).toContain("Vi fikk ingen uttalelse fra deg; fagansvarlig har vurdert det de andre i gruppen skrev.");
    const nobody = letterAsText(composeStudentLetter({ ...finalRejection, corrected: true, group: ["A", "B"], notice: { ...notice, respondedOn: null } } as StudentLetterInput));
    expect(nobody).toContain("Vi fikk ingen uttalelse fra deg.");
    expect(letterAsText(composeStudentLetter(finalRejection))).not.toContain("forhåndsvarsel");
  });

  it("the decision continues the notice's case, the withdrawal answers it, and no other letter opens a case twice", () => {
    expect(continuesCaseOf("ARBEIDSKRAV_NOT_APPROVED", "CORRECTION_NOTICE")).toBe(true);
    expect(continuesCaseOf("ARBEIDSKRAV_NOT_APPROVED", "LEAVE_GRANTED")).toBe(false);
    expect(continuesCaseOf("EXAM_ADMISSION_REFUSED", "CORRECTION_NOTICE")).toBe(false);
    expect(continuesCaseOf("CORRECTION_NOTICE_WITHDRAWN", "CORRECTION_NOTICE")).toBe(true);
    expect(opensCase("CORRECTION_NOTICE")).toBe(true);
    expect(holdsCaseAlone("CORRECTION_NOTICE")).toBe(false);
    expect(holdsCaseAlone("ARBEIDSKRAV_NOT_APPROVED")).toBe(true);
    expect(STUDENT_LETTER_KINDS.filter((kind) => !holdsCaseAlone(kind)).sort()).toEqual(
      ["CORRECTION_NOTICE", "CORRECTION_NOTICE_WITHDRAWN", "DECISION_CHANGED", "KLAGE_REVERSED", "KLAGE_UPHELD", "LEAVE_CANCELLED", "LEAVE_ENDED"].sort(),
    );
  });

  it("a withdrawal says the approval stands, with the note as a sentence", () => {
    const text = letterAsText(
      composeStudentLetter({ ...party, kind: "CORRECTION_NOTICE_WITHDRAWN", notice: { subject: "Forhåndsvarsel: X", madeAvailableOn: "2026-03-02", matter: "Fagnotat 1" }, note: "Kildene var oppgitt i vedlegget" }),
    );
    expect(text).toContain("Vi sendte deg 2. mars 2026 et forhåndsvarsel om at vurderingen av Fagnotat 1 kunne bli rettet til ikke godkjent. Varselet er trukket tilbake");
    expect(text).toContain("Fagnotat 1 er fortsatt godkjent");
    expect(text).toContain("Kildene var oppgitt i vedlegget.");
  });
});
