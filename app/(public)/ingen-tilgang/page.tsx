import type { Metadata } from "next";
import Link from "next/link";
import { homePathFor } from "@/lib/permissions";
import { getViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Ingen tilgang" };

export default async function NoAccessPage() {
  const viewer = await getViewer();
  // The way home comes from who is signed in, never from the address bar.
  const home = viewer ? homePathFor(viewer.roles) : "/";
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
