// zod pieces for the adviser's forms about enrolments and for the student's identity (Norwegian
// messages). The rules themselves are lib/domain/enrolment.ts, transfer.ts and student-identity.ts;
// these only turn what was typed into values.
import { z } from "zod";
import { parseDateInput } from "@/lib/domain/dates";

/** A date from a date picker ("2026-03-14") or typed as dd.mm.åååå; required. */
export const typedDate = (label: string) =>
  z
    .string({ error: `Skriv ${label} (dd.mm.åååå).` })
    .trim()
    .min(1, `Skriv ${label} (dd.mm.åååå).`)
    .transform((value, context) => {
      const parsed = parseDateInput(value);
      if (parsed === null) {
        context.addIssue({ code: "custom", message: `Datoen er ikke gyldig. Skriv ${label} som dd.mm.åååå, for eksempel 14.03.2026.` });
        return z.NEVER;
      }
      return parsed;
    });

/** An optional short text of digits ("" or absent → null); the rule checks the format. */
export const optionalNumberText = z
  .string()
  .trim()
  .max(40, "Skriv bare sifrene.")
  .optional()
  .transform((value) => (value ? value : null));
