import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { resetPasswordAction } from "@/lib/actions/account";
import { INVALID_RESET_LINK, passwordResetLink } from "@/lib/server/users/password-reset";

// The token is in the address: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Velg nytt passord", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await passwordResetLink(token);
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="reset-heading">
      <h1 id="reset-heading">Velg nytt passord</h1>
      {link ? (
        <>
          <p className="mt-2 text-slate-700">
            Når du har lagret det nye passordet, blir du logget inn her og logget ut på alle andre enheter.
          </p>
          <div className="mt-6">
            <SetPasswordForm action={resetPasswordAction} token={token} email={link.user.email} submitLabel="Lagre nytt passord" />
          </div>
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {INVALID_RESET_LINK}
          </p>
          <p className="mt-6">
            <Link href="/glemt-passord" className="btn-primary">
              Be om en ny lenke
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
