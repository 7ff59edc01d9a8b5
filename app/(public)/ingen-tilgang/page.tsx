import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Ingen tilgang" };

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ hjem?: string }> }) {
  const { hjem } = await searchParams;
  const home = hjem && hjem.startsWith("/") && !hjem.startsWith("//") ? hjem : "/";
  return (
    <section className="card mx-auto max-w-xl">
      <h1>Du har ikke tilgang til denne siden</h1>
      <p className="mt-4 text-slate-700">
        Siden hører til en annen rolle enn den du har. Mener du at du skal ha tilgang, kontakt studieveilederen.
      </p>
      <p className="mt-6">
        <Link href={home} className="btn-primary">
          Gå til din side
        </Link>
      </p>
    </section>
  );
}
