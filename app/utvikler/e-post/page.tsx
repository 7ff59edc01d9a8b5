import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { formatInstantNb } from "@/lib/domain/format";
import { env } from "@/lib/env";
import { isStaff } from "@/lib/permissions";
import { outboxEnabled, readOutbox } from "@/lib/server/mail";
import { getViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Utgående e-post (utvikling)" };

/**
 * The development outbox: mail the app would have sent, when no SMTP server is configured.
 * Open to everyone in development; in production only to advisers and admins, and only while
 * mail goes to the outbox (with SMTP_URL set this page does not exist).
 */
export default async function OutboxPage() {
  if (!outboxEnabled()) notFound();
  const viewer = await getViewer();
  if (env().NODE_ENV === "production" && !(viewer && isStaff(viewer))) notFound();
  const messages = await readOutbox();
  return (
    <>
      <PageHeader
        title="Utgående e-post"
        lead="E-post appen har sendt mens ingen SMTP-server er satt opp (SMTP_URL). Nyeste først."
      />
      {messages.length === 0 ? (
        <p className="card">Ingen e-post er sendt ennå.</p>
      ) : (
        <ul className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="card">
              <h2 className="text-lg">{message.subject}</h2>
              <p className="text-sm text-slate-700">
                Til <span className="wrap-anywhere">{message.to}</span> · {formatInstantNb(new Date(message.sentAt))}
              </p>
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans">{message.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
