"use client";
// THE confirmation for a step that deletes or cannot be undone (remove an education, a position,
// a document …): one tap opens the question, a second, named button does it, "Avbryt" closes it.
// Built on <details>, so it works without JavaScript too; with it, the question takes focus when
// it opens (a screen reader hears what is at stake) and "Avbryt" puts focus back on the button.
import { useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { ActionButton } from "@/components/ui/action-button";

export function ConfirmAction({
  action,
  hidden,
  trigger,
  triggerLabel,
  question,
  consequence,
  confirm,
  pendingText = "Et øyeblikk …",
  size = "normal",
  quietSuccess,
  onSuccess,
  onConfirm,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  /** The visible text of the button that opens the question ("Fjern utdanningen"). */
  trigger: React.ReactNode;
  /** Its accessible name when the visible text is the same for several items ("Fjern utdanning 2"). */
  triggerLabel?: string;
  question: string;
  consequence?: React.ReactNode;
  /** The button that does it, named after what it does ("Ja, fjern utdanningen"). */
  confirm: string;
  pendingText?: string;
  size?: "normal" | "small";
  quietSuccess?: boolean;
  onSuccess?: (state: ActionState) => void;
  /** Called when the confirming button is pressed (the item, and this, may be gone when it succeeds). */
  onConfirm?: () => void;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  const small = size === "small" ? "min-h-10 px-3 py-1 text-sm" : "";
  return (
    <details
      ref={details}
      className="group max-w-full"
      onToggle={(event) => {
        if (event.currentTarget.open) heading.current?.focus();
      }}
    >
      <summary
        ref={summary}
        aria-label={triggerLabel}
        className={`btn-danger cursor-pointer list-none [&::-webkit-details-marker]:hidden ${small}`}
      >
        {trigger}
      </summary>
      <div className="mt-3 rounded-md border border-red-700 bg-red-50 p-4 text-red-950">
        <p ref={heading} tabIndex={-1} className="font-semibold outline-none">
          {question}
        </p>
        {consequence ? <p className="mt-1">{consequence}</p> : null}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <ActionButton
            action={action}
            hidden={hidden}
            className={`btn-danger ${small}`}
            pendingText={pendingText}
            quietSuccess={quietSuccess}
            onSuccess={onSuccess}
            onSubmit={onConfirm}
          >
            {confirm}
          </ActionButton>
          <button
            type="button"
            className={`btn-secondary ${small}`}
            onClick={() => {
              if (details.current) details.current.open = false;
              summary.current?.focus();
            }}
          >
            Avbryt
          </button>
        </div>
      </div>
    </details>
  );
}
