import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { admissionRequirementChecks, effectiveCategory, verifiedCategory, type ReviewPosition } from "@/lib/domain/admission-review";
import { CASE_REFERENCE_PENDING } from "@/lib/domain/case-reference";
import { admissionLegalBasis, APPEALABLE_LETTER_KINDS, appealableLetter, composeDecisionLetter, letterAsText, replacedLetters, STANDARD_OFFER_PRACTICAL_TEXT, type LetterInput } from "@/lib/domain/decision-letter";

const position = (overrides: Partial<ReviewPosition> = {}): ReviewPosition => ({
  id: "p1",
  title: "Barnevernleder",
  employer: "Trondheim kommune",
  employerType: "MUNICIPAL_CWS",
  leaderRole: "LEADER",
  start: "2020-01-01",
  end: null,
  professionalResponsibility: true,
  personnelResponsibility: true,
  verification: "VERIFIED",
  ...overrides,
});

const education = { institution: "NTNU", degree: "Bachelor i barnevern", credits: 180 };

describe("admissionRequirementChecks", () => {
  it("needs 180 credits and an approved vitnemål, and says which facts it rests on", () => {
    const [credits] = admissionRequirementChecks({ educations: [education], vitnemal: ["VERIFIED"], positions: [] });
    expect(credits).toMatchObject({ key: "CREDITS", met: true });
    expect(credits!.facts).toEqual([
      "Oppgitt i søknaden: 180 studiepoeng i alt, Bachelor i barnevern, NTNU (180 studiepoeng).",
      "Vitnemålet er kontrollert og bekrefter det som er oppgitt.",
    ]);
    expect(admissionRequirementChecks({ educations: [education], vitnemal: ["PENDING"], positions: [] })[0]!.met).toBe(false);
    expect(admissionRequirementChecks({ educations: [education], vitnemal: [], positions: [] })[0]!.facts[1]).toBe("Det er ikke lastet opp noe vitnemål.");
    const short = admissionRequirementChecks({ educations: [{ ...education, credits: 120 }], vitnemal: ["VERIFIED"], positions: [] })[0]!;
    expect(short.met).toBe(false);
    // A checked vitnemål is not an accepted education: the shortfall is said in figures.
    expect(short.facts).toEqual([
      "Oppgitt i søknaden: 120 studiepoeng i alt, Bachelor i barnevern, NTNU (120 studiepoeng).",
      "Vitnemålet er kontrollert og bekrefter det som er oppgitt.",
      "Det mangler 60 studiepoeng på kravet om minst 180.",
    ]);
    expect(admissionRequirementChecks({ educations: [], vitnemal: [], positions: [] })[0]!.facts).toEqual([
      "Ingen utdanning er oppgitt i søknaden.",
      "Det er ikke lastet opp noe vitnemål.",
    ]);
  });

  it("needs a verified leader position in municipal barnevern or at an institution, current or past", () => {
    const check = (positions: ReviewPosition[]) => admissionRequirementChecks({ educations: [education], vitnemal: ["VERIFIED"], positions })[1]!;
    expect(check([position()]).met).toBe(true);
    expect(check([position({ employerType: "INSTITUTION", end: "2021-01-01" })]).met).toBe(true);
    expect(check([position({ verification: "PENDING" })])).toMatchObject({ met: false, facts: ["Ikke kontrollert ennå: Barnevernleder, Trondheim kommune."] });
    expect(check([position({ employerType: "OTHER" })]).met).toBe(false);
    expect(check([position({ leaderRole: "NONE" })]).facts[0]).toBe(
      "Ingen av stillingene er en lederstilling i kommunalt barnevern eller ved en barneverninstitusjon.",
    );
  });
});

