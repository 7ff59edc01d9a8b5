import { describe, expect, it } from "vitest";
import { phoneNumberProblem } from "@/lib/domain/phone";

describe("phoneNumberProblem", () => {
  it("accepts Norwegian and foreign numbers however the digits are grouped", () => {
    for (const number of ["912 34 567", "91234567", "73 59 50 00", "912-34-567", "+47 912 34 567", "0047 91234567", "+46 70 123 45 67"]) {
      expect(phoneNumberProblem(number), number).toBeNull();
    }
  });

  it("says the number is too short when it is digits, not that it should be digits", () => {
    expect(phoneNumberProblem("12 34")).toBe("Telefonnummeret har 4 sifre. Et norsk nummer har 8 sifre, for eksempel 912 34 567.");
    expect(phoneNumberProblem("+47 12")).toBe(
      "Telefonnummeret har for få sifre (4) etter +. Skriv landskoden og hele nummeret, for eksempel +47 912 34 567.",
    );
  });

  it("says a Norwegian number is too long, and how to write a foreign one", () => {
    expect(phoneNumberProblem("912 34 567 8")).toMatch(/^Telefonnummeret har 9 sifre\. Et norsk nummer har 8; et utenlandsk nummer starter med \+/);
    expect(phoneNumberProblem("+47 1234 5678 9012 3456")).toMatch(/^Telefonnummeret har for mange sifre \(18\)/);
  });

  it("names the characters that do not belong in a phone number", () => {
    expect(phoneNumberProblem("ring meg")).toBe(
      "Telefonnummeret kan bare ha sifre, mellomrom og + foran landskoden. Fjern «r», «i», «n», «g», «m», «e».",
    );
    expect(phoneNumberProblem("912 34 567 (jobb)")).toMatch(/Fjern «\(», «j», «o», «b», «\)»\.$/);
    expect(phoneNumberProblem("47+91234567")).toMatch(/Fjern «\+»\.$/);
  });
});
