// Whom to contact, and who alone may do something in a kull: named, or said to be missing.
import { describe, expect, it } from "vitest";
import { describeContact, onlyAcademicLead, studentContacts, whomToContact } from "@/lib/domain/contacts";

const adviser = { name: "Ingrid Haugen", email: "ingrid@ntnu.no", phone: "73 00 00 01" };
const programmeLead = { name: "Per Programansvarlig", email: "per@ntnu.no", phone: null };
const cohortLead = { name: "Hanne Fagansvarlig", email: "hanne@ntnu.no", phone: " " };

describe("contacts", () => {
  it("the kull's own fagansvarlig comes before the programme's", () => {
    expect(studentContacts({ adviser, academicLead: programmeLead }, cohortLead).academicLead).toBe(cohortLead);
    expect(studentContacts({ adviser, academicLead: programmeLead }, null).academicLead).toBe(programmeLead);
  });
  it("names a contact with the phone only when there is one", () => {
    expect(describeContact(adviser)).toBe("Ingrid Haugen (ingrid@ntnu.no, tlf. 73 00 00 01)");
    expect(describeContact(cohortLead)).toBe("Hanne Fagansvarlig (hanne@ntnu.no)");
    expect(whomToContact({ adviser, academicLead: programmeLead })).toBe(
      "Ta kontakt med studieveileder Ingrid Haugen (ingrid@ntnu.no, tlf. 73 00 00 01) eller fagansvarlig Per Programansvarlig (per@ntnu.no).",
    );
  });
  it("says who alone may, by name; without one, that the kull has none and who marks one", () => {
    expect(onlyAcademicLead("Hanne Fagansvarlig", "rette en vurdering")).toBe("Bare fagansvarlig for kullet, Hanne Fagansvarlig, kan rette en vurdering.");
    expect(onlyAcademicLead(null, "rette en vurdering")).toBe(
      "Bare fagansvarlig for kullet kan rette en vurdering, og kullet har ingen ennå: en studieveileder gjør en i undervisningsteamet til fagansvarlig under «Team og basisgrupper».",
    );
  });
});
