import { describe, expect, it } from "vitest";
import {
  isReadyToSubmit,
  missingApplicationItems,
  positionContradictions,
  previewPriorityCategory,
  REQUIRED_CREDITS,
  type ApplicationDraft,
  type PositionDraft,
} from "@/lib/domain/application-requirements";

function position(overrides: Partial<PositionDraft> = {}): PositionDraft {
  return {
    title: "Avdelingsleder",
    employer: "Trondheim kommune",
    employerType: "MUNICIPAL_CWS",
    countyCode: "50",
    municipalityCode: "5001",
    percent: 100,
    areaOfResponsibility: "Mottak og undersøkelse",
    startDate: "2020-01-01",
    endDate: null,
    superiorTitle: "Barnevernleder",
    personnelCount: 8,
    professionalResponsibility: true,
    personnelResponsibility: true,
    leaderRole: "LEADER",
    hasTjenestebevis: true,
    ...overrides,
  };
}

function complete(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
    fullName: "Kari Testesen",
    birthDate: "1980-05-17",
    phone: "99999999",
    address: "Testveien 1",
    postalCode: "7010",
    postalPlace: "Trondheim",
    employerCountyCode: "50",
    employerMunicipalityCode: "5001",
    educations: [{ institution: "NTNU", degree: "Bachelor i barnevern", credits: 180, completedYear: 2005 }],
    positions: [position()],
    hasVitnemal: true,
    ...overrides,
  };
}

