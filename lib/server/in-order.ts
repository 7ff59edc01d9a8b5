// No `server-only` marker: the demo seed uses it through lib/server/standings/refresh.ts.

/**
 * Runs reads one after another and returns their results as a tuple, like Promise.all. Inside a
 * transaction every query shares one connection, and `pg` will refuse overlapping queries on one
 * client (deprecated in pg 8, an error in pg 9), so transactional reads go in order.
 */
export async function inOrder<const Steps extends readonly (() => Promise<unknown>)[]>(
  ...steps: Steps
): Promise<{ -readonly [K in keyof Steps]: Awaited<ReturnType<Steps[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof Steps]: Awaited<ReturnType<Steps[K]>> };
}
