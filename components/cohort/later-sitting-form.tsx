"use client";
// A later sitting of the kull's exam (utsatt eksamen or ny eksamen): its kind (only when new), name,
// first day and start time, hand-in day and time (Oslo wall-clock time; the rule that turns them
// into instants and refuses the spring gap is lib/domain/exam-time.ts), and for ny eksamen the last
// day to register. The server decides everything again and names the field that is wrong.
import { ActionForm } from "@/components/ui/action-form";
import { RadioGroupField, TextField } from "@/components/ui/field";
import { saveLaterSittingAction } from "@/lib/actions/exam";

export interface LaterSittingValues {
  examId: string | null;
  kind: "DEFERRED" | "RESIT";
  title: string;
  firstDay: string;
  startTime: string;
  handInDay: string;
  handInTime: string;
  registrationClosesOn: string;
}

export function LaterSittingForm({ cohortId, values }: { cohortId: string; values: LaterSittingValues }) {
  const hidden: Record<string, string> = { cohortId };
  if (values.examId) {
    hidden.examId = values.examId;
    hidden.kind = values.kind;
  }
  return (
    <ActionForm action={saveLaterSittingAction} hidden={hidden} submitLabel={values.examId ? "Lagre endringene" : "Opprett eksamen"} fieldIdPrefix="sitting-">
      {(state) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            {values.examId ? null : (
              <RadioGroupField
                name="kind"
                legend="Hva slags eksamen"
                id="sitting-kind"
                layout="column"
                defaultValue={values.kind}
                errors={errors.kind}
                options={[
                  { value: "RESIT", label: "Ny eksamen: for studenter som fikk F, ikke møtte eller trakk seg. De melder seg opp innen en frist." },
                  { value: "DEFERRED", label: "Utsatt eksamen: for studenter som har fått innvilget utsatt eksamen. Studieveilederen melder dem opp." },
                ]}
              />
            )}
            <TextField id="sitting-title" name="title" label="Navn" required defaultValue={values.title} errors={errors.title} maxLength={200} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField id="sitting-firstDay" name="firstDay" type="date" label="Første eksamensdag" required defaultValue={values.firstDay} errors={errors.firstDay} />
              <TextField
                id="sitting-startTime"
                name="startTime"
                type="time"
                label="Oppgaven gis ut kl. (norsk tid)"
                required
                defaultValue={values.startTime}
                errors={errors.startTime}
              />
              <TextField
                id="sitting-handInDay"
                name="handInDay"
                type="date"
                label="Innleveringsdag"
                hint="Tom: to dager etter første dag (tredagers hjemmeeksamen)."
                defaultValue={values.handInDay}
                errors={errors.handInDay}
              />
              <TextField id="sitting-handInTime" name="handInTime" type="time" label="Innlevering senest kl. (norsk tid)" required defaultValue={values.handInTime} errors={errors.handInTime} />
            </div>
            {values.examId === null || values.kind === "RESIT" ? (
              <TextField
                id="sitting-registrationClosesOn"
                name="registrationClosesOn"
                type="date"
                label="Oppmeldingsfrist (ny eksamen)"
                hint={
                  values.examId === null
                    ? "Må fylles ut for ny eksamen, og står tom for utsatt eksamen. Siste dag studentene kan melde seg opp eller av, før første eksamensdag."
                    : "Siste dag studentene kan melde seg opp eller av. Må være før første eksamensdag."
                }
                required={values.examId !== null}
                conditional={values.examId === null}
                defaultValue={values.registrationClosesOn}
                errors={errors.registrationClosesOn}
              />
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}
