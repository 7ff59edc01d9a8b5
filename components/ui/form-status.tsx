"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/forms";
import { restoreFormValues, stashFormValues } from "@/components/ui/restore-after-sign-in";

/**
 * After a result (`key`: a new one each time, null for none), the focus is put on `ref` if it was
 * lost: on <body> because the control that had it was disabled or taken out of the page by the
 * save (a walk: after saving attendance, an assessment or a hand-in, the focus fell to the top of
 * the page, and the message sat out of view). A frame later, so a SubmitButton that takes the
 * focus back has done so first: then it stays where the user was. The element needs
 * tabIndex={-1}.
 */
export function useFocusIfLost(ref: React.RefObject<HTMLElement | null>, key: unknown) {
  useEffect(() => {
    if (key === null || key === undefined) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (ref.current && (active === null || active === document.body)) ref.current.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [ref, key]);
}

/** A submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText = "Lagrer …",
  className = "btn-primary",
  ...rest
}: { children: React.ReactNode; pendingText?: string; className?: string } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  // Disabled while saving (no second submit), a focused button drops the focus to <body>: a
  // keyboard or screen-reader user lost her place after every save. Pressed, it takes the focus
  // back once the save is done, unless something else has taken it meanwhile (a message, a field
  // with an error).
  const ref = useRef<HTMLButtonElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (pending || !pressed.current) return;
    pressed.current = false;
    const active = document.activeElement;
    if (ref.current && (active === null || active === document.body)) ref.current.focus();
  }, [pending]);
  // `disabled` taken out of the rest: spread after, a caller's disabled={false} undid the pending
  // state, and aria-disabled said "false" of a button disabled by its caller (a walk).
  const { onClick, disabled, ...others } = rest;
  const off = pending || Boolean(disabled);
  return (
    <button
      ref={ref}
      type="submit"
      className={className}
      {...others}
      disabled={off}
      aria-disabled={off || undefined}
      onClick={(event) => {
        pressed.current = true;
        onClick?.(event);
      }}
    >
      {pending ? pendingText : children}
    </button>
  );
}

/**
 * "Logg inn på nytt" after the session ended while a form was open: keeps what the form holds
 * (restore-after-sign-in.ts) and signs in with a way back to this page.
 */
export function SignInAgainLink({ className }: { className?: string }) {
  const ref = useRef<HTMLAnchorElement>(null);
  const pathname = usePathname();
  return (
    <a
      ref={ref}
      href={`/login?neste=${encodeURIComponent(pathname)}`}
      className={className}
      // The unsaved-changes guard lets this link go: it keeps what was typed itself (below).
      data-keeps-input=""
      onClick={() => {
        const form = ref.current?.closest("form");
        if (form) stashFormValues(form, window.location.pathname);
      }}
    >
      Logg inn på nytt
    </a>
  );
}

/** Fills the form back in after sign-in, if it was kept by SignInAgainLink; says so. */
function useRestoredAfterSignIn(anchor: React.RefObject<HTMLElement | null>) {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (form) restoreFormValues(form, window.location.pathname, () => setRestored(true));
  }, [anchor]);
  return restored;
}

/**
 * The form's overall result. An error takes focus, so keyboard and screen-reader users hear it,
 * and lists each field to fix with a link to it; a success is announced politely. Focus moves
 * once per result (its `at`), so a summary that is re-rendered with fewer items as the user
 * corrects fields never pulls focus away from the field they are typing in. When the session had
 * ended, it offers to sign in again without losing what was typed.
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
  // A success whose form lost the focus (its button disabled while saving, or the form replaced
  // by what it saved) puts it on the message (useFocusIfLost).
  // Keyed by the result's `at`: only an action's answer has one, so a message a page starts with
  // (initial state) does not take the focus on load. A form replaced by its own message (the
  // assessment) mounts a new FormMessage with the result: it takes the focus then.
  useFocusIfLost(ref, state.ok && state.message && state.at ? state.at : null);
  const anchor = useRef<HTMLSpanElement>(null);
  const restored = useRestoredAfterSignIn(anchor);
  if (!state.message) {
    return (
      <>
        <span ref={anchor} hidden />
        {restored ? (
          <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
            Du er logget inn igjen. Vi har fylt inn det du skrev; se over og lagre eller send på nytt.
          </p>
        ) : null}
      </>
    );
  }
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
      <span ref={anchor} hidden />
      <p>{state.message}</p>
      {state.signedOut ? (
        <p className="mt-2">
          Det du har skrevet, står fortsatt i skjemaet. <SignInAgainLink className="font-semibold text-red-900" />, så kommer du tilbake
          hit med det utfylt.
        </p>
      ) : null}
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
