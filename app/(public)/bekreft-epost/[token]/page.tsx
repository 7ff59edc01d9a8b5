import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmLinkForm } from "@/components/forms/confirm-link-form";
import { verifyEmailAction } from "@/lib/actions/account";
import { peekToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { INVALID_VERIFICATION_LINK } from "@/lib/server/users/email-verification";
import { getViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Bekreft e-postadressen", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, viewer] = await Promise.all([peekToken(db(), token, "EMAIL_VERIFICATION"), getViewer()]);
  const usable = link && link.email === link.user.email;
  const continueTo = viewer ? { href: "/min-side", label: "Gå videre" } : { href: "/login?neste=%2Fmin-side", label: "Logg inn" };
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="verify-heading">
      <h1 id="verify-heading">Bekreft e-postadressen</h1>
      {usable ? (
        <>
          <p className="mt-2 text-slate-700">
            Bekreft at <strong>{link.email}</strong> er din e-postadresse. Da kan du sende søknaden når den er ferdig.
          </p>
          <div className="mt-6">
            <ConfirmLinkForm action={verifyEmailAction} token={token} label="Bekreft e-postadressen" continueTo={continueTo} />
          </div>
        </>
      ) : viewer?.emailVerified ? (
        <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          E-postadressen din er allerede bekreftet. <Link href="/min-side">Gå videre</Link>
        </p>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {INVALID_VERIFICATION_LINK}
          </p>
          <p className="mt-6">
            Du kan be om en ny lenke under <Link href="/min-konto">Min konto</Link>.
          </p>
        </>
      )}
    </section>
  );
}