describe("category on verified data and the adviser's override", () => {
  it("counts only verified positions and says how many were left out", () => {
    const explanation = verifiedCategory([position({ verification: "PENDING" }), position({ id: "p2", employerType: "INSTITUTION" })], "2026-12-01");
    expect(explanation.category).toBe(3);
    expect(explanation.reasons[0]).toBe("1 stilling er ikke kontrollert mot tjenestebevis ennå og er ikke med i vurderingen.");
    expect(explanation.reasons[1]).toBe("Du har en nåværende lederstilling ved en barneverninstitusjon med både fagansvar og personalansvar.");
    expect(verifiedCategory([position()], "2026-12-01").category).toBe(1);
    const withRejected = verifiedCategory([position(), position({ id: "p2", verification: "REJECTED" }), position({ id: "p3", verification: "PENDING" })], "2026-12-01", "adviser");
    expect(withRejected.category).toBe(1);
    expect(withRejected.reasons.slice(0, 3)).toEqual([
      "1 stilling er ikke kontrollert mot tjenestebevis ennå og er ikke med i vurderingen.",
      "1 stilling stemte ikke med tjenestebeviset og er ikke med i vurderingen.",
      "Søkeren har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar.",
    ]);
  });

  it("with no position checked yet, states no fact about the positions, only that they are not counted", () => {
    const explanation = verifiedCategory([position({ verification: "PENDING" }), position({ id: "p2", verification: "PENDING" })], "2026-12-01", "adviser");
    expect(explanation.category).toBe(4);
    expect(explanation.reasons).toEqual([
      "2 stillinger er ikke kontrollert mot tjenestebevis ennå og er ikke med i vurderingen.",
      "Uten en kontrollert stilling blir kategorien 4.",
      "Kategorien er vurdert ut fra søkerens stillinger per 1. desember 2026.",
    ]);
    expect(explanation.reasons.join(" ")).not.toMatch(/ingen erfaring|ingen nåværende/);
    // No positions at all: the rule's own reasons, nothing left out.
    expect(verifiedCategory([], "2026-12-01", "adviser").reasons[0]).toBe("Søkeren har ingen nåværende lederstilling i kommunalt barnevern.");
  });

  it("an override needs a reason, changes the category and says so", () => {
    const computed = verifiedCategory([], "2026-12-01");
    expect(computed.category).toBe(4);
    const overridden = effectiveCategory(computed, { category: 2, reason: "Tjenestebevis fra 2019 viser 3 år som teamleder." });
    expect(overridden.category).toBe(2);
    expect(overridden.overridden).toBe(true);
    expect(overridden.reasons.at(-1)).toBe("Studieveilederen har satt kategori 2 i stedet for 4: Tjenestebevis fra 2019 viser 3 år som teamleder.");
    expect(effectiveCategory(computed, null)).toEqual({ category: 4, overridden: false, reasons: computed.reasons });
    expect(() => effectiveCategory(computed, { category: 2, reason: "  " })).toThrow(RangeError);
    expect(() => effectiveCategory(computed, { category: 5, reason: "x" })).toThrow(RangeError);
  });
});

