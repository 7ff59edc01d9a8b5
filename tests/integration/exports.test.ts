// CSV exports as a spreadsheet reads them: no text cell runs as a formula, whatever a person typed,
// and the ranking export ranks against the intake's own places whatever link opens it.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as rankingCsv } from "@/app/(adviser)/veileder/opptak/[cohortId]/rangering/eksport/route";
import { osloDate } from "@/lib/domain/application-deadline";
import { createOpenCohort, createReviewedApplication, createUser } from "@/prisma/seed/factories";
import { db, signInAs } from "./support";

const daysFromToday = (days: number) => osloDate(new Date(Date.now() + days * 86_400_000));

async function cells(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text.slice(1), { delimiter: ";" });
}

describe("the ranking export", () => {
  it("neutralises names that look like formulas and states the intake's own places, whatever the link", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: daysFromToday(-3) });
    const names = ['=HYPERLINK("http://angrep.example","Klikk her")', "+47 Ola Formel", "@SUM(A1:A3)", "-2+3", "Áile Ŋuolláš Čoavji-Đoallu"];
    for (const [index, name] of names.entries()) {
      await createReviewedApplication(db(), { cohortId: cohort.id, name, submittedAt: new Date(Date.UTC(2026, 0, 1, 8, index)) });
    }
    await signInAs(await createUser(db(), { roles: ["ADVISER"] }));
    const exports = [];
    for (const query of ["", "?plasser=1", "?plasser=40", "?plasser=abc", "?plasser=-1&plasser=3"]) {
      exports.push(await cells(await rankingCsv(new Request(`http://localhost/veileder/opptak/${cohort.id}/rangering/eksport${query}`), { params: Promise.resolve({ cohortId: cohort.id }) })));
    }
    const [first, ...others] = exports;
    for (const other of others) expect(other).toEqual(first);
    const [header, ...rows] = first!;
    expect(header).toContain("Innenfor 2 plasser");
    const within = header!.indexOf("Innenfor 2 plasser");
    expect(rows.map((row) => row[within])).toEqual(["ja", "ja", "nei", "nei", "nei"]);
    const nameColumn = header!.indexOf("Navn");
    expect(rows.map((row) => row[nameColumn]).sort()).toEqual(
      ["'=HYPERLINK(\"http://angrep.example\",\"Klikk her\")", "'+47 Ola Formel", "'@SUM(A1:A3)", "'-2+3", "Áile Ŋuolláš Čoavji-Đoallu"].sort(),
    );
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
