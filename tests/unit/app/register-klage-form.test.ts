// The form an adviser registers a klage by post or e-mail with: the deadline it names is in the
// tense of the day (a klage registered before its deadline has run out is common: it came early).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RegisterKlageForm } from "@/components/register-klage-form";
import { DocumentViewLink } from "@/components/ui/document-links";

async function noop() {
  return { ok: true } as const;
}

function render(today: string, klageDeadline: string, dismissal: boolean) {
  return renderToStaticMarkup(
    createElement(RegisterKlageForm, { action: noop as never, hidden: {}, party: "søkeren", today, klageDeadline, dismissal }),
  );
}

describe("the klage registration form", () => {
  it("says the deadline is ahead until it has run out, and was after", () => {
    for (const dismissal of [false, true]) {
      const early = render("2026-12-07", "2026-12-20", dismissal);
      expect(early).toContain("Klagefristen er 20. desember 2026.");
      expect(early).not.toContain("Klagefristen var");
      // The deadline day itself: the klage may still come that day.
      expect(render("2026-12-20", "2026-12-20", dismissal)).toContain("Klagefristen er 20. desember 2026.");
      const late = render("2026-12-21", "2026-12-20", dismissal);
      expect(late).toContain("Klagefristen var 20. desember 2026.");
      expect(late).not.toContain("Klagefristen er");
    }
  });
});

describe("a document opened in the browser", () => {
  it("opens in a new tab and says so after its text, or after the file's name", () => {
    const named = renderToStaticMarkup(createElement(DocumentViewLink, { document: { id: "c1", originalName: "klage.pdf" } }));
    expect(named).toBe('<a href="/api/dokumenter/c1?visning=inline" target="_blank" rel="noopener">klage.pdf<span class="sr-only"> (åpnes i ny fane)</span></a>');
    const worded = renderToStaticMarkup(createElement(DocumentViewLink, { document: { id: "c2", originalName: "x.pdf" } }, "Les x.pdf"));
    expect(worded).toContain(">Les x.pdf<span class=\"sr-only\"> (åpnes i ny fane)</span></a>");
  });
});
