import { describe, expect, it } from "vitest";
import { FS_COLUMNS, fsCourseCodeProblem, fsCourseVersionProblem, fsDate, fsResultRows, fsTerm } from "@/lib/domain/exam-results";

const BVL = { code: "BVL6001", version: "1", credits: 30 };
const ORDINARY = { kind: "ORDINARY" as const, startsOn: "2026-12-14" };

describe("FS export", () => {
  it("names the term by the exam's date", () => {
    expect(fsTerm("2024-11-19")).toBe("HØST 2024");
    expect(fsTerm("2025-06-30")).toBe("VÅR 2025");
    expect(fsTerm("2025-07-01")).toBe("HØST 2025");
  });

  it("writes dates the Norwegian way, and nothing for a missing date", () => {
    expect(fsDate("1980-05-17")).toBe("17.05.1980");
    expect(fsDate(null)).toBe("");
  });

  it("gives one row per student in the column order, with the programme's course and credits, empty grade cells while ungraded", () => {
    expect(FS_COLUMNS).toEqual([
      "Navn",
      "Fødselsdato",
      "Studentnummer",
      "FS-personløpenummer",
      "E-post",
      "Emnekode",
      "Versjonskode",
      "Termin",
      "Studiepoeng",
      "Karakter",
      "Karakterdato",
      "Eksamen",
      "Resultat på denne eksamen",
    ]);
    expect(
      fsResultRows(BVL, ORDINARY, [
        { name: "Eva Eksamen", birthDate: "1985-03-02", studentNumber: "512345", fsPersonNumber: "7788", email: "eva@demo.no", grade: "B", gradedOn: "2027-01-10", gradeSittingStartsOn: "2026-12-14", result: "B" },
        { name: "Ola Uten", birthDate: null, studentNumber: null, email: "ola@demo.no", grade: null, gradedOn: null, gradeSittingStartsOn: null, result: null },
        { name: "Nils Ikkemøtt", birthDate: null, email: "nils@demo.no", grade: null, gradedOn: null, gradeSittingStartsOn: null, result: "NOT_ATTENDED" },
      ]),
    ).toEqual([
      ["Eva Eksamen", "02.03.1985", "512345", "7788", "eva@demo.no", "BVL6001", "1", "HØST 2026", "30", "B", "10.01.2027", "Ordinær eksamen", "B"],
      ["Ola Uten", "", "", "", "ola@demo.no", "BVL6001", "1", "HØST 2026", "30", "", "", "Ordinær eksamen", ""],
      ["Nils Ikkemøtt", "", "", "", "nils@demo.no", "BVL6001", "1", "HØST 2026", "30", "", "", "Ordinær eksamen", "Ikke møtt"],
    ]);
    // Another programme is another course: its own code and credits, nothing shared.
    const [row] = fsResultRows({ code: "BIL6001", version: "2", credits: 15 }, { kind: "ORDINARY", startsOn: "2027-05-10" }, [
      { name: "Ina Institusjon", birthDate: null, email: "ina@demo.no", grade: "A", gradedOn: "2027-06-01", gradeSittingStartsOn: "2027-05-10", result: "A" },
    ]);
    expect(row!.slice(5, 9)).toEqual(["BIL6001", "2", "VÅR 2027", "15"]);
  });

  it("carries the grade that counts, with the term and date of the sitting it is from, beside this sitting's own result", () => {
    const resit = { kind: "RESIT" as const, startsOn: "2027-03-08" };
    const rows = fsResultRows(BVL, resit, [
      // F at the ordinary exam, C at the resit: C counts, from the resit.
      { name: "Stine", birthDate: null, email: "s@demo.no", grade: "C", gradedOn: "2027-03-30", gradeSittingStartsOn: "2027-03-08", result: "C" },
      // B at the ordinary exam, D when improving: B still counts, with the autumn term and its date.
      { name: "Bjørn", birthDate: null, email: "b@demo.no", grade: "B", gradedOn: "2027-01-10", gradeSittingStartsOn: "2026-12-14", result: "D" },
    ]);
    expect(rows.map((row) => row.slice(7))).toEqual([
      ["VÅR 2027", "30", "C", "30.03.2027", "Ny eksamen", "C"],
      ["HØST 2026", "30", "B", "10.01.2027", "Ny eksamen", "D"],
    ]);
  });

  it("refuses a grade outside A–F", () => {
    expect(() =>
      fsResultRows(BVL, ORDINARY, [{ name: "X", birthDate: null, email: "x@demo.no", grade: "G" as never, gradedOn: "2027-01-01", gradeSittingStartsOn: null, result: null }]),
    ).toThrow(RangeError);
    expect(() =>
      fsResultRows(BVL, ORDINARY, [{ name: "X", birthDate: null, email: "x@demo.no", grade: null, gradedOn: null, gradeSittingStartsOn: null, result: "ABSENT" as never }]),
    ).toThrow(RangeError);
  });

  it("exports nothing for a course FS would not take", () => {
    const one = [{ name: "X", birthDate: null, email: "x@demo.no", grade: null, gradedOn: null, gradeSittingStartsOn: null, result: null }];
    expect(() => fsResultRows({ ...BVL, code: "placeholder" }, ORDINARY, one)).toThrow(RangeError);
    expect(() => fsResultRows({ ...BVL, code: "" }, ORDINARY, one)).toThrow(RangeError);
    expect(() => fsResultRows({ ...BVL, version: "" }, ORDINARY, one)).toThrow(RangeError);
    expect(() => fsResultRows({ ...BVL, credits: 0 }, ORDINARY, one)).toThrow(RangeError);
    expect(() => fsResultRows({ ...BVL, credits: 7.5 }, ORDINARY, one)).toThrow(RangeError);
  });

  it("checks a course code and version the way FS writes them, in Norwegian", () => {
    for (const good of ["BVL6001", "BIL6001", "IT1901", "EXPH0300", "ÅRS101"]) expect(fsCourseCodeProblem(good), good).toBeNull();
    expect(fsCourseCodeProblem("")).toBe("Skriv emnekoden i FS.");
    for (const bad of ["bvl6001", "BVL 6001", "BVL60011", "B6001", "BVL6001-1", "6001BVL", "PLACEHOLDER"]) {
      expect(fsCourseCodeProblem(bad), bad).toBe("Emnekoden skrives med 2–5 store bokstaver og 3–4 sifre, for eksempel BVL6001.");
    }
    expect(fsCourseVersionProblem("1")).toBeNull();
    expect(fsCourseVersionProblem("A2")).toBeNull();
    expect(fsCourseVersionProblem(" ")).toBe("Skriv versjonskoden i FS (vanligvis 1).");
    expect(fsCourseVersionProblem("1.0")).toBe("Versjonskoden er 1–3 sifre eller store bokstaver, for eksempel 1.");
  });
});
