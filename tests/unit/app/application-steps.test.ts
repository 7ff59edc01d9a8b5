import { describe, expect, it } from "vitest";
import { fieldMessagesAfterContinue, gapsOnStep, linkForField, stepOfField } from "@/lib/application-steps";

const application = { id: "app1", educations: [{ id: "e1" }], positions: [{ id: "p1" }, { id: "p2" }] };

describe("where a missing item is fixed", () => {
  it("puts every field on its step", () => {
    expect(stepOfField("birthDate")).toBe("personalia");
    expect(stepOfField("employerMunicipalityCode")).toBe("arbeidsgiver");
    expect(stepOfField("educations.0.credits")).toBe("utdanning");
    expect(stepOfField("educations")).toBe("utdanning");
    expect(stepOfField("vitnemal")).toBe("dokumenter");
    expect(stepOfField("positions.1.tjenestebevis")).toBe("dokumenter");
    expect(stepOfField("positions.1.percent")).toBe("stillinger");
    expect(stepOfField("positions")).toBe("stillinger");
  });

  it("links to the input itself", () => {
    expect(linkForField("phone", application)).toBe("/soker/soknad/app1/personalia#phone");
    expect(linkForField("educations.0.credits", application)).toBe("/soker/soknad/app1/utdanning#education-e1-credits");
    expect(linkForField("positions.1.percent", application)).toBe("/soker/soknad/app1/stillinger/p2#percent");
    expect(linkForField("positions.0.tjenestebevis", application)).toBe("/soker/soknad/app1/dokumenter#tjenestebevis-p1");
    expect(linkForField("vitnemal", application)).toBe("/soker/soknad/app1/dokumenter#vitnemal");
    expect(linkForField("positions", application)).toBe("/soker/soknad/app1/stillinger#stillinger");
    expect(linkForField("employerCountyCode", application)).toBe("/soker/soknad/app1/arbeidsgiver#employerCountyCode");
  });
});

describe("what one step lacks", () => {
  const missing = [
    { field: "phone", message: "Fyll inn telefonnummer." },
    { field: "employerCountyCode", message: "Velg fylket arbeidsgiveren din ligger i." },
    { field: "positions.0.title", message: "Fyll inn stillingstittel for stilling nr. 1." },
    { field: "positions.0.tjenestebevis", message: "Legg ved tjenestebevis." },
    { field: "positions.1.percent", message: "Fyll inn stillingsprosent for stilling nr. 2." },
    { field: "positions", message: "Legg til stillingen din." },
  ];

  it("lists the step's own fields, by the names its form gives them", () => {
    expect(gapsOnStep(missing, "personalia")).toEqual([{ field: "phone", message: "Fyll inn telefonnummer." }]);
    expect(gapsOnStep(missing, "arbeidsgiver")).toEqual([{ field: "employerCountyCode", message: "Velg fylket arbeidsgiveren din ligger i." }]);
  });

  it("for a position, only that position's fields; its tjenestebevis belongs to the documents step", () => {
    expect(gapsOnStep(missing, "stillinger", 0)).toEqual([{ field: "title", message: "Fyll inn stillingstittel for stilling nr. 1." }]);
    expect(gapsOnStep(missing, "stillinger", 1)).toEqual([{ field: "percent", message: "Fyll inn stillingsprosent for stilling nr. 2." }]);
    expect(gapsOnStep(missing, "stillinger", 2)).toEqual([]);
  });
});

describe("fieldMessagesAfterContinue", () => {
  it("adds what is missing to each field that has nothing wrong, and keeps what is wrong as it is", () => {
    const errors = { phone: ["Telefonnummeret kan bare ha sifre."] };
    const gaps = [
      { field: "phone", message: "Fyll inn telefon." },
      { field: "postalPlace", message: "Fyll inn poststed." },
    ];
    expect(fieldMessagesAfterContinue(errors, gaps)).toEqual({ phone: ["Telefonnummeret kan bare ha sifre."], postalPlace: ["Fyll inn poststed."] });
    // The errors given are not changed.
    expect(errors).toEqual({ phone: ["Telefonnummeret kan bare ha sifre."] });
    expect(fieldMessagesAfterContinue({}, [])).toEqual({});
    expect(fieldMessagesAfterContinue({ a: [] }, [{ field: "a", message: "Mangler." }])).toEqual({ a: ["Mangler."] });
  });
});
