"use client";
import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/forms";

/** A submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText = "Lagrer …",
  className = "btn-primary",
  ...rest
}: { children: React.ReactNode; pendingText?: string; className?: string } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending || rest.disabled} aria-disabled={pending} {...rest}>
      {pending ? pendingText : children}
    </button>
  );
}

/**
 * The form's overall result. An error takes focus, so keyboard and screen-reader users hear it,
 * and lists each field to fix with a link to it; a success is announced politely. Focus moves
 * once per result (its `at`), so a summary that is re-rendered with fewer items as the user
 * corrects fields never pulls focus away from the field they are typing in.
 */
export function FormMessage({
  state,
  fieldId = (name) => name,
  after,
}: {
  state: ActionState;
  fieldId?: (name: string) => string;
  /** More under the list (e.g. a way to go on anyway). */
  after?: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const failed = Boolean(state.message) && !state.ok;
  // A result is known by its `at` (every action result has one); without it, by identity.
  const result: unknown = state.at ?? state;
  const focusedFor = useRef<unknown>(undefined);
  useEffect(() => {
    if (failed && focusedFor.current !== result) {
      focusedFor.current = result;
      ref.current?.focus();
    }
  }, [failed, result]);
  if (!state.message) return null;
  const fields = Object.entries(state.fieldErrors ?? {}).filter(([name, messages]) => name !== "form" && messages?.length);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={state.ok ? "status" : "alert"}
      className={
        state.ok
          ? "rounded-md border border-green-700 bg-green-50 p-3 text-green-900"
          : "rounded-md border border-red-700 bg-red-50 p-3 text-red-900"
      }
    >
      <p>{state.message}</p>
      {!state.ok && fields.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} className="text-red-900">
                {messages!.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {after}
    </div>
  );
}
