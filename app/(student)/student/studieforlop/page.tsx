import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { IdentityForm } from "@/components/enrolments/identity-form";
import { ENROLMENT_STATUS, StatusBadge } from "@/components/status-badge";
import { saveOwnIdentityAction } from "@/lib/actions/enrolments";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { missingForFs } from "@/lib/domain/student-identity";
import { getOwnStudyHistory } from "@/lib/server/enrolments/history";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Studieforløp" };

export default async function StudyHistoryPage() {
  const viewer = await requirePageRole(["STUDENT"], "/student/studieforlop");
  const history = await getOwnStudyHistory(viewer);
  const missing = missingForFs(history.identity);
  return (
    <>
      <PageHeader title="Mitt studieforløp" lead="Kullene du har vært i, hva som har endret seg underveis, og opplysningene eksamensresultatet ditt registreres med i FS." />
      <div className="space-y-8">
        <section className="card" aria-labelledby="identitet" id="identitet-seksjon">
          <h2 id="identitet">Fødselsdato og studentnummer</h2>
          <p className="mt-2 text-slate-700">
            Eksamensresultatet ditt registreres i Felles studentsystem (FS) med fødselsdato og studentnummer. Bare du og studieveilederne ser dem her, og de står i
            eksamensprotokollen.
          </p>
          {missing.length > 0 ? (
            <p className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">Vi mangler {missing.join(" og ")}.</p>
          ) : history.identity ? (
            <p className="mt-3 text-sm text-slate-700">Sist endret {formatInstantNb(history.identity.updatedAt)}.</p>
          ) : null}
          <div className="mt-4 max-w-md">
            <IdentityForm
              action={saveOwnIdentityAction}
              own
              current={{
                birthDate: history.identity?.birthDate ?? history.suggestedBirthDate,
                studentNumber: history.identity?.studentNumber ?? null,
                fsPersonNumber: history.identity?.fsPersonNumber ?? null,
              }}
            />
          </div>
        </section>

        <section aria-labelledby="kull-heading" className="space-y-6">
          <h2 id="kull-heading">Kull</h2>
          {history.enrolments.length === 0 ? <p className="card">Du er ikke registrert i noe kull ennå.</p> : null}
          <ol className="space-y-6">
            {history.enrolments.map((enrolment) => {
              const status = ENROLMENT_STATUS[enrolment.status]!;
              return (
                <li key={enrolment.id} className="card">
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <h3 className="text-xl">
                      {enrolment.cohort.programme}, {enrolment.cohort.name}
                    </h3>
                    <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                  </div>
                  <ul className="mt-3 space-y-1">
                    <li>
                      {enrolment.transferredFrom
                        ? `Overført fra ${enrolment.transferredFrom} ${formatDateNb(osloDate(enrolment.startedAt))}.`
                        : `Kullet startet ${formatDateNb(enrolment.cohort.startsOn)}.`}
                    </li>
                    {enrolment.leaves.map((leave) => (
                      <li key={leave.id}>
                        {leave.status === "GRANTED"
                          ? `Permisjon ${formatDateNb(leave.from)}–${formatDateNb(leave.to)}${leave.endNote ? `, ${leave.endNote}` : ""}.`
                          : leave.status === "CANCELLED"
                            ? `Permisjon ${formatDateNb(leave.from)}–${formatDateNb(leave.to)} ble trukket tilbake før den begynte, slik du ba om.`
                            : `Søknad om permisjon ${formatDateNb(leave.from)}–${formatDateNb(leave.to)} ble avslått.`}
                      </li>
                    ))}
                    {enrolment.credits.map((credit) => (
                      <li key={credit.id}>
                        {credit.stands
                          ? `${credit.title} er godkjent på grunnlag av ${credit.from}.`
                          : `${credit.title} var godkjent på grunnlag av ${credit.from}, men den vurderingen er rettet til ikke godkjent. Arbeidskravet må leveres i kullet.`}
                      </li>
                    ))}
                    {enrolment.creditedDays > 0 ? <li>{enrolment.creditedDays} samlingsdager er godkjent som oppmøte fra det tidligere kullet.</li> : null}
                    {enrolment.endedOn ? (
                      <li>
                        {enrolment.status === "TRANSFERRED" && enrolment.transferredTo
                          ? `Overført til ${enrolment.transferredTo}`
                          : enrolment.status === "COMPLETED"
                            ? "Fullført"
                            : "Sluttet"}{" "}
                        {formatDateNb(enrolment.endedOn)}.
                      </li>
                    ) : null}
                  </ul>
                  {enrolment.letters.length > 0 ? (
                    <>
                      <h4 className="mt-4 font-semibold">Brev</h4>
                      <ul className="mt-1 space-y-1">
                        {enrolment.letters.map((letter) => (
                          <li key={letter.id}>
                            <Link href={`/student/brev/${letter.id}`}>{letter.subject}</Link> <span className="text-sm text-slate-700">({formatDateNb(letter.madeAvailableOn)})</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </>
  );
}
