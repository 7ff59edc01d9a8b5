// For an applicant who has not yet used the verification link: what it is for, and
// "Send lenken på nytt".
import { ActionButton } from "@/components/ui/action-button";
import { resendVerificationAction } from "@/lib/actions/account";

export function VerifyEmailNotice({ email, headingLevel = 2 }: { email: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950" aria-labelledby="bekreft-epost-heading">
      <Heading id="bekreft-epost-heading" className="text-amber-950">
        Bekreft e-postadressen din
      </Heading>
      <p className="mt-2">
        Vi har sendt en lenke til <strong>{email}</strong>. Åpne den for å bekrefte at adressen er din. Du kan fylle ut søknaden
        nå, men du kan ikke sende den før adressen er bekreftet; kvitteringen og svaret på søknaden kommer dit.
      </p>
      <p className="mt-2 text-sm">Finner du ikke e-posten? Se i søppelpost-mappen, eller be om en ny lenke. Feil adresse? Bytt den under Min konto.</p>
      <div className="mt-3">
        <ActionButton action={resendVerificationAction} hidden={{}} pendingText="Sender …">
          Send lenken på nytt
        </ActionButton>
      </div>
    </section>
  );
}
