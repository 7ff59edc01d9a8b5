// The signed-in student's samlinger and exam as a one-off .ics file to import into a calendar.
// (To stay up to date, subscribe to the personal feed instead: /student/timeplan.)
import { calendarForViewer } from "@/lib/server/students/calendar";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!viewer.roles.includes("STUDENT")) return new Response(null, { status: 403, headers: { "Cache-Control": "no-store" } });
  const calendar = await calendarForViewer(viewer);
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="barnevernledelse-timeplan.ics"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
