"use client";
// THE form for a server action with fields. The result is shown above the fields (an error takes
// focus and links to the fields it names); what the user typed stays in the fields after a failed
// save: React resets an uncontrolled form after its action returns, so with JavaScript the form is
// submitted from onSubmit in a transition instead (without JavaScript it posts normally).
//
// Two ways to write the fields: plain markup (TextField, SelectField …), so a server page can lay
// out a small form without a component of its own; or a render prop `(state, pending) => …` in a
// client component, to put each field's error beside it. `submitLabel` adds the submit button.
import { RecordForm } from "@/components/ui/record-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { startTransition, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function ActionForm({
  action,
  hidden = {},
  children,
  submitLabel,
  pendingText = "Lagrer …",
  submitClassName = "btn-primary",
  className = "space-y-4",
  fieldIdPrefix = "",
  resetOnSuccess = false,
  label,
}: {
  action: Action;
  hidden?: Record<string, string>;
  children?: React.ReactNode | ((state: ActionState, pending: boolean) => React.ReactNode);
  /** A submit button at the end, with this text. */
  submitLabel?: string;
  pendingText?: string;
  submitClassName?: string;
  className?: string;
  /** Prefix of the fields' ids, for the links in the error summary. */
  fieldIdPrefix?: string;
  /** Empty the fields after a successful save (a message sent, a move made). */
  resetOnSuccess?: boolean;
  /** Names the form for assistive technology when the page has several alike. */
  label?: string;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (resetOnSuccess && state.ok && state.at !== handled.current) {
      handled.current = state.at;
      form.current?.reset();
    }
  }, [state, resetOnSuccess]);
  return (
    <RecordForm
      ref={form}
      action={formAction}
      aria-label={label}
      noValidate
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      <FormMessage state={state} fieldId={(name) => `${fieldIdPrefix}${name}`} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {typeof children === "function" ? children(state, pending) : children}
      {submitLabel ? (
        <div>
          <SubmitButton className={submitClassName} pendingText={pendingText}>
            {submitLabel}
          </SubmitButton>
        </div>
      ) : null}
    </RecordForm>
  );
}
