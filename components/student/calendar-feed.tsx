"use client";
// The personal calendar feed: make a link (shown once: only its hash is kept), copy it into a
// calendar app, make a new one (the old stops working), or delete it.
import { useFormAction } from "@/components/ui/use-form-action";
import { useState } from "react";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";
import { type ActionState } from "@/lib/forms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function CalendarFeed({
  active,
  createAction,
  revokeAction,
}: {
  /** The active feed, described in words ("laget 1. desember 2026 kl. 10.15"), or null. */
  active: { created: string; lastRead: string | null } | null;
  createAction: Action;
  revokeAction: Action;
}) {
  const [state, formAction] = useFormAction(createAction);
  const [copied, setCopied] = useState(false);
  // A link shown after it was made is hidden again once it is deleted.
  const [deleted, setDeleted] = useState<{ at: number | undefined } | null>(null);
  const shown = state.ok && !(deleted && deleted.at === state.at);
  const url = shown ? state.values?.feedUrl : undefined;
  const webcal = shown ? state.values?.webcalUrl : undefined;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="mt-4 space-y-4">
      {shown || !state.ok ? <FormMessage state={state} /> : null}
      {url ? (
        <div className="space-y-3 rounded-md border border-brand-600 bg-brand-50 p-3">
          <label htmlFor="kalenderlenke" className="block font-medium">
            Din kalenderlenke
          </label>
          <input id="kalenderlenke" readOnly value={url} className="input font-mono text-sm" onFocus={(event) => event.currentTarget.select()} />
          <div className="flex flex-wrap gap-3">
            <button type="button" className="btn-secondary" onClick={copy}>
              Kopier lenken
            </button>
            {webcal ? (
              <a href={webcal} className="btn-secondary">
                Åpne i kalenderappen
              </a>
            ) : null}
          </div>
          <p role="status" className="text-sm">
            {copied ? "Lenken er kopiert." : ""}
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>Google Kalender: Andre kalendere → + → Fra nettadresse, lim inn lenken.</li>
            <li>Outlook: Legg til kalender → Abonner fra nettet, lim inn lenken.</li>
            <li>iPhone: trykk «Åpne i kalenderappen», eller Innstillinger → Kalender → Kontoer → Legg til abonnement.</li>
          </ul>
          <p className="text-sm">Lenken er personlig: alle som har den, ser timeplanen din. Del den ikke.</p>
        </div>
      ) : active ? (
        <p>
          Du har en aktiv kalenderlenke, {active.created}.
          {active.lastRead ? ` En kalender hentet den sist ${active.lastRead}.` : " Ingen kalender har hentet den ennå."} Av
          sikkerhetshensyn vises lenken bare når den lages. Finner du den ikke, lager du en ny; den gamle slutter da å virke.
        </p>
      ) : deleted ? (
        <p role="status">Kalenderlenken er slettet. Kalendere som abonnerte på den, får ikke flere oppdateringer.</p>
      ) : (
        <p>Du har ingen kalenderlenke ennå.</p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <form action={formAction}>
          <SubmitButton className="btn-primary" pendingText="Lager lenke …">
            {active || url ? "Lag ny kalenderlenke" : "Lag kalenderlenke"}
          </SubmitButton>
        </form>
        {active || url ? (
          <ConfirmAction
            action={revokeAction}
            hidden={{}}
            trigger="Slett kalenderlenken"
            question="Vil du slette kalenderlenken?"
            consequence="Kalendere som abonnerer på lenken, får ikke lenger timeplanen din. Du kan lage en ny lenke senere."
            confirm="Ja, slett lenken"
            pendingText="Sletter …"
            onSuccess={() => {
              setDeleted({ at: state.at });
              setCopied(false);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
