"use client";
// The review of a copied kull before it is saved: the intake's facts, every samling's days moved
// by whole weeks (a day that landed on a public holiday is moved on and marked, with the reason),
// each arbeidskrav's new due date, the exam's first day, and whether the teaching team comes along.
// Every date can be changed here; clearing all of a samling's days leaves it out.
import { IntakeFields, type IntakeFieldValues } from "@/components/intakes/intake-fields";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, FieldMessages, TextField } from "@/components/ui/field";
import { formatDateNb } from "@/lib/domain/format";
import { weekdayNb } from "@/lib/domain/schedule";
import type { ActionState } from "@/lib/forms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

interface MovedDate {
  shifted: string;
  date: string;
  holiday: string | null;
}

export interface CopyReview {
  sourceId: string;
  /** The source's plan as shown (planShape): sent back, so a source changed since is noticed. */
  planShape: string;
  sourceName: string;
  weeks: number;
  fields: IntakeFieldValues;
  samlinger: { title: string; location: string; days: MovedDate[] }[];
  arbeidskrav: { number: number; title: string; dueDate: MovedDate }[];
  exam: { startsOn: MovedDate; endsOn: string } | null;
  team: { name: string; academicLead: boolean }[];
}

function HolidayNote({ id, date }: { id: string; date: MovedDate }) {
  if (!date.holiday) return null;
  return (
    <p id={id} className="mt-1 rounded-md border border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-950">
      <span aria-hidden="true">⚠ </span>
      {weekdayNb(date.shifted)} {formatDateNb(date.shifted)} er {date.holiday}, så datoen er flyttet. Sjekk den.
    </p>
  );
}

export function CopyReviewForm({ action, review }: { action: Action; review: CopyReview }) {
  return (
    <ActionForm
      action={action}
      hidden={{ sourceCohortId: review.sourceId, planShape: review.planShape, weeks: String(review.weeks) }}
      submitLabel="Opprett kullet som kladd"
      pendingText="Oppretter …"
      className="space-y-8"
      label="Kopi av kull"
    >
      {(state) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <section className="space-y-4" aria-labelledby="kopi-opptak">
              <h2 id="kopi-opptak">Opptaket og kullet</h2>
              <IntakeFields initial={review.fields} values={state.values} errors={errors} />
            </section>

            <section className="space-y-4" aria-labelledby="kopi-samlinger">
              <h2 id="kopi-samlinger">Samlinger ({review.samlinger.length})</h2>
              <p className="text-slate-700">
                Dagene er flyttet {review.weeks} uker, så ukedagene er de samme som i {review.sourceName}. Tøm alle dagene i en samling
                for å la den være ute av kopien.
              </p>
              <ol className="space-y-4">
                {review.samlinger.map((samling, index) => {
                  const key = `samling-${index}`;
                  return (
                    <li key={key} className="rounded-md border border-slate-300 p-4">
                      <fieldset aria-describedby={errors[key]?.length ? `${key}-error` : undefined}>
                        <legend className="font-semibold">
                          {samling.title} <span className="font-normal text-slate-700">· {samling.location}</span>
                        </legend>
                        <div className="mt-2 grid gap-3 sm:grid-cols-3">
                          {samling.days.map((day, dayIndex) => {
                            const id = dayIndex === 0 ? key : `${key}-${dayIndex}`;
                            return (
                              <div key={id}>
                                <TextField
                                  id={id}
                                  name={key}
                                  type="date"
                                  label={`Dag ${dayIndex + 1}`}
                                  required
                                  defaultValue={day.date}
                                  aria-describedby={day.holiday ? `${id}-holiday` : undefined}
                                />
                                <HolidayNote id={`${id}-holiday`} date={day} />
                              </div>
                            );
                          })}
                        </div>
                        <FieldMessages id={key} errors={errors[key]} />
                      </fieldset>
                    </li>
                  );
                })}
              </ol>
            </section>

            {review.arbeidskrav.length > 0 ? (
              <section className="space-y-4" aria-labelledby="kopi-arbeidskrav">
                <h2 id="kopi-arbeidskrav">Arbeidskrav med nye frister</h2>
                <div className="grid gap-4 sm:grid-cols-2">
                  {review.arbeidskrav.map((definition) => {
                    const id = `due-${definition.number}`;
                    return (
                      <div key={id}>
                        <TextField
                          id={id}
                          name={id}
                          type="date"
                          required
                          label={`Frist for ${definition.number}. ${definition.title}`}
                          defaultValue={definition.dueDate.date}
                          errors={errors[id]}
                        />
                        <HolidayNote id={`${id}-holiday`} date={definition.dueDate} />
                      </div>
                    );
                  })}
                </div>
              </section>
            ) : null}

            {review.exam ? (
              <section className="space-y-4" aria-labelledby="kopi-eksamen">
                <h2 id="kopi-eksamen">Eksamen</h2>
                <TextField
                  name="examFirstDay"
                  type="date"
                  required
                  label="Første eksamensdag"
                  hint="Eksamen varer like mange dager som i kullet du kopierer fra."
                  defaultValue={review.exam.startsOn.date}
                  errors={errors.examFirstDay}
                />
                <HolidayNote id="examFirstDay-holiday" date={review.exam.startsOn} />
              </section>
            ) : null}

            <section className="space-y-3" aria-labelledby="kopi-team">
              <h2 id="kopi-team">Lærerteam</h2>
              {review.team.length > 0 ? (
                <>
                  <p>
                    {review.team.map((teacher) => `${teacher.name}${teacher.academicLead ? " (fagansvarlig)" : ""}`).join(", ")}.
                  </p>
                  <CheckboxField name="copyTeam" label="Ta med lærerteamet" defaultChecked={state.values ? state.values.copyTeam === "on" : true} />
                </>
              ) : (
                <p className="text-slate-700">Kullet du kopierer fra har ikke noe lærerteam. Legg det inn på kullets side for team.</p>
              )}
            </section>
          </>
        );
      }}
    </ActionForm>
  );
}
