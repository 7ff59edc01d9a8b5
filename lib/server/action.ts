import "server-only";
// The one way a server action is built: authenticate → authorize (role) → parse with zod →
// run the use case (which checks ownership and writes in a transaction with its audit entry) →
// return an ActionState for useActionState. The form is cleaned of control characters first
// (lib/validation/form-data.ts). Unknown fields in the form are dropped by the
// schema, so a crafted POST cannot set `status`, `category` or `userId`.
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { fieldErrorsFrom, formInput, formValues, type ActionState } from "@/lib/forms";
import { hasAnyRole } from "@/lib/permissions";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { databaseRefusal } from "@/lib/server/transactions";
import { getViewer, type Viewer } from "@/lib/server/viewer";
import { sanitizeFormData } from "@/lib/validation/form-data";
import { installNorwegianMessages } from "@/lib/validation/messages";

installNorwegianMessages();

export interface ActionContext<Input> {
  viewer: Viewer;
  input: Input;
  formData: FormData;
}

interface ActionDefinition<Schema extends z.ZodType> {
  /** Who may call it at all; ownership is checked by the use case. */
  roles: readonly Role[];
  schema: Schema;
  handler: (context: ActionContext<z.output<Schema>>) => Promise<Partial<ActionState> | void>;
  /** The sentence over the field errors when the form does not parse (it says what the form was doing). */
  invalidMessage?: string;
}

export const SIGNED_OUT_MESSAGE = "Du er ikke logget inn lenger. Logg inn på nytt og prøv igjen.";
export const FORBIDDEN_MESSAGE = "Du har ikke tilgang til å gjøre dette.";
const UNEXPECTED_MESSAGE =
  "Noe gikk galt hos oss, og endringene ble ikke lagret. Det du skrev står fortsatt i skjemaet; prøv igjen om litt.";

export function defineAction<Schema extends z.ZodType>(definition: ActionDefinition<Schema>) {
  return async function action(_previous: ActionState, posted: FormData): Promise<ActionState> {
    // NUL and other control characters never reach zod, the use case or the database.
    const formData = sanitizeFormData(posted);
    const values = shownValues(formData);
    const at = Date.now();
    const viewer = await getViewer();
    if (!viewer) return { ok: false, message: SIGNED_OUT_MESSAGE, values, at, signedOut: true };
    if (!hasAnyRole(viewer, definition.roles)) return { ok: false, message: FORBIDDEN_MESSAGE, values, at };

    const parsed = definition.schema.safeParse(formInput(formData));
    if (!parsed.success) {
      return {
        ok: false,
        message: definition.invalidMessage ?? "Noe må rettes før vi kan lagre. Se feltene som er merket.",
        fieldErrors: fieldErrorsFrom(parsed.error),
        values,
        at,
      };
    }
    try {
      const result = await definition.handler({ viewer, input: parsed.data, formData });
      return { ok: true, values, at, ...result };
    } catch (error) {
      return failure(error, values, at);
    }
  };
}

interface PublicActionDefinition<Schema extends z.ZodType> {
  schema: Schema;
  handler: (context: { input: z.output<Schema>; formData: FormData }) => Promise<Partial<ActionState> | void>;
}

/**
 * For the few actions that need no session (forgotten password, links from e-mails): parse with
 * zod → run the use case → an ActionState, with the same error handling as defineAction.
 */
export function definePublicAction<Schema extends z.ZodType>(definition: PublicActionDefinition<Schema>) {
  return async function action(_previous: ActionState, posted: FormData): Promise<ActionState> {
    // NUL and other control characters never reach zod, the use case or the database.
    const formData = sanitizeFormData(posted);
    const values = shownValues(formData);
    const at = Date.now();
    const parsed = definition.schema.safeParse(formInput(formData));
    if (!parsed.success) {
      return {
        ok: false,
        message: "Noe må rettes. Se feltene som er merket.",
        fieldErrors: fieldErrorsFrom(parsed.error),
        values,
        at,
      };
    }
    try {
      const result = await definition.handler({ input: parsed.data, formData });
      return { ok: true, values, at, ...result };
    } catch (error) {
      return failure(error, values, at);
    }
  };
}

/** Fields never sent back to the page, whatever the form: passwords and one-time tokens. */
const SECRET_FIELD = /password|passord|token/i;

/** What the user typed, to show again, without secrets. */
function shownValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formValues(formData)).filter(([name]) => !SECRET_FIELD.test(name)));
}

function failure(thrown: unknown, values: Record<string, string>, at: number): ActionState {
  unstable_rethrow(thrown); // redirect() and notFound() are not errors
  const error = databaseRefusal(thrown) ?? thrown;
  if (error instanceof DomainError) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values, at };
  }
  if (error instanceof AccessDeniedError || error instanceof NotFoundError) {
    return { ok: false, message: error.message, values, at };
  }
  console.error("Server action failed", error);
  return { ok: false, message: UNEXPECTED_MESSAGE, values, at };
}

/** zod's issues by field (lib/forms.ts), for the route handlers and actions that parse themselves. */
export { fieldErrorsFrom };
