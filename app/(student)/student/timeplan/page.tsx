import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { CalendarFeed } from "@/components/student/calendar-feed";
import { DataTable, type Column } from "@/components/ui/data-table";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/actions/student";
import { formatInstantNb } from "@/lib/domain/format";
import { formatDateSpanNb, formatWeeksNb, type SamlingPhase } from "@/lib/domain/schedule";
import { getCalendarFeedStatus } from "@/lib/server/students/calendar";
import type { StudentOverview } from "@/lib/server/students/overview";
import { loadStudent } from "../load";

export const metadata: Metadata = { title: "Timeplan" };

type Samling = StudentOverview["samlinger"][number];

const PHASE: Record<SamlingPhase, { label: string; tone: Tone }> = {
  HELD: { label: "Holdt", tone: "neutral" },
  ONGOING: { label: "Pågår", tone: "good" },
  UPCOMING: { label: "Kommer", tone: "wait" },
};

const columns: Column<Samling>[] = [
  {
    key: "title",
    header: "Samling",
    rowHeader: true,
    cell: (samling) => (
      <span className="flex flex-wrap items-center gap-2">
        {samling.title} <StatusBadge tone={PHASE[samling.phase].tone}>{PHASE[samling.phase].label}</StatusBadge>
      </span>
    ),
  },
  { key: "days", header: "Dager", cell: (samling) => formatDateSpanNb(samling.days.map((day) => day.date)) },
  { key: "week", header: "Uke", cell: (samling) => samling.weeks.replace(/^uke /, "") },
  {
    key: "location",
    header: "Sted",
    cell: (samling) => (
      <>
        {samling.location}
        {samling.notes ? <span className="block text-sm text-slate-700">{samling.notes}</span> : null}
      </>
    ),
  },
];

export default async function SchedulePage() {
  const { viewer, enrolments } = await loadStudent("/student/timeplan");
  const feed = await getCalendarFeedStatus(viewer);
  return (
    <>
      <PageHeader title="Timeplan" lead="Samlingene og eksamen, med datoer, ukenummer og sted. Få dem inn i din egen kalender nederst på siden." />
      <div className="space-y-8">
        {enrolments.map((enrolment) => (
          <section key={enrolment.enrolmentId} className="card" aria-labelledby={`plan-${enrolment.enrolmentId}`}>
            <h2 id={`plan-${enrolment.enrolmentId}`}>
              {enrolment.cohort.programme} – {enrolment.cohort.name}
            </h2>
            <div className="mt-4">
              <DataTable caption={`Samlinger i ${enrolment.cohort.name}`} columns={columns} rows={enrolment.samlinger} rowKey={(samling) => String(samling.number)} />
            </div>
            {enrolment.exam ? (
              <p className="mt-4">
                <span className="font-semibold">Eksamen:</span> {enrolment.exam.title},{" "}
                {formatDateSpanNb([enrolment.exam.startsOn, enrolment.exam.endsOn])} ({formatWeeksNb([enrolment.exam.startsOn, enrolment.exam.endsOn])}).
              </p>
            ) : null}
          </section>
        ))}

        <section className="card" aria-labelledby="kalender-heading">
          <h2 id="kalender-heading">I din egen kalender</h2>
          <p className="mt-2 max-w-3xl">
            Abonner på samlingsdagene og eksamensdagene i Google Kalender, Outlook eller på telefonen. Flyttes en dato, flyttes avtalen i
            kalenderen din også.
          </p>
          <CalendarFeed
            active={
              feed.active
                ? {
                    created: `laget ${formatInstantNb(feed.active.createdAt)}`,
                    lastRead: feed.active.lastReadAt ? formatInstantNb(feed.active.lastReadAt) : null,
                  }
                : null
            }
            createAction={createCalendarFeedAction}
            revokeAction={revokeCalendarFeedAction}
          />
          <h3 className="mt-6">Bare én gang</h3>
          <p className="mt-2 max-w-3xl">
            Vil du heller legge datoene inn én gang, kan du{" "}
            <a href="/api/student/kalender" download>
              laste ned timeplanen som .ics-fil
            </a>
            . Filen oppdateres ikke når en dato endres.
          </p>
        </section>
      </div>
    </>
  );
}
