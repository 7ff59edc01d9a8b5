import { describe, expect, it } from "vitest";
import { retentionPeriods } from "@/lib/env";
import { parseAuditLogFilter } from "@/lib/validation/audit-log";

describe("the audit viewer's filter", () => {
  it("reads every field from the query string, dates as dd.mm.åååå", () => {
    const { filter, fieldErrors } = parseAuditLogFilter({ person: " Vilde ", aktor: "frida", type: "attendance.correct", fra: "01.12.2026", til: "2026-12-03", side: "3" });
    expect(fieldErrors).toEqual({});
    expect(filter).toEqual({ person: "Vilde", personId: null, actor: "frida", type: "attendance.correct", from: "2026-12-01", to: "2026-12-03", page: 3 });
  });

  it("says in Norwegian at the field when a date is not one, keeps what was typed, and drops the date", () => {
    const { filter, fieldErrors, input } = parseAuditLogFilter({ fra: "31.02.2026", til: "i går" });
    expect(fieldErrors.fra).toEqual(["Skriv datoen som dd.mm.åååå, for eksempel 03.12.2026."]);
    expect(fieldErrors.til).toEqual(["Skriv datoen som dd.mm.åååå, for eksempel 03.12.2026."]);
    expect(input).toMatchObject({ fra: "31.02.2026", til: "i går" });
    expect(filter.from).toBeNull();
    expect(filter.to).toBeNull();
  });

  it("refuses a period that ends before it begins", () => {
    const { filter, fieldErrors } = parseAuditLogFilter({ fra: "03.12.2026", til: "01.12.2026" });
    expect(fieldErrors.til).toEqual(["Til-datoen kan ikke være før fra-datoen."]);
    expect(filter.to).toBeNull();
  });

  it("ignores what cannot be a filter: a malformed id, a strange type, a page out of range, repeated fields", () => {
    const { filter } = parseAuditLogFilter({ personId: "x".repeat(5000), type: "'; DROP", side: "-4", person: ["a", "b"] });
    expect(filter).toMatchObject({ personId: null, type: "", page: 1, person: "a" });
    expect(parseAuditLogFilter({ type: "application" }).filter.type).toBe("application");
    expect(parseAuditLogFilter({ side: "abc" }).filter.page).toBe(1);
  });
});

describe("retention periods from the environment", () => {
  it("default to six months (three for the health data of utsatt eksamen and absence notices' reasons) and take RETENTION_* when set", () => {
    expect(retentionPeriods({})).toEqual({ notAdmittedDocumentsMonths: 6, undecidedApplicationMonths: 6, deferralHealthDataMonths: 3, absenceReasonMonths: 3 });
    expect(
      retentionPeriods({
        RETENTION_NOT_ADMITTED_DOCUMENTS_MONTHS: "12",
        RETENTION_UNDECIDED_APPLICATION_MONTHS: "3",
        RETENTION_DEFERRAL_HEALTH_DATA_MONTHS: "1",
        RETENTION_ABSENCE_REASON_MONTHS: "0",
      }),
    ).toEqual({
      notAdmittedDocumentsMonths: 12,
      undecidedApplicationMonths: 3,
      deferralHealthDataMonths: 1,
      absenceReasonMonths: 0,
    });
  });
  it("refuse what is not a whole number of months from 0 to 120", () => {
    for (const value of ["-1", "1.5", "121", "seks"]) {
      expect(() => retentionPeriods({ RETENTION_NOT_ADMITTED_DOCUMENTS_MONTHS: value })).toThrow(/RETENTION_NOT_ADMITTED_DOCUMENTS_MONTHS must be a whole number of months/);
      expect(() => retentionPeriods({ RETENTION_DEFERRAL_HEALTH_DATA_MONTHS: value })).toThrow(/RETENTION_DEFERRAL_HEALTH_DATA_MONTHS must be a whole number of months/);
      expect(() => retentionPeriods({ RETENTION_ABSENCE_REASON_MONTHS: value })).toThrow(/RETENTION_ABSENCE_REASON_MONTHS must be a whole number of months/);
    }
  });
});
