import { describe, expect, it } from "vitest";
import { firstLoadJsBytes, firstLoadJsFiles } from "@/bench/first-load-js";

describe("first-load JavaScript of a page", () => {
  const build = { rootMainFiles: ["static/chunks/react.js", "static/chunks/runtime.js"] };
  const route = {
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/shared.js"],
      "[project]/app/error": ["static/chunks/shared.js", "static/chunks/error.js"],
      "[project]/app/(student)/student/page": ["static/chunks/shared.js", "static/chunks/runtime.js"],
    },
  };

  it("counts the shared root files and every segment's chunks, each file once", () => {
    expect(firstLoadJsFiles(build, route)).toEqual(["static/chunks/react.js", "static/chunks/runtime.js", "static/chunks/shared.js", "static/chunks/error.js"]);
  });

  it("adds up the gzip sizes", () => {
    const sizes: Record<string, number> = { "static/chunks/react.js": 100, "static/chunks/runtime.js": 20, "static/chunks/shared.js": 5, "static/chunks/error.js": 1 };
    expect(firstLoadJsBytes(firstLoadJsFiles(build, route), (file) => sizes[file]!)).toBe(126);
  });
});
