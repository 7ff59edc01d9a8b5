import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { AttendanceDayForm } from "@/components/cohort/attendance-day-form";
import { AbsenceNoticeReason } from "@/components/ui/absence-notice-reason";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { getDayAttendance } from "@/lib/server/cohorts/attendance";
import { found, idOr404, loadCohortPage } from "../../load";
import { countNoun } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Oppmøte for en dag" };

export default async function AttendanceDayPage({ params }: { params: Promise<{ cohortId: string; dayId: string }> }) {
  const { dayId } = await params;
  const { viewer, cohort } = await loadCohortPage(params, `/oppmote/${dayId}`);
  const day = await found(getDayAttendance(viewer, cohort.id, idOr404(dayId)));
  const dayLabel = `${day.day.weekday} ${formatDateNb(day.day.date)}`;
  const base = `/kull/${cohort.id}/oppmote`;
  const { previous, next } = day.neighbours;
  return (
    <>
      <PageHeader
        title={`Oppmøte ${dayLabel}`}
        lead={
          <>
            {day.samling.title} ({day.day.week}), {day.samling.location}. {countNoun(day.students.length, "student", "studenter")}
            {day.registered > 0 ? `, ${day.registered} registrert` : ""}.
          </>
        }
      />
      {day.samling.sharedWith.length > 0 ? (
        <p className="mb-4 rounded-md border border-slate-300 bg-white p-3 text-sm">
          Felles samling med {day.samling.sharedWith.join(" og ")}. Her registrerer du oppmøte for studentene i {cohort.name}; det andre
          kullet registreres på sin egen side.
        </p>
      ) : null}
      <nav aria-label="Samlingsdagene i kullet" className="mb-4 flex flex-wrap gap-3 text-sm">
        {previous ? (
          <Link href={`${base}/${previous.id}`} className="inline-flex min-h-11 items-center">
            ← {formatDateNb(previous.date)}
            <span className="sr-only"> (forrige samlingsdag)</span>
          </Link>
        ) : null}
        <Link href={base} className="inline-flex min-h-11 items-center">
          Hele oppmøteoversikten
        </Link>
        {next ? (
          <Link href={`${base}/${next.id}`} className="inline-flex min-h-11 items-center">
            {formatDateNb(next.date)} →<span className="sr-only"> (neste samlingsdag)</span>
          </Link>
        ) : null}
      </nav>
      {day.mode === "FUTURE" ? (
        <div className="space-y-4">
          <p className="card">
            Dagen har ikke kommet ennå. Oppmøtet kan registreres fra {formatDateNb(day.day.date)}.
          </p>
          <section className="card" aria-labelledby="meldinger-heading">
            <h2 id="meldinger-heading">Fraværsmeldinger for dagen</h2>
            {day.students.some((s) => s.absenceNotice) ? (
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {day.students
                  .filter((s) => s.absenceNotice)
                  .map((s) => (
                    <li key={s.enrolmentId}>
                      <span className="font-medium">{s.name}</span>: <AbsenceNoticeReason reason={s.absenceNotice!.reason} />
                    </li>
                  ))}
              </ul>
            ) : (
              <p className="mt-2 text-slate-700">Ingen har meldt fravær for denne dagen.</p>
            )}
          </section>
        </div>
      ) : (
        <AttendanceDayForm
          cohortId={cohort.id}
          samlingDayId={day.day.id}
          mode={day.mode}
          dayLabel={dayLabel}
          students={day.students.map((s) => ({
            enrolmentId: s.enrolmentId,
            name: s.name,
            basisgruppe: s.basisgruppe?.name ?? null,
            mine: s.mine,
            status: s.status,
            note: s.note,
            absenceNotice: s.absenceNotice ? { reason: s.absenceNotice.reason, sentAt: s.absenceNotice.sentAt.toISOString() } : null,
            credited: s.credited,
            onLeave: s.onLeave,
            self: s.self,
          }))}
        />
      )}
      {day.corrections.length > 0 ? (
        <section className="card mt-6" aria-labelledby="rettinger-heading">
          <h2 id="rettinger-heading">Rettinger etter dagen</h2>
          <p className="mt-1 text-sm text-slate-700">Nyeste først. Studenten får e-post når registreringen endres.</p>
          <ol className="mt-3 space-y-3">
            {day.corrections.map((correction) => (
              <li key={correction.id} className="border-l-4 border-slate-300 pl-3">
                <p>
                  <span className="font-medium">{correction.student}</span>: {correction.before} → {correction.after}
                </p>
                <p className="text-sm text-slate-700">
                  {formatInstantNb(correction.at)}, {correction.by}
                </p>
                {correction.reason ? <p className="mt-1">Begrunnelse: {correction.reason}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
