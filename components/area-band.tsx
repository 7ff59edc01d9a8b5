"use client";
// The band under the header with a link to each of the viewer's areas (Studieveileder, Faglærer,
// Student, Søknader). Shown when there is a choice to make: several areas, or a page outside her
// one area (Min konto, a kull's staff pages), where it is the way back. On her own area's pages a
// person with one area has that area's menu right below: the band repeated it and took a phone's
// line (a walk at 375 px).
import Link from "next/link";
import { usePathname } from "next/navigation";

export function AreaBand({ areas }: { areas: readonly { path: string; label: string }[] }) {
  const pathname = usePathname();
  const inOnlyArea = areas.length === 1 && (pathname === areas[0]!.path || pathname.startsWith(`${areas[0]!.path}/`));
  if (areas.length === 0 || inOnlyArea) return null;
  return (
    <nav aria-label="Hovedmeny" className="border-t border-slate-100 bg-brand-50">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 px-4 text-sm">
        {areas.map((area) => (
          <li key={area.path}>
            <Link href={area.path} className="link-target font-medium">
              {area.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
