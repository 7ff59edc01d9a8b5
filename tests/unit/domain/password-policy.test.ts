import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "@/lib/data/common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/domain/password-policy";
import { PASSWORD_HINT, PASSWORD_RULES_EXPLAINED } from "@/lib/password-guidance";

describe("passwords after NIST SP 800-63B", () => {
  it("needs at least 10 characters, counted as characters (code points), not bytes", () => {
    expect(passwordProblem("kort-ord9")).toBe("Passordet må ha minst 10 tegn.");
    expect(passwordProblem("blåbærsyl")).toBe("Passordet må ha minst 10 tegn.");
    expect(passwordProblem("blåbærsylt")).toBeNull();
    expect(passwordProblem("🐻🐻🐻🐻🐻🐻🐻🐻🐻")).toBe("Passordet må ha minst 10 tegn.");
    expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH + 1).replace(/x/g, (_, i: number) => String.fromCharCode(97 + (i % 26))))).toBe(
      `Passordet kan ha høyst ${MAX_PASSWORD_LENGTH} tegn.`,
    );
  });

  it("has no composition rules: lower-case words and spaces are fine", () => {
    expect(passwordProblem("korrekt hest batteri stift")).toBeNull();
    expect(passwordProblem("elgen går over isen om natta")).toBeNull();
  });

  it("refuses the common passwords in the shipped list, whatever their case", () => {
    for (const common of ["passord123", "Passord123", "PASSORD123", "sommer2024", "Sommer2024!", "password123", "qwertyuiop", "1234567890", "barnevern2026"]) {
      expect(passwordProblem(common), common).toMatch(/blant de mest brukte/);
    }
  });

  it("ships a real list: thousands of entries, lower case, all at least 10 characters, no duplicates", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(3000);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const entry of COMMON_PASSWORDS) {
      expect(entry).toBe(entry.normalize("NFKC").toLowerCase());
      expect([...entry].length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    }
  });

  it("refuses the person's own e-mail address, its name part and the service's name", () => {
    const context = { email: "kari.nordmann@bodo.kommune.no" };
    expect(passwordProblem("kari.nordmann@bodo.kommune.no", context)).toMatch(/e-postadressen din/);
    expect(passwordProblem("Kari.Nordmann", context)).toMatch(/e-postadressen din/);
    expect(passwordProblem("karinordmann2024", context)).toMatch(/e-postadressen din/);
    expect(passwordProblem("Barnevernledelse!", {})).toMatch(/navnet på tjenesten/);
    expect(passwordProblem("kari nordmann liker fjellturer", context)).toBeNull();
  });

  it("refuses one character repeated", () => {
    expect(passwordProblem("zzzzzzzzzzzz")).toMatch(/ett tegn gjentatt/);
  });

  it("explains the rule in Norwegian next to the field, with the same minimum", () => {
    expect(PASSWORD_HINT).toContain(`Minst ${MIN_PASSWORD_LENGTH} tegn`);
    expect(PASSWORD_RULES_EXPLAINED.join(" ")).toMatch(/NIST \(SP 800-63B\)/);
    expect(PASSWORD_RULES_EXPLAINED.join(" ")).toContain(`minst ${MIN_PASSWORD_LENGTH} tegn`);
  });
});
