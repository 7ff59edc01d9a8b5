"use client";
// A single-button form for a server action (add, remove), with its result announced.
import { useActionState } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/form-status";

export function ActionButton({
  action,
  hidden,
  children,
  pendingText = "Et øyeblikk …",
  className = "btn-secondary",
  label,
  quietSuccess = false,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  label?: string;
  /** Announce only failures (the page itself shows the success, e.g. the row disappears). */
  quietSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={className} pendingText={pendingText} aria-label={label}>
        {children}
      </SubmitButton>
      {state.message && !(state.ok && quietSuccess) ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
