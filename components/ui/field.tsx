// Form fields with their label, hint and error tied together for screen readers: the input is
// described by the hint and the error (aria-describedby) and marked aria-invalid on an error.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldShell {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** Set when two fields with the same name share a page. */
  id?: string;
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  name,
  label,
  hint,
  errors,
  id = name,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
        {input.required ? null : <span className="font-normal text-slate-600"> (valgfritt)</span>}
      </label>
      <FieldMessages id={id} hint={hint} />
      <input
        id={id}
        name={name}
        className="input mt-1"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  errors,
  id = name,
  ...textarea
}: FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
        {textarea.required ? null : <span className="font-normal text-slate-600"> (valgfritt)</span>}
      </label>
      <FieldMessages id={id} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows={4}
        className="input mt-1"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...textarea}
      />
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  id = name,
  options,
  placeholder = "Velg …",
  ...select
}: FieldShell & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
        {select.required ? null : <span className="font-normal text-slate-600"> (valgfritt)</span>}
      </label>
      <FieldMessages id={id} hint={hint} />
      <select
        id={id}
        name={name}
        className="input mt-1"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  errors,
  id = name,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-brand-600"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
          {...input}
        />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      <div className="ml-8">
        <FieldMessages id={id} hint={hint} errors={errors} />
      </div>
    </div>
  );
}
