import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { formatDays } from "@/components/cohort-summary";
import { ARBEIDSKRAV_STATUS, ELIGIBILITY_STATUS, StatusBadge } from "@/components/status-badge";
import { formatAttendancePercent } from "@/lib/domain/eligibility";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { getStudentOverview } from "@/lib/server/students/overview";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Mine studier" };

export default async function StudentHome() {
  const viewer = await requirePageRole(["STUDENT"], "/student");
  const enrolments = await getStudentOverview(viewer);
  if (enrolments.length === 0) {
    return (
      <>
        <PageHeader title="Mine studier" />
        <p className="card">Du er ikke registrert i noe kull ennå.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Mine studier" lead={`Hei, ${viewer.name}. Her ser du samlinger, oppmøte, arbeidskrav og eksamen.`} />
      <div className="space-y-10">
        {enrolments.map((enrolment) => {
          const { eligibility } = enrolment;
          const status = ELIGIBILITY_STATUS[eligibility.status]!;
          return (
            <article key={enrolment.enrolmentId} aria-labelledby={`kull-${enrolment.cohort.id}`} className="space-y-6">
              <h2 id={`kull-${enrolment.cohort.id}`} className="text-2xl">
                {enrolment.cohort.programme} – {enrolment.cohort.name}
              </h2>

              <section className="card" aria-labelledby={`eksamensrett-${enrolment.enrolmentId}`}>
                <h3 id={`eksamensrett-${enrolment.enrolmentId}`}>Rett til å gå opp til eksamen</h3>
                <p className="mt-2">
                  <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                </p>
                <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium">Oppmøte</dt>
                  <dd>
                    {eligibility.attendance.attended} av {eligibility.attendance.scheduled} samlingsdager (
                    {formatAttendancePercent(eligibility.attendance.attended, eligibility.attendance.scheduled, eligibility.attendance.requiredPercent)}). Du kan ha
                    fravær fra {eligibility.attendance.absencesLeft} dager til.
                  </dd>
                  <dt className="font-medium">Arbeidskrav</dt>
                  <dd>
                    {eligibility.arbeidskrav.approved} av {eligibility.arbeidskrav.required} godkjent
                  </dd>
                </dl>
                {eligibility.reasons.length > 0 ? (
                  <ul className="mt-4 list-disc space-y-1 pl-5 text-slate-800">
                    {eligibility.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                ) : null}
              </section>

              {enrolment.exam ? (
                <section className="card" aria-labelledby={`eksamen-${enrolment.enrolmentId}`}>
                  <h3 id={`eksamen-${enrolment.enrolmentId}`}>Eksamen</h3>
                  <p className="mt-2">
                    {enrolment.exam.title}: {formatDays([enrolment.exam.startsOn, enrolment.exam.endsOn])}
                  </p>
                  <p className="mt-2">
                    {enrolment.exam.registration?.grade ? (
                      <>
                        Karakter: <strong className="text-xl">{enrolment.exam.registration.grade}</strong>
                        {enrolment.exam.registration.grade === "F" ? " (ikke bestått)" : null}
                      </>
                    ) : enrolment.exam.registration?.gradeUnpublished ? (
                      "Karakter: ikke publisert ennå."
                    ) : enrolment.exam.registration ? (
                      "Du er oppmeldt til eksamen."
                    ) : (
                      "Du er ikke oppmeldt til eksamen ennå."
                    )}
                  </p>
                </section>
              ) : null}

              <section className="card" aria-labelledby={`arbeidskrav-${enrolment.enrolmentId}`}>
                <h3 id={`arbeidskrav-${enrolment.enrolmentId}`}>Arbeidskrav</h3>
                <ul className="mt-4 divide-y divide-slate-200">
                  {enrolment.arbeidskrav.map((item) => {
                    const itemStatus = ARBEIDSKRAV_STATUS[item.status]!;
                    const latest = item.attempts.at(-1);
                    return (
                      <li key={item.id} className="py-3">
                        <div className="flex flex-wrap items-center justify-between gap-2">
                          <p className="font-medium">
                            {item.number}. {item.title}
                            {item.oralPresentation ? " · legges fram muntlig" : ""}
                          </p>
                          <StatusBadge tone={itemStatus.tone}>{itemStatus.label}</StatusBadge>
                        </div>
                        <p className="text-sm text-slate-700">Frist {formatDateNb(item.dueDate)}</p>
                        {item.groupMembers.length > 0 ? (
                          <p className="text-sm text-slate-700">Gruppe: {item.groupMembers.join(", ")}</p>
                        ) : null}
                        {latest?.feedback ? (
                          <p className="mt-1 text-sm">
                            <span className="font-medium">Tilbakemelding:</span> {latest.feedback}
                          </p>
                        ) : null}
                        {item.attempts.length > 1 ? (
                          <p className="text-sm text-slate-700">
                            Levert {item.attempts.length} ganger, sist {formatInstantNb(latest!.submittedAt)}.
                          </p>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </section>

              <section className="card" aria-labelledby={`samlinger-${enrolment.enrolmentId}`}>
                <h3 id={`samlinger-${enrolment.enrolmentId}`}>Samlinger og oppmøte</h3>
                {enrolment.basisgruppe ? (
                  <p className="mt-2 text-slate-700">
                    {enrolment.basisgruppe.name}
                    {enrolment.basisgruppe.supervisor ? `, prosessveileder ${enrolment.basisgruppe.supervisor.name}` : ""}
                  </p>
                ) : null}
                <div className="mt-4 overflow-x-auto">
                  <table className="w-full min-w-[20rem] text-left text-sm">
                    <caption className="sr-only">Samlingsdager og ditt oppmøte</caption>
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className="py-2 pr-4">Samling</th>
                        <th scope="col" className="py-2 pr-4">Dager</th>
                        <th scope="col" className="py-2">Oppmøte</th>
                      </tr>
                    </thead>
                    <tbody>
                      {enrolment.samlinger.map((samling) => {
                        const registered = samling.days.filter((d) => d.attendance !== null);
                        const present = registered.filter((d) => d.attendance === "PRESENT").length;
                        const past = samling.days.every((d) => d.date < enrolment.today);
                        return (
                          <tr key={samling.number} className="border-b border-slate-100 align-top">
                            <th scope="row" className="py-2 pr-4 font-medium">{samling.title}</th>
                            <td className="py-2 pr-4">{formatDays(samling.days.map((d) => d.date))}</td>
                            <td className="py-2">
                              {registered.length === 0
                                ? past
                                  ? "Ikke registrert"
                                  : "Kommer"
                                : `${present} av ${samling.days.length} dager`}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
            </article>
          );
        })}
      </div>
    </>
  );
}
