"use client";
// THE fold that holds a form for changing something («Endre …», «Legg til …»): a <details> that
// works without JavaScript and with the keyboard. On the pages of a closed record (an archived
// kull, <ClosedRecord>) it is not there at all: it would only open onto disabled fields.
import { useRecordClosed } from "@/components/ui/record-form";

export function EditToggle({
  summary,
  className,
  summaryClassName = "cursor-pointer font-medium text-brand-700",
  children,
}: {
  summary: React.ReactNode;
  className?: string;
  summaryClassName?: string;
  children: React.ReactNode;
}) {
  if (useRecordClosed()) return null;
  return (
    <details className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
