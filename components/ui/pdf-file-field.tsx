// One PDF to choose for a form that sends a file (components/ui/upload-form.tsx): its label, hint
// and error tied to the input, the same look and touch size wherever a page asks for a PDF.
import type { ReactNode } from "react";
import { describedBy, FieldMessages } from "@/components/ui/field";

export function PdfFileField({
  id,
  label,
  hint,
  errors,
  describedByExtra,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** Another element the input is described by (the form's result message). */
  describedByExtra?: string;
}) {
  const described = describedBy(id, hint, errors);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} />
      <input
        id={id}
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        aria-invalid={described["aria-invalid"]}
        aria-describedby={[described["aria-describedby"], describedByExtra].filter(Boolean).join(" ") || undefined}
        className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold sm:w-auto"
      />
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}
