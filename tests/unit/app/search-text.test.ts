import { describe, expect, it } from "vitest";
import { containsText, searchText } from "@/lib/validation/search";

describe("a search box's text", () => {
  it("is cleaned of control characters (a NUL would be a 500 from PostgreSQL), trimmed and cut", () => {
    expect(searchText("  Granli\u0000 ")).toBe("Granli");
    expect(searchText("a\u0007b\tc")).toBe("ab\tc");
    expect(searchText("x".repeat(300))).toHaveLength(200);
    expect(searchText("abcdef", 3)).toBe("abc");
    expect(searchText(["a", "b"])).toBe("");
    expect(searchText(undefined)).toBe("");
  });

  it("is taken literally by LIKE: its escape character and wildcards escaped", () => {
    expect(containsText("__")).toBe("\\_\\_");
    expect(containsText("100%")).toBe("100\\%");
    expect(containsText("a\\b")).toBe("a\\\\b");
    expect(containsText("Ærlig Østerås")).toBe("Ærlig Østerås");
  });
});
