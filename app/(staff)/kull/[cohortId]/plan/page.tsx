import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { formatDays } from "@/components/cohort-summary";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm } from "@/components/ui/action-form";
import { EditToggle } from "@/components/ui/edit-toggle";
import { ClosedRecord } from "@/components/ui/record-form";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import {
  addSamlingAction,
  addSamlingDayAction,
  copyPlanAction,
  createArbeidskravFromTemplateAction,
  removeSamlingAction,
  removeSamlingDayAction,
  shareSamlingAction,
  saveArbeidskravSetAction,
  updateRequirementsAction,
  updateSamlingAction,
} from "@/lib/actions/cohort-plan";
import { ARBEIDSKRAV_KIND_LABELS, GROUPINGS, groupingOf } from "@/lib/domain/arbeidskrav";
import { ArbeidskravSetForm } from "@/components/cohort/arbeidskrav-set-form";
import { ExamDaysForm } from "@/components/cohort/exam-days-form";
import { arbeidskravSetItem } from "@/components/cohort/arbeidskrav-set-items";
import { weeksBetween } from "@/lib/domain/cohort-plan";
import { countNoun, formatDateNb } from "@/lib/domain/format";
import { describeRequirements } from "@/lib/domain/requirements";
import { getCohortPlan, suggestedDueDates, type CohortPlan } from "@/lib/server/cohorts/plan";
import { found, loadCohortPage } from "../load";
import { onlyAcademicLead } from "@/lib/domain/contacts";

export const metadata: Metadata = { title: "Plan for kullet" };

function describeGrouping(row: { individualOnly: boolean; minGroupSize: number; maxGroupSize: number }): string {
  const grouping = groupingOf(row);
  return grouping ? GROUPINGS[grouping].label.toLowerCase() : `gruppe på ${row.minGroupSize}–${row.maxGroupSize}`;
}

type Arbeidskrav = CohortPlan["arbeidskrav"][number];

const small = "btn-secondary min-h-10 px-3 py-1 text-sm";

