/**
 * The audit log's before and after, said readably: one row per field that is in either, with its
 * value before and after as short text, changed fields first. Pure; the audit viewer renders it.
 */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const MAX_VALUE_LENGTH = 300;

/** A value as text: strings as they are, dates as written, the rest as compact JSON, shortened. */
export function formatAuditValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "boolean") text = value ? "ja" : "nei";
  else if (typeof value === "number" || typeof value === "bigint") text = String(value);
  else text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function fields(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { verdi: value };
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const old = fields(before);
  const next = fields(after);
  const names = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const rows = names.map((field) => {
    const was = formatAuditValue(old[field]);
    const is = formatAuditValue(next[field]);
    return { field, before: was, after: is, changed: was !== is };
  });
  // Changed fields first (in the order they were written), then the unchanged ones.
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
