import { describe, expect, it } from "vitest";
import { whoDecides } from "@/components/cohort/open-appeals";

describe("a start page's line on a kull's waiting klager", () => {
  it("says whether they are the reader's to decide: all, none or some", () => {
    expect(whoDecides({ count: 1, mine: 1 })).toBe("venter på behandling; du kan avgjøre den.");
    expect(whoDecides({ count: 3, mine: 3 })).toBe("venter på behandling; du kan avgjøre dem.");
    expect(whoDecides({ count: 1, mine: 0 })).toBe("venter på behandling av andre enn deg.");
    expect(whoDecides({ count: 2, mine: 0 })).toBe("venter på behandling av andre enn deg.");
    expect(whoDecides({ count: 3, mine: 1 })).toBe("venter på behandling; 1 av dem kan du avgjøre.");
  });
});
