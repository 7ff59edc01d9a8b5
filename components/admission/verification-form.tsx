"use client";
// Approve or reject one document or position, with a comment the applicant sees. Saves as the
// adviser works: at once when a choice is clicked, a moment after they stop typing a comment,
// and when they press "Lagre". Arrow keys step through the choices one change at a time, so a
// choice reached by them is saved once the steps stop (or the focus leaves the choices), not at
// every step: stepping from «Ikke kontrollert» to «Avvist» used to save «Godkjent» on the way,
// with an audit entry for a decision nobody made. A failed save keeps what was typed and says why.
import { usePendingWork } from "@/components/application/unsaved-changes";
import { useFormAction } from "@/components/ui/use-form-action";
import { startTransition, useEffect, useId, useRef } from "react";
import { initialActionState, type ActionState } from "@/lib/forms";
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
  // Set by an arrow key in the choices: the change it causes is a step, saved when the steps stop.
  const stepping = useRef(false);
  /** What a waiting save would send (read at each change, as the form may be gone by then). */
  const waiting = useRef<FormData | null>(null);
  const id = useId();

  const save = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    waiting.current = null;
    if (!form.current) return;
    const data = new FormData(form.current);
    startTransition(() => formAction(data));
  };
  const saveSoon = (delay = 900) => {
    window.clearTimeout(timer.current);
    if (form.current) waiting.current = new FormData(form.current);
    timer.current = window.setTimeout(save, delay);
  };
  const onChoice = () => {
    if (stepping.current) saveSoon(700);
    else save();
    stepping.current = false;
  };
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  /** Sends a waiting save now, outside the form's own state: for leaving the page. */
  const sendWaiting = async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const data = waiting.current;
    waiting.current = null;
    if (!data) return true;
    const result = await action(initialActionState, data).catch(() => null);
    if (result?.ok) return true;
    // Not stored: show why here (the page stays, UnsavedChangesGuard).
    startTransition(() => formAction(data));
    return false;
  };
  // A link clicked while a save waits (the page is in UnsavedChangesGuard) goes once it is stored.
  usePendingWork({ busy: () => timer.current !== undefined || pending, settle: sendWaiting });
  const sendWaitingRef = useRef(sendWaiting);
  useEffect(() => {
    sendWaitingRef.current = sendWaiting;
  });
  // Arrow keys on the choices mark the change they cause as a step; leaving the choices saves a waiting step.
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const isChoice = (target: EventTarget | null) => target instanceof HTMLInputElement && target.type === "radio" && element.contains(target);
    const onKeyDown = (event: KeyboardEvent) => {
      if (isChoice(event.target)) stepping.current = event.key.startsWith("Arrow");
    };
    const onFocusOut = (event: FocusEvent) => {
      if (isChoice(event.target) && !isChoice(event.relatedTarget) && timer.current !== undefined) saveRef.current();
    };
    element.addEventListener("keydown", onKeyDown);
    element.addEventListener("focusout", onFocusOut);
    return () => {
      element.removeEventListener("keydown", onKeyDown);
      element.removeEventListener("focusout", onFocusOut);
    };
  }, []);
  // Leaving by the browser's back button cannot wait: a waiting save is sent as the form goes away.
  useEffect(
    () => () => {
      if (timer.current !== undefined) void sendWaitingRef.current();
    },
    [],
  );

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
        onChange={onChoice}
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
          onInput={() => saveSoon()}
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