describe("composeDecisionLetter", () => {
  const base: LetterInput = {
    kind: "OFFER",
    reference: "2026/00042",
    applicantName: "Sofie Søker",
    programmeName: "Nasjonal videreutdanning i barnevernledelse",
    programmeCredits: 30,
    cohortName: "Kull V2027",
    madeAvailableOn: "2026-12-04",
    category: { value: 1, reasons: ["Du har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar."] },
    requirements: [{ label: "Utdanning", met: true, facts: ["180 studiepoeng."] }],
    ranking: { rank: 3, waitlistPosition: null, capacity: 30, qualifiedCount: 52, reasons: ["Du er den første søkeren fra Trøndelag i rangeringen."] },
    answerDeadline: "2026-12-20",
    decidedBy: { name: "Vegard Veileder", title: "Studieveileder" },
    contact: { name: "Ingrid Haugen", email: "studieveileder@example.no", phone: "73 00 00 01" },
    appealsBody: "NTNUs klagenemnd",
  };

  it("an offer states the decision, the answer deadline, the rules, the facts, the ranking and the klage deadline", () => {
    const letter = composeDecisionLetter(base);
    expect(letter.subject).toBe("Tilbud om studieplass: Nasjonal videreutdanning i barnevernledelse, Kull V2027");
    expect(letter.klageDeadline).toBe("2026-12-28"); // 25 Dec + 2. juledag + Sunday
    const text = letterAsText(letter);
    expect(text).toContain("Du får tilbud om studieplass på Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027.");
    expect(text).toContain("Du må svare på tilbudet i søknadsportalen innen 20. desember 2026.");
    expect(text).toContain("Regler vi har brukt");
    expect(text).toContain("Prioritetskategori: 1 (leder eller stedfortreder i kommunalt barnevern med fagansvar og personalansvar).");
    expect(text).toContain("Det er 30 studieplasser og 52 kvalifiserte søkere. Du er rangert som nummer 3.");
    expect(text).toContain("klagefristen er derfor 28. desember 2026");
    expect(text).toContain("forvaltningsloven §§ 28 og 29");
    expect(text).toContain("forvaltningsloven §§ 18 og 19");
    expect(text).toContain("Vegard Veileder\nStudieveileder");
  });

  it("an offer carries the programme's own welcome and practical words, never in place of the legal parts", () => {
    const standard = letterAsText(composeDecisionLetter(base));
    expect(standard).toContain(STANDARD_OFFER_PRACTICAL_TEXT);
    const own = composeDecisionLetter({ ...base, offerTexts: { welcome: "Velkommen til kullet! Første samling er i Trondheim.", practical: "Ingen semesteravgift." } });
    const section = own.sections.find((s) => s.heading === "Vedtak")!;
    expect(section.paragraphs).toEqual([
      "Du får tilbud om studieplass på Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027.",
      "Velkommen til kullet! Første samling er i Trondheim.",
    ]);
    const text = letterAsText(own);
    expect(text).toContain("Ingen semesteravgift.");
    expect(text).not.toContain(STANDARD_OFFER_PRACTICAL_TEXT);
    expect(text).toContain("forvaltningsloven §§ 28 og 29");
    const none = letterAsText(composeDecisionLetter({ ...base, offerTexts: { welcome: null, practical: null } }));
    expect(none).not.toContain(STANDARD_OFFER_PRACTICAL_TEXT);
    // A refusal never gets the welcome.
    const refusal = letterAsText(composeDecisionLetter({ ...base, kind: "REFUSAL", refusalReason: "NOT_QUALIFIED", answerDeadline: undefined, offerTexts: { welcome: "Velkommen!", practical: "P" } }));
    expect(refusal).not.toContain("Velkommen!");
    expect(refusal).not.toContain("\nP\n");
  });

  it("an offer says when and where the study starts, from the kull's first samling; other letters and a kull without samlinger do not", () => {
    const firstSamling = { days: ["2027-01-13", "2027-01-12"], location: "NTNU, Trondheim" };
    const offer = composeDecisionLetter({ ...base, firstSamling });
    // Its own section, right after the answer deadline.
    const headings = offer.sections.map((s) => s.heading);
    expect(headings.indexOf("Oppstart")).toBe(headings.indexOf("Svarfrist") + 1);
    expect(offer.sections.find((s) => s.heading === "Oppstart")!.paragraphs).toEqual(["Studiet starter med den første samlingen 12.–13. januar 2027, NTNU, Trondheim."]);
    expect(letterAsText(composeDecisionLetter({ ...base, kind: "WAITLIST_OFFER", firstSamling }))).toContain("Studiet starter med den første samlingen 12.–13. januar 2027");
    expect(letterAsText(composeDecisionLetter({ ...base, firstSamling: null }))).not.toContain("Studiet starter");
    expect(letterAsText(composeDecisionLetter({ ...base, firstSamling: { days: [], location: "NTNU" } }))).not.toContain("Studiet starter");
    const refusal = letterAsText(composeDecisionLetter({ ...base, kind: "REFUSAL", refusalReason: "NOT_QUALIFIED", answerDeadline: undefined, firstSamling }));
    expect(refusal).not.toContain("Studiet starter");
  });

  it("a waiting-list letter gives the place; a refusal gives the requirement not met and the adviser's grounds", () => {
    const waitlist = letterAsText(composeDecisionLetter({ ...base, kind: "WAITLIST", answerDeadline: undefined, ranking: { ...base.ranking!, rank: 33, waitlistPosition: 3 } }));
    expect(waitlist).toContain("er satt på venteliste til Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027, som nummer 3.");
    expect(waitlist).not.toContain("Svarfrist");
    const refusal = letterAsText(
      composeDecisionLetter({
        ...base,
        kind: "REFUSAL",
        refusalReason: "NOT_QUALIFIED",
        ranking: undefined,
        answerDeadline: undefined,
        requirements: [{ label: "Utdanning", met: false, facts: ["120 studiepoeng."] }],
        qualificationGrounds: "Vitnemålet viser 120 studiepoeng.",
      }),
    );
    expect(refusal).toContain("Søknaden din er avslått.");
    expect(refusal).toContain("Utdanning: ikke oppfylt. 120 studiepoeng.");
    expect(refusal).toContain("Du oppfyller ikke opptakskravene til studiet");
    expect(refusal).toContain("Studieveilederens vurdering: Vitnemålet viser 120 studiepoeng.");
  });

  it("names the study with the programme's own credits, from the data", () => {
    const institution = letterAsText(composeDecisionLetter({ ...base, programmeName: "Videreutdanning i institusjonsledelse", programmeCredits: 15 }));
    expect(institution).toContain("Du får tilbud om studieplass på Videreutdanning i institusjonsledelse (15 studiepoeng), Kull V2027.");
    expect(institution).not.toContain("30 studiepoeng");
  });

  const waitlisted = { ...base, kind: "WAITLIST" as const, answerDeadline: undefined, ranking: { ...base.ranking!, rank: 35, waitlistPosition: 2 } };

  it("a waiting-list letter says when the list closes", () => {
    const text = letterAsText(composeDecisionLetter({ ...waitlisted, waitlistClosesOn: "2027-01-12" }));
    expect(text).toContain("Ventelisten stenges 12. januar 2027. Blir det ikke ledig plass til deg før det, får du et brev om at søknaden er avslått.");
  });

  it("a changed place on the list is a new decision: the new and old number, why (never who), the closing day, the right to appeal", () => {
    const letter = composeDecisionLetter({ ...waitlisted, kind: "WAITLIST_MOVED", waitlistChange: { from: 2, to: 4, cause: "DECISIONS" }, waitlistClosesOn: "2027-01-12" });
    expect(letter.subject).toBe("Ny plass på ventelisten: Nasjonal videreutdanning i barnevernledelse, Kull V2027");
    expect(letter.title).toBe("Vedtak om opptak (enkeltvedtak)");
    expect(letter.klageDeadline).toBe("2026-12-28");
    const text = letterAsText(letter);
    expect(text).toContain("Plassen din på ventelisten til Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027 er endret: du står nå som nummer 4 (før: nummer 2).");
    expect(text).toContain("de som er rangert foran deg, står foran deg på listen, også når vedtaket deres kom senere enn ditt");
    expect(text).toContain("Ventelisten stenges 12. januar 2027.");
    expect(text).toContain("Du er rangert som nummer 35.");
    expect(text).toContain("Du kan klage på vedtaket");
    expect(letterAsText(composeDecisionLetter({ ...waitlisted, kind: "WAITLIST_MOVED", waitlistChange: { from: 3, to: 4, cause: "KLAGE" } }))).toContain(
      "Etter en klagesak er rekkefølgen på listen endret.",
    );
    expect(letterAsText(composeDecisionLetter({ ...waitlisted, kind: "WAITLIST_MOVED", waitlistChange: { from: 3, to: 1, cause: "CORRECTION" } }))).toContain(
      "Studieveilederen har rettet rangeringen",
    );
    expect(() => composeDecisionLetter({ ...waitlisted, kind: "WAITLIST_MOVED" })).toThrow(RangeError);
  });

  it("a closed list is a refusal with the day it closed and the last place held, and may be appealed", () => {
    const letter = composeDecisionLetter({ ...waitlisted, kind: "WAITLIST_CLOSED", refusalReason: "LIST_CLOSED", waitlistClosesOn: "2027-01-12", lastWaitlistPosition: 3 });
    expect(letter.subject).toBe("Ventelisten er stengt: Nasjonal videreutdanning i barnevernledelse, Kull V2027");
    expect(letter.klageDeadline).toBe("2026-12-28");
    const text = letterAsText(letter);
    expect(text).toContain("Ventelisten til Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027 ble stengt 12. januar 2027. Du sto som nummer 3 på ventelisten, og det ble ikke ledig noen plass til deg før den stengte.");
    expect(text).toContain("Du får derfor ikke studieplass, og søknaden din er avslått.");
    expect(text).toContain("ventelisten for kullet er stengt");
    expect(text).not.toContain("Svarfrist");
    expect(() => composeDecisionLetter({ ...waitlisted, kind: "WAITLIST_CLOSED" })).toThrow(RangeError);
  });

  it("a klage is about the newest letter of the decision's own kinds", () => {
    expect(APPEALABLE_LETTER_KINDS.WAITLIST).toEqual(["WAITLIST", "WAITLIST_MOVED"]);
    expect(APPEALABLE_LETTER_KINDS.REFUSAL).toEqual(["REFUSAL", "WAITLIST_CLOSED"]);
    expect(APPEALABLE_LETTER_KINDS.OFFER).toEqual([]);
    // Letters newest first: the newest appealable one with a klage deadline, none for an offer.
    const letter = (id: string, kind: "WAITLIST" | "WAITLIST_MOVED" | "WAITLIST_CLOSED" | "KLAGE_UPHELD" | "OFFER", klageDeadline: string | null = "2027-01-01") => ({ id, kind, klageDeadline });
    expect(appealableLetter({ outcome: "WAITLIST", letters: [letter("3", "KLAGE_UPHELD", null), letter("2", "WAITLIST_MOVED"), letter("1", "WAITLIST")] })?.id).toBe("2");
    expect(appealableLetter({ outcome: "WAITLIST", letters: [letter("2", "WAITLIST_MOVED", null), letter("1", "WAITLIST")] })?.id).toBe("1");
    expect(appealableLetter({ outcome: "REFUSAL", letters: [letter("2", "WAITLIST_CLOSED"), letter("1", "WAITLIST")] })?.id).toBe("2");
    expect(appealableLetter({ outcome: "OFFER", letters: [letter("2", "OFFER"), letter("1", "WAITLIST")] })).toBeNull();
  });

  it("tells an offer's klage to go to the adviser, and a refusal's or a waiting place's to the portal, which takes only those", () => {
    for (const kind of ["OFFER", "WAITLIST_OFFER"] as const) {
      const text = letterAsText(composeDecisionLetter({ ...base, kind }));
      expect(text).toContain("Vedtaket gir deg det du søkte om. Mener du likevel at det er feil, for eksempel at det gjelder feil kull, sender du klagen skriftlig til Ingrid Haugen, studieveileder@example.no.");
      expect(text).not.toContain("Du klager i søknadsportalen");
    }
    const refusal = composeDecisionLetter({ ...base, kind: "REFUSAL", refusalReason: "NOT_QUALIFIED", answerDeadline: undefined });
    const waitlist = composeDecisionLetter({ ...base, kind: "WAITLIST", answerDeadline: undefined, ranking: { ...base.ranking!, rank: 33, waitlistPosition: 3 } });
    expect([...APPEALABLE_LETTER_KINDS.REFUSAL, ...APPEALABLE_LETTER_KINDS.WAITLIST]).toEqual(expect.arrayContaining(["REFUSAL", "WAITLIST"]));
    for (const letter of [refusal, waitlist]) {
      expect(letterAsText(letter)).toContain("Du klager i søknadsportalen.");
      expect(letterAsText(letter)).not.toContain("Vedtaket gir deg det du søkte om");
    }
  });

  it("says a decision of the waiting list's own rules was made so, signed by the adviser who answers for it", () => {
    const automatic = letterAsText(composeDecisionLetter({ ...base, kind: "WAITLIST_OFFER", decidedBy: { name: "Ingrid Haugen", title: "Studieveileder", automatic: true } }));
    expect(automatic).toContain("Vedtaket er gjort automatisk etter reglene for ventelisten. Ingrid Haugen, studieveileder, er ansvarlig for det.");
    expect(automatic).toContain("Med hilsen\nIngrid Haugen\nStudieveileder");
    expect(letterAsText(composeDecisionLetter(base))).not.toContain("automatisk");
    // Whom to ask is said as the programme's adviser: the one who signs may be another.
    expect(letterAsText(composeDecisionLetter(base))).toContain("Spørsmål? Kontakt programmets studieveileder, Ingrid Haugen, studieveileder@example.no, telefon 73 00 00 01.");
  });

  it("an offer needs an answer deadline; an upheld klage gives no further appeal", () => {
    expect(() => composeDecisionLetter({ ...base, answerDeadline: undefined })).toThrow(RangeError);
    const upheld = composeDecisionLetter({ ...base, kind: "KLAGE_UPHELD", klage: { filedOn: "2026-12-10", grounds: "Kategorien er riktig." } });
    expect(upheld.klageDeadline).toBeNull();
    const text = letterAsText(upheld);
    expect(text).toContain("klagen din av 10. desember 2026");
    expect(text).toContain("Vi sender derfor klagen til NTNUs klagenemnd, som avgjør den endelig (forvaltningsloven § 33 fjerde ledd)");
    expect(upheld.title).toBe("Klagen er ikke tatt til følge");
    expect(text).toContain("Begrunnelse i klagesaken: Kategorien er riktig.");
    expect(text).not.toContain("Du kan klage på vedtaket");
  });
});

