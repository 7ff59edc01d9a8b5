"use client";
// The submit of an ActionForm with fields, behind the one confirmation (ConfirmDialog): for a step
// that cannot be undone once it is sent (a decision with a letter, a withdrawal, a transfer). The
// fields stay in the form; the dialog's named button sends it, and the result is the form's own
// (FormMessage above the fields, errors at each field, what was typed kept). With a required
// field empty there is nothing to confirm: the form is sent at once and says what to fill in.
import { useRef } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function ConfirmSubmit({
  label,
  title,
  confirmLabel,
  children,
  tone = "primary",
  className,
  disabled = false,
}: {
  label: string;
  title: string;
  confirmLabel: string;
  children: React.ReactNode;
  tone?: "primary" | "danger";
  className?: string;
  disabled?: boolean;
}) {
  const anchor = useRef<HTMLSpanElement>(null);
  return (
    <span ref={anchor} className="block">
      <ConfirmDialog
        triggerLabel={label}
        triggerClassName={className ?? (tone === "danger" ? "btn-danger" : "btn-primary")}
        title={title}
        confirmLabel={confirmLabel}
        tone={tone}
        disabled={disabled}
        onConfirm={() => anchor.current?.closest("form")?.requestSubmit()}
        // A required field left empty: no «Ja, …» for a step that will not happen; the form is
        // sent at once and answers with the fields to fill in, as every form does.
        skipWhen={() => hasEmptyRequiredField(anchor.current?.closest("form") ?? null)}
      >
        {children}
      </ConfirmDialog>
    </span>
  );
}

/** Whether a required field of the form is empty (a required radio group with none chosen, a required box not ticked). */
export function hasEmptyRequiredField(form: HTMLFormElement | null): boolean {
  if (!form) return false;
  const fields = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input[required], textarea[required], select[required]");
  return [...fields].some((field) => {
    if (field instanceof HTMLInputElement && field.type === "radio") return form.querySelector(`input[type="radio"][name="${CSS.escape(field.name)}"]:checked`) === null;
    if (field instanceof HTMLInputElement && field.type === "checkbox") return !field.checked;
    return field.value.trim() === "";
  });
}
