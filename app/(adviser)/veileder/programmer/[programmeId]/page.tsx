import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { ProgrammeForm } from "@/components/programmes/programme-form";
import { arbeidskravSetItem } from "@/components/cohort/arbeidskrav-set-items";
import { EditToggle } from "@/components/ui/edit-toggle";
import { DataTable, type Column } from "@/components/ui/data-table";
import { saveProgrammeArbeidskravAction, updateProgrammeAction } from "@/lib/actions/programmes";
import { ProgrammeArbeidskravForm } from "@/components/programmes/programme-arbeidskrav-form";
import { ARBEIDSKRAV_KIND_LABELS, GROUPINGS, groupingOf } from "@/lib/domain/arbeidskrav";
import { describeRequirements } from "@/lib/domain/requirements";
import { NotFoundError } from "@/lib/server/errors";
import { getProgramme, type ProgrammeTemplate } from "@/lib/server/programmes/queries";
import { requirePageRole } from "@/lib/server/viewer";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "Studieprogram" };

type Template = ProgrammeTemplate["arbeidskravTemplates"][number];

export default async function ProgrammePage({ params, searchParams }: { params: Promise<{ programmeId: string }>; searchParams: Promise<{ opprettet?: string }> }) {
  const { programmeId } = await params;
  const { opprettet } = await searchParams;
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/programmer/${encodeURIComponent(programmeId)}`);
  const programme = await getProgramme(viewer, programmeId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const columns: Column<Template>[] = [
    {
      key: "title",
      header: "Arbeidskrav",
      rowHeader: true,
      cell: (row) => `${row.number}. ${row.title}`,
    },
    { key: "kind", header: "Type", cell: (row) => ARBEIDSKRAV_KIND_LABELS[row.kind] },
    {
      key: "form",
      header: "Leveres",
      cell: (row) => {
        const grouping = groupingOf(row);
        return `${grouping ? GROUPINGS[grouping].label : `Gruppe på ${row.minGroupSize}–${row.maxGroupSize}`}${row.oralPresentation ? ", legges fram muntlig" : ""}${row.required ? "" : " (valgfritt)"}`;
      },
    },
  ];
  const { arbeidskrav } = programme.requirements;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/veileder/programmer">← Studieprogrammer</Link>
      </p>
      <PageHeader title={programme.name} lead={`Kode ${programme.code}. Malen gjelder kull som opprettes fra nå av; kull som finnes, beholder sine egne krav.`} />
      {opprettet ? (
        <DoneMessage>
          Studieprogrammet er opprettet. Nå kan studieveilederne opprette kull i det.
        </DoneMessage>
      ) : null}
      <div className="space-y-6">
        <section className="card" aria-labelledby="mal-heading">
          <h2 id="mal-heading" className="mb-4">Malen for nye kull</h2>
          <ProgrammeForm
            action={updateProgrammeAction}
            hidden={{ programmeId: programme.id }}
            creating={false}
            submitLabel="Lagre studieprogrammet"
            initial={{
              code: programme.code,
              name: programme.name,
              description: programme.description,
              credits: programme.credits,
              fsCourseCode: programme.fsCourseCode,
              fsCourseVersion: programme.fsCourseVersion,
              attendanceThresholdPercent: programme.attendanceThresholdPercent,
              adviserName: programme.adviserName,
              adviserEmail: programme.adviserEmail,
              adviserPhone: programme.adviserPhone,
              academicLeadName: programme.academicLeadName,
              academicLeadEmail: programme.academicLeadEmail,
              academicLeadPhone: programme.academicLeadPhone,
              offerWelcomeText: programme.offerWelcomeText,
              offerPracticalText: programme.offerPracticalText,
            }}
          />
        </section>

        <section className="card space-y-4" aria-labelledby="arbeidskrav-heading">
          <h2 id="arbeidskrav-heading">Arbeidskrav i studieplanen</h2>
          <p>{describeRequirements(programme.requirements).replace("For å gå opp til eksamen må du ha", "For å gå opp til eksamen må studentene ha")}</p>
          <p className="text-slate-700">
            {arbeidskrav.fagnotat} fagnotat (minst {arbeidskrav.individualFagnotatMin} individuelt), {arbeidskrav.ledertrening} ledertreningsoppgaver,{" "}
            {arbeidskrav.oral} lagt fram muntlig.
          </p>
          {programme.templateProblems.length > 0 ? (
            <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
              <p className="font-medium">Malen stemmer ikke med kravene, så nye kull kan ikke publiseres uten endringer:</p>
              <ul className="mt-1 list-disc pl-5">
                {programme.templateProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <DataTable caption="Arbeidskravene i malen" columns={columns} rows={programme.arbeidskravTemplates} rowKey={(row) => String(row.number)} />
          <EditToggle summary="Endre arbeidskravene i malen">
            <div className="mt-3">
              <ProgrammeArbeidskravForm
                action={saveProgrammeArbeidskravAction}
                programmeId={programme.id}
                composition={{
                  fagnotat: arbeidskrav.fagnotat,
                  ledertrening: arbeidskrav.ledertrening,
                  oral: arbeidskrav.oral,
                  individualFagnotatMin: arbeidskrav.individualFagnotatMin,
                }}
                items={programme.arbeidskravTemplates.map((row) => arbeidskravSetItem(row, { dueDate: null, handedIn: false }))}
              />
            </div>
          </EditToggle>
        </section>

        <section className="card" aria-labelledby="kull-heading">
          <h2 id="kull-heading">Kull i programmet</h2>
          {programme.cohorts.length === 0 ? (
            <p className="mt-2 text-slate-700">
              Ingen kull ennå. <Link href="/veileder/kull/ny">Opprett et kull</Link>.
            </p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {programme.cohorts.map((cohort) => (
                <li key={cohort.id}>
                  <Link href={`/veileder/kull/${cohort.id}`}>{cohort.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
