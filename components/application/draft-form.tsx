"use client";
// A step of the application. "Lagre utkast" and "Lagre og gå videre" submit the form; while the
// applicant types, the same action saves quietly in the background (intent=autosave), so a
// closed tab or a reload loses nothing. Leaving the step any other way (a link, the step list)
// first sends what is not saved yet: see unsaved-changes.tsx.
//
// With JavaScript the form is submitted from onSubmit inside a transition rather than through
// the form's action, because React resets a form after its action returns: a save that failed
// (signed out, server error) would put the old values back over what was typed. Without
// JavaScript the same action runs as a normal form post.
//
// The summary at the top shows what is wrong NOW: its list comes from the page's current field
// errors (every save re-renders the page), so once the applicant has corrected a field and it
// is saved, its line goes away, and with the last one the whole summary.
import { useFormAction } from "@/components/ui/use-form-action";
import Link from "next/link";
import { startTransition, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/forms";
import { initialActionState } from "@/lib/forms";
import { FormMessage, SignInAgainLink } from "@/components/ui/form-status";
import { usePendingWork } from "@/components/application/unsaved-changes";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const AUTOSAVE_DELAY_MS = 1200;
const NETWORK_FAILURE: ActionState = {
  ok: false,
  saved: false,
  message: "Vi fikk ikke kontakt med serveren, så utkastet ble ikke lagret. Det du skrev står fortsatt i skjemaet; prøv igjen.",
};

export interface StepGap {
  /** The field's name in this form (its input id is fieldIdPrefix + name). */
  field: string;
  message: string;
}

export function DraftForm({
  action,
  hidden,
  children,
  errors = {},
  marked,
  gaps = [],
  continueLabel = "Lagre og gå videre",
  saveLabel = "Lagre utkast",
  id,
  fieldIdPrefix = "",
}: {
  action: Action;
  hidden: Record<string, string>;
  children: React.ReactNode;
  /** The form's field errors as the page stands (what is kept as typed and still wrong). */
  errors?: Record<string, string[] | undefined>;
  /**
   * What the page marks at its fields, when more than `errors`: after «Lagre og gå videre», the
   * missing fields too (lib/application-steps.ts fieldMessagesAfterContinue).
   */
  marked?: Record<string, string[] | undefined>;
  /** What this step still lacks, listed when the applicant asks to go on without it. */
  gaps?: readonly StepGap[];
  continueLabel?: string | null;
  saveLabel?: string;
  id?: string;
  /** Prefix of the fields' input ids, for the links in the error summary (ids are prefix + name). */
  fieldIdPrefix?: string;
}) {
  const [state, formAction, pending] = useFormAction(action);
  /** The last explicit save was «Lagre og gå videre» (the server sets `next` only when nothing is wrong). */
  const [continued, setContinued] = useState(false);
  /** Fields were marked when the page opened (a reload, coming back to the step): listed at the top too. */
  const shown = marked ?? errors;
  const [markedAtOpen] = useState(() => hasAny(shown));
  const [autoState, setAutoState] = useState<ActionState>(initialActionState);
  const [autoPending, setAutoPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  /** Input since the last save began. */
  const dirty = useRef(false);
  const saving = useRef<Promise<ActionState> | null>(null);
  const explicitPending = useRef(false);
  useEffect(() => {
    explicitPending.current = pending;
  }, [pending]);

  async function saveNow(): Promise<ActionState> {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    while (saving.current) await saving.current;
    if (!form.current || !dirty.current) return { ok: true, saved: true };
    dirty.current = false;
    const data = new FormData(form.current);
    data.set("intent", "autosave");
    setAutoPending(true);
    const request = action(initialActionState, data).catch(() => ({ ...NETWORK_FAILURE, at: Date.now() }));
    saving.current = request;
    const result = await request;
    saving.current = null;
    setAutoPending(false);
    setAutoState(result);
    // Not stored: what was typed is still unsaved, so leaving must still wait for it.
    if (!result.saved) dirty.current = true;
    return result;
  }
  const saveNowRef = useRef(saveNow);
  useEffect(() => {
    saveNowRef.current = saveNow;
  });

  const scheduleAutosave = () => {
    dirty.current = true;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNowRef.current(), AUTOSAVE_DELAY_MS);
  };

  usePendingWork({
    busy: () => dirty.current || timer.current !== undefined || saving.current !== null || explicitPending.current,
    settle: async () => (await saveNow()).saved === true,
  });

  // An explicit save that was not stored leaves the input unsaved.
  useEffect(() => {
    if (state.at && !state.saved) dirty.current = true;
  }, [state]);

  // Leaving by the browser's back button cannot wait: send the save as the form goes away.
  useEffect(
    () => () => {
      if (dirty.current || timer.current !== undefined) void saveNowRef.current();
    },
    [],
  );

  return (
    <form
      ref={form}
      id={id}
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        window.clearTimeout(timer.current);
        timer.current = undefined;
        dirty.current = false;
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        setContinued(submitter?.getAttribute("value") === "continue");
        startTransition(() => formAction(data));
      }}
      onInput={scheduleAutosave}
      onChange={scheduleAutosave}
      className="space-y-5"
      noValidate
    >
      <FormMessage
        state={summaryOf(state, autoState, errors, gaps, continued, markedAtOpen ? shown : null)}
        fieldId={(name) => `${fieldIdPrefix}${name}`}
        after={
          state.next && state.at && !hasAny(errors) && gaps.length > 0 ? (
            <p className="mt-3">
              <Link href={state.next} className="font-semibold">
                Gå videre likevel
              </Link>
              <span className="text-slate-800"> – du kan fylle ut resten senere.</span>
            </p>
          ) : null
        }
      />
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

/** The step's gaps as field messages, for the summary's list of links. */
function gapsByField(gaps: readonly StepGap[]): Record<string, string[]> {
  return Object.fromEntries(gaps.reduce((byField, gap) => byField.set(gap.field, [...(byField.get(gap.field) ?? []), gap.message]), new Map<string, string[]>()));
}

function hasAny(errors: Record<string, string[] | undefined>): boolean {
  return Object.values(errors).some((messages) => messages?.length);
}

/**
 * What the summary at the top says, from the last explicit save and the page as it stands now.
 * It keeps the `at` of the explicit save, so it takes focus once, when that save answers, and
 * never while the applicant types.
 */
function summaryOf(
  explicit: ActionState,
  auto: ActionState,
  errors: Record<string, string[] | undefined>,
  gaps: readonly StepGap[],
  continued: boolean,
  /** What the page marks, when fields were marked as it opened; else null. */
  markedAtOpen: Record<string, string[] | undefined> | null,
): ActionState {
  if (!explicit.at) {
    // The step as it was left (reloaded, or come back to): fields still marked, a wrong value kept
    // or one missing after «Lagre og gå videre», are listed at the top as after a save (a walk found
    // marks and no list). Only when they were there as the page opened, and with a fixed `at`, so
    // the list takes focus once, then, and never while the applicant types.
    return markedAtOpen && hasAny(markedAtOpen)
      ? { ok: false, at: 0, message: "Noen felt på dette steget må rettes eller fylles ut:", fieldErrors: markedAtOpen }
      : initialActionState;
  }
  if (!explicit.saved) {
    // Not stored (signed out, server error): say so until a later save gets through.
    const laterSave = auto.at !== undefined && auto.at > explicit.at && auto.saved;
    return laterSave ? initialActionState : explicit;
  }
  if (hasAny(errors)) {
    // Asked to go on: what is missing too, in the same list, not in a second round after the
    // errors are fixed (a walk met a bad date first and the empty Poststed only after).
    const missing = explicit.next || continued ? gaps.filter((gap) => !errors[gap.field]?.length) : [];
    return {
      ok: false,
      at: explicit.at,
      message:
        missing.length > 0
          ? "Det du har skrevet er lagret, men noen felt må rettes. Noe mangler også på dette steget:"
          : "Det du har skrevet er lagret, men noen felt må rettes. Se feltene som er merket.",
      fieldErrors: { ...errors, ...gapsByField(missing) },
    };
  }
  // Asked to go on: what is missing stays listed while the fields are marked (lib/application-
  // steps.ts fieldMessagesAfterContinue), also once a wrong field is put right by a later save (a
  // walk: the list went while three fields stayed red).
  if ((explicit.next || continued) && gaps.length > 0) {
    return {
      ok: false,
      at: explicit.at,
      // «Utkastet»: the step may be empty, nothing typed (a walk read «Det du har skrevet» there).
      message: "Utkastet er lagret. Dette mangler fortsatt på dette steget:",
      fieldErrors: gapsByField(gaps),
    };
  }
  // Saved, and nothing left to correct: a field error summary would be out of date.
  return explicit.ok || explicit.next ? { ...explicit, ok: true, message: explicit.next ? undefined : explicit.message } : initialActionState;
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
