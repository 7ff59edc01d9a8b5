"use client";
// A registered student's result at one sitting: a grade (A–F) or "ikke møtt" (an attempt without a
// grade). Changing a result that is already set needs a reason, which is logged with it. Built on
// ActionForm, which submits in a transition so React does not reset the form after the action: the
// select keeps showing the saved result after a save, and a refused change keeps both the chosen
// result and the reason typed.
import { useState } from "react";
import { setGradeAction } from "@/lib/actions/exam";
import { GRADE_DESCRIPTIONS, GRADES } from "@/lib/domain/exam";
import { ActionForm } from "@/components/ui/action-form";
import { ButtonContext } from "@/components/ui/button-context";
import { FieldMessages } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

const NOT_ATTENDED_LABEL = "Ikke møtt";

export function GradeForm({
  cohortId,
  examId,
  enrolmentId,
  name,
  grade,
}: {
  cohortId: string;
  /** The sitting (the ordinary one when absent). */
  examId?: string;
  enrolmentId: string;
  name: string;
  /** A grade, "NOT_ATTENDED", or null while there is no result. */
  grade: string | null;
}) {
  const [chosen, setChosen] = useState(grade ?? "");
  const [reason, setReason] = useState("");
  const id = `karakter-${enrolmentId}`;
  const correcting = grade !== null && chosen !== grade;
  const hidden: Record<string, string> = examId ? { cohortId, enrolmentId, examId } : { cohortId, enrolmentId };
  return (
    <ActionForm action={setGradeAction} hidden={hidden} className="space-y-2" fieldIdPrefix={`${id}-`}>
      {(state) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor={`${id}-grade`} className="block text-sm font-medium">
                  Karakter<span className="sr-only"> for {name}</span>
                </label>
                <select
                  id={`${id}-grade`}
                  name="grade"
                  value={chosen}
                  onChange={(event) => setChosen(event.target.value)}
                  className="input mt-1 w-auto"
                  aria-invalid={errors.grade ? true : undefined}
                  aria-describedby={errors.grade ? `${id}-grade-error` : undefined}
                >
                  <option value="">Velg …</option>
                  {GRADES.map((value) => (
                    <option key={value} value={value}>
                      {value} – {GRADE_DESCRIPTIONS[value]}
                    </option>
                  ))}
                  <option value="NOT_ATTENDED">{NOT_ATTENDED_LABEL} (teller som forsøk)</option>
                </select>
                <FieldMessages id={`${id}-grade`} errors={errors.grade} />
              </div>
              <SubmitButton className="btn-secondary min-h-11 px-3 text-sm" pendingText="Lagrer …">
                Lagre<ButtonContext>{`karakter for ${name}`}</ButtonContext>
              </SubmitButton>
            </div>
            {grade !== null && chosen === grade ? (
              <p className="text-sm text-slate-700">Lagret: {grade === "NOT_ATTENDED" ? NOT_ATTENDED_LABEL : grade}</p>
            ) : null}
            {correcting ? (
              <div>
                <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
                  Begrunnelse for endringen<span className="sr-only"> for {name}</span>
                </label>
                <textarea
                  id={`${id}-reason`}
                  name="reason"
                  rows={2}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  className="input mt-1 text-sm"
                  aria-invalid={errors.reason ? true : undefined}
                  aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
                />
                <FieldMessages id={`${id}-reason`} errors={errors.reason} />
              </div>
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}
