import { describe, expect, it } from "vitest";
import { appealsBodyTellTask, whoDecides } from "@/components/cohort/open-appeals";

describe("a start page's line on a kull's waiting klager", () => {
  it("says whether they are the reader's to decide: all, none or some", () => {
    expect(whoDecides({ count: 1, mine: 1, othersBy: null }, "faculty")).toBe("venter på behandling; du kan avgjøre den.");
    expect(whoDecides({ count: 3, mine: 3, othersBy: null }, "adviser")).toBe("venter på behandling; du kan avgjøre dem.");
    expect(whoDecides({ count: 3, mine: 1, othersBy: "ADVISER" }, "faculty")).toBe("venter på behandling; 1 av dem kan du avgjøre.");
  });
  it("names who decides those that are not hers, as the reader sees them", () => {
    expect(whoDecides({ count: 1, mine: 0, othersBy: "ADVISER" }, "faculty")).toBe("venter på behandling hos en studieveileder.");
    expect(whoDecides({ count: 1, mine: 0, othersBy: "ADVISER" }, "adviser")).toBe("venter på behandling hos en annen studieveileder.");
    expect(whoDecides({ count: 2, mine: 0, othersBy: "TEACHING_TEAM" }, "faculty")).toBe("venter på behandling hos en annen i undervisningsteamet.");
    expect(whoDecides({ count: 2, mine: 0, othersBy: "TEACHING_TEAM" }, "adviser")).toBe("venter på behandling hos undervisningsteamet.");
    expect(whoDecides({ count: 2, mine: 0, othersBy: "MIXED" }, "adviser")).toBe("venter på behandling hos andre enn deg.");
  });
});

describe("appealsBodyTellTask", () => {
  it("asks the study administration to tell the klagenemnd, one klage or several", () => {
    expect(appealsBodyTellTask(1)).toBe("gi klagenemnda beskjed: vedtaket en klage hos den gjelder, er endret her");
    expect(appealsBodyTellTask(2)).toBe("gi klagenemnda beskjed: vedtakene 2 klager hos den gjelder, er endret her");
  });
});
