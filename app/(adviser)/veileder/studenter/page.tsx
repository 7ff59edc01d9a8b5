import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { ENROLMENT_STATUS, StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { searchStudents, STUDENT_LIST_LIMIT, type StudentSearchResult } from "@/lib/server/enrolments/queries";
import { requirePageRole } from "@/lib/server/viewer";
import { searchText } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Studenter" };

const columns: Column<StudentSearchResult>[] = [
  {
    key: "navn",
    header: "Student",
    rowHeader: true,
    cell: (student) => (
      <>
        <Link href={`/veileder/studenter/${student.userId}`}>{student.name}</Link>
        <span className="block font-normal text-slate-700 wrap-anywhere">{student.email}</span>
      </>
    ),
  },
  {
    key: "kull",
    header: "Kull og status",
    cell: (student) => (
      <ul className="space-y-1">
        {student.enrolments.map((enrolment) => {
          const status = ENROLMENT_STATUS[enrolment.status]!;
          return (
            <li key={enrolment.id} className="flex flex-wrap items-center gap-2">
              <span>
                {enrolment.cohort.programme.name}, {enrolment.cohort.name}
              </span>
              <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            </li>
          );
        })}
      </ul>
    ),
  },
];

export default async function StudentsPage({ searchParams }: { searchParams: Promise<{ q?: string; kull?: string }> }) {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/studenter");
  const { q, kull } = await searchParams;
  const result = await searchStudents(viewer, { query: typeof q === "string" ? q : null, cohortId: typeof kull === "string" && kull ? kull.slice(0, 40) : null });
  const { text } = result;
  const listed = result.cohort || text;
  const heading = text
    ? `Treff for «${text}»${result.cohort ? ` i ${result.cohort.label}` : ""}`
    : result.cohort
      ? `Studenter i ${result.cohort.label}`
      : "Studenter med permisjon nå";
  return (
    <>
      <PageHeader
        title="Studenter"
        lead="Finn en student i alle kull. På studentens side ser du studieforløpet, fødselsdato og studentnummer, og registrerer permisjon, at studenten slutter, fullfører eller overføres til et senere kull."
      />
      <section className="card mb-6" aria-labelledby="finn-heading">
        <h2 id="finn-heading">Finn en student</h2>
        <form role="search" className="mt-2 flex flex-wrap items-end gap-3" action="/veileder/studenter">
          <div className="grow">
            <label htmlFor="q" className="block font-medium">
              Søk på navn eller e-post
            </label>
            <input id="q" name="q" type="search" defaultValue={searchText(q)} className="input mt-1" aria-describedby={result.tooShort ? "q-hint" : undefined} />
            {result.tooShort ? (
              <p id="q-hint" className="mt-1 text-sm text-slate-700">
                Skriv minst to tegn.
              </p>
            ) : null}
          </div>
          <div className="grow">
            <label htmlFor="kull" className="block font-medium">
              Kull
            </label>
            <select id="kull" name="kull" defaultValue={result.cohort?.id ?? ""} className="input mt-1">
              <option value="">Alle kull</option>
              {result.cohorts.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            Søk
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="sok-heading">
        <h2 id="sok-heading">{heading}</h2>
        {result.unknownCohort ? <p className="mt-1 text-slate-700">Fant ikke kullet. Listen gjelder alle kull.</p> : null}
        {result.truncated ? (
          <p id="sok-avkortet" className="mt-1 text-slate-700">
            Viser de {STUDENT_LIST_LIMIT} første i alfabetisk rekkefølge.{" "}
            {text ? "Skriv mer av navnet eller e-postadressen for å finne den du leter etter." : "Søk på navn eller e-post i tillegg for å finne den du leter etter."}
          </p>
        ) : null}
        <div className="mt-2">
          <DataTable
            caption={heading}
            columns={columns}
            rows={result.students}
            rowKey={(student) => student.userId}
            empty={listed ? (text ? "Ingen studenter passer med søket." : "Kullet har ingen studenter.") : "Ingen studenter har permisjon nå."}
          />
        </div>
      </section>
    </>
  );
}
