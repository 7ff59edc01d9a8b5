import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmLinkForm } from "@/components/forms/confirm-link-form";
import { confirmEmailChangeAction } from "@/lib/actions/account";
import { peekToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { INVALID_EMAIL_CHANGE_LINK } from "@/lib/server/users/my-account";
import { getViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Bekreft ny e-postadresse", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ConfirmEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, viewer] = await Promise.all([peekToken(db(), token, "EMAIL_CHANGE"), getViewer()]);
  const continueTo = viewer ? { href: "/min-konto", label: "Til Min konto" } : { href: "/login?neste=%2Fmin-konto", label: "Logg inn" };
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="change-heading">
      <h1 id="change-heading">Bekreft ny e-postadresse</h1>
      {link?.email ? (
        <>
          <p className="mt-2 text-slate-700">
            Kontoen bruker nå <strong>{link.user.email}</strong>. Når du bekrefter, bruker den <strong>{link.email}</strong> i
            stedet, både for innlogging og e-post fra oss.
          </p>
          <div className="mt-6">
            <ConfirmLinkForm action={confirmEmailChangeAction} token={token} label="Bekreft ny e-postadresse" continueTo={continueTo} />
          </div>
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {INVALID_EMAIL_CHANGE_LINK}
          </p>
          <p className="mt-6">
            <Link href="/min-konto">Til Min konto</Link>
          </p>
        </>
      )}
    </section>
  );
}
