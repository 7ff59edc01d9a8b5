"use client";
// When a form is sent after the session has ended (idle for two hours, or signed out elsewhere),
// the server answers "signed out" and the form still shows what was typed (state.values). To sign
// in again without losing it, the "Logg inn på nytt" link puts the form's values in this tab's
// sessionStorage, and the same form, shown again after sign-in (/login?neste=<this page>), fills
// them back in and says so. Passwords, files and hidden fields are never stored; an entry older
// than an hour, or for a form with other fields, is ignored.

const PREFIX = "bvl:skjema:";
const MAX_AGE_MS = 60 * 60 * 1000;

interface StoredForm {
  signature: string;
  values: [string, string][];
  savedAt: number;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function fieldsOf(form: HTMLFormElement): Field[] {
  return [...form.elements].filter(
    (element): element is Field =>
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) &&
      Boolean(element.name) &&
      !(element instanceof HTMLInputElement && ["hidden", "password", "file", "submit", "button"].includes(element.type)) &&
      !("readOnly" in element && element.readOnly),
  );
}

function signatureOf(form: HTMLFormElement): string {
  return [...new Set(fieldsOf(form).map((field) => field.name))].sort().join("|");
}

function keyFor(pathname: string) {
  return `${PREFIX}${pathname}`;
}

/** Keeps what `form` holds, for the page at `pathname`, until it is shown again after sign-in. */
export function stashFormValues(form: HTMLFormElement, pathname: string): void {
  const values: [string, string][] = [];
  for (const field of fieldsOf(form)) {
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
      if (field.checked) values.push([field.name, field.value]);
    } else {
      values.push([field.name, field.value]);
    }
  }
  const entries = readEntries(pathname).filter((entry) => entry.signature !== signatureOf(form));
  entries.push({ signature: signatureOf(form), values, savedAt: Date.now() });
  try {
    sessionStorage.setItem(keyFor(pathname), JSON.stringify(entries));
  } catch {
    // Storage full or disabled: the user can still sign in; the form's values are then lost.
  }
}

/** Fills `form` with what was kept for it, if anything, then calls `done`. */
export function restoreFormValues(form: HTMLFormElement, pathname: string, done: () => void): void {
  const entries = readEntries(pathname);
  const signature = signatureOf(form);
  const entry = entries.find((candidate) => candidate.signature === signature && Date.now() - candidate.savedAt < MAX_AGE_MS);
  if (!entry) return;
  const rest = entries.filter((candidate) => candidate !== entry);
  if (rest.length > 0) sessionStorage.setItem(keyFor(pathname), JSON.stringify(rest));
  else sessionStorage.removeItem(keyFor(pathname));
  // Twice: a choice can change another field's options (county → municipalities) on re-render.
  apply(form, entry.values);
  requestAnimationFrame(() => {
    apply(form, entry.values);
    done();
  });
}

function apply(form: HTMLFormElement, values: [string, string][]) {
  for (const field of fieldsOf(form)) {
    const mine = values.filter(([name]) => name === field.name).map(([, value]) => value);
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
      const checked = mine.includes(field.value);
      if (field.checked !== checked) field.click();
      continue;
    }
    const value = mine[0] ?? "";
    if (field.value === value) continue;
    // The prototype's setter, so React's controlled fields notice the change too.
    const prototype = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

function readEntries(pathname: string): StoredForm[] {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(keyFor(pathname)) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as StoredForm[]) : [];
  } catch {
    return [];
  }
}
