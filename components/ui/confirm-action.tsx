"use client";
// THE confirmation for a step that deletes or cannot be undone (remove an education, a position,
// a document, a calendar link): the button opens ConfirmDialog (the one confirmation pattern: the
// browser's modal <dialog>, which keeps focus inside, closes on Escape and gives focus back to the
// button), whose second, named button ("Ja, fjern utdanningen") sends the form. The result is
// reported beside the button, as ActionButton does. ConfirmActionButton is the same for staff
// steps whose result needs a block message (publishing grades, registering for the exam).
import { RecordForm } from "@/components/ui/record-form";
import { useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { ActionMessage, HiddenFields, useActionResult } from "@/components/ui/action-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function ConfirmAction({
  action,
  hidden,
  trigger,
  context,
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
  /** The rest of its name when the visible text is the same for several items ("nr. 2"; ButtonContext). */
  context?: string;
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
  const [state, formAction, pending] = useActionResult(action, onSuccess);
  const form = useRef<HTMLFormElement>(null);
  const small = size === "small" ? "min-h-10 px-3 py-1 text-sm" : "";
  return (
    <RecordForm ref={form} action={formAction} onSubmit={onConfirm} className="inline-flex max-w-full flex-wrap items-center gap-2">
      <HiddenFields values={hidden} />
      <ConfirmDialog
        triggerLabel={pending ? pendingText : trigger}
        triggerContext={context}
        triggerClassName={`btn-danger ${small}`}
        disabled={pending}
        title={question}
        confirmLabel={confirm}
        tone="danger"
        onConfirm={() => form.current?.requestSubmit()}
      >
        {consequence ? <p>{consequence}</p> : null}
      </ConfirmDialog>
      <ActionMessage state={state} quietSuccess={quietSuccess} />
    </RecordForm>
  );
}
