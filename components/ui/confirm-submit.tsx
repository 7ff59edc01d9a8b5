"use client";
// The submit of an ActionForm with fields, behind the one confirmation (ConfirmDialog): for a step
// that cannot be undone once it is sent (a decision with a letter, a withdrawal, a transfer). The
// fields stay in the form; the dialog's named button sends it, and the result is the form's own
// (FormMessage above the fields, errors at each field, what was typed kept).
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
      >
        {children}
      </ConfirmDialog>
    </span>
  );
}
