"use client";
// A form for a server action with fields: the error summary (FormMessage), field errors handed
// to the fields through a render prop, and what was typed kept after a failed save. React resets
// an uncontrolled form after its action returns; the form is therefore submitted from onSubmit in
// a transition (without JavaScript it posts normally).
import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-status";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function ActionForm({
  action,
  hidden = {},
  children,
  className = "space-y-4",
  fieldIdPrefix = "",
  resetOnSuccess = false,
  "aria-label": ariaLabel,
}: {
  action: Action;
  hidden?: Record<string, string>;
  children: (state: ActionState, pending: boolean) => React.ReactNode;
  className?: string;
  /** Prefix of the fields' ids, for the links in the error summary. */
  fieldIdPrefix?: string;
  /** Empty the fields after a successful save (a message sent, a move made). */
  resetOnSuccess?: boolean;
  "aria-label"?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const form = useRef<HTMLFormElement>(null);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (resetOnSuccess && state.ok && state.at !== handled.current) {
      handled.current = state.at;
      form.current?.reset();
    }
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={form}
      action={formAction}
      aria-label={ariaLabel}
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
      {children(state, pending)}
    </form>
  );
}
