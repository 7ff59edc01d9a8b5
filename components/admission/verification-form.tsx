"use client";
// Approve or reject one document or position, with a comment the applicant sees. Saves as the
// adviser works: at once when the choice changes, a moment after they stop typing a comment,
// and when they press "Lagre". A failed save keeps what was typed and says why.
import { useFormAction } from "@/components/ui/use-form-action";
import { startTransition, useEffect, useId, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { describedBy, FieldMessages, RadioGroupField } from "@/components/ui/field";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const CHOICES = [
  { value: "PENDING", label: "Ikke kontrollert" },
  { value: "VERIFIED", label: "Godkjent" },
  { value: "REJECTED", label: "Avvist" },
] as const;

export function VerificationForm({
  action,
  hidden,
  legend,
  status,
  note,
  approveLabel = "Godkjent",
}: {
  action: Action;
  hidden: Record<string, string>;
  legend: string;
  status: "PENDING" | "VERIFIED" | "REJECTED";
  note: string | null;
  approveLabel?: string;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const id = useId();
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const save = () => {
    window.clearTimeout(timer.current);
    if (!form.current) return;
    const data = new FormData(form.current);
    startTransition(() => formAction(data));
  };
  const saveSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, 900);
  };
  const errors = state.ok ? undefined : state.fieldErrors?.note;

  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      className="space-y-3"
      noValidate
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <RadioGroupField
        id={`${id}-status`}
        name="status"
        legend={legend}
        options={CHOICES.map((choice) => ({ value: choice.value, label: choice.value === "VERIFIED" ? approveLabel : choice.label }))}
        defaultValue={status}
        onChange={save}
        errors={state.ok ? undefined : state.fieldErrors?.status}
      />
      <div>
        <label htmlFor={`${id}-note`} className="block font-medium">
          Kommentar til søkeren <span className="font-normal text-slate-600">(må fylles ut ved avvisning)</span>
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          defaultValue={note ?? ""}
          onInput={saveSoon}
          placeholder="For eksempel: Tjenestebeviset mangler stillingsprosent."
          className="input mt-1"
          {...describedBy(`${id}-note`, null, errors)}
        />
        <FieldMessages id={`${id}-note`} errors={errors} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary min-h-10 px-3 py-1 text-sm" disabled={pending}>
          Lagre
        </button>
        <p role={state.at && !state.ok ? "alert" : "status"} className={state.ok ? "text-sm text-green-800" : "text-sm font-medium text-red-800"}>
          {pending ? "Lagrer …" : (state.message ?? "")}
        </p>
      </div>
    </form>
  );
}
