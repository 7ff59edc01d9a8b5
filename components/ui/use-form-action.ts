"use client";
// useActionState for every form of the app (ActionForm, ActionButton and the forms of their own).
// A server action normally answers with an ActionState; but when the request itself is refused
// before the action runs (a body over the 2 MB limit, answered 413 by proxy.ts; the network gone;
// a server that answers with something else) Next.js throws in the browser, and the nearest
// error page would replace the form and everything typed in it. Here such a failure becomes a
// message above the form instead, with the values that were sent, so nothing typed is lost.
import { useActionState, useCallback } from "react";
import { formValues, initialActionState, type ActionState } from "@/lib/forms";
import { SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const NOT_SENT_MESSAGE =
  "Skjemaet kom ikke fram, og ingenting ble lagret. Det du skrev, står fortsatt i skjemaet: sjekk nettforbindelsen og prøv igjen.";

/** Fields never kept in the state (as on the server, lib/server/action.ts). */
const SECRET_FIELD = /password|passord|token/i;

/** Next's own navigation signals (redirect(), notFound()) are thrown on purpose: let them through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND";
}

/** The state shown when the form could not be delivered: why, and what was typed. */
export function refusedState(error: unknown, formData: FormData): ActionState {
  const tooLarge = error instanceof Error && error.message === SERVER_ACTION_TOO_LARGE_MESSAGE;
  const values = Object.fromEntries(Object.entries(formValues(formData)).filter(([name]) => !SECRET_FIELD.test(name)));
  return { ok: false, message: tooLarge ? SERVER_ACTION_TOO_LARGE_MESSAGE : NOT_SENT_MESSAGE, values, at: Date.now() };
}

export function useFormAction(action: Action, initialState: ActionState = initialActionState) {
  const delivered = useCallback<Action>(
    async (previous, formData) => {
      try {
        return await action(previous, formData);
      } catch (error) {
        if (isNavigationSignal(error)) throw error;
        return refusedState(error, formData);
      }
    },
    [action],
  );
  return useActionState(delivered, initialState);
}
