import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/forms/register-form";
import { safeReturnPath } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Opprett søkerkonto" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ neste?: string }> }) {
  const { neste } = await searchParams;
  const next = safeReturnPath(neste) ?? undefined;
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="register-heading">
      <h1 id="register-heading">Opprett søkerkonto</h1>
      {next?.startsWith("/soker") ? (
        <p className="mt-4 rounded-md border border-brand-600 bg-brand-50 p-3">
          For å søke trenger du en søkerkonto. Opprett den her, så kommer du rett videre til søknaden.
        </p>
      ) : null}
      <p className="mt-2 text-slate-700">
        Med en søkerkonto kan du fylle ut søknaden i flere omganger, laste opp vitnemål og tjenestebevis, og følge med på
        svaret.
      </p>
      <div className="mt-6">
        <RegisterForm next={next} />
      </div>
      <p className="mt-6">
        Har du allerede en konto? <Link href={next ? `/login?neste=${encodeURIComponent(next)}` : "/login"}>Logg inn</Link>.
      </p>
    </section>
  );
}
