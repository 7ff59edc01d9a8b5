"use client";
// The tabs of one cohort's staff pages; the current one is marked for screen readers too.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function CohortNav({ cohortId, cohortName }: { cohortId: string; cohortName: string }) {
  const pathname = usePathname();
  const base = `/kull/${cohortId}`;
  const links = [
    { href: base, label: "Oversikt" },
    { href: `${base}/plan`, label: "Plan" },
    { href: `${base}/team`, label: "Team og basisgrupper" },
    { href: `${base}/oppmote`, label: "Oppmøte" },
    { href: `${base}/arbeidskrav`, label: "Arbeidskrav" },
    { href: `${base}/eksamen`, label: "Eksamen" },
    { href: `${base}/klager`, label: "Klager" },
  ];
  const current = [...links].reverse().find((link) => (link.href === base ? pathname === base : pathname.startsWith(link.href)));
  return (
    <nav aria-label={`${cohortName}: sider`} className="mb-6 mt-3">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => {
          const active = link === current;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`min-h-10 px-3 py-1 text-sm ${active ? "btn-primary" : "btn-secondary"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