describe("every admission letter: reference, date, programme, legal basis", () => {
  const base: LetterInput = {
    kind: "REFUSAL",
    reference: "2027/00131",
    applicantName: "Áile Ŋuolláš Čoavji-Đoallu",
    programmeName: "Videreutdanning i institusjonsledelse",
    programmeCredits: 15,
    cohortName: "Kull V2027",
    madeAvailableOn: "2027-01-11",
    category: { value: 3, reasons: ["Du leder en barneverninstitusjon med fagansvar og personalansvar."] },
    requirements: [{ label: "Utdanning", met: false, facts: ["Vitnemålet er ikke godkjent."] }],
    qualificationGrounds: "Vitnemålet viser 120 studiepoeng, ikke 180.",
    refusalReason: "NOT_QUALIFIED",
    decidedBy: { name: "Vegard Veileder", title: "Studieveileder" },
    contact: { name: "Ingrid Haugen", email: "studieveileder@example.no", phone: "73 00 00 01" },
    appealsBody: "Den sentrale klagenemnda ved NTNU",
  };

  it("begins with the case's reference, the date and the programme applied to, and is signed for it", () => {
    const text = letterAsText(composeDecisionLetter(base));
    expect(text).toContain("Til Áile Ŋuolláš Čoavji-Đoallu\n\nSaksnummer: 2027/00131\nDato: 11. januar 2027\nStudium: Videreutdanning i institusjonsledelse, Kull V2027");
    expect(text).toContain("NTNU, Videreutdanning i institusjonsledelse\n11. januar 2027");
    expect(text).not.toContain("barnevernledelse");
  });

  it("states its legal basis: the laws and regulations, and forvaltningsloven's sections", () => {
    for (const kind of ["OFFER", "WAITLIST", "REFUSAL", "WAITLIST_CLOSED", "KLAGE_UPHELD"] as const) {
      const text = letterAsText(
        composeDecisionLetter({
          ...base,
          kind,
          answerDeadline: "2027-01-25",
          ranking: { rank: 40, waitlistPosition: 4, capacity: 30, qualifiedCount: 52, reasons: [] },
          waitlistClosesOn: "2027-01-12",
          klage: { filedOn: "2027-01-20", grounds: "Kravene er vurdert riktig." },
        }),
      );
      expect(text, kind).toContain(`Hjemmel\n\n${admissionLegalBasis("Videreutdanning i institusjonsledelse")}`);
      expect(text, kind).toContain("forskrift om opptak til studier ved NTNU");
      if (kind === "KLAGE_UPHELD") expect(text).toContain("forvaltningsloven §§ 28 til 34");
      else expect(text, kind).toContain("enkeltvedtak etter forvaltningsloven § 2 første ledd bokstav b. Det er begrunnet etter forvaltningsloven §§ 24 og 25");
    }
  });

  it("a preview, before the decision has its case, says the number comes when it is sent", () => {
    expect(letterAsText(composeDecisionLetter({ ...base, reference: CASE_REFERENCE_PENDING }))).toContain("Saksnummer: tildeles når vedtaket sendes");
  });
});

