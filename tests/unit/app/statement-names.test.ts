import { describe, expect, it } from "vitest";
import { shapeOf, statementNamer } from "@/lib/db/statement-names";
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

  it("names a statement of fixed shape whatever its number of parameters (the student pages' read has 38)", () => {
    const name = statementNamer();
    const sql = Array.from({ length: 40 }, (_, i) => `"c${i}" = $${i + 1}`).join(" AND ");
    expect(name({ sql: `SELECT 1 WHERE ${sql}`, args: Array.from({ length: 40 }) })).not.toBe("");
  });

  it("names at most four lengths of one list; the other lengths run unnamed, other shapes are named", () => {
    const name = statementNamer();
    const list = (n: number) => `SELECT "id" FROM "Enrolment" WHERE "id" IN (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(",")})`;
    const named = [2, 3, 4, 5].map((n) => name({ sql: list(n) }));
    expect(named.every((n) => n !== "")).toBe(true);
    expect(new Set(named).size).toBe(4);
    expect(name({ sql: list(6) })).toBe("");
    expect(name({ sql: list(40) })).toBe("");
    expect(name({ sql: list(3) })).toBe(named[1]);
    // A list of one is written without a comma: a shape of its own.
    expect(name({ sql: list(1) })).not.toBe("");
    expect(name({ sql: 'SELECT "id" FROM "User" WHERE "id" IN ($1, $2, $3, $4, $5, $6, $7)' })).not.toBe("");
  });

  it("leaves unnamed a shape with more placeholders than it can have (lists shapeOf did not see)", () => {
    const name = statementNamer();
    const many = (n: number) => `SELECT 1 WHERE ${Array.from({ length: n }, (_, i) => `"c${i}" = $${i + 1}`).join(" AND ")}`;
    expect(name({ sql: many(64) })).not.toBe("");
    expect(name({ sql: many(65) })).toBe("");
  });

  it("sees enum lists and rows of VALUES as lists", () => {
    const cast = (i: number) => `CAST($${i}::text AS "public"."EnrolmentStatus")`;
    const enums = (n: number) => `SELECT 1 FROM "Enrolment" WHERE "status" IN (${Array.from({ length: n }, (_, i) => cast(i + 1)).join(", ")}) AND "cohortId" = $${n + 1}`;
    expect(shapeOf(enums(2))).toBe(shapeOf(enums(7)));
    const rows = (n: number) => `INSERT INTO "AuditLog" ("a","b") VALUES ${Array.from({ length: n }, (_, i) => `($${2 * i + 1},$${2 * i + 2})`).join(",")}`;
    expect(shapeOf(rows(2))).toBe(shapeOf(rows(50)));
    const arrays = (n: number) => `SELECT 1 WHERE "id" = ANY(ARRAY[${Array.from({ length: n }, (_, i) => `$${i + 1}::text`).join(",")}])`;
    expect(shapeOf(arrays(2))).toBe(shapeOf(arrays(9)));
    // Rows with DEFAULT in them (createMany leaving a column out of some rows), and other casts.
    const mixed = (n: number) =>
      `INSERT INTO "AuditLog" ("a","before") VALUES ${Array.from({ length: n }, (_, i) => (i % 2 ? `($${i + 1},DEFAULT)` : `($${i + 1},$${n + i + 1})`)).join(",")}`;
    expect(shapeOf(mixed(3))).toBe(shapeOf(mixed(30)));
    const typed = (n: number) => `SELECT 1 WHERE "s" IN (${Array.from({ length: n }, (_, i) => `$${i + 1}::"public"."EnrolmentStatus"`).join(", ")}) AND "at" < $${n + 1}::timestamp(3)`;
    expect(shapeOf(typed(2))).toBe(shapeOf(typed(8)));
    // Different statements keep different shapes.
    expect(shapeOf('SELECT "a" FROM "T" WHERE "a" = $1')).not.toBe(shapeOf('SELECT "b" FROM "T" WHERE "b" = $1'));
    expect(shapeOf('SELECT 1 WHERE "a" = $1 AND "b" = $2')).not.toBe(shapeOf('SELECT 1 WHERE "a" = $1'));
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
