import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { ChangeEmailForm, ChangePasswordForm } from "@/components/forms/account-forms";
import { StatusBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { resendVerificationAction, signOutEverywhereAction } from "@/lib/actions/account";
import { formatInstantNb } from "@/lib/domain/format";
import { ROLE_LABELS } from "@/lib/permissions";
import { getMyAccount } from "@/lib/server/users/my-account";
import { requireViewer } from "@/lib/server/viewer";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "Min konto" };

export default async function MyAccountPage({ searchParams }: { searchParams: Promise<{ passord?: string }> }) {
  const viewer = await requireViewer("/min-konto");
  const [account, { passord }] = await Promise.all([getMyAccount(viewer), searchParams]);
  return (
    <>
      <PageHeader title="Min konto" lead="Passord, e-postadresse og hvor du er logget inn." />
      {passord === "nytt" ? (
        <DoneMessage>
          Det nye passordet er lagret, og du er logget ut på alle andre enheter.
        </DoneMessage>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="konto-heading">
          <h2 id="konto-heading">Kontoen din</h2>
          <dl className="mt-4 space-y-3">
            <div>
              <dt className="font-medium">Navn</dt>
              <dd>{account.name}</dd>
            </div>
            <div>
              <dt className="font-medium">E-postadresse</dt>
              <dd className="flex flex-wrap items-center gap-2">
                {account.email}
                {account.emailVerified ? <StatusBadge tone="good">Bekreftet</StatusBadge> : <StatusBadge tone="wait">Ikke bekreftet</StatusBadge>}
              </dd>
            </div>
            <div>
              <dt className="font-medium">Roller</dt>
              <dd>{account.roles.map((role) => ROLE_LABELS[role]).join(", ")}</dd>
            </div>
          </dl>
          {account.emailVerified ? null : (
            <div className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
              <p>Åpne lenken vi sendte til {account.email} for å bekrefte adressen. Finner du den ikke, kan vi sende den på nytt.</p>
              <div className="mt-3">
                <ActionButton action={resendVerificationAction} hidden={{}} pendingText="Sender …">
                  Send lenken på nytt
                </ActionButton>
              </div>
            </div>
          )}
          {account.pendingEmailChange ? (
            <p role="status" className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3">
              Vi venter på at du åpner lenken vi sendte til <strong>{account.pendingEmailChange.email}</strong> (gjelder til{" "}
              {formatInstantNb(account.pendingEmailChange.expiresAt)}). Til da bruker kontoen {account.email}.
            </p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="enheter-heading">
          <h2 id="enheter-heading">Logg ut på alle enheter</h2>
          <p className="mt-2 text-slate-700">
            Du er logget inn på {account.sessions === 1 ? "én enhet (denne)" : `${account.sessions} enheter eller nettlesere`}. Har du
            glemt å logge ut på en delt PC, eller mistet en telefon, kan du avslutte alle påloggingene her, også denne.
            {account.calendarFeed ? " Kalenderlenken din slutter også å virke; du kan lage en ny under Timeplan." : ""}
          </p>
          <p className="mt-2 text-sm text-slate-700">
            Du blir også logget ut automatisk etter to timer uten aktivitet, og senest ti timer etter at du logget inn.
          </p>
          <div className="mt-4">
            <ActionButton action={signOutEverywhereAction} hidden={{}} className="btn-danger" pendingText="Logger ut …">
              Logg ut på alle enheter
            </ActionButton>
          </div>
        </section>

        <section className="card" aria-labelledby="passord-heading">
          <h2 id="passord-heading">Bytt passord</h2>
          {account.hasPassword ? (
            <>
              <p className="mt-2 text-slate-700">Når du bytter passord, blir du logget ut på alle andre enheter.</p>
              <div className="mt-4">
                <ChangePasswordForm email={account.email} />
              </div>
            </>
          ) : (
            <p className="mt-2">
              Kontoen din har ikke passord ennå{account.feideLinked ? " (du logger inn med Feide)" : ""}. Vil du ha et, velg{" "}
              <Link href={`/glemt-passord`}>Glemt passord</Link> og bruk lenken vi sender deg.
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="epost-heading">
          <h2 id="epost-heading">Bytt e-postadresse</h2>
          {account.hasPassword ? (
            <div className="mt-4">
              <ChangeEmailForm />
            </div>
          ) : (
            <p className="mt-2">Kontakt studieveilederen for å bytte e-postadresse.</p>
          )}
        </section>

        <section className="card" aria-labelledby="innsyn-heading">
          <h2 id="innsyn-heading">Dine opplysninger (innsyn)</h2>
          <p className="mt-2 text-slate-700">
            Last ned alt vi har lagret om deg: kontoen, søknader med dokumenter, vedtak og brev, oppmøte, arbeidskrav, eksamen,
            e-post vi har sendt deg og loggen over hva som er gjort i saken din. Du får en zip-fil med opplysningene som JSON og
            filene du har lastet opp. Nedlastingen blir logget. Se også <Link href="/personvern">personvernerklæringen</Link>.
          </p>
          <p className="mt-4">
            <a href={`/api/innsyn/${viewer.id}`} download className="btn-secondary inline-block">
              Last ned opplysningene mine
            </a>
          </p>
        </section>
      </div>
    </>
  );
}
