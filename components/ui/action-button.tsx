"use client";
// A single-button form for a server action (add, remove), with its result announced inline.
// `useActionResult` and `ActionMessage` are shared with ConfirmAction (the same button behind a
// confirmation), so both report results the same way.
import { RecordForm } from "@/components/ui/record-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { ButtonContext } from "@/components/ui/button-context";
import { SignInAgainLink, SubmitButton } from "@/components/ui/form-status";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** useActionState, calling `onSuccess` once after each successful run. */
export function useActionResult(action: Action, onSuccess?: (state: ActionState) => void) {
  const [state, formAction, pending] = useFormAction(action);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (state.ok && state.at !== handled.current) {
      handled.current = state.at;
      onSuccess?.(state);
    }
  }, [state, onSuccess]);
  return [state, formAction, pending] as const;
}

/** The result of a one-button action, beside the button: failures always, successes unless quiet. */
export function ActionMessage({ state, quietSuccess = false }: { state: ActionState; quietSuccess?: boolean }) {
  if (!state.message || (state.ok && quietSuccess)) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
      {state.message}
      {state.signedOut ? (
        <>
          {" "}
          <SignInAgainLink />
        </>
      ) : null}
    </span>
  );
}

export function HiddenFields({ values }: { values: Record<string, string> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

export function ActionButton({
  action,
  hidden,
  children,
  pendingText = "Et øyeblikk …",
  className = "btn-secondary",
  context,
  quietSuccess = false,
  onSuccess,
  onSubmit,
}: {
  action: Action;
  hidden: Record<string, string>;
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  /** The rest of the button's name when its text repeats on the page (ButtonContext). */
  context?: string;
  /** Announce only failures (the page itself shows the success, e.g. the row disappears). */
  quietSuccess?: boolean;
  /** Called once after each successful run (e.g. to announce it and move focus elsewhere). */
  onSuccess?: (state: ActionState) => void;
  /** Called as the form is sent (when the button itself may be gone by the time it succeeds). */
  onSubmit?: () => void;
}) {
  const [state, formAction] = useActionResult(action, onSuccess);
  return (
    <RecordForm action={formAction} onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      <HiddenFields values={hidden} />
      <SubmitButton className={className} pendingText={pendingText}>
        {children}
        <ButtonContext>{context}</ButtonContext>
      </SubmitButton>
      <ActionMessage state={state} quietSuccess={quietSuccess} />
    </RecordForm>
  );
}
