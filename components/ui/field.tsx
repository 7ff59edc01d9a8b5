// Form fields with their label, hint and error tied together for screen readers: the control is
// described by the hint and the error (aria-describedby) and marked aria-invalid on an error.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldShell {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** Set when two fields with the same name share a page. */
  id?: string;
  /** Required only by a choice elsewhere in the form (the hint says when): not marked «valgfritt». */
  conditional?: boolean;
}

/** The attributes that tie a control to its hint and error. */
export function describedBy(id: string, hint: unknown, errors?: string[]) {
  return {
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  } as const;
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

/** Label above (marked optional when not required), hint, the control, then the error. */
function Labelled({ id, label, hint, errors, required, children }: { id: string; label: ReactNode; hint?: ReactNode; errors?: string[]; required?: boolean; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? null : <span className="font-normal text-slate-600"> (valgfritt)</span>}
      </label>
      <FieldMessages id={id} hint={hint} />
      {children}
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export function TextField({ name, label, hint, errors, id = name, conditional = false, ...input }: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  // A date is ten characters: its field as wide as a phone's, not the whole card on a wide screen.
  const width = input.type === "date" ? " max-w-xs" : "";
  return (
    <Labelled id={id} label={label} hint={hint} errors={errors} required={input.required || conditional}>
      <input id={id} name={name} className={`input mt-1${width}`} {...describedBy(id, hint, errors)} {...input} />
    </Labelled>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  errors,
  id = name,
  conditional = false,
  ...textarea
}: FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <Labelled id={id} label={label} hint={hint} errors={errors} required={textarea.required || conditional}>
      <textarea id={id} name={name} rows={4} className="input mt-1" {...describedBy(id, hint, errors)} {...textarea} />
    </Labelled>
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
  /** Options with a `group` are listed under it (an optgroup), groups in the order they first appear. */
  options: readonly { value: string; label: string; group?: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const option = (item: { value: string; label: string }) => (
    <option key={item.value} value={item.value}>
      {item.label}
    </option>
  );
  const groups = [...new Set(options.map((item) => item.group))];
  return (
    <Labelled id={id} label={label} hint={hint} errors={errors} required={select.required}>
      <select id={id} name={name} className="input mt-1" {...describedBy(id, hint, errors)} {...select}>
        <option value="">{placeholder}</option>
        {groups.map((group) =>
          group === undefined ? (
            options.filter((item) => item.group === undefined).map(option)
          ) : (
            <optgroup key={group} label={group}>
              {options.filter((item) => item.group === group).map(option)}
            </optgroup>
          ),
        )}
      </select>
    </Labelled>
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
        <input id={id} name={name} type="checkbox" className="mt-0.5 size-6 shrink-0 accent-brand-600" {...describedBy(id, hint, errors)} {...input} />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      <div className="ml-9">
        <FieldMessages id={id} hint={hint} errors={errors} />
      </div>
    </div>
  );
}

/**
 * One choice among a few, as radio buttons in a fieldset: the legend names the question, the hint
 * and the error describe the group, and the first button carries `id`, so the error summary's
 * link puts focus on the group. Controlled (`value` with `onChange`) or not (`defaultValue`,
 * with an optional `onChange`, e.g. to save at once).
 */
export function RadioGroupField({
  name,
  legend,
  hint,
  errors,
  id = name,
  options,
  value,
  defaultValue,
  onChange,
  disabled,
  layout = "row",
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
  options: readonly { value: string; label: ReactNode }[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  /** Side by side (short labels) or one under the other (sentences). */
  layout?: "row" | "column";
}) {
  const described = describedBy(id, hint, errors)["aria-describedby"];
  return (
    <fieldset aria-describedby={described}>
      <legend className="font-medium">{legend}</legend>
      <FieldMessages id={id} hint={hint} />
      <div className={layout === "row" ? "mt-1 flex flex-wrap gap-x-5 gap-y-1" : "mt-1 space-y-1"}>
        {options.map((option, index) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2">
            <input
              id={index === 0 ? id : undefined}
              type="radio"
              name={name}
              value={option.value}
              {...(value !== undefined ? { checked: value === option.value } : { defaultChecked: defaultValue === option.value })}
              onChange={onChange ? () => onChange(option.value) : undefined}
              disabled={disabled}
              className="size-5 shrink-0 accent-brand-600"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessages id={id} errors={errors} />
    </fieldset>
  );
}
