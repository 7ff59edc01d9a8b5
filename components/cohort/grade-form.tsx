"use client";
// A registered student's result at one sitting: a grade (A–F) or "ikke møtt" (an attempt without a
// grade). Changing a result that is already set needs a reason, which is logged with it.
import { useActionState, useEffect, useRef, useState } from "react";
import { setGradeAction } from "@/lib/actions/exam";
import { GRADE_DESCRIPTIONS, GRADES } from "@/lib/domain/exam";
import { initialActionState } from "@/lib/forms";
import { FieldMessages } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

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
  const [state, formAction] = useActionState(setGradeAction, initialActionState);
  const [chosen, setChosen] = useState(grade ?? "");
  const message = useRef<HTMLParagraphElement>(null);
  const errors = state.fieldErrors ?? {};
  const id = `karakter-${enrolmentId}`;
  const correcting = grade !== null && chosen !== grade;
  useEffect(() => {
    if (state.message && !state.ok) message.current?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="space-y-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      {examId ? <input type="hidden" name="examId" value={examId} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={id} className="block text-sm font-medium">
            Karakter<span className="sr-only"> for {name}</span>
          </label>
          <select
            id={id}
            name="grade"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            className="input mt-1 w-auto"
            aria-invalid={errors.grade ? true : undefined}
          >
            <option value="">Velg …</option>
            {GRADES.map((value) => (
              <option key={value} value={value}>
                {value} – {GRADE_DESCRIPTIONS[value]}
              </option>
            ))}
            <option value="NOT_ATTENDED">Ikke møtt (teller som forsøk)</option>
          </select>
        </div>
        <SubmitButton className="btn-secondary min-h-11 px-3 text-sm" pendingText="Lagrer …" aria-label={`Lagre karakter for ${name}`}>
          Lagre
        </SubmitButton>
      </div>
      {correcting ? (
        <div>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
            Begrunnelse for endringen<span className="sr-only"> for {name}</span>
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            className="input mt-1 text-sm"
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          />
          <FieldMessages id={`${id}-reason`} errors={errors.reason} />
        </div>
      ) : null}
      {state.message ? (
        <p ref={message} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
