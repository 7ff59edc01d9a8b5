import { describe, expect, it } from "vitest";
import { statementNamer } from "@/lib/db/statement-names";
import { parseEnv, poolSettings } from "@/lib/env";

describe("statementNamer", () => {
  it("gives a text the same name every time, and different texts different names", () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' });
    expect(a).toMatch(/^s[A-Za-z0-9_-]{16}$/);
    expect(name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' })).toBe(a);
    expect(name({ sql: 'SELECT "id" FROM "User" WHERE "email" = $1' })).not.toBe(a);
    // Another namer (another client) names the same text the same way.
    expect(statementNamer()({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' })).toBe(a);
  });

  it("names at most maxNamed texts; later ones run unnamed, earlier ones keep their names", () => {
    const name = statementNamer(3);
    const first = ["SELECT 1", "SELECT 2", "SELECT 3"].map((sql) => name({ sql }));
    expect(first.every((n) => n.length > 0)).toBe(true);
    expect(name({ sql: "SELECT 4" })).toBe("");
    expect(name({ sql: "SELECT 2" })).toBe(first[1]);
  });

  it("leaves a statement with more than 32 parameters unnamed (a list's length makes a text of its own)", () => {
    const name = statementNamer();
    expect(name({ sql: "SELECT $1", args: Array.from({ length: 32 }) })).not.toBe("");
    expect(name({ sql: "SELECT $1", args: Array.from({ length: 33 }) })).toBe("");
  });
});

describe("DATABASE_PREPARED_STATEMENTS", () => {
  const base = { DATABASE_URL: "postgresql://x@localhost/db", AUTH_SECRET: "a".repeat(32) };
  it("is on unless set to false, and refuses anything else", () => {
    expect(poolSettings(parseEnv(base)).preparedStatements).toBe(true);
    expect(poolSettings(parseEnv({ ...base, DATABASE_PREPARED_STATEMENTS: "true" })).preparedStatements).toBe(true);
    expect(poolSettings(parseEnv({ ...base, DATABASE_PREPARED_STATEMENTS: "false" })).preparedStatements).toBe(false);
    expect(() => parseEnv({ ...base, DATABASE_PREPARED_STATEMENTS: "nei" })).toThrow(/DATABASE_PREPARED_STATEMENTS må være true eller false/);
  });
});
