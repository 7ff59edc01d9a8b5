"use client";
// A single-button form for a server action (add, remove), with its result announced.
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { SignInAgainLink, SubmitButton } from "@/components/ui/form-status";

export function ActionButton({
  action,
  hidden,
  children,
  pendingText = "Et øyeblikk …",
  className = "btn-secondary",
  label,
  quietSuccess = false,
  onSuccess,
  onSubmit,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  label?: string;
  /** Announce only failures (the page itself shows the success, e.g. the row disappears). */
  quietSuccess?: boolean;
  /** Called once after each successful run (e.g. to announce it and move focus elsewhere). */
  onSuccess?: (state: ActionState) => void;
  /** Called as the form is sent (when the button itself may be gone by the time it succeeds). */
  onSubmit?: () => void;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (state.ok && state.at !== handled.current) {
      handled.current = state.at;
      onSuccess?.(state);
    }
  }, [state, onSuccess]);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={className} pendingText={pendingText} aria-label={label}>
        {children}
      </SubmitButton>
      {state.message && !(state.ok && quietSuccess) ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state.message}
          {state.signedOut ? (
            <>
              {" "}
              <SignInAgainLink />
            </>
          ) : null}
        </span>
      ) : null}
    </form>
  );
}
