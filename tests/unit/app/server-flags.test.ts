import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_HEAP_MB, productionNodeFlags } from "@/lib/cli/server-flags";

describe("productionNodeFlags", () => {
  it("caps old space at the default and sets the semi-space when nothing is configured", () => {
    expect(productionNodeFlags({})).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`, "--max-semi-space-size=32"]);
  });

  it("takes SERVER_HEAP_MB, and 0 leaves V8's defaults", () => {
    expect(productionNodeFlags({ SERVER_HEAP_MB: " 2048 " })[0]).toBe("--max-old-space-size=2048");
    expect(productionNodeFlags({ SERVER_HEAP_MB: "0" })).toEqual([]);
    expect(productionNodeFlags({ SERVER_HEAP_MB: "00" })).toEqual([]);
  });

  it("leaves the heap to NODE_OPTIONS when they size it (either spelling)", () => {
    expect(productionNodeFlags({ NODE_OPTIONS: "--enable-source-maps --max-old-space-size=4096", SERVER_HEAP_MB: "256" })).toEqual([]);
    expect(productionNodeFlags({ NODE_OPTIONS: "--max_old_space_size=300" })).toEqual([]);
    expect(productionNodeFlags({ NODE_OPTIONS: "--enable-source-maps" })).toHaveLength(2);
  });

  it.each(["abc", "12.5", "64", "-1", "1e3", "0x200", "512MB"])("refuses SERVER_HEAP_MB=%s in Norwegian", (value) => {
    expect(() => productionNodeFlags({ SERVER_HEAP_MB: value })).toThrow(/SERVER_HEAP_MB må være et helt antall MB/);
  });

  it("gives flags this node accepts, and V8 takes the cap", () => {
    const result = spawnSync(process.execPath, [...productionNodeFlags({ SERVER_HEAP_MB: "300" }), "-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    const limitMb = Number(result.stdout.trim()) / 1024 / 1024;
    // The limit is old space plus the young generation (three semi-spaces of 32 MB).
    expect(limitMb).toBeGreaterThanOrEqual(300);
    expect(limitMb).toBeLessThan(300 + 3 * 32 + 16);
  });
});
