"use client";
// A step of the application. "Lagre utkast" and "Lagre og gå videre" submit the form; while the
// applicant types, the same action saves quietly in the background (intent=autosave), so a
// closed tab or a reload loses nothing.
import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-status";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const AUTOSAVE_DELAY_MS = 1200;

export function DraftForm({
  action,
  hidden,
  children,
  continueLabel = "Lagre og gå videre",
  saveLabel = "Lagre utkast",
  id,
}: {
  action: Action;
  hidden: Record<string, string>;
  children: React.ReactNode;
  continueLabel?: string | null;
  saveLabel?: string;
  id?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [autoState, autoAction, autoPending] = useActionState(action, initialActionState);
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const dirty = useRef(false);

  const scheduleAutosave = () => {
    dirty.current = true;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (!form.current) return;
      const data = new FormData(form.current);
      data.set("intent", "autosave");
      dirty.current = false;
      startTransition(() => autoAction(data));
    }, AUTOSAVE_DELAY_MS);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <form
      ref={form}
      id={id}
      action={(data) => {
        window.clearTimeout(timer.current);
        dirty.current = false;
        formAction(data);
      }}
      onInput={scheduleAutosave}
      onChange={scheduleAutosave}
      className="space-y-5"
      noValidate
    >
      <FormMessage state={state} />
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
        <p className="text-sm text-slate-700" role="status" aria-live="polite">
          {autoPending ? "Lagrer utkast …" : autoState.at ? "Utkastet er lagret automatisk." : ""}
        </p>
      </div>
    </form>
  );
}
