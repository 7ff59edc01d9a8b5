import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/forms/login-form";
import { demoAccountsVisible, feideConfigured } from "@/lib/env";
import { homePathFor } from "@/lib/permissions";
import { signInWithFeide } from "@/lib/actions/sign-in";
import { signInErrorMessage } from "@/lib/server/auth/sign-in-errors";
import { getViewer } from "@/lib/server/viewer";
import { safeReturnPath } from "@/lib/validation/common";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

export const metadata: Metadata = { title: "Logg inn" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const viewer = await getViewer();
  if (viewer) redirect(homePathFor(viewer.roles));
  const next = safeReturnPath(params.neste) ?? undefined;
  const signInError = signInErrorMessage(params);

  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-[1fr_1fr]">
      <section className="card" aria-labelledby="login-heading">
        <h1 id="login-heading">Logg inn</h1>
        {params.utlogget ? (
          <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
            {params.utlogget === "alle" ? "Du er logget ut på alle enheter." : "Du er logget ut."}
          </p>
        ) : null}
        {params.passord === "nytt" ? (
          <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
            Det nye passordet er lagret. Logg inn med det.
          </p>
        ) : null}
        {params.ny === "1" ? (
          <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
            Kontoen er opprettet. Logg inn for å fortsette.
          </p>
        ) : null}
        {next?.startsWith("/soker") && !params.utlogget ? (
          <p className="mt-4 rounded-md border border-brand-600 bg-brand-50 p-3">
            For å søke må du logge inn med en søkerkonto. Har du ingen konto ennå?{" "}
            <Link href={`/registrer?neste=${encodeURIComponent(next)}`}>Opprett en søkerkonto først</Link>.
          </p>
        ) : null}
        {signInError ? (
          <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
            {signInError}
          </p>
        ) : null}
        <div className="mt-6">
          <LoginForm next={next} />
        </div>
        <p className="mt-4">
          <Link href="/glemt-passord">Glemt passord?</Link>
        </p>
        {feideConfigured() ? (
          <form action={signInWithFeide} className="mt-6 border-t border-slate-200 pt-6">
            {next ? <input type="hidden" name="neste" value={next} /> : null}
            <button type="submit" className="btn-secondary w-full">
              Logg inn med Feide
            </button>
          </form>
        ) : null}
        <p className="mt-6">
          Skal du søke på studiet?{" "}
          <Link href={next ? `/registrer?neste=${encodeURIComponent(next)}` : "/registrer"}>Opprett en søkerkonto</Link>.
        </p>
      </section>
      {demoAccountsVisible() ? (
        <section className="card" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demokontoer</h2>
          <p className="mt-2 text-sm text-slate-700">
            Vises bare i utviklingsmodus. Passord for alle: <code className="font-mono">{DEMO_PASSWORD}</code>
          </p>
          <ul className="mt-4 space-y-2 text-sm">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <code className="font-mono">{account.email}</code> – {account.description}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
