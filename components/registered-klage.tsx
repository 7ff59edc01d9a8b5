// The klage already on a decision, on the page where an adviser would register one that came by
// e-mail or post: when it came, how (portal or registered by whom), where it stands, and why a late
// one is taken up. One section for a student's klage and an applicant's.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateNb } from "@/lib/domain/format";

const STATUS = {
  RECEIVED: "venter på behandling",
  REVERSED: "er tatt til følge",
  PARTLY: "er delvis tatt til følge",
  UPHELD: "er ikke tatt til følge og går til klagenemnda",
  SETTLED: "er avsluttet uten avgjørelse",
  DISMISSED: "er avvist fordi den kom for sent, og studenten har fått vedtaket om avvisningen",
} as const;

export function RegisteredKlage({
  appeal,
  portal,
  list,
  attachment,
}: {
  appeal: {
    receivedOn: string;
    status: Exclude<keyof typeof STATUS, "PARTLY">;
    partly?: boolean;
    lateReason: string | null;
    registeredBy: string | null;
    /** DISMISSED: the avvisning's grounds, and its letter (to read as PDF). */
    dismissalGrounds?: string | null;
    dismissalLetterId?: string | null;
  };
  /** Where the party files in the portal ("i studentportalen", "i søknadsportalen"). */
  portal: string;
  list: { href: string; label: string };
  /** The klage's PDF, or the form to attach it (an admission klage registered from e-mail or post). */
  attachment?: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby="klage-heading">
      <h2 id="klage-heading">Klagen er registrert</h2>
      <p className="mt-2">
        {appeal.registeredBy
          ? `Klagen ble sendt ${formatDateNb(appeal.receivedOn)} på e-post eller brev og registrert av ${appeal.registeredBy}.`
          : `Klagen kom inn ${formatDateNb(appeal.receivedOn)} ${portal}.`}{" "}
        Den {STATUS[appeal.partly ? "PARTLY" : appeal.status]}.
      </p>
      {appeal.lateReason ? <p className="mt-2">Kom etter fristen, tatt under behandling fordi: {appeal.lateReason}</p> : null}
      {appeal.status === "DISMISSED" && appeal.dismissalGrounds ? <p className="mt-2">Begrunnelse for avvisningen: {appeal.dismissalGrounds}</p> : null}
      {appeal.dismissalLetterId ? (
        <p className="mt-2">
          <a href={`/api/student/brev/${appeal.dismissalLetterId}`}>Vedtaket om avvisningen (PDF)</a>
        </p>
      ) : null}
      {attachment}
      <p className="mt-2">
        <Link href={list.href}>{list.label}</Link>
      </p>
    </section>
  );
}
