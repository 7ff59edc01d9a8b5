"use client";
// A one-button server action behind a confirmation dialog ("Publiser karakterene", "Meld opp
// alle"), with its result as a block message above the button (FormMessage). ConfirmAction is the
// same dialog with the result beside the button, for removing one item.
import { RecordForm } from "@/components/ui/record-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { useRef } from "react";
import type { ActionState } from "@/lib/forms";
import { HiddenFields } from "@/components/ui/action-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-status";

export function ConfirmActionButton({
  action,
  hidden,
  label,
  context,
  title,
  children,
  confirmLabel,
  className = "btn-primary",
  tone,
  disabled = false,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  label: string;
  /** The rest of the button's name when `label` repeats on the page (ButtonContext). */
  context?: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  className?: string;
  tone?: "primary" | "danger";
  /** Nothing to do now (the button stays, so the result of the last run stays in view). */
  disabled?: boolean;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  return (
    <RecordForm ref={form} action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <HiddenFields values={hidden} />
      <ConfirmDialog
        triggerLabel={pending ? "Et øyeblikk …" : label}
        triggerContext={context}
        triggerClassName={className}
        disabled={pending || disabled}
        title={title}
        confirmLabel={confirmLabel}
        tone={tone}
        onConfirm={() => form.current?.requestSubmit()}
      >
        {children}
      </ConfirmDialog>
    </RecordForm>
  );
}
