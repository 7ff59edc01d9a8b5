"use client";
// The menu of one area (applicant, adviser, faculty, student). The page it is on is marked
// (aria-current, a coloured frame and fill), so a screen reader and a sighted reader both know where they are.
// On a phone it is one «Meny» button that opens the list (a native <details>, so it works with
// the keyboard and without JavaScript): the adviser's eight links as buttons filled the first
// screen before the page began (a walk at 375 px). It closes again when a link is followed.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export interface AreaNavLink {
  href: string;
  label: string;
  /** Something new there (her unopened letters): a count beside the label, read out as «N nye». */
  newCount?: number;
}

/** The link for the page at `pathname`: the longest href it starts with, at a path segment. */
export function currentLink(links: readonly AreaNavLink[], pathname: string): AreaNavLink | null {
  let best: AreaNavLink | null = null;
  for (const link of links) {
    const matches = pathname === link.href || pathname.startsWith(`${link.href}/`);
    if (matches && (!best || link.href.length > best.href.length)) best = link;
  }
  return best;
}

function NewCount({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <span className="rounded-full bg-blue-800 px-2 text-xs font-semibold text-white">
      {count}
      <span className="sr-only"> {count === 1 ? "ny" : "nye"}</span>
    </span>
  );
}

export function AreaNav({
  label,
  links,
  summary = "Meny",
  className = "mb-6",
}: {
  label: string;
  links: readonly AreaNavLink[];
  /** The closed menu's words on a phone, before the current page: «Meny», or the kull's name. */
  summary?: string;
  className?: string;
}) {
  const pathname = usePathname();
  const current = currentLink(links, pathname);
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  useEffect(() => {
    // Escape closes it and leaves focus on its button, as the dialogs do.
    const element = menu.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && element?.open) {
        element.open = false;
        element.querySelector("summary")?.focus();
      }
    };
    element?.addEventListener("keydown", onKey);
    return () => element?.removeEventListener("keydown", onKey);
  }, []);
  // Following the link to the page already open changes no path: close on any link.
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  const item = (link: AreaNavLink, className: string) => (
    <Link
      href={link.href}
      onClick={close}
      aria-current={link === current ? "page" : undefined}
      className={`${className} ${link === current ? "border-2 border-brand-700 bg-brand-100 hover:bg-brand-100" : ""}`}
    >
      {link.label}
      <NewCount count={link.newCount} />
    </Link>
  );
  return (
    <nav aria-label={label} className={className}>
      <details ref={menu} className="group sm:hidden">
        <summary className="btn-secondary min-h-11 w-full cursor-pointer justify-between px-3 py-1 text-sm">
          <span>
            <span aria-hidden="true">☰ </span>
            {summary}
            {current ? <span className="font-normal">: {current.label}</span> : null}
          </span>
          <span className="flex items-center gap-2">
            {/* What is new, named: «Brev 1», read «Brev 1 ny» (a bare «1» said nothing). */}
            {links
              .filter((link) => link.newCount)
              .map((link) => (
                <span key={link.href} className="rounded-full bg-blue-800 px-2 text-xs font-semibold text-white">
                  {link.label} {link.newCount}
                  <span className="sr-only"> {link.newCount === 1 ? "ny" : "nye"}</span>
                </span>
              ))}
            <span aria-hidden="true" className="transition-transform group-open:rotate-180">
              ▾
            </span>
          </span>
        </summary>
        <ul className="mt-2 grid gap-2">
          {links.map((link) => (
            <li key={link.href}>{item(link, "btn-secondary min-h-11 w-full justify-start px-3 py-1 text-sm")}</li>
          ))}
        </ul>
      </details>
      <ul className="hidden flex-wrap gap-2 sm:flex">
        {links.map((link) => (
          <li key={link.href}>{item(link, "btn-secondary min-h-10 px-3 py-1 text-sm")}</li>
        ))}
      </ul>
    </nav>
  );
}
