import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { countNoun, formatInstantNb } from "@/lib/domain/format";
import { STALE_CLAIM_MINUTES } from "@/lib/domain/mail-delivery";
import { resendMailAction } from "@/lib/actions/mail-admin";
import { listUndeliveredMail, UNDELIVERED_LIST_LIMIT, type UndeliveredMail } from "@/lib/server/mail-admin";
import { requirePageRole } from "@/lib/server/viewer";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "E-post som ikke kom fram" };

// For administrators: the e-mail nothing will send by itself any more (lib/server/mail-admin.ts),
// each with a button that puts it back in the queue. The text of a message is not shown.

const columns: Column<UndeliveredMail>[] = [
  {
    key: "laget",
    header: "Laget",
    rowHeader: true,
    cell: (mail) => <time dateTime={mail.createdAt.toISOString()}>{formatInstantNb(mail.createdAt)}</time>,
  },
  {
    key: "til",
    header: "Til",
    cell: (mail) => (
      <>
        {mail.user ? <span className="block">{mail.user.name}</span> : null}
        <span className="wrap-anywhere">{mail.to}</span>
        {mail.resendTo !== mail.to ? (
          <span className="mt-1 block text-slate-700">
            Adressen på kontoen er endret siden. Sendes på nytt til <span className="wrap-anywhere">{mail.resendTo}</span>.
          </span>
        ) : null}
      </>
    ),
  },
  { key: "emne", header: "Emne", cell: (mail) => mail.subject },
  {
    key: "status",
    header: "Status",
    cell: (mail) =>
      mail.state === "GIVEN_UP" ? (
        <>
          <StatusBadge tone="bad">Gitt opp</StatusBadge>
          <span className="mt-1 block text-slate-700">
            {countNoun(mail.attempts, "forsøk", "forsøk")}
            {mail.lastError ? <>: <span className="wrap-anywhere">{mail.lastError}</span></> : null}
          </span>
        </>
      ) : (
        <>
          <StatusBadge tone="wait">Uvisst om den ble sendt</StatusBadge>
          <span className="mt-1 block text-slate-700">
            Sendingen stoppet {mail.sendingSince ? formatInstantNb(mail.sendingSince) : ""} uten svar fra e-posttjeneren.
          </span>
        </>
      ),
  },
  {
    key: "handling",
    header: "Handling",
    hideLabelOnPhone: true,
    cell: (mail) => (
      <ConfirmActionButton
        action={resendMailAction}
        hidden={{ mailId: mail.id }}
        label="Send på nytt"
        context={`«${mail.subject}» til ${mail.resendTo}`}
        title="Sende e-posten på nytt?"
        confirmLabel="Send på nytt"
        className="btn-secondary"
      >
        <p>
          «{mail.subject}» legges i køen igjen og sendes til <span className="wrap-anywhere">{mail.resendTo}</span>, med nye forsøk om det trengs.
        </p>
        {mail.resendTo !== mail.to ? <p className="mt-2">Det er adressen på kontoen nå. Første gang gikk den til <span className="wrap-anywhere">{mail.to}</span>.</p> : null}
        {mail.state === "UNKNOWN" ? (
          <p className="mt-2">Mottakeren kan allerede ha fått den: sendingen stoppet uten svar, så den kan komme fram to ganger.</p>
        ) : mail.resendTo === mail.to ? (
          <p className="mt-2">Sjekk adressen først: ble den avvist for godt, gir et nytt forsøk samme svar.</p>
        ) : null}
      </ConfirmActionButton>
    ),
  },
];

export default async function UndeliveredMailPage({ searchParams }: { searchParams: Promise<Record<"sendt", string | undefined>> }) {
  const viewer = await requirePageRole(["ADMIN"], "/veileder/e-post");
  const [{ sendt }, { mails, truncated }] = await Promise.all([searchParams, listUndeliveredMail(viewer)]);
  return (
    <>
      <PageHeader
        title="E-post som ikke kom fram"
        lead={`E-post som e-posttjeneren avviste for godt eller etter alle forsøkene, og e-post der sendingen stoppet uten svar (i ${STALE_CLAIM_MINUTES} minutter eller mer). Ingen av dem sendes av seg selv. Innholdet vises ikke her.`}
      />
      {sendt ? (
        <DoneMessage>
          E-posten er lagt i køen igjen og sendes om et øyeblikk. Den nye sendingen står i loggen.
        </DoneMessage>
      ) : null}
      <section className="card" aria-labelledby="e-post-heading">
        <h2 id="e-post-heading">
          {mails.length === 0 ? "Ingen e-post venter på deg" : countNoun(mails.length, "e-post", "e-poster")}
        </h2>
        {truncated ? <p className="mt-2">Bare de {UNDELIVERED_LIST_LIMIT} nyeste vises. Send dem på nytt, så kommer de eldre fram.</p> : null}
        <div className="mt-4">
          <DataTable
            caption="E-post som ikke kom fram, nyeste først"
            columns={columns}
            rows={mails}
            rowKey={(mail) => mail.id}
            stackBelow="lg"
            empty="All e-post er sendt eller på vei."
          />
        </div>
        <p className="mt-4 text-sm">
          Hver ny sending står i <Link href="/veileder/logg?type=mail.resend">loggen</Link>.
        </p>
      </section>
    </>
  );
}
