import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm } from "@/components/ui/action-form";
import { EditToggle } from "@/components/ui/edit-toggle";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import {
  addTeacherAction,
  createBasisgruppeAction,
  moveStudentAction,
  removeTeacherAction,
  setAcademicLeadAction,
  updateBasisgruppeAction,
} from "@/lib/actions/cohort-team";
import { getCohortTeam, type CohortTeam } from "@/lib/server/cohorts/team";
import { found, loadCohortPage } from "../load";
import { countNoun } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Team og basisgrupper" };

type Teacher = CohortTeam["teachers"][number];
const small = "btn-secondary min-h-10 px-3 py-1 text-sm";

function MoveStudent({ cohortId, enrolmentId, name, currentGroupId, groups }: { cohortId: string; enrolmentId: string; name: string; currentGroupId: string | null; groups: CohortTeam["groups"] }) {
  return (
    <ActionForm
      action={moveStudentAction}
      hidden={{ cohortId, enrolmentId }}
      submitLabel="Flytt"
      submitClassName={small}
      className="flex flex-wrap items-end gap-2"
      label={`Flytt ${name}`}
    >
      <SelectField
        id={`move-${enrolmentId}`}
        name="basisgruppeId"
        label={<span className="text-sm">Flytt {name} til</span>}
        placeholder="Ingen basisgruppe"
        defaultValue={currentGroupId ?? ""}
        options={groups.map((group) => ({ value: group.id, label: group.name }))}
        required
      />
    </ActionForm>
  );
}

