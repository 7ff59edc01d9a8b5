import { describe, expect, it } from "vitest";
import { auditChanges, formatAuditValue } from "@/lib/domain/audit-changes";

describe("auditChanges", () => {
  it("lists changed fields first with before and after, then the unchanged", () => {
    expect(auditChanges({ status: "ABSENT", note: "syk" }, { status: "PRESENT", note: "syk", reason: "Feil registrert" })).toEqual([
      { field: "status", before: "ABSENT", after: "PRESENT", changed: true },
      { field: "reason", before: null, after: "Feil registrert", changed: true },
      { field: "note", before: "syk", after: "syk", changed: false },
    ]);
  });
  it("handles an entry with only an after, or nothing", () => {
    expect(auditChanges(null, { documents: 2 })).toEqual([{ field: "documents", before: null, after: "2", changed: true }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(undefined, "tekst")).toEqual([{ field: "verdi", before: null, after: "tekst", changed: true }]);
  });
});

describe("formatAuditValue", () => {
  it("writes values as short text in Norwegian", () => {
    expect(formatAuditValue(true)).toBe("ja");
    expect(formatAuditValue(false)).toBe("nei");
    expect(formatAuditValue(12)).toBe("12");
    expect(formatAuditValue(["a", "b"])).toBe('["a","b"]');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
    expect(formatAuditValue(null)).toBeNull();
  });
  it("shortens long values to 300 characters", () => {
    const text = formatAuditValue("x".repeat(1000))!;
    expect(text).toHaveLength(300);
    expect(text.endsWith("…")).toBe(true);
  });
});
