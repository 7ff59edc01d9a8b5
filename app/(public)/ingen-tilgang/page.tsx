import type { Metadata } from "next";
import Link from "next/link";
import { homePathFor, isStaff } from "@/lib/permissions";
import { getViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Ingen tilgang" };

export default async function NoAccessPage() {
  const viewer = await getViewer();
  // The way home comes from who is signed in, never from the address bar.
  const home = viewer ? homePathFor(viewer.roles) : "/";
  // Advisers give others access, so they are not told to ask themselves: they ask an administrator,
  // and an administrator is told where to do it.
  const advice = !viewer
    ? "Mener du at du skal ha tilgang, logg inn med kontoen din."
    : viewer.roles.includes("ADMIN")
      ? "Trenger noen tilgang, oppretter du en konto med rollen under «Brukere»."
      : isStaff(viewer)
        ? "Mener du at du skal ha tilgang, kontakt en administrator."
        : "Mener du at du skal ha tilgang, kontakt studieveilederen.";
  return (
    <section className="card mx-auto max-w-xl">
      <h1>Du har ikke tilgang til denne siden</h1>
      <p className="mt-4 text-slate-700">
        Siden hører til en annen rolle enn den du har.{" "}
        {advice}
      </p>
      <p className="mt-6">
        <Link href={home} className="btn-primary">
          Gå til din side
        </Link>
      </p>
    </section>
  );
}
