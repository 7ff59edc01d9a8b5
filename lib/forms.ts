// Shapes shared by server actions and the forms that call them (importable from client code).
import { isAcceptableFieldName, sanitizeFormText } from "@/lib/validation/form-data";

export type FieldErrors = Record<string, string[] | undefined>;

/** What every server action returns to `useActionState`. */
export interface ActionState {
  ok: boolean;
  /** A sentence for the whole form (success or failure). */
  message?: string;
  /** Messages tied to fields by name; shown next to the field and linked with aria-describedby. */
  fieldErrors?: FieldErrors;
  /** What the user sent, so the form can show it again: nothing typed is lost on an error. */
  values?: Record<string, string>;
  /** Changes on every call, so a form can tell a new result from the previous one. */
  at?: number;
  /** The draft was written (possibly with fields kept as typed for correction). */
  saved?: boolean;
  /** Where "go on" leads, when the form stayed because the step is not complete yet. */
  next?: string;
  /**
   * The session had ended (signed out elsewhere, idle for two hours, or past its absolute limit).
   * The form keeps what was typed and offers to sign in again and come back (FormMessage).
   */
  signedOut?: boolean;
}

export const initialActionState: ActionState = { ok: false };

/**
 * FormData → plain object of strings. Next's internal `$ACTION_*` fields and files are left out;
 * values are cleaned of control characters (lib/validation/form-data.ts).
 */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof raw !== "string" || !isAcceptableFieldName(key)) continue;
    const value = sanitizeFormText(raw);
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** FormData → object for zod: keys that repeat become arrays (checkbox groups); values cleaned as above. */
export function formInput(formData: FormData): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION") || !isAcceptableFieldName(key)) continue;
    const all = formData
      .getAll(key)
      .filter((value): value is string => typeof value === "string")
      .map(sanitizeFormText);
    if (all.length === 0) continue;
    input[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return input;
}

/** zod's issues as messages by field name ("form" for the whole form). */
export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    // Own keys only: a path named like a property every object has ("constructor") starts empty.
    if (!Object.hasOwn(fieldErrors, key)) fieldErrors[key] = [];
    fieldErrors[key]!.push(issue.message);
  }
  return fieldErrors;
}
