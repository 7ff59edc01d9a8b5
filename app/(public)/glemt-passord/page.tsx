import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/forms/forgot-password-form";

export const metadata: Metadata = { title: "Glemt passord" };

/**
 * "Glemt passord". After sending, every request lands on the same confirmation (?sendt=1),
 * whether or not the address has an account, so the page tells nobody who has one.
 */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sendt?: string }> }) {
  const { sendt } = await searchParams;
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="forgot-heading">
      <h1 id="forgot-heading">Glemt passord</h1>
      {sendt ? (
        <div role="status" className="mt-4 space-y-3 rounded-md border border-green-700 bg-green-50 p-4 text-green-900">
          <p className="font-semibold">Sjekk e-posten din.</p>
          <p>
            Hvis adressen hører til en konto hos oss, har vi sendt en lenke for å velge nytt passord. Lenken gjelder i 60
            minutter og kan brukes én gang.
          </p>
          <p>Finner du ikke e-posten etter noen minutter, se i søppelpost-mappen, eller be om en ny lenke.</p>
        </div>
      ) : (
        <p className="mt-2 text-slate-700">
          Skriv e-postadressen du logger inn med. Vi sender en lenke du kan bruke til å velge et nytt passord.
        </p>
      )}
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6">
        <Link href="/login">Tilbake til innlogging</Link>
      </p>
    </section>
  );
}