export default async function TeamPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params, "/team");
  const team = await found(getCohortTeam(viewer, cohort.id));
  const admin = cohort.canAdminister;
  const hidden = { cohortId: cohort.id };
  const teacherOptions = team.teachers.map((teacher) => ({ value: teacher.id, label: teacher.name }));
  const columns: Column<Teacher>[] = [
    { key: "name", header: "Navn", rowHeader: true, cell: (row) => row.name },
    { key: "email", header: "E-post", cell: (row) => <a href={`mailto:${row.email}`}>{row.email}</a> },
    { key: "role", header: "Rolle", cell: (row) => (row.academicLead ? <StatusBadge tone="good">Fagansvarlig</StatusBadge> : "Faglærer") },
    ...(admin
      ? [
          {
            key: "actions",
            header: "Endre",
            hideLabelOnPhone: true,
            cell: (row: Teacher) => (
              <div className="flex flex-wrap gap-2">
                {!row.academicLead ? (
                  <ActionButton action={setAcademicLeadAction} hidden={{ ...hidden, userId: row.id }} className={small} context={`(${row.name})`} pendingText="…">
                    Gjør til fagansvarlig
                  </ActionButton>
                ) : null}
                <ConfirmActionButton
                  action={removeTeacherAction}
                  hidden={{ ...hidden, userId: row.id }}
                  className="btn-danger min-h-10 px-3 py-1 text-sm"
                  label="Ta ut av teamet"
                  context={`(${row.name})`}
                  title={`Ta ${row.name} ut av lærerteamet?`}
                  confirmLabel="Ta ut av teamet"
                  tone="danger"
                >
                  <p>{row.name} ser ikke lenger kullet, og slutter som prosessveileder for kullets basisgrupper.</p>
                </ConfirmActionButton>
              </div>
            ),
          } satisfies Column<Teacher>,
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={`Team og basisgrupper, ${cohort.name}`}
        lead={admin ? "Du er studieveileder og kan endre teamet, basisgruppene og hvem som er i hvilken gruppe." : "Studieveileder setter sammen teamet og basisgruppene. Dine grupper står først."}
      />
      <div className="space-y-6">
        <section className="card space-y-4" aria-labelledby="team-heading">
          <h2 id="team-heading">Lærerteamet ({team.teachers.length})</h2>
          <DataTable caption="Lærerteamet" columns={columns} rows={team.teachers} rowKey={(row) => row.id} empty="Ingen faglærere er lagt til ennå." />
          {admin ? (
            team.availableFaculty.length > 0 ? (
              <EditToggle summary="Legg til en faglærer">
                <ActionForm action={addTeacherAction} hidden={hidden} submitLabel="Legg til i teamet" className="mt-3 space-y-4" label="Legg til faglærer">
                  <SelectField name="userId" required label="Faglærer" options={team.availableFaculty.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))} />
                  <CheckboxField name="academicLead" label="Fagansvarlig for kullet" hint="Den som er fagansvarlig nå, blir vanlig faglærer." />
                </ActionForm>
              </EditToggle>
            ) : (
              <p className="text-sm text-slate-700">Alle aktive faglærere er i teamet. Nye faglærere opprettes under Brukere.</p>
            )
          ) : null}
        </section>

        <section className="card space-y-4" aria-labelledby="grupper-heading">
          <h2 id="grupper-heading">Basisgrupper ({team.groups.length})</h2>
          <ul className="space-y-4">
            {team.groups.map((group) => (
              <li key={group.id} className="rounded-md border border-slate-300 p-4">
                <h3>
                  {group.name} {group.mine ? <StatusBadge tone="good">Din gruppe</StatusBadge> : null}
                </h3>
                <p className="text-slate-700">Prosessveileder: {group.supervisor?.name ?? "ikke valgt"}</p>
                <p className="mt-2 font-medium">{countNoun(group.members.length, "student", "studenter")}</p>
                <ul className="mt-2 space-y-3">
                  {group.members.map((member) => (
                    <li key={member.id}>
                      {admin ? (
                        <MoveStudent cohortId={cohort.id} enrolmentId={member.id} name={member.user.name} currentGroupId={group.id} groups={team.groups} />
                      ) : (
                        <>
                          {member.user.name} <span className="text-slate-700">· {member.user.email}</span>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {admin ? (
                  <EditToggle className="mt-3" summary={`Endre navn eller prosessveileder for ${group.name}`}>
                    <ActionForm action={updateBasisgruppeAction} hidden={{ ...hidden, basisgruppeId: group.id }} submitLabel="Lagre gruppen" className="mt-3 space-y-4" label={`Endre ${group.name}`}>
                      <TextField id={`name-${group.id}`} name="name" required label="Navn" defaultValue={group.name} />
                      <SelectField
                        id={`supervisor-${group.id}`}
                        name="supervisorId"
                        label="Prosessveileder"
                        placeholder="Ingen"
                        hint="Velg blant lærerteamet."
                        defaultValue={group.supervisor?.id ?? ""}
                        options={teacherOptions}
                      />
                    </ActionForm>
                  </EditToggle>
                ) : null}
              </li>
            ))}
          </ul>
          {team.unassigned.length > 0 ? (
            <div className="rounded-md border border-amber-700 bg-amber-50 p-4">
              <h3>Uten basisgruppe ({team.unassigned.length})</h3>
              <ul className="mt-2 space-y-3">
                {team.unassigned.map((member) => (
                  <li key={member.id}>
                    {admin ? (
                      <MoveStudent cohortId={cohort.id} enrolmentId={member.id} name={member.user.name} currentGroupId={null} groups={team.groups} />
                    ) : (
                      member.user.name
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {admin ? (
            <EditToggle summary="Opprett en basisgruppe">
              <ActionForm action={createBasisgruppeAction} hidden={hidden} submitLabel="Opprett gruppen" className="mt-3 space-y-4" label="Ny basisgruppe">
                <TextField id="new-group-name" name="name" required label="Navn" defaultValue={`Basisgruppe ${team.groups.length + 1}`} />
                <SelectField id="new-group-supervisor" name="supervisorId" label="Prosessveileder" placeholder="Ingen ennå" options={teacherOptions} />
              </ActionForm>
            </EditToggle>
          ) : null}
        </section>
      </div>
    </>
  );
}
