// The body of a «Registrer klage» page (a klage that came by e-mail or post): the decision it is
// about, then the klage already registered, why none can be, or the form. One layout for a
// student's klage on an enkeltvedtak and an applicant's on an admission decision.
import type { ReactNode } from "react";
import { RegisteredKlage } from "@/components/registered-klage";
import { DoneMessage } from "@/components/ui/done-message";
import { formatDateNb } from "@/lib/domain/format";

export function KlageRegistration({
  letter,
  kull,
  appeal,
  problem,
  portal,
  party,
  list,
  form,
  attachment,
  justRegistered = false,
}: {
  letter: { subject: string; madeAvailableOn: string; klageDeadline: string | null } | null;
  /** The kull the decision is about, and what to call it ("Kull", "Opptak"). */
  kull: { label: string; name: string };
  appeal: Parameters<typeof RegisteredKlage>[0]["appeal"] | null;
  problem: string | null;
  portal: string;
  /** Who sent the klage, as the message after registering names them. */
  party: "Søkeren" | "Studenten";
  list: { href: string; label: string };
  /** The form, shown when a klage can be registered. */
  form: ReactNode;
  /** Under the registered klage: its PDF, or the form to attach it. */
  attachment?: ReactNode;
  /** The form was just sent (`?registrert=1`): said at the top, with the focus there (the form is gone). */
  justRegistered?: boolean;
}) {
  return (
    <>
      {justRegistered && appeal ? (
        <DoneMessage>
          {appeal.status === "DISMISSED"
            ? "Klagen er registrert og avvist. Studenten har fått vedtaket om avvisningen som brev."
            : `Klagen er registrert. ${party} har fått kvittering på e-post.`}
        </DoneMessage>
      ) : null}
      {letter ? (
        <section className="card mb-6" aria-labelledby="vedtak-heading">
          <h2 id="vedtak-heading">Vedtaket</h2>
          <dl className="facts mt-2">
            <dt className="font-medium">Brev</dt>
            <dd>{letter.subject}</dd>
            <dt className="font-medium">{kull.label}</dt>
            <dd>{kull.name}</dd>
            <dt className="font-medium">Gjort tilgjengelig</dt>
            <dd>{formatDateNb(letter.madeAvailableOn)}</dd>
            {letter.klageDeadline ? (
              <>
                <dt className="font-medium">Klagefrist</dt>
                <dd>{formatDateNb(letter.klageDeadline)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {appeal ? (
        <RegisteredKlage appeal={appeal} portal={portal} list={list} attachment={attachment} />
      ) : problem || !letter ? (
        <p role="alert" className="card border-red-700 bg-red-50 text-red-900">
          {problem}
        </p>
      ) : (
        <section className="card" aria-labelledby="registrer-heading">
          <h2 id="registrer-heading">Klage fra e-post eller brev</h2>
          <div className="mt-4">{form}</div>
        </section>
      )}
    </>
  );
}
