"use client";
import Link from "next/link";
import { SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";

/**
 * Shown when a page fails. Never shows the error itself: only a reference for support. The one
 * exception is our own Norwegian answer to an oversized form (proxy.ts), which the browser turns
 * into an error with that message.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // Forms catch this themselves (components/ui/use-form-action.ts) and keep what was typed;
  // only a post from outside those forms can still end here.
  const tooLarge = error.message === SERVER_ACTION_TOO_LARGE_MESSAGE;
  return (
    <section className="card mx-auto max-w-xl" role="alert">
      <h1>{tooLarge ? "Skjemaet er for stort" : "Noe gikk galt"}</h1>
      <p className="mt-4 text-slate-700">
        {tooLarge
          ? "Skjemaet var for stort til å sendes (høyst 2 MB), og ingenting ble lagret. Gå tilbake, korte ned teksten og prøv igjen."
          : "Siden kunne ikke vises akkurat nå. Prøv igjen, eller gå tilbake til forsiden. Det du har lagret, er ikke tapt."}
      </p>
      {error.digest ? <p className="mt-2 text-sm text-slate-600">Referanse: {error.digest}</p> : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={reset}>
          Prøv igjen
        </button>
        <Link href="/" className="btn-secondary">
          Til forsiden
        </Link>
      </div>
    </section>
  );
}
