import { describe, expect, it } from "vitest";
import { linkForField, stepOfField } from "@/lib/application-steps";

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
