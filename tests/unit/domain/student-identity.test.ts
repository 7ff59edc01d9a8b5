import { describe, expect, it } from "vitest";
import { ageOn, birthDateProblem, missingForFs, normaliseNumber, studentIdentityProblems, studentNumberProblem, fsPersonNumberProblem } from "@/lib/domain/student-identity";

describe("the student's identity for FS", () => {
  it("computes whole years, a 29 February birthday counting from 1 March", () => {
    expect(ageOn("1980-05-17", "2026-05-16")).toBe(45);
    expect(ageOn("1980-05-17", "2026-05-17")).toBe(46);
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
    expect(ageOn("2000-02-29", "2026-03-01")).toBe(26);
  });

  it("a studentnummer is six digits (spaces typed inside are dropped)", () => {
    expect(studentNumberProblem("123456")).toBeNull();
    expect(studentNumberProblem("123 456")).toBeNull();
    expect(normaliseNumber(" 12 34 56 ")).toBe("123456");
    for (const wrong of ["12345", "1234567", "12345a", ""]) expect(studentNumberProblem(wrong)).toBe("Studentnummeret er seks sifre, for eksempel 123456.");
  });

  it("an FS-personløpenummer is one to ten digits", () => {
    expect(fsPersonNumberProblem("7")).toBeNull();
    expect(fsPersonNumberProblem("1234567890")).toBeNull();
    expect(fsPersonNumberProblem("12345678901")).toMatch(/høyst ti/);
    expect(fsPersonNumberProblem("12-3")).toMatch(/bare sifre/);
  });

  it("a fødselsdato is a real day before today, the student between 18 and 80", () => {
    const today = "2026-12-03";
    expect(birthDateProblem("1980-05-17", today)).toBeNull();
    expect(birthDateProblem("1980-02-30", today)).toMatch(/dd\.mm\.åååå/);
    expect(birthDateProblem("2026-12-03", today)).toBe("Fødselsdatoen må være før i dag.");
    expect(birthDateProblem("2008-12-03", today)).toBeNull();
    expect(birthDateProblem("2008-12-04", today)).toBe("Studenten må være minst 18 år. Sjekk årstallet.");
    expect(birthDateProblem("1945-12-04", today)).toBeNull();
    expect(birthDateProblem("1945-12-03", today)).toBe("Fødselsdatoen gir en alder over 80 år. Sjekk årstallet.");
  });

  it("needs the date of birth; the studentnummer may wait and the FS number is optional", () => {
    const today = "2026-12-03";
    expect(studentIdentityProblems({ birthDate: "1980-05-17", studentNumber: null, fsPersonNumber: null }, today)).toEqual({});
    expect(studentIdentityProblems({ birthDate: null, studentNumber: "12", fsPersonNumber: "x" }, today)).toEqual({
      birthDate: "Skriv fødselsdatoen (dd.mm.åååå).",
      studentNumber: "Studentnummeret er seks sifre, for eksempel 123456.",
      fsPersonNumber: "FS-personløpenummeret er bare sifre (høyst ti).",
    });
  });

  it("says what FS still lacks", () => {
    expect(missingForFs(null)).toEqual(["fødselsdato", "studentnummer"]);
    expect(missingForFs({ birthDate: "1980-05-17", studentNumber: null })).toEqual(["studentnummer"]);
    expect(missingForFs({ birthDate: "1980-05-17", studentNumber: "123456" })).toEqual([]);
  });
});
