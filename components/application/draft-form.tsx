"use client";
// A step of the application. "Lagre utkast" and "Lagre og gå videre" submit the form; while the
// applicant types, the same action saves quietly in the background (intent=autosave), so a
// closed tab or a reload loses nothing.
//
// With JavaScript the form is submitted from onSubmit inside a transition rather than through
// the form's action, because React resets a form after its action returns: a save that failed
// (signed out, server error) would put the old values back over what was typed. Without
// JavaScript the same action runs as a normal form post.
import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { FormMessage, SignInAgainLink } from "@/components/ui/form-status";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const AUTOSAVE_DELAY_MS = 1200;

export function DraftForm({
  action,
  hidden,
  children,
  continueLabel = "Lagre og gå videre",
  saveLabel = "Lagre utkast",
  id,
  fieldIdPrefix = "",
}: {
  action: Action;
  hidden: Record<string, string>;
  children: React.ReactNode;
  continueLabel?: string | null;
  saveLabel?: string;
  id?: string;
  /** Prefix of the fields' input ids, for the links in the error summary (ids are prefix + name). */
  fieldIdPrefix?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [autoState, autoAction, autoPending] = useActionState(action, initialActionState);
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);

  const scheduleAutosave = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (!form.current) return;
      const data = new FormData(form.current);
      data.set("intent", "autosave");
      startTransition(() => autoAction(data));
    }, AUTOSAVE_DELAY_MS);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <form
      ref={form}
      id={id}
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        window.clearTimeout(timer.current);
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      onInput={scheduleAutosave}
      onChange={scheduleAutosave}
      className="space-y-5"
      noValidate
    >
      <FormMessage state={state} fieldId={(name) => `${fieldIdPrefix}${name}`} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        {continueLabel ? (
          <button type="submit" name="intent" value="continue" className="btn-primary" disabled={pending}>
            {pending ? "Lagrer …" : continueLabel}
          </button>
        ) : null}
        <button type="submit" name="intent" value="save" className={continueLabel ? "btn-secondary" : "btn-primary"} disabled={pending}>
          {saveLabel}
        </button>
        <AutosaveStatus pending={autoPending} state={autoState} />
      </div>
    </form>
  );
}

/** Says what the background save did: saved, saved with fields to fix, or not saved and why. */
function AutosaveStatus({ pending, state }: { pending: boolean; state: ActionState }) {
  if (!pending && state.at && !state.saved) {
    return (
      <p role="alert" className="text-sm font-medium text-red-800">
        Utkastet ble ikke lagret automatisk. {state.message}
        {state.signedOut ? (
          <>
            {" "}
            <SignInAgainLink className="text-red-900" /> (det du har skrevet, blir med).
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-700" role="status" aria-live="polite">
      {pending ? "Lagrer utkast …" : state.at ? (state.ok ? "Utkastet er lagret automatisk." : state.message) : ""}
    </p>
  );
}
