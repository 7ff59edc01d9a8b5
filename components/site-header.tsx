import Link from "next/link";
import { AreaBand } from "@/components/area-band";
import { signOutEverywhereHere } from "@/lib/actions/sign-out";

export interface HeaderViewer {
  name: string;
  roleLabels: string[];
  areas: readonly { path: string; label: string }[];
}

export function SiteHeader({ viewer }: { viewer: HeaderViewer | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-700 no-underline">
          Barnevernledelse <span className="font-normal text-slate-700">· NTNU</span>
        </Link>
        {viewer ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="w-full text-sm text-slate-700 sm:w-auto">
              <span className="font-semibold text-slate-900">{viewer.name}</span>
              <span className="sr-only">, innlogget som </span>
              <span aria-hidden="true"> · </span>
              {viewer.roleLabels.join(", ")}
            </p>
            <Link href="/min-konto" className="btn-secondary min-h-10 px-3 py-1 text-sm">
              Min konto
            </Link>
            <form action={signOutEverywhereHere}>
              <button type="submit" className="btn-secondary min-h-10 px-3 py-1 text-sm">
                Logg ut
              </button>
            </form>
          </div>
        ) : (
          <nav aria-label="Konto" className="flex gap-3 text-sm">
            <Link href="/login" className="btn-secondary min-h-10 px-3 py-1 text-sm">
              Logg inn
            </Link>
          </nav>
        )}
      </div>
      {viewer ? <AreaBand areas={viewer.areas} /> : null}
    </header>
  );
}
