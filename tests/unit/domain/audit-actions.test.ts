import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditActionGroup,
  auditActionGroupLabel,
  auditActionLabel,
  auditEntityLabel,
  isAuditAction,
  isAuditEntityType,
} from "@/lib/domain/audit-actions";

const codes = Object.keys(AUDIT_ACTIONS);

describe("the audit log's words", () => {
  it("says each kind of entry in words of its own", () => {
    const labels = Object.values(AUDIT_ACTIONS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) {
      // A sentence's beginning, no code-like text, no full stop (it is a table cell and an option).
      expect(label).toMatch(/^[A-ZÆØÅ]/);
      expect(label).not.toMatch(/[._]\w|\.$/);
    }
  });

  it("reads a code by its words, and an unknown code as it is", () => {
    expect(auditActionLabel("application.submit")).toBe("Søknad sendt");
    expect(auditActionLabel("decision.waitlist")).toBe("Vedtak: venteliste");
    expect(auditActionLabel("submission.correction_notice.respond")).toBe("Forhåndsvarsel om retting besvart");
    expect(auditActionLabel("paging.test")).toBe("paging.test");
    expect(isAuditAction("application.submit")).toBe(true);
    expect(isAuditAction("paging.test")).toBe(false);
    // Not a key of the object's prototype either.
    expect(isAuditAction("toString")).toBe(false);
    expect(auditActionLabel("constructor")).toBe("constructor");
  });

  it("names the group of every code, by the code's first part", () => {
    expect(auditActionGroup("submission.correction_notice.respond")).toBe("submission");
    expect(auditActionGroupLabel("application")).toBe("Søknader");
    expect(auditActionGroupLabel("paging")).toBe("paging");
    const unnamed = [...new Set(codes.map(auditActionGroup))].filter((group) => auditActionGroupLabel(group) === group);
    expect(unnamed).toEqual([]);
  });

  it("names the kinds of record in words, and an unknown kind as it is", () => {
    expect(auditEntityLabel("Application")).toBe("Søknad");
    expect(auditEntityLabel("SubmissionAttempt")).toBe("Innleveringsforsøk");
    expect(auditEntityLabel("Test")).toBe("Test");
    expect(isAuditEntityType("hasOwnProperty")).toBe(false);
    const labels = Object.values(AUDIT_ENTITY_TYPES);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