describe("missingApplicationItems", () => {
  it("wants the position's leader role, where «none» is an answer", () => {
    expect(missingApplicationItems(complete({ positions: [position({ leaderRole: null })] }))).toEqual([
      {
        field: "positions.0.leaderRole",
        message: "Velg hvilken lederrolle du har i stillingen «Avdelingsleder, Trondheim kommune» («Ingen lederrolle» hvis ingen).",
      },
    ]);
    expect(
      missingApplicationItems(
        complete({ positions: [position({ leaderRole: "NONE", personnelCount: 0, personnelResponsibility: false, professionalResponsibility: false })] }),
      ),
    ).toEqual([]);
  });

  it("is empty for a complete application", () => {
    expect(REQUIRED_CREDITS).toBe(180);
    expect(missingApplicationItems(complete())).toEqual([]);
    expect(isReadyToSubmit(complete())).toBe(true);
  });

  it("lists everything for an empty draft, in the order of the form", () => {
    const draft: ApplicationDraft = { educations: [], positions: [], hasVitnemal: false };
    expect(missingApplicationItems(draft)).toEqual([
      { field: "fullName", message: "Fyll inn fullt navn." },
      { field: "birthDate", message: "Fyll inn fødselsdato." },
      { field: "phone", message: "Fyll inn telefonnummer." },
      { field: "address", message: "Fyll inn adresse." },
      { field: "postalCode", message: "Fyll inn postnummer." },
      { field: "postalPlace", message: "Fyll inn poststed." },
      { field: "employerCountyCode", message: "Velg fylket arbeidsgiveren din ligger i." },
      { field: "employerMunicipalityCode", message: "Velg kommunen arbeidsgiveren din ligger i." },
      { field: "educations", message: "Legg til utdanningen din. Du må ha minst 180 studiepoeng samlet." },
      { field: "vitnemal", message: "Last opp vitnemål." },
      { field: "positions", message: "Legg til stillingen din som leder i barnevernet, med tjenestebevis." },
    ]);
    expect(isReadyToSubmit(draft)).toBe(false);
  });

  it("treats whitespace-only text as missing", () => {
    expect(missingApplicationItems(complete({ fullName: "   ", postalPlace: "" }))).toEqual([
      { field: "fullName", message: "Fyll inn fullt navn." },
      { field: "postalPlace", message: "Fyll inn poststed." },
    ]);
  });

  it("checks the birth date and postal code format", () => {
    expect(missingApplicationItems(complete({ birthDate: "1980-02-30", postalCode: "701" }))).toEqual([
      { field: "birthDate", message: "Fødselsdatoen er ikke en gyldig dato." },
      { field: "postalCode", message: "Postnummeret må ha fire sifre." },
    ]);
  });

  it("checks the employer's county and municipality", () => {
    expect(missingApplicationItems(complete({ employerCountyCode: "99" }))).toEqual([
      { field: "employerCountyCode", message: "Velg et gyldig fylke for arbeidsgiveren din." },
    ]);
    expect(missingApplicationItems(complete({ employerMunicipalityCode: "4601" }))).toEqual([
      {
        field: "employerMunicipalityCode",
        message: "Kommunen du har valgt for arbeidsgiveren din, ligger ikke i fylket du har valgt.",
      },
    ]);
    expect(missingApplicationItems(complete({ employerMunicipalityCode: "Trondheim" }))).toEqual([
      { field: "employerMunicipalityCode", message: "Velg en gyldig kommune for arbeidsgiveren din." },
    ]);
  });

  it("needs 180 credits in all", () => {
    expect(
      missingApplicationItems(
        complete({ educations: [{ institution: "NTNU", degree: "Årsstudium", credits: 120, completedYear: 2005 }] }),
      ),
    ).toEqual([{ field: "educations", message: "Samlet utdanning må være minst 180 studiepoeng (du har oppgitt 120)." }]);
    expect(
      missingApplicationItems(
        complete({
          educations: [
            { institution: "NTNU", degree: "Årsstudium", credits: 60, completedYear: 2003 },
            { institution: "Nord", degree: "Bachelor (del)", credits: 120, completedYear: 2006 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      missingApplicationItems(
        complete({ educations: [{ institution: "NTNU", degree: "Bachelor", credits: 179, completedYear: 2005 }] }),
      ),
    ).toEqual([{ field: "educations", message: "Samlet utdanning må være minst 180 studiepoeng (du har oppgitt 179)." }]);
  });

  it("reports each education's missing fields by index, and ignores invalid credits in the total", () => {
    expect(
      missingApplicationItems(
        complete({
          educations: [
            { institution: "NTNU", degree: "Bachelor", credits: 180, completedYear: 2005 },
            { institution: "", degree: null, credits: null, completedYear: null },
            { institution: "UiO", degree: "Master", credits: -10, completedYear: 1850 },
          ],
        }),
      ),
    ).toEqual([
      { field: "educations.1.institution", message: "Fyll inn lærested for utdanning nr. 2." },
      { field: "educations.1.degree", message: "Fyll inn grad eller studium for utdanning nr. 2." },
      { field: "educations.1.credits", message: "Fyll inn studiepoeng for utdanning nr. 2." },
      { field: "educations.1.completedYear", message: "Fyll inn året du fullførte utdanning nr. 2." },
      { field: "educations.2.credits", message: "Studiepoeng for utdanning nr. 3 må være et helt tall fra 0 til 1000." },
      { field: "educations.2.completedYear", message: "Året du fullførte utdanning nr. 3, er ikke et gyldig årstall." },
    ]);
  });

  it("needs a vitnemål", () => {
    expect(missingApplicationItems(complete({ hasVitnemal: false }))).toEqual([
      { field: "vitnemal", message: "Last opp vitnemål." },
    ]);
  });

  it("needs a tjenestebevis for each position, named by title and employer", () => {
    expect(
      missingApplicationItems(
        complete({
          positions: [
            position({ hasTjenestebevis: false }),
            position({ title: "Teamleder", employer: "Bergen kommune", countyCode: "46", municipalityCode: "4601" }),
            position({ title: "Fagleder", employer: "Bodø kommune", countyCode: "18", municipalityCode: "1804", hasTjenestebevis: false }),
          ],
        }),
      ),
    ).toEqual([
      { field: "positions.0.tjenestebevis", message: "Legg ved tjenestebevis for stillingen «Avdelingsleder, Trondheim kommune»." },
      { field: "positions.2.tjenestebevis", message: "Legg ved tjenestebevis for stillingen «Fagleder, Bodø kommune»." },
    ]);
  });

  it("reports every missing field of a position, naming it by number when title or employer is missing", () => {
    const empty: PositionDraft = { hasTjenestebevis: false };
    expect(missingApplicationItems(complete({ positions: [position(), empty] }))).toEqual([
      { field: "positions.1.title", message: "Fyll inn stillingstittel for stilling nr. 2." },
      { field: "positions.1.employer", message: "Fyll inn arbeidsgiver for stilling nr. 2." },
      { field: "positions.1.employerType", message: "Velg type arbeidsgiver for stilling nr. 2." },
      { field: "positions.1.countyCode", message: "Velg fylket stilling nr. 2 ligger i." },
      { field: "positions.1.municipalityCode", message: "Velg kommunen stilling nr. 2 ligger i." },
      { field: "positions.1.percent", message: "Fyll inn stillingsprosent for stilling nr. 2." },
      { field: "positions.1.areaOfResponsibility", message: "Fyll inn ansvarsområde for stilling nr. 2." },
      { field: "positions.1.startDate", message: "Fyll inn startdato for stilling nr. 2." },
      { field: "positions.1.superiorTitle", message: "Fyll inn tittelen til nærmeste leder for stilling nr. 2." },
      { field: "positions.1.personnelCount", message: "Fyll inn hvor mange du har personalansvar for i stilling nr. 2 (0 hvis ingen)." },
      { field: "positions.1.leaderRole", message: "Velg hvilken lederrolle du har i stilling nr. 2 («Ingen lederrolle» hvis ingen)." },
      { field: "positions.1.tjenestebevis", message: "Legg ved tjenestebevis for stilling nr. 2." },
    ]);
  });

  it("checks a position's values", () => {
    const ref = "stillingen «Avdelingsleder, Trondheim kommune»";
    expect(
      missingApplicationItems(
        complete({
          positions: [position({ percent: 0, personnelCount: -1, startDate: "2020-02-30", endDate: "2019-13-01", municipalityCode: "0301" })],
        }),
      ),
    ).toEqual([
      { field: "positions.0.municipalityCode", message: `Kommunen du har valgt for ${ref}, ligger ikke i fylket du har valgt.` },
      { field: "positions.0.percent", message: `Stillingsprosenten for ${ref} må være et helt tall fra 1 til 100.` },
      { field: "positions.0.startDate", message: `Startdatoen for ${ref} er ikke en gyldig dato.` },
      { field: "positions.0.endDate", message: `Sluttdatoen for ${ref} er ikke en gyldig dato.` },
      { field: "positions.0.personnelCount", message: `Antall du har personalansvar for i ${ref}, må være et helt tall (0 eller mer).` },
    ]);
    expect(missingApplicationItems(complete({ positions: [position({ startDate: "2022-01-01", endDate: "2021-12-31" })] }))).toEqual([
      { field: "positions.0.endDate", message: `Sluttdatoen for ${ref} kan ikke være før startdatoen.` },
    ]);
    expect(missingApplicationItems(complete({ positions: [position({ percent: 100.5 })] }))).toEqual([
      { field: "positions.0.percent", message: `Stillingsprosenten for ${ref} må være et helt tall fra 1 til 100.` },
    ]);
  });

  it("accepts an ended position, a position ending the day it starts, and 0 people", () => {
    expect(
      missingApplicationItems(
        complete({ positions: [position({ endDate: "2023-06-30", personnelCount: 0, personnelResponsibility: false }), position({ startDate: "2024-01-01", endDate: "2024-01-01" })] }),
      ),
    ).toEqual([]);
  });
});

describe("pending corrections", () => {
  it("block submission and come first, even when the stored values are complete", () => {
    const correction = { field: "phone", message: "Telefon: Skriv telefonnummeret med sifre, for eksempel 912 34 567." };
    expect(missingApplicationItems(complete({ pendingCorrections: [correction] }))).toEqual([correction]);
    expect(isReadyToSubmit(complete({ pendingCorrections: [correction] }))).toBe(false);
    expect(isReadyToSubmit(complete({ pendingCorrections: [] }))).toBe(true);
  });
});

describe("completion year", () => {
  it("is a year the database can hold: 1950 to 2100", () => {
    const withYear = (completedYear: number) =>
      missingApplicationItems(
        complete({ birthDate: null, educations: [{ institution: "NTNU", degree: "Bachelor", credits: 180, completedYear }] }),
      ).filter((item) => item.field.startsWith("educations"));
    expect(withYear(1950)).toEqual([]);
    expect(withYear(2100)).toEqual([]);
    expect(withYear(1949)).toEqual([
      { field: "educations.0.completedYear", message: "Året du fullførte utdanning nr. 1, er ikke et gyldig årstall." },
    ]);
    expect(withYear(2101)).toHaveLength(1);
  });

  it("is no later than the application deadline's year: an education completed after it has no vitnemål by then", () => {
    const withYear = (completedYear: number, deadline: string | null = "2027-03-01") =>
      missingApplicationItems(complete({ deadline, educations: [{ institution: "NTNU", degree: "Bachelor", credits: 180, completedYear }] }));
    expect(withYear(2027)).toEqual([]);
    expect(withYear(2028)).toEqual([
      {
        field: "educations.0.completedYear",
        message: "Du har oppgitt at du fullførte utdanning nr. 1 i 2028, etter søknadsfristen 1. mars 2027. Utdanningen må være fullført innen fristen.",
      },
    ]);
    // Without a deadline (a draft read on its own) only the database's bounds apply.
    expect(withYear(2090, null)).toEqual([]);
  });

  it("is not before the applicant was 17, when her birth date is given (1962 typed for 1992)", () => {
    const withYear = (completedYear: number, birthDate: string | null = "1980-05-17") =>
      missingApplicationItems(complete({ birthDate, educations: [{ institution: "NTNU", degree: "Bachelor", credits: 180, completedYear }] })).filter((item) =>
        item.field.startsWith("educations"),
      );
    expect(withYear(1997)).toEqual([]);
    expect(withYear(1996)).toEqual([
      { field: "educations.0.completedYear", message: "Du har oppgitt at du fullførte utdanning nr. 1 i 1996, før du var 17 år. Sjekk årstallet." },
    ]);
    expect(withYear(1962, null)).toEqual([]);
  });
});

describe("answers that contradict each other", () => {
  it("a personnel count needs the personnel-responsibility box, and the box needs a count", () => {
    expect(positionContradictions({ personnelCount: 6, personnelResponsibility: false, leaderRole: "LEADER" })).toEqual({
      personnelCount:
        "Du har skrevet at du har personalansvar for 6 personer, men ikke krysset av for «Jeg har personalansvar». " +
        "Kryss av for personalansvar, eller skriv 0 hvis du ikke har det.",
    });
    expect(positionContradictions({ personnelCount: 1, personnelResponsibility: false }).personnelCount).toMatch(/for én person,/);
    expect(positionContradictions({ personnelCount: 0, personnelResponsibility: true, leaderRole: "LEADER" })).toEqual({
      personnelCount:
        "Du har krysset av for «Jeg har personalansvar», men skrevet at du har personalansvar for 0 personer. " +
        "Skriv hvor mange du har personalansvar for, eller fjern krysset.",
    });
  });

  it("personnel responsibility is a leadership task: not with «Ingen lederrolle»", () => {
    expect(positionContradictions({ personnelCount: 3, personnelResponsibility: true, leaderRole: "NONE" })).toEqual({
      leaderRole:
        "Du har valgt «Ingen lederrolle», men krysset av for personalansvar. Velg lederrollen du har i stillingen, " +
        "eller fjern krysset for personalansvar.",
    });
    expect(positionContradictions({ personnelCount: 0, personnelResponsibility: false, leaderRole: "NONE" })).toEqual({});
  });

  it("consistent and unanswered answers contradict nothing", () => {
    expect(positionContradictions({ personnelCount: 6, personnelResponsibility: true, leaderRole: "LEADER" })).toEqual({});
    expect(positionContradictions({ personnelCount: 0, personnelResponsibility: false, leaderRole: "TEAM_LEAD" })).toEqual({});
    expect(positionContradictions({ personnelCount: null, personnelResponsibility: true, leaderRole: null })).toEqual({});
    expect(positionContradictions({ personnelCount: 6 })).toEqual({});
  });

  it("block submission, with the message at the field", () => {
    const items = missingApplicationItems(complete({ positions: [position({ personnelCount: 6, personnelResponsibility: false })] }));
    expect(items).toEqual([
      {
        field: "positions.0.personnelCount",
        message: expect.stringMatching(/^Stillingen «Avdelingsleder, Trondheim kommune»: Du har skrevet at du har personalansvar for 6 personer/),
      },
    ]);
  });
});

describe("the end of a position", () => {
  it("must be answered: an end date, or still employed", () => {
    expect(missingApplicationItems(complete({ positions: [position({ endUnknown: true, endDate: null })] }))).toEqual([
      {
        field: "positions.0.endDate",
        message: "Fyll inn sluttdato for stillingen «Avdelingsleder, Trondheim kommune», eller kryss av for at du fortsatt er ansatt i stillingen.",
      },
    ]);
    expect(missingApplicationItems(complete({ positions: [position({ endUnknown: false, endDate: null })] }))).toEqual([]);
    expect(missingApplicationItems(complete({ positions: [position({ endDate: "2024-01-31" })] }))).toEqual([]);
  });

  it("cannot be before the start", () => {
    expect(missingApplicationItems(complete({ positions: [position({ startDate: "2020-01-01", endDate: "2019-12-31" })] }))).toEqual([
      { field: "positions.0.endDate", message: "Sluttdatoen for stillingen «Avdelingsleder, Trondheim kommune» kan ikke være før startdatoen." },
    ]);
  });
});

describe("a field waiting for correction", () => {
  it("is listed once, with the message for what was typed, not again for what is stored", () => {
    const correction = { field: "positions.0.personnelCount", message: "Stilling 1, antall: Antallet må være et helt tall." };
    const items = missingApplicationItems(
      complete({ positions: [position({ personnelCount: 6, personnelResponsibility: false })], pendingCorrections: [correction] }),
    );
    expect(items).toEqual([correction]);
  });
});

describe("previewPriorityCategory", () => {
  const asOf = "2025-12-01";

  it("gives the category and its reasons once the positions are complete", () => {
    const preview = previewPriorityCategory(complete(), asOf);
    expect(preview.ready).toBe(true);
    if (!preview.ready) return;
    expect(preview.explanation.category).toBe(1);
    expect(preview.explanation.reasons[0]).toBe(
      "Du har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar.",
    );
  });

  it("tells the applicant what the category is missing, per position", () => {
    expect(previewPriorityCategory({ positions: [] }, asOf)).toEqual({
      ready: false,
      missing: ["Legg inn stillingene dine, med lederrolle, type arbeidsgiver og periode."],
    });
    const preview = previewPriorityCategory(
      {
        positions: [
          position(),
          position({ title: null, employerType: null, leaderRole: null, startDate: null, endUnknown: true, hasTjenestebevis: false }),
        ],
      },
      asOf,
    );
    expect(preview).toEqual({
      ready: false,
      missing: ["Stilling 2: type arbeidsgiver, lederrolle, startdato og sluttdato eller «fortsatt ansatt»."],
    });
  });

  it("waits for contradictions and corrections in the fields it depends on", () => {
    const contradictory = previewPriorityCategory({ positions: [position({ personnelCount: 6, personnelResponsibility: false })] }, asOf);
    expect(contradictory).toEqual({ ready: false, missing: ["Stilling 1 («Avdelingsleder»): antall du har personalansvar for."] });
    const pending = previewPriorityCategory(
      { positions: [position()], pendingCorrections: [{ field: "positions.0.startDate", message: "…" }] },
      asOf,
    );
    expect(pending).toEqual({ ready: false, missing: ["Stilling 1 («Avdelingsleder»): startdato."] });
    // A correction elsewhere (the phone) does not hold the category back.
    expect(previewPriorityCategory({ positions: [position()], pendingCorrections: [{ field: "phone", message: "…" }] }, asOf).ready).toBe(true);
  });

  it("is the category submission computes: a municipal leader without personnel responsibility is not category 1", () => {
    const preview = previewPriorityCategory(
      { positions: [position({ personnelCount: 0, personnelResponsibility: false, startDate: "2024-06-01" })] },
      asOf,
    );
    expect(preview.ready && preview.explanation.category).toBe(4);
    expect(preview.ready && preview.explanation.reasons).toContain("Din nåværende lederstilling i kommunalt barnevern mangler personalansvar.");
  });
});