export default async function PlanPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params, "/plan");
  const plan = await found(getCohortPlan(viewer, cohort.id));
  const hidden = { cohortId: cohort.id };
  const arbeidskravColumns: Column<Arbeidskrav>[] = [
    {
      key: "title",
      header: "Arbeidskrav",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.number}. {row.title}
          <span className="block text-sm font-normal text-slate-700">
            {ARBEIDSKRAV_KIND_LABELS[row.kind]} · {describeGrouping(row)}
            {row.oralPresentation ? " · legges fram muntlig" : ""}
          </span>
          {/* Readable here too, not only in the set's form (which an archived kull does not show). */}
          {row.description ? <span className="mt-1 block whitespace-pre-line text-sm font-normal">{row.description}</span> : null}
        </>
      ),
    },
    { key: "required", header: "Teller for eksamen", cell: (row) => (row.required ? "Obligatorisk" : "Valgfritt, teller ikke") },
    { key: "due", header: "Frist", cell: (row) => formatDateNb(row.dueDate) },
    { key: "submissions", header: "Innleveringer", numeric: true, cell: (row) => row.submissions },
  ];
  const dueSuggestions = suggestedDueDates(plan, plan.programme.templates.length);
  const lastSamlingNumber = plan.samlinger.length;
  const firstDay = plan.samlinger[0]?.days[0]?.date ?? null;

  return (
    <>
      <PageHeader title={`Plan, ${cohort.name}`} lead="Samlinger og dager, eksamen og arbeidskrav med frister. Endringer her ser studentene med en gang." />
      {plan.closedReason && cohort.phase !== "ARCHIVED" ? <p className="mb-6 rounded-md border border-slate-300 bg-slate-50 p-3">{plan.closedReason}</p> : null}
      {/* A completed kull's plan stands: the same closed record as an archived kull's pages (no folds, controls disabled). */}
      <ClosedRecord closed={plan.closedReason !== null}>
        <div className="space-y-6">
          <section className="card space-y-3" aria-labelledby="krav-heading">
            <h2 id="krav-heading">Kravene for kullet</h2>
            <p>{describeRequirements(plan.requirements).replace("For å gå opp til eksamen må du ha", "For å gå opp til eksamen må studentene ha")}</p>
            <p className="text-slate-700">
              {plan.requirements.arbeidskrav.fagnotat} fagnotat (minst {plan.requirements.arbeidskrav.individualFagnotatMin} individuelt),{" "}
              {plan.requirements.arbeidskrav.ledertrening} ledertreningsoppgaver, {plan.requirements.arbeidskrav.oral} lagt fram muntlig.{" "}
              {plan.totalDays} samlingsdager i planen.
            </p>
            {plan.canEditRequirements ? (
              <EditToggle summary={`Endre kravene (før kullet starter ${formatDateNb(plan.startsOn)})`}>
                <ActionForm action={updateRequirementsAction} hidden={hidden} submitLabel="Lagre kravene" className="mt-3 grid gap-4 sm:grid-cols-2">
                  <TextField name="attendancePercent" type="number" min={1} max={100} required label="Oppmøtekrav (prosent)" defaultValue={plan.requirements.attendancePercent} />
                  <TextField name="fagnotat" type="number" min={0} max={20} required label="Antall fagnotat" defaultValue={plan.requirements.arbeidskrav.fagnotat} />
                  <TextField name="individualFagnotatMin" type="number" min={0} max={20} required label="Hvorav individuelle, minst" defaultValue={plan.requirements.arbeidskrav.individualFagnotatMin} />
                  <TextField name="ledertrening" type="number" min={0} max={20} required label="Antall ledertreningsoppgaver" defaultValue={plan.requirements.arbeidskrav.ledertrening} />
                  <TextField name="oral" type="number" min={0} max={20} required label="Antall som legges fram muntlig" defaultValue={plan.requirements.arbeidskrav.oral} />
                </ActionForm>
              </EditToggle>
            ) : (
              <p className="text-sm text-slate-700">
                {plan.canAdminister ? "Kullet har startet, så kravene står fast." : "Studieveileder kan endre kravene før kullet starter."}
              </p>
            )}
          </section>

          <section className="card space-y-4" aria-labelledby="samlinger-heading">
            <h2 id="samlinger-heading">Samlinger ({plan.samlinger.length})</h2>
            {plan.samlinger.length === 0 ? <p className="text-slate-700">Kullet har ingen samlinger ennå.</p> : null}
            <ol className="space-y-4">
              {plan.samlinger.map((samling) => (
                <li key={samling.id} className="rounded-md border border-slate-300 p-4">
                  <h3>
                    {samling.title} <span className="font-normal text-slate-700">· {samling.week}</span>
                  </h3>
                  <p className="text-slate-700">
                    {formatDays(samling.days.map((d) => d.date))}, {samling.location}
                  </p>
                  {samling.notes ? <p className="text-sm text-slate-700">{samling.notes}</p> : null}
                  {samling.sharedWith.length > 0 ? (
                    <p className="mt-1 text-sm font-medium">Felles samling med {samling.sharedWith.map((s) => s.label).join(" og ")}.</p>
                  ) : null}
                  <ul className="mt-3 space-y-2">
                    {samling.days.map((day) => (
                      <li key={day.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                        <span className="min-w-40">
                          {day.weekday} {formatDateNb(day.date)}
                        </span>
                        {day.removalRefusal ? (
                          <span className="text-sm text-slate-700">{day.attendance > 0 ? `Oppmøte registrert (${countNoun(day.attendance, "student", "studenter")}${samling.sharedWith.length > 0 ? " i kullene som deler samlingen" : ""})` : day.absenceNotices > 0 ? `${day.absenceNotices} ${day.absenceNotices === 1 ? "fraværsmelding" : "fraværsmeldinger"}` : ""}</span>
                        ) : (
                          <ActionButton action={removeSamlingDayAction} hidden={{ ...hidden, samlingDayId: day.id }} className={small} context={`${formatDateNb(day.date)} fra ${samling.title}`} pendingText="…">
                            Fjern dagen
                          </ActionButton>
                        )}
                      </li>
                    ))}
                  </ul>
                  <EditToggle className="mt-3" summary={`Endre ${samling.title}`}>
                    <div className="mt-3 space-y-6">
                      <ActionForm action={updateSamlingAction} hidden={{ ...hidden, samlingId: samling.id }} submitLabel="Lagre samlingen" label={`Endre ${samling.title}`}>
                        {samling.sharedWith.length > 0 ? <p className="text-sm">Samlingen er felles: endringen gjelder også det andre kullet.</p> : null}
                        <TextField id={`title-${samling.id}`} name="title" required label="Navn" defaultValue={samling.title} />
                        <TextField id={`location-${samling.id}`} name="location" required label="Sted" defaultValue={samling.location} />
                        <TextAreaField id={`notes-${samling.id}`} name="notes" label="Merknad" rows={2} defaultValue={samling.notes ?? ""} />
                      </ActionForm>
                      <ActionForm action={addSamlingDayAction} hidden={{ ...hidden, samlingId: samling.id }} submitLabel="Legg til dagen" submitClassName="btn-secondary" className="flex flex-wrap items-end gap-3" label={`Ny dag i ${samling.title}`}>
                        <TextField id={`date-${samling.id}`} name="date" type="date" required label="Ny dag" />
                      </ActionForm>
                      {samling.removalRefusal ? (
                        <p className="text-sm text-slate-700">{samling.removalRefusal}</p>
                      ) : (
                        <ConfirmActionButton
                          action={removeSamlingAction}
                          hidden={{ ...hidden, samlingId: samling.id }}
                          className="btn-danger"
                          label="Fjern samlingen fra planen"
                          context={`(${samling.title})`}
                          title={`Fjerne ${samling.title}?`}
                          confirmLabel="Fjern samlingen"
                          tone="danger"
                        >
                          <p>
                            {samling.sharedWith.length > 0
                              ? "Samlingen tas ut av dette kullets plan. Det andre kullet beholder den."
                              : `Samlingen og dagene ${formatDays(samling.days.map((d) => d.date))} slettes fra planen.`}
                          </p>
                        </ConfirmActionButton>
                      )}
                    </div>
                  </EditToggle>
                </li>
              ))}
            </ol>

            <EditToggle summary="Legg til en samling">
              <ActionForm action={addSamlingAction} hidden={hidden} submitLabel="Legg til samlingen" className="mt-3 space-y-4" label="Ny samling">
                <TextField id="new-title" name="title" required label="Navn" defaultValue={`Samling ${lastSamlingNumber + 1}`} />
                <TextField id="new-location" name="location" required label="Sted" defaultValue="NTNU, Trondheim" />
                <TextAreaField id="new-notes" name="notes" label="Merknad" rows={2} />
                <fieldset>
                  <legend className="font-medium">Dager (to eller tre er vanlig)</legend>
                  <div className="mt-2 grid gap-3 sm:grid-cols-4">
                    {[1, 2, 3, 4].map((n) => (
                      <TextField key={n} id={`new-day-${n}`} name="days" type="date" label={`Dag ${n}`} required={n === 1} />
                    ))}
                  </div>
                </fieldset>
              </ActionForm>
            </EditToggle>

            {plan.canAdminister && plan.shareable.length > 0 ? (
              <EditToggle summary="Legg til en felles samling med et annet studieprogram">
                <ActionForm action={shareSamlingAction} hidden={hidden} submitLabel="Legg til som felles samling" className="mt-3 space-y-4" label="Felles samling">
                  <SelectField
                    name="samlingId"
                    required
                    label="Samling"
                    hint="Samme dager for begge kull; oppmøtet registreres per student i hvert kull."
                    options={plan.shareable.map((option) => ({ value: option.samlingId, label: option.label }))}
                  />
                </ActionForm>
              </EditToggle>
            ) : null}

            {plan.samlinger.length === 0 && plan.copySources.length > 0 ? (
              <div className="rounded-md border border-slate-300 p-4">
                <h3>Kopier planen fra et tidligere kull</h3>
                <p className="text-slate-700">Samlinger, arbeidskrav og eksamen kopieres med alle datoer flyttet like mange uker (ukedagene blir de samme).</p>
                <ActionForm action={copyPlanAction} hidden={hidden} submitLabel="Kopier planen" className="mt-3 space-y-4" label="Kopier plan">
                  <SelectField
                    name="fromCohortId"
                    required
                    label="Kopier fra"
                    options={plan.copySources.map((source) => ({
                      value: source.id,
                      label: `${source.name} (${source.samlinger} samlinger${source.firstDay ? `, første ${formatDateNb(source.firstDay)}` : ""})`,
                    }))}
                  />
                  <TextField
                    name="weeks"
                    type="number"
                    required
                    label="Flytt datoene med antall uker"
                    hint={`For eksempel 104 for to år senere.${plan.copySources[0]?.firstDay ? ` Fra ${plan.copySources[0].name} til kullets start er det ${weeksBetween(plan.copySources[0].firstDay, plan.startsOn)} uker.` : ""}`}
                    defaultValue={plan.copySources[0]?.firstDay ? String(weeksBetween(plan.copySources[0].firstDay, plan.startsOn)) : "104"}
                  />
                </ActionForm>
              </div>
            ) : null}
          </section>

          <section className="card space-y-4" aria-labelledby="eksamen">
            <h2 id="eksamen">Eksamen</h2>
            <p>
              {plan.exam
                ? `${plan.exam.title}: ${formatDays([plan.exam.startsOn, plan.exam.endsOn])} (${plan.exam.week}).`
                : "Eksamen er ikke lagt inn ennå."}
            </p>
            <EditToggle summary={plan.exam ? "Endre eksamensdagene" : "Legg inn eksamen"}>
              <ExamDaysForm hidden={hidden} title={plan.exam?.title ?? null} firstDay={plan.exam?.startsOn ?? null} />
            </EditToggle>
          </section>

          <section className="card space-y-4" aria-labelledby="arbeidskrav-heading">
            <h2 id="arbeidskrav-heading">Arbeidskrav ({plan.arbeidskrav.length})</h2>
            {plan.arbeidskravProblems.length > 0 && plan.arbeidskrav.length > 0 ? (
              <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
                <p className="font-medium">Arbeidskravene stemmer ikke med kravene for kullet:</p>
                <ul className="mt-1 list-disc pl-5">
                  {plan.arbeidskravProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {plan.arbeidskrav.length > 0 ? (
              <DataTable caption="Arbeidskravene med frister" columns={arbeidskravColumns} rows={plan.arbeidskrav} rowKey={(row) => row.id} />
            ) : plan.programme.templates.length > 0 ? (
              <div className="space-y-3">
                <p>Kullet har ingen arbeidskrav ennå. Opprett dem fra studieplanen til {plan.programme.name}, med en frist for hvert:</p>
                <ActionForm action={createArbeidskravFromTemplateAction} hidden={hidden} submitLabel="Opprett arbeidskravene" label="Arbeidskrav fra studieplanen" className="space-y-4">
                  {plan.programme.templates.map((template, index) => (
                    <TextField key={template.number} id={`due-${template.number}`} name={`due-${template.number}`} type="date" required label={`Frist for ${template.number}. ${template.title}`} defaultValue={dueSuggestions[index] ?? ""} />
                  ))}
                </ActionForm>
              </div>
            ) : null}
            <EditToggle summary="Endre arbeidskravene, fristene eller legg til et valgfritt">
              <div className="mt-3 space-y-3">
                <p>
                  Hele settet lagres samlet og må følge kravene for kullet. Et valgfritt arbeidskrav vurderes som de andre, men
                  teller aldri med for eksamen.
                </p>
                {plan.arbeidskravLocked ? (
                  <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
                    {plan.viewerIsAcademicLead
                      ? "Kullet har begynt eller noen har levert. Endrer du hvilke arbeidskrav som kreves, må du skrive en begrunnelse; studentenes status regnes ut på nytt og vises som endret."
                      : `Kullet har begynt eller noen har levert. ${onlyAcademicLead(plan.academicLeadName, "endre hvilke arbeidskrav som kreves")} Frister, titler og beskrivelser kan du endre.`}
                  </p>
                ) : null}
                <ArbeidskravSetForm
                  action={saveArbeidskravSetAction}
                  hidden={hidden}
                  withDueDates
                  defaultDueDate={firstDay ?? ""}
                  items={plan.arbeidskrav.map((row) => arbeidskravSetItem(row, { dueDate: row.dueDate, handedIn: row.submissions > 0 }))}
                  reasonHint={
                    plan.arbeidskravLocked && plan.viewerIsAcademicLead
                      ? "Kreves når du endrer hvilke arbeidskrav som teller for eksamen. Begrunnelsen lagres i loggen og vises til studentene som årsak."
                      : undefined
                  }
                />
              </div>
            </EditToggle>
          </section>
        </div>
      </ClosedRecord>
    </>
  );
}
