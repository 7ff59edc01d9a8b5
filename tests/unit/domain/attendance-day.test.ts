import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABSENCE_NOTICE_NOTE, exemptionOf, MAX_ATTENDANCE_NOTE, markAllPresent } from "@/lib/domain/attendance-day";

/** A student with a notice whose reason is `reason` (undefined: no notice; null: its reason erased). */
const student = (enrolmentId: string, name: string, reason?: string | null, note = "") => ({
  enrolmentId,
  name,
  absenceNotice: reason === undefined ? null : { reason },
  note,
});

describe("«Alle til stede»", () => {
  it("sets everyone present when nobody has sent a notice", () => {
    const result = markAllPresent([student("a", "Ada"), student("b", "Bo")]);
    expect(result.statuses).toEqual({ a: "PRESENT", b: "PRESENT" });
    expect(result.absentWithNotice).toEqual([]);
    expect(result.announcement).toBe("Alle 2 er satt til stede. Endre dem som ikke er her, og lagre.");
  });

  it("leaves a student with a notice absent, with «Fraværsmelding» as the note (never the student's words), and says so", () => {
    const result = markAllPresent([student("a", "Ada"), student("b", "Bo", "Syk barn"), student("c", "Cato")]);
    expect(result.statuses).toEqual({ a: "PRESENT", b: "ABSENT", c: "PRESENT" });
    expect(result.notes).toEqual({ a: "", b: "Fraværsmelding", c: "" });
    expect(result.absentWithNotice).toEqual(["Bo"]);
    expect(result.announcement).toBe(
      "2 studenter er satt til stede. Bo har sendt fraværsmelding og er satt til fravær med «Fraværsmelding» som merknad. Endre dem som ikke stemmer, og lagre.",
    );
  });

  it("names several students with notices in list order and says «1 student» in the singular", () => {
    const result = markAllPresent([student("a", "Ada", "Kurs"), student("b", "Bo"), student("c", "Cato", "Sykdom")]);
    expect(result.absentWithNotice).toEqual(["Ada", "Cato"]);
    expect(result.announcement).toBe(
      "1 student er satt til stede. Ada og Cato har sendt fraværsmelding og er satt til fravær med «Fraværsmelding» som merknad. Endre dem som ikke stemmer, og lagre.",
    );
  });

  it("keeps a note the faculty member has written, for both kinds of student", () => {
    const result = markAllPresent([student("a", "Ada", "Syk", "Ringte i morges"), student("b", "Bo", undefined, "Kom kl. 11")]);
    expect(result.notes).toEqual({ a: "Ringte i morges", b: "Kom kl. 11" });
    expect(result.statuses).toEqual({ a: "ABSENT", b: "PRESENT" });
  });

  it("a notice whose reason the retention job has erased is still a notice: absent, with the same note", () => {
    const result = markAllPresent([student("a", "Ada", null), student("b", "Bo")]);
    expect(result.statuses).toEqual({ a: "ABSENT", b: "PRESENT" });
    expect(result.notes).toEqual({ a: ABSENCE_NOTICE_NOTE, b: "" });
    expect(result.absentWithNotice).toEqual(["Ada"]);
  });

  it("does not touch a student on leave or credited for the day, and names them", () => {
    const result = markAllPresent([
      student("a", "Ada"),
      { ...student("b", "Bo"), exempt: "LEAVE" as const },
      { ...student("c", "Cato", "Syk"), exempt: "CREDITED" as const, status: "ABSENT" as const, note: "Rettet" },
    ]);
    expect(result.statuses).toEqual({ a: "PRESENT", c: "ABSENT" });
    expect(result.notes).toEqual({ a: "", b: "", c: "Rettet" });
    expect(result.exempt).toEqual(["Bo", "Cato"]);
    expect(result.absentWithNotice).toEqual([]);
    expect(result.announcement).toBe(
      "1 student er satt til stede. Bo og Cato trenger ikke registrering denne dagen (permisjon eller godkjent fra tidligere kull) og er ikke endret. Endre dem som ikke stemmer, og lagre.",
    );
  });

  it("does not touch the viewer's own row (a colleague registers it), and says so apart from the others", () => {
    const result = markAllPresent([
      student("a", "Ada"),
      { ...student("b", "Bo", "Syk"), exempt: "SELF" as const },
      { ...student("c", "Cato"), exempt: "LEAVE" as const },
    ]);
    expect(result.statuses).toEqual({ a: "PRESENT" });
    expect(result.notes).toEqual({ a: "", b: "", c: "" });
    expect(result.own).toEqual(["Bo"]);
    expect(result.exempt).toEqual(["Cato"]);
    expect(result.absentWithNotice).toEqual([]);
    expect(result.announcement).toBe(
      "1 student er satt til stede. Cato trenger ikke registrering denne dagen (permisjon eller godkjent fra tidligere kull) og er ikke endret. " +
        "Din egen rad er ikke endret: en kollega registrerer oppmøtet ditt. Endre dem som ikke stemmer, og lagre.",
    );
    const alone = markAllPresent([{ ...student("b", "Bo"), exempt: "SELF" as const, status: "PRESENT" as const }, student("a", "Ada")]);
    expect(alone.statuses).toEqual({ a: "PRESENT", b: "PRESENT" });
    expect(alone.announcement).toBe("1 student er satt til stede. Din egen rad er ikke endret: en kollega registrerer oppmøtet ditt. Endre dem som ikke stemmer, og lagre.");
  });

  it("names both kinds of exception in one announcement", () => {
    const result = markAllPresent([student("a", "Ada", "Kurs"), { ...student("b", "Bo"), exempt: "LEAVE" as const }, student("c", "Cato")]);
    expect(result.announcement).toBe(
      "1 student er satt til stede. Ada har sendt fraværsmelding og er satt til fravær med «Fraværsmelding» som merknad. " +
        "Bo trenger ikke registrering denne dagen (permisjon eller godkjent fra tidligere kull) og er ikke endret. Endre dem som ikke stemmer, og lagre.",
    );
  });

  it("gives every student who needs a registration exactly one choice (absent exactly when they sent a notice) and leaves the others as they were", () => {
    const row = fc.record({
      // No notice, a notice with its reason (never blank: a CHECK), or one whose reason is erased.
      reason: fc.option(fc.option(fc.string({ minLength: 1, maxLength: 600 }).filter((text) => text.trim() !== "")), { nil: undefined }),
      note: fc.string({ maxLength: 50 }),
      exempt: fc.constantFrom(null, "SELF" as const, "LEAVE" as const, "CREDITED" as const),
      status: fc.constantFrom(null, "PRESENT" as const, "ABSENT" as const),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const students = rows.map((r, index) => ({ ...student(`e${index}`, `S${index}`, r.reason, r.note), exempt: r.exempt, status: r.status }));
        const result = markAllPresent(students);
        for (const s of students) {
          if (s.exempt) {
            expect(result.statuses[s.enrolmentId]).toBe(s.status ?? undefined);
            expect(result.notes[s.enrolmentId]).toBe(s.note);
            continue;
          }
          const noticed = s.absenceNotice !== null;
          expect(result.statuses[s.enrolmentId]).toBe(noticed ? "ABSENT" : "PRESENT");
          expect(result.notes[s.enrolmentId]!.length).toBeLessThanOrEqual(Math.max(MAX_ATTENDANCE_NOTE, s.note.length));
          // The note is the one written, or «Fraværsmelding»: never the student's reason.
          expect([s.note, ...(noticed && !s.note.trim() ? [ABSENCE_NOTICE_NOTE] : [])]).toContain(result.notes[s.enrolmentId]);
        }
        expect(result.exempt).toEqual(students.filter((s) => s.exempt && s.exempt !== "SELF").map((s) => s.name));
        expect(result.own).toEqual(students.filter((s) => s.exempt === "SELF").map((s) => s.name));
        expect(result.absentWithNotice).toEqual(students.filter((s) => !s.exempt && s.absenceNotice !== null).map((s) => s.name));
      }),
    );
  });
});

describe("exemptionOf", () => {
  it("says why the viewer registers no one for the day: her own row first, then leave, then a credit", () => {
    expect(exemptionOf({})).toBeNull();
    expect(exemptionOf({ onLeave: false, credited: false })).toBeNull();
    expect(exemptionOf({ onLeave: true })).toBe("LEAVE");
    expect(exemptionOf({ credited: true })).toBe("CREDITED");
    expect(exemptionOf({ onLeave: true, credited: true })).toBe("LEAVE");
    expect(exemptionOf({ self: true })).toBe("SELF");
    expect(exemptionOf({ self: true, onLeave: true, credited: true })).toBe("SELF");
    expect(exemptionOf({ self: false, credited: true })).toBe("CREDITED");
  });
});