describe("the letter after a klage is taken (tatt til følge)", () => {
  const refused: LetterInput = {
    kind: "REFUSAL",
    reference: "2026/00007",
    applicantName: "Klara Klager",
    programmeName: "Nasjonal videreutdanning i barnevernledelse",
    programmeCredits: 30,
    cohortName: "Kull V2027",
    madeAvailableOn: "2026-12-21",
    category: { value: 2, reasons: ["Du har mer enn to års ledererfaring fra kommunalt barnevern."] },
    requirements: [
      { label: "Utdanning", met: false, facts: ["Vitnemålet er avvist: mangler sidene med emner."] },
      { label: "Ledererfaring", met: true, facts: ["Teamleder i Bodø kommune."] },
    ],
    qualificationGrounds: "Vitnemålet viser ikke 180 studiepoeng.",
    refusalReason: "NOT_QUALIFIED",
    decidedBy: { name: "Vegard Veileder", title: "Studieveileder" },
    contact: { name: "Ingrid Haugen", email: "studieveileder@example.no", phone: "73 00 00 01" },
    appealsBody: "Den sentrale klagenemnda ved NTNU",
  };
  const klage = {
    filedOn: "2027-01-04",
    grounds: "Det nye vitnemålet viser 180 studiepoeng.",
    appealed: { subject: "Avslag på søknad om opptak: Nasjonal videreutdanning i barnevernledelse, Kull V2027", madeAvailableOn: "2026-12-21" },
  };
  const after = { ...refused, afterKlage: true, madeAvailableOn: "2027-01-06", klage, refusalReason: undefined };

  it("an offer says the klage is taken and what the new decision is, and that it replaces the letter appealed", () => {
    const letter = composeDecisionLetter({ ...after, kind: "OFFER", answerDeadline: "2027-01-20" });
    const text = letterAsText(letter);
    expect(text).toContain("Klagen er tatt til følge: du får tilbud om studieplass på Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027.");
    expect(text).toContain(
      "Dette vedtaket erstatter vedtaket «Avslag på søknad om opptak: Nasjonal videreutdanning i barnevernledelse, Kull V2027» fra 21. desember 2026, som ikke lenger gjelder.",
    );
    expect(text).toContain("Begrunnelse i klagesaken: Det nye vitnemålet viser 180 studiepoeng.");
    expect(text).toContain("Vi har vurdert opptakskravene på nytt etter klagen din, og du oppfyller dem.");
    expect(text).toContain("Du må svare på tilbudet i søknadsportalen innen 20. januar 2027.");
  });

  it("an offer carrying out the klagenemnd's decision names it, gives its grounds, says it is final, and what a klage can still be about", () => {
    const appealsBody = { decidedOn: "2027-03-15", reference: "27/00412" };
    const text = letterAsText(composeDecisionLetter({ ...after, klage: { ...klage, grounds: "Utdanningen gir 180 studiepoeng.", appealsBody }, kind: "OFFER", answerDeadline: "2027-01-20" }));
    expect(text).toContain(
      "Den sentrale klagenemnda ved NTNU har tatt klagen din til følge i vedtak av 15. mars 2027, saksnummer 27/00412. Du får derfor tilbud om studieplass på Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027.",
    );
    expect(text).toContain("Etter klagenemndas vedtak oppfyller du opptakskravene.");
    expect(text).toContain("Klagenemndas begrunnelse: Utdanningen gir 180 studiepoeng.");
    // Final; the klage right that follows is about how we carried it out, and says so.
    expect(text).toContain("Klagenemndas vedtak er endelig (forvaltningsloven § 28 tredje ledd). Mener du at vi har gjennomført det feil, for eksempel med feil kull eller svarfrist, kan du klage på det");
    expect(text).not.toContain("kan ikke påklages");
    expect(text).toContain("Du kan klage");
    expect(text).not.toContain("Vi har vurdert opptakskravene på nytt");
    expect(text).not.toContain("Begrunnelse i klagesaken");
    const noReference = letterAsText(composeDecisionLetter({ ...after, klage: { ...klage, appealsBody: { ...appealsBody, reference: null } }, kind: "OFFER", answerDeadline: "2027-01-20" }));
    expect(noReference).toContain("i vedtak av 15. mars 2027. Du får derfor");
  });

  it("a waiting-list place says its number", () => {
    const text = letterAsText(composeDecisionLetter({ ...after, kind: "WAITLIST", ranking: { rank: null, waitlistPosition: 3, capacity: 30, qualifiedCount: 0, reasons: [] } }));
    expect(text).toContain(
      "Klagen er delvis tatt til følge: du er satt på venteliste til Nasjonal videreutdanning i barnevernledelse (30 studiepoeng), Kull V2027, som nummer 3. Du får ikke studieplass nå.",
    );
    // The part not taken: how to take it further, with the rights that follow.
    expect(text).toContain("Mener du fortsatt at du skulle hatt studieplass, kan du klage på dette vedtaket (se «Du kan klage» nedenfor).");
    expect(composeDecisionLetter({ ...after, kind: "WAITLIST", ranking: { rank: null, waitlistPosition: 3, capacity: 30, qualifiedCount: 0, reasons: [] } }).sections.map((section) => section.heading)).toContain("Du kan klage");
    expect(text).toContain("som ikke lenger gjelder.");
    expect(() => composeDecisionLetter({ ...after, kind: "WAITLIST" })).toThrow(RangeError);
  });

  it("never restates the refused grounds or the judgement the klage changed", () => {
    for (const kind of ["OFFER", "WAITLIST"] as const) {
      const text = letterAsText(
        composeDecisionLetter({ ...after, kind, answerDeadline: "2027-01-20", ranking: { rank: null, waitlistPosition: 2, capacity: 30, qualifiedCount: 0, reasons: [] } }),
      );
      expect(text, kind).not.toContain("Vitnemålet viser ikke 180 studiepoeng.");
      expect(text, kind).not.toContain("mangler sidene med emner");
      expect(text, kind).not.toContain("ikke oppfylt");
      expect(text, kind).not.toContain("Studieveilederens vurdering");
      expect(text, kind).not.toContain("søknaden kan derfor ikke rangeres");
    }
    // The refusal itself did state them.
    const refusal = letterAsText(composeDecisionLetter(refused));
    expect(refusal).toContain("Studieveilederens vurdering: Vitnemålet viser ikke 180 studiepoeng.");
    expect(refusal).toContain("Utdanning: ikke oppfylt.");
  });

  it("a first decision replaces nothing", () => {
    const text = letterAsText(composeDecisionLetter({ ...refused, kind: "OFFER", refusalReason: undefined, qualificationGrounds: null, answerDeadline: "2027-01-20" }));
    expect(text).toContain("Du får tilbud om studieplass på");
    expect(text).not.toContain("erstatter");
    expect(text).not.toContain("Klagen er tatt til følge");
  });
});

