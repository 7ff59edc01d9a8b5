import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the app and its database answer, 503 otherwise. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    return Response.json({ status: "degraded", database: "unavailable" }, { status: 503, headers });
  }
}
