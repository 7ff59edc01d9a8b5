// The ranked list as CSV (Norwegian Excel: UTF-8 with BOM, semicolons), for advisers only. It
// ranks against the intake's own places (Cohort.capacity), whatever link or parameters it is
// opened with: a file that leaves the app must say what decisions will be made on, never a
// what-if from the ranking page (which stays on the page). Text cells are neutralised by lib/csv.
import { csvResponse, toCsv } from "@/lib/csv";
import { formatInstantNb } from "@/lib/domain/format";
import { isStaff } from "@/lib/permissions";
import { ownApplicationWhere } from "@/lib/server/admission/access";
import { viewRanking, type RankedRow } from "@/lib/server/admission/ranking";
import { db } from "@/lib/server/db";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const DECISION_TEXT = { OFFER: "Tilbud", WAITLIST: "Venteliste", REFUSAL: "Avslag" } as const;

export async function GET(_request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const cohortId = parseRecordId((await params).cohortId);
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401 });
  if (!isStaff(viewer) || !cohortId) return new Response(null, { status: 404 });
  const cohort = await db().cohort.findUnique({
    where: { id: cohortId },
    select: { code: true, capacity: true, _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } },
  });
  // Not for an adviser who has applied to the kull herself (canViewApplication).
  if (!cohort || cohort._count.applications > 0) return new Response(null, { status: 404 });
  const places = cohort.capacity;
  const ranking = await viewRanking(db(), cohortId, { places });
  const csv = toCsv<RankedRow>(ranking.rows, [
    { header: "Plass", value: (row) => row.rank },
    { header: "Navn", value: (row) => row.name },
    { header: "Prioritetskategori", value: (row) => row.category },
    { header: "Kategori overstyrt", value: (row) => (row.overridden ? "ja" : "nei") },
    { header: "Fylke", value: (row) => row.county },
    { header: "Sendt", value: (row) => formatInstantNb(row.submittedAt) },
    { header: `Innenfor ${places} plasser`, value: (row) => (row.withinPlaces ? "ja" : "nei") },
    { header: "Vedtak", value: (row) => (row.decision ? DECISION_TEXT[row.decision.outcome] + (row.decision.waitlistPosition ? ` ${row.decision.waitlistPosition}` : "") : "") },
    { header: "Flyttet av studieveileder", value: (row) => (row.move ? `Til plass ${row.move.toRank}: ${row.move.reason}` : "") },
    { header: "Begrunnelse", value: (row) => row.reasons.join(" ") },
  ]);
  return csvResponse(csv, `rangering-${cohort.code}-${places}-plasser.csv`);
}
