import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { acceptInvitationAction } from "@/lib/actions/account";
import { INVALID_INVITATION_LINK, invitationLink } from "@/lib/server/users/invitations";

export const metadata: Metadata = { title: "Velg passord", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await invitationLink(token);
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="invitation-heading">
      <h1 id="invitation-heading">Velkommen{link ? `, ${link.user.name}` : ""}</h1>
      {link ? (
        <>
          <p className="mt-2 text-slate-700">
            Du har fått en konto i studieadministrasjonen for Nasjonal videreutdanning i barnevernledelse. Velg passordet ditt
            for å ta den i bruk. Bare du kjenner det; studieveilederen ser det aldri.
          </p>
          <div className="mt-6">
            <SetPasswordForm action={acceptInvitationAction} token={token} email={link.user.email} submitLabel="Lagre passord og logg inn" />
          </div>
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {INVALID_INVITATION_LINK}
          </p>
          <p className="mt-6">
            <Link href="/glemt-passord">Glemt passord</Link> · <Link href="/login">Logg inn</Link>
          </p>
        </>
      )}
    </section>
  );
}
