import { notFound } from "next/navigation";
import { queryStatsEnabled, takeQueryStats } from "@/lib/db/query-stats";

export const dynamic = "force-dynamic";

/**
 * `npm run bench` only (BENCH_QUERY_STATS=true): the SQL statements sent and the most pool
 * connections held at once since the previous call. Any other server answers 404.
 */
export async function GET() {
  if (!queryStatsEnabled()) notFound();
  return Response.json(takeQueryStats(), { headers: { "Cache-Control": "no-store" } });
}
