// Named (prepared) statements for the app's queries (issue 21). Prisma's `pg` adapter sends each
// query unnamed, so PostgreSQL parses and plans it again every time; for the nested selects that
// Prisma's relationJoins turn into one statement of many lateral joins, planning was most of the
// work: the student home's enrolment read took 13.4 ms, of which 12 were planning and 3 execution;
// prepared, 2.1 ms. The adapter names a statement when asked (`statementNameGenerator`); `pg`
// then parses it once per connection, and PostgreSQL may keep a generic plan for it after five
// runs (plan_cache_mode auto, which still plans per run where the values matter).
//
// Names come from the SQL text, so the same text always gets the same name and a name never
// stands for two texts. At most MAX_NAMED distinct texts are named per process (each pool
// connection then holds at most that many prepared statements); texts seen after that run
// unnamed, as before. A PgBouncer in transaction mode without prepared-statement support cannot
// carry named statements between connections: DATABASE_PREPARED_STATEMENTS=false turns this off.
import { createHash } from "node:crypto";

/** Distinct statement texts named per process; the app has a few hundred query shapes. */
export const MAX_NAMED = 1_000;
/**
 * Prisma writes a list (`in: ids`, an enum list, createMany's rows) as one placeholder per
 * element, so each length is a text of its own. Texts that differ only in the lengths of their
 * lists share a shape (shapeOf), and at most this many texts of one shape are named: one-off
 * lengths cannot use up the names the app's steady query shapes need. A statement of fixed shape
 * is named whatever its number of parameters (issue 21: a cap of 32 parameters left the student
 * pages' enrolment read, 38 parameters, planned on every request: 12 of its 15 ms).
 */
export const MAX_TEXTS_PER_SHAPE = 4;
/**
 * A shape that still has more placeholders than this after its lists are made one is left
 * unnamed: it has lists written in a way shapeOf does not see (a safety net; the app's largest
 * fixed statement has under 40).
 */
export const MAX_SHAPE_PLACEHOLDERS = 64;

const ITEM = "\u00a4";

/**
 * A statement's text with every list of placeholders (and every VALUES list of rows) made one.
 * A placeholder is `$n` with any cast (`$1::text`, `$2::"public"."Status"`, `$3::timestamp(3)`,
 * `CAST($4::text AS "public"."Status")`); `DEFAULT` in a row counts as one.
 */
export function shapeOf(sql: string): string {
  return sql
    .replace(/CAST\(\$\d+(?:::[\w".]+)? AS [^)]*\)/g, ITEM)
    .replace(/\$\d+(?:::(?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))*(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?)?/g, ITEM)
    .replace(/\bDEFAULT\b/g, ITEM)
    .replace(/\u00a4(?:\s*,\s*\u00a4)+/g, "\u00a4\u2026")
    .replace(/\(\u00a4\u2026?\)(?:\s*,\s*\(\u00a4\u2026?\))+/g, "(\u00a4)\u2026");
}

/** A generator for PrismaPg's `statementNameGenerator`: "" leaves a statement unnamed. */
export function statementNamer(maxNamed = MAX_NAMED): (query: { sql: string; args?: readonly unknown[] }) => string {
  const names = new Map<string, string>();
  const perShape = new Map<string, number>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= maxNamed) return "";
    const shape = shapeOf(sql);
    const texts = perShape.get(shape) ?? 0;
    if (texts >= MAX_TEXTS_PER_SHAPE) return "";
    if (shape.split(ITEM).length - 1 > MAX_SHAPE_PLACEHOLDERS) return "";
    perShape.set(shape, texts + 1);
    // 96 bits of SHA-256: two texts sharing a name (pg would refuse the second) is not a concern.
    const name = `s${createHash("sha256").update(sql).digest("base64url").slice(0, 16)}`;
    names.set(sql, name);
    return name;
  };
}
