import { describe, expect, it } from "vitest";
import { auditChanges, auditFieldLabel, formatAuditValue } from "@/lib/domain/audit-changes";

describe("auditChanges", () => {
  it("lists changed fields first with before and after, then the unchanged", () => {
    expect(auditChanges({ status: "ABSENT", note: "syk" }, { status: "PRESENT", note: "syk", reason: "Feil registrert" })).toEqual([
      { field: "status", label: "Status", before: "fravær", after: "til stede", changed: true },
      { field: "reason", label: "Begrunnelse", before: null, after: "Feil registrert", changed: true },
      { field: "note", label: "Merknad", before: "syk", after: "syk", changed: false },
    ]);
  });
  it("handles an entry with only an after, or nothing", () => {
    expect(auditChanges(null, { documents: 2 })).toEqual([{ field: "documents", label: "Dokumenter", before: null, after: "2", changed: true }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(undefined, "tekst")).toEqual([{ field: "verdi", label: "Verdi", before: null, after: "tekst", changed: true }]);
  });
  it("names the fields in words, and a field it does not know as it is", () => {
    expect(auditChanges({ waitlistPosition: 3 }, { waitlistPosition: 2, someNewKey: "x" }).map((row) => row.label)).toEqual(["Plass på ventelisten", "someNewKey"]);
    expect(auditFieldLabel("constructor")).toBe("constructor");
  });
});

describe("formatAuditValue", () => {
  it("writes values as short text in Norwegian", () => {
    expect(formatAuditValue(true)).toBe("ja");
    expect(formatAuditValue(false)).toBe("nei");
    expect(formatAuditValue(12)).toBe("12");
    expect(formatAuditValue(["a", "b"])).toBe("a, b");
    expect(formatAuditValue([])).toBe("(ingen)");
    expect(formatAuditValue(["STUDENT", "ADVISER"])).toBe("student, studieveileder");
    // A small record field by field in words, its empty fields left out (the log's own filter).
    expect(formatAuditValue({ to: null, from: "2026-12-01", page: 1, type: null })).toBe("Fra: 1. desember 2026; Side: 1");
    expect(formatAuditValue({ to: null })).toBe("(tomt)");
    // Deeper than that, as compact JSON.
    expect(formatAuditValue([{ a: 1 }])).toBe('[{"a":1}]');
    expect(formatAuditValue({ a: { b: 1 } })).toBe('a: {"b":1}');
    expect(formatAuditValue(null)).toBeNull();
  });
  it("writes a stored state in words, and an unknown code as it is", () => {
    expect(formatAuditValue("ACCEPTED")).toBe("takket ja");
    expect(formatAuditValue("REFUSAL")).toBe("avslag");
    expect(formatAuditValue("NOT_APPROVED")).toBe("ikke godkjent");
    expect(formatAuditValue("SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(formatAuditValue("toString")).toBe("toString");
  });
  it("writes a date and a moment as a Norwegian reads them, the moment in Oslo time", () => {
    expect(formatAuditValue("2026-12-03")).toBe("3. desember 2026");
    expect(formatAuditValue("2026-12-03T09:15:00.000Z")).toBe("3. desember 2026 kl. 10.15");
    expect(formatAuditValue("2026-07-01T22:30:00Z")).toBe("2. juli 2026 kl. 00.30");
    // Not a date: as written.
    expect(formatAuditValue("2026-02-30")).toBe("2026-02-30");
    expect(formatAuditValue("Møtte 2026-12-03")).toBe("Møtte 2026-12-03");
  });
  it("shortens long values to 300 characters", () => {
    const text = formatAuditValue("x".repeat(1000))!;
    expect(text).toHaveLength(300);
    expect(text.endsWith("…")).toBe(true);
  });
});
