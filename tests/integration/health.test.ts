import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { createPrismaClient } from "@/lib/db/client";

const holder = globalThis as { __db?: ReturnType<typeof createPrismaClient> };

describe("GET /api/health", () => {
  it("answers 200 with the database reachable", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database does not answer", async () => {
    const working = holder.__db;
    // Nothing listens on port 1: the connection is refused at once.
    holder.__db = createPrismaClient("postgresql://nobody:secret@127.0.0.1:1/none");
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "degraded", database: "unavailable" });
    } finally {
      await holder.__db.$disconnect();
      holder.__db = working;
    }
  });
});