describe("replacedLetters", () => {
  const letter = (version: number, kind: LetterInput["kind"]) => ({ id: `l${version}`, version, kind });

  it("each letter that states a decision is replaced by the next one that does; a klage sent on replaces nothing", () => {
    const letters = [letter(1, "REFUSAL"), letter(2, "KLAGE_UPHELD"), letter(3, "OFFER")];
    const replaced = replacedLetters([...letters].reverse());
    expect([...replaced.entries()].map(([id, by]) => [id, by.id])).toEqual([["l1", "l3"]]);
    expect(replacedLetters([letter(1, "WAITLIST"), letter(2, "WAITLIST_MOVED"), letter(3, "WAITLIST_OFFER")]).get("l2")?.id).toBe("l3");
    expect(replacedLetters([letter(1, "REFUSAL"), letter(2, "KLAGE_UPHELD")]).size).toBe(0);
    expect(replacedLetters([]).size).toBe(0);
  });

  it("the newest deciding letter always stands, in any order of versions", () => {
    const kinds = ["OFFER", "WAITLIST", "REFUSAL", "WAITLIST_OFFER", "WAITLIST_MOVED", "WAITLIST_CLOSED", "KLAGE_UPHELD"] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...kinds), { maxLength: 8 }), (sequence) => {
        const letters = fc.sample(fc.shuffledSubarray(sequence.map((kind, index) => letter(index + 1, kind)), { minLength: sequence.length }), 1)[0]!;
        const replaced = replacedLetters(letters);
        const deciding = letters.filter((entry) => entry.kind !== "KLAGE_UPHELD");
        expect(replaced.size).toBe(Math.max(0, deciding.length - 1));
        const newest = deciding.sort((a, b) => b.version - a.version)[0];
        if (newest) expect(replaced.has(newest.id)).toBe(false);
        for (const [id, by] of replaced) expect(by.version).toBeGreaterThan(Number(id.slice(1)));
      }),
    );
  });
});
