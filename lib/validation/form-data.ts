// The one form-data sanitiser: every form post (server actions through lib/forms.ts and
// lib/server/action.ts, the upload and hand-in route handlers through lib/http/form-post.ts) passes
// through here before zod sees it. PostgreSQL refuses a NUL byte in text (a 500 if it got that
// far), and no field of ours means anything by a control character, so:
//   - in a value, C0 control characters other than tab, line feed and carriage return, DEL and the
//     C1 controls (U+0080–U+009F) are removed, and a lone UTF-16 surrogate becomes U+FFFD;
//   - a field whose *name* holds a control character is dropped (no schema has such a field).
// Removing rather than refusing: such characters arrive by pasting from other programs, and the
// person cannot see them to take them out. Files are kept as they are (their bytes are checked by
// lib/domain/upload.ts, their names by the same rule there).
// Pure and safe to import from client code.

const CONTROL_IN_VALUE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F]/;

/** A lone surrogate (invalid UTF-16) becomes U+FFFD, as the encoder would write it. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A text value as it may be stored: no control characters but tab and line breaks, well-formed. */
export function sanitizeFormText(value: string): string {
  return wellFormed(value).replace(CONTROL_IN_VALUE, "");
}

/**
 * Whether a field name can be one of ours: no control characters, and not a name every object
 * already has ("constructor", "__proto__", "toString" …), which the forms' plain objects would
 * read as that property (the hostile-input test sent "constructor", and an action threw).
 */
export function isAcceptableFieldName(name: string): boolean {
  return !CONTROL_IN_NAME.test(name) && sanitizeFormText(name) === name && !(name in Object.prototype);
}

/** A copy of the form with every text value cleaned and fields with unusable names left out. */
export function sanitizeFormData(formData: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of formData.entries()) {
    if (!isAcceptableFieldName(name)) continue;
    if (typeof value === "string") clean.append(name, sanitizeFormText(value));
    else clean.append(name, value);
  }
  return clean;
}
