import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageCount, pageWithin, parsePageNumber } from "@/lib/validation/paging";

describe("a list shown a page at a time", () => {
  it("reads ?side= as a whole number from 1, and anything else as the first page", () => {
    expect(parsePageNumber("3")).toBe(3);
    expect(parsePageNumber(" 12 ")).toBe(12);
    for (const raw of [undefined, null, "", "0", "-1", "1.5", "2abc", "1e3", "%00", "99999999", ["2"], 2]) expect(parsePageNumber(raw)).toBe(1);
    fc.assert(fc.property(fc.string(), (raw) => Number.isSafeInteger(parsePageNumber(raw)) && parsePageNumber(raw) >= 1 && parsePageNumber(raw) <= 99_999));
  });

  it("counts the pages (an empty list is one page) and keeps a page past the end on the last", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageWithin(3, 120, 50)).toBe(3);
    expect(pageWithin(9, 120, 50)).toBe(3);
    expect(pageWithin(4, 0, 50)).toBe(1);
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 1000 }), (total, size, requested) => {
        const page = pageWithin(requested, total, size);
        // The page shown holds a row whenever the list has one, and every row is on exactly one page.
        return page >= 1 && page <= pageCount(total, size) && (total === 0 || (page - 1) * size < total) && pageCount(total, size) * size >= total;
      }),
    );
  });
});
