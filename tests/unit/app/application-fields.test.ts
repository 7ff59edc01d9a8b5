// The application's fields as people type them: a unit after a number is understood, and each
// date's message gives the example its own hint gives.
import { describe, expect, it } from "vitest";
import { educationFields, parseLeniently, positionFields } from "@/lib/validation/application";

describe("numbers with their unit", () => {
  it("reads «180 stp», «180 sp», «180 studiepoeng» and «100 %» as the numbers; other words are still refused", () => {
    for (const typed of ["180", "180 stp", "180stp", "180 sp", "180 SP.", "180 studiepoeng"]) {
      expect(parseLeniently(educationFields, { credits: typed }).valid.credits, typed).toBe(180);
    }
    for (const typed of ["100", "100 %", "100%", "100 prosent"]) {
      expect(parseLeniently(positionFields, { percent: typed }).valid.percent, typed).toBe(100);
    }
    expect(parseLeniently(educationFields, { credits: "180 poeng" }).errors.credits).toEqual(["Studiepoeng må være et helt tall, for eksempel 180."]);
    expect(parseLeniently(positionFields, { percent: "50 % stilling" }).errors.percent).toEqual(["Stillingsprosenten må være et helt tall."]);
    expect(parseLeniently(positionFields, { percent: "120 %" }).errors.percent).toEqual(["Stillingsprosenten kan ikke være mer enn 100."]);
    // The unit alone is nothing typed that counts.
    expect(parseLeniently(positionFields, { percent: "%" }).errors.percent).toEqual(["Stillingsprosenten må være et helt tall."]);
  });
});

describe("dates", () => {
  it("say the example of their own field", () => {
    expect(parseLeniently(positionFields, { startDate: "1.2.19800" }).errors.startDate).toEqual(["Startdatoen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 01.08.2019."]);
    expect(parseLeniently(positionFields, { endDate: "i fjor" }).errors.endDate).toEqual(["Sluttdatoen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 31.07.2023."]);
    expect(parseLeniently(positionFields, { startDate: "01.08.2019" }).valid.startDate).toBe("2019-08-01");
  });
});
