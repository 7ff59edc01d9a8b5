"use client";
// A confirmation step before something that is hard to undo, on the browser's own modal <dialog>:
// it traps focus, closes on Escape and gives focus back to the button that opened it. Generic: the
// caller says what happens on "confirm" (usually submitting a form with requestSubmit()).
import { useId, useRef } from "react";
import { ButtonContext } from "@/components/ui/button-context";

export function ConfirmDialog({
  triggerLabel,
  triggerContext,
  triggerClassName = "btn-primary",
  title,
  children,
  confirmLabel,
  cancelLabel = "Avbryt",
  onConfirm,
  skipWhen,
  disabled = false,
  tone = "primary",
}: {
  triggerLabel: React.ReactNode;
  /** The rest of the button's name when its label repeats on the page (ButtonContext). */
  triggerContext?: string;
  triggerClassName?: string;
  title: string;
  /** What will happen, in words (and lists) the user can check. */
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  /** When it returns true, the trigger goes straight to onConfirm (ConfirmSubmit: a required field is empty, so the form only answers with what to fill in). */
  skipWhen?: () => boolean;
  disabled?: boolean;
  tone?: "primary" | "danger";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={triggerClassName} disabled={disabled} onClick={() => (skipWhen?.() ? onConfirm() : dialog.current?.showModal())}>
        {triggerLabel}
        <ButtonContext>{triggerContext}</ButtonContext>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="max-h-[50vh] space-y-2 overflow-y-auto">
            {children}
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </button>
            <button
              type="button"
              className={tone === "danger" ? "btn-danger" : "btn-primary"}
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
