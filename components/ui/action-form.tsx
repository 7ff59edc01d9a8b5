"use client";
// A form for a server action whose fields are plain markup (TextField, SelectField …), so server
// pages can lay out small forms without a component of their own. The result is shown above the
// fields (an error takes focus and links to the fields it names); on an error, what the user
// typed is put back into the fields (React resets a form after its action), so nothing is lost.
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Puts the submitted values back into the form's named controls (not hidden ones). */
function restoreValues(form: HTMLFormElement, values: Record<string, string>) {
  for (const element of Array.from(form.elements)) {
    const control = element as Control;
    if (!control.name || (control instanceof HTMLInputElement && control.type === "hidden")) continue;
    const value = values[control.name];
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
      control.checked = value !== undefined && value.split(",").includes(control.value);
    } else if (value !== undefined) {
      control.value = value;
    }
  }
}

export function ActionForm({
  action,
  hidden = {},
  children,
  submitLabel,
  pendingText = "Lagrer …",
  submitClassName = "btn-primary",
  className = "space-y-4",
  label,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  submitLabel: string;
  pendingText?: string;
  submitClassName?: string;
  className?: string;
  /** Names the form for assistive technology when the page has several alike. */
  label?: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.ok && state.values && ref.current) restoreValues(ref.current, state.values);
  }, [state]);
  return (
    <form ref={ref} action={formAction} noValidate className={className} aria-label={label}>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <SubmitButton className={submitClassName} pendingText={pendingText}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
