import Link from "next/link";

/** The menu of one area (applicant, adviser, faculty, student). */
export interface AreaNavLink {
  href: string;
  label: string;
  /** Something new there (her unopened letters): a count beside the label, read out as «N nye». */
  newCount?: number;
}

export function AreaNav({ label, links }: { label: string; links: readonly AreaNavLink[] }) {
  return (
    <nav aria-label={label} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="btn-secondary min-h-10 px-3 py-1 text-sm">
              {link.label}
              {link.newCount ? (
                <span className="rounded-full bg-blue-800 px-2 text-xs font-semibold text-white">
                  {link.newCount}
                  <span className="sr-only"> {link.newCount === 1 ? "ny" : "nye"}</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PageHeader({ title, lead, children }: { title: string; lead?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1>{title}</h1>
        {lead ? <p className="mt-2 max-w-3xl text-slate-700">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}
