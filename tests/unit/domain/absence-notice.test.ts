import { describe, expect, it } from "vitest";
import {
  ABSENCE_NOTICE_DAYS_AFTER,
  absenceNoticeProblem,
  absenceNoticeWithdrawProblem,
  canSendAbsenceNotice,
  canWithdrawAbsenceNotice,
} from "@/lib/domain/absence-notice";

describe("absence notices", () => {
  it("are not sent for a day credited from an earlier kull: she is not expected there", () => {
    expect(canSendAbsenceNotice("2027-01-12", "2026-12-01", { credited: true })).toBe(false);
    expect(absenceNoticeProblem("2027-01-12", "2026-12-01", { credited: true })).toBe(
      "12. januar 2027 er godkjent som oppmøte fra et tidligere kull, så du skal ikke møte den dagen.",
    );
    expect(canSendAbsenceNotice("2027-01-12", "2026-12-01", { credited: false })).toBe(true);
  });

  it("are not sent for a day of a granted leave: she is not expected there", () => {
    expect(canSendAbsenceNotice("2027-01-12", "2026-12-01", { onLeave: true })).toBe(false);
    expect(absenceNoticeProblem("2027-01-12", "2026-12-01", { onLeave: true })).toBe(
      "12. januar 2027 er i permisjonen din, så du skal ikke møte den dagen og trenger ikke melde fravær.",
    );
    expect(canSendAbsenceNotice("2027-01-12", "2026-12-01", { onLeave: false })).toBe(true);
  });

  it("is refused for a day she is registered present on, today or before: the faculty correct a wrong registration", () => {
    for (const day of ["2026-12-01", "2026-11-24"]) {
      expect(canSendAbsenceNotice(day, "2026-12-01", { registeredPresent: true })).toBe(false);
      expect(canSendAbsenceNotice(day, "2026-12-01", { registeredPresent: false })).toBe(true);
    }
    expect(absenceNoticeProblem("2026-12-01", "2026-12-01", { registeredPresent: true })).toBe(
      "Du er registrert som til stede 1. desember 2026. Er det feil, ta kontakt med faglærer, som kan rette det.",
    );
  });

  it("may be sent for any coming day and up to 14 days after a day", () => {
    expect(ABSENCE_NOTICE_DAYS_AFTER).toBe(14);
    expect(canSendAbsenceNotice("2027-12-31", "2026-12-01")).toBe(true);
    expect(canSendAbsenceNotice("2026-12-02", "2026-12-01")).toBe(true);
    expect(canSendAbsenceNotice("2026-12-01", "2026-12-01")).toBe(true);
    expect(canSendAbsenceNotice("2026-11-17", "2026-12-01")).toBe(true);
    expect(canSendAbsenceNotice("2026-11-16", "2026-12-01")).toBe(false);
    expect(absenceNoticeProblem("2026-11-16", "2026-12-01")).toBe(
      "16. november 2026 er mer enn 14 dager siden. Ta kontakt med faglærer hvis du vil si noe om fraværet den dagen.",
    );
    expect(absenceNoticeProblem("2026-12-24", "2026-12-01")).toBeNull();
    expect(() => absenceNoticeProblem("2026-13-01", "2026-12-01")).toThrow(RangeError);
  });

  it("may be withdrawn before the day, not on it or after", () => {
    expect(canWithdrawAbsenceNotice("2026-12-02", "2026-12-01")).toBe(true);
    expect(canWithdrawAbsenceNotice("2026-12-01", "2026-12-01")).toBe(false);
    expect(canWithdrawAbsenceNotice("2026-11-30", "2026-12-01")).toBe(false);
    expect(absenceNoticeWithdrawProblem("2026-12-02", "2026-12-01")).toBeNull();
    expect(absenceNoticeWithdrawProblem("2026-12-01", "2026-12-01")).toMatch(/1\. desember 2026 kan ikke trekkes tilbake/);
    expect(() => canWithdrawAbsenceNotice("2026-12-01", "i dag")).toThrow(RangeError);
  });
});
