// Norwegian words for zod's own checks, for the fields whose schema names no message of its own
// (an optional text's length, a field sent twice so it arrives as a list, a value outside an
// enum). Without this a crafted or mangled form got zod's English defaults ("Invalid input:
// expected string, received array") next to the field. A schema's own message always wins
// (zod asks this map only when the schema has none). Installed once, by lib/server/action.ts and
// lib/http/form-post.ts, for every server action and form route; safe to import anywhere.
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

export function norwegianIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return Array.isArray(issue.input)
        ? "Feltet ble sendt mer enn én gang. Last siden på nytt og prøv igjen."
        : issue.input === undefined
          ? "Feltet mangler."
          : "Feltet har feil form. Last siden på nytt og prøv igjen.";
    case "too_big":
      return issue.origin === "string"
        ? `Teksten er for lang (høyst ${String(issue.maximum)} tegn).`
        : issue.origin === "array" || issue.origin === "set"
          ? `Du kan velge høyst ${String(issue.maximum)}.`
          : `Tallet er for stort (høyst ${String(issue.maximum)}).`;
    case "too_small":
      return issue.origin === "string"
        ? Number(issue.minimum) <= 1
          ? "Feltet må fylles ut."
          : `Teksten er for kort (minst ${String(issue.minimum)} tegn).`
        : issue.origin === "array" || issue.origin === "set"
          ? "Velg minst én."
          : `Tallet er for lite (minst ${String(issue.minimum)}).`;
    case "invalid_value":
      return "Velg et av alternativene.";
    case "invalid_format":
      return "Feltet har feil format.";
    case "unrecognized_keys":
      return "Skjemaet har felt vi ikke kjenner. Last siden på nytt og prøv igjen.";
    default:
      return "Verdien er ikke gyldig.";
  }
}

let installed = false;

/** Makes the Norwegian words zod's fallback in this process (idempotent). */
export function installNorwegianMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => norwegianIssueMessage(issue) });
}
