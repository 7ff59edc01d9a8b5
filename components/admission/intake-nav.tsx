import Link from "next/link";
import { OwnIntakeNotice } from "./own-intake-notice";

/**
 * The parts of one intake: overview and applications, ranking, decisions; and, to an adviser who
 * has applied to the kull herself (`ownIntake`), that a colleague decides in it.
 */
export function IntakeNav({ cohortId, current, ownIntake = false }: { cohortId: string; current: "oversikt" | "rangering" | "vedtak"; ownIntake?: boolean }) {
  const links = [
    { key: "oversikt", href: `/veileder/opptak/${cohortId}`, label: "Oversikt og søknader" },
    { key: "rangering", href: `/veileder/opptak/${cohortId}/rangering`, label: "Rangering" },
    { key: "vedtak", href: `/veileder/opptak/${cohortId}/vedtak`, label: "Vedtak" },
  ] as const;
  return (
    <>
      <nav aria-label="Opptaket" className="mb-6 border-b border-slate-300">
        <ul className="flex flex-wrap gap-x-1">
          {links.map((link) => (
            <li key={link.key}>
              <Link
                href={link.href}
                aria-current={current === link.key ? "page" : undefined}
                className={`inline-flex min-h-11 items-center border-b-4 px-3 font-medium no-underline ${
                  current === link.key ? "border-brand-600 text-slate-900" : "border-transparent text-brand-700 hover:border-slate-300"
                }`}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {ownIntake ? <OwnIntakeNotice /> : null}
    </>
  );
}
