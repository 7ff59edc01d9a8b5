// Forrige side / Side N av M / Neste side under a list shown a page at a time
// (lib/validation/paging.ts). Nothing when the list fits on one page.
import Link from "next/link";

export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Sider" className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link className="btn-secondary" href={href(page - 1)}>
          ← Forrige side
        </Link>
      ) : null}
      <span>
        Side {page} av {pages}
      </span>
      {page < pages ? (
        <Link className="btn-secondary" href={href(page + 1)}>
          Neste side →
        </Link>
      ) : null}
    </nav>
  );
}
