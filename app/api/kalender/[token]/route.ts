// A student's personal calendar feed, for calendar apps to subscribe to. Read without a session:
// the URL's random secret is the key (lib/server/students/calendar.ts). Unknown, malformed and
// revoked URLs all get the same empty 404, and malformed ones never reach the database.
import { calendarForFeedToken, parseFeedToken } from "@/lib/server/students/calendar";

export const dynamic = "force-dynamic";

const HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  // The URL is a secret: keep it out of search engines and other sites' logs.
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = parseFeedToken((await params).token);
  if (!token) return new Response(null, { status: 404, headers: HEADERS });
  const calendar = await calendarForFeedToken(token);
  if (calendar === null) return new Response(null, { status: 404, headers: HEADERS });
  return new Response(calendar, {
    headers: {
      ...HEADERS,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="barnevernledelse.ics"',
    },
  });
}
