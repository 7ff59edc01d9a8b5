// The end-to-end tests' clock (lib/clock/test-clock.ts): 404 unless the server was started with
// E2E_TEST_CLOCK=true. POST {"now": "2027-03-01T09:00:00+01:00"} moves the server's clock there;
// {"now": null} puts it back. GET tells the time the server reads.
import { NextResponse } from "next/server";
import { z } from "zod";
import { resetTestClock, setTestClock, testClockEnabled } from "@/lib/clock/test-clock";

export const dynamic = "force-dynamic";

const body = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

export async function GET() {
  if (!testClockEnabled()) return new NextResponse(null, { status: 404 });
  return NextResponse.json({ now: new Date().toISOString() });
}

export async function POST(request: Request) {
  if (!testClockEnabled()) return new NextResponse(null, { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "now: an ISO date-time with offset, or null" }, { status: 400 });
  if (parsed.data.now === null) resetTestClock();
  else setTestClock(new Date(parsed.data.now));
  return NextResponse.json({ now: new Date().toISOString() });
}
