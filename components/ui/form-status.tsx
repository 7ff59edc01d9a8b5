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
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} {...rest}>
      {pending ? pendingText : children}
    </button>
  );
}

/**
 * The form's overall result. Errors take focus so keyboard and screen-reader users hear them;
 * a success is announced politely.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message && !state.ok) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
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
      {state.message}
    </div>
  );
}
