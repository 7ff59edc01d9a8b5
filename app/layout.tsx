import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NavigationFocus } from "@/components/navigation-focus";
import { SiteHeader } from "@/components/site-header";
import { areasFor, ROLE_LABELS } from "@/lib/permissions";
import { getViewer } from "@/lib/server/viewer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Barnevernledelse – studieadministrasjon", template: "%s · Barnevernledelse" },
  description: "Søknad, opptak, oppmøte, arbeidskrav og eksamen for Nasjonal videreutdanning i barnevernledelse ved NTNU.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="nb">
      <body className="flex min-h-screen flex-col">
        <a
          href="#innhold"
          className="sr-only z-50 rounded bg-white p-3 font-semibold focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Hopp til hovedinnholdet
        </a>
        <SiteHeader
          viewer={
            viewer
              ? { name: viewer.name, roleLabels: viewer.roles.map((role) => ROLE_LABELS[role]), areas: areasFor(viewer.roles) }
              : null
          }
        />
        <main id="innhold" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
          {children}
        </main>
        <NavigationFocus />
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2 text-sm text-slate-700">
            <p>Nasjonal videreutdanning i barnevernledelse · NTNU, Institutt for psykisk helse · RKBU Midt-Norge</p>
            <Link href="/personvern" className="link-target">
              Personvernerklæring
            </Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
