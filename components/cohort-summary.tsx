import { Phone } from "@/components/ui/phone";
import { formatDateNb } from "@/lib/domain/format";
import { formatDeadline } from "@/lib/domain/application-deadline";

export interface CohortSummaryData {
  code: string;
  name: string;
  capacity: number;
  window: { opensOn: string; deadline: string };
  samlinger: { number: number; title: string; days: string[]; notes: string | null }[];
  exam: { startsOn: string; endsOn: string } | null;
  programme: {
    name: string;
    adviser: { name: string; email: string; phone: string };
    academicLead: { name: string; email: string; phone: string };
  };
}

export function formatDays(days: readonly string[]): string {
  if (days.length === 0) return "";
  const first = days[0]!;
  const last = days.at(-1)!;
  return first === last ? formatDateNb(first) : `${formatDateNb(first)} – ${formatDateNb(last)}`;
}

/** A cohort as an applicant sees it before applying: dates, samlinger, exam and contacts. */
export function CohortSummary({ cohort, headingLevel = 2 }: { cohort: CohortSummaryData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  return (
    <div>
      <Heading className="text-xl font-semibold">
        {cohort.programme.name} – {cohort.name}
      </Heading>
      <dl className="mt-3 facts">
        <dt className="font-medium">Søknadsfrist</dt>
        <dd>{formatDeadline(cohort.window.deadline)}</dd>
        <dt className="font-medium">Studieplasser</dt>
        <dd>{cohort.capacity}</dd>
        {cohort.exam ? (
          <>
            <dt className="font-medium">Eksamen</dt>
            <dd>{formatDays([cohort.exam.startsOn, cohort.exam.endsOn])}</dd>
          </>
        ) : null}
      </dl>
      <details className="mt-4">
        <summary className="cursor-pointer font-medium text-brand-700">Samlinger ({cohort.samlinger.length})</summary>
        <Sub className="sr-only">Samlinger</Sub>
        <ol className="mt-2 space-y-1 pl-1">
          {cohort.samlinger.map((samling) => (
            <li key={samling.number}>
              <span className="font-medium">{samling.title}:</span> {formatDays(samling.days)}
              {samling.notes ? <span className="text-slate-700"> – {samling.notes}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <p className="font-medium">Studieveileder</p>
          <p>{cohort.programme.adviser.name}</p>
          <p>
            <a href={`mailto:${cohort.programme.adviser.email}`} className="wrap-anywhere">{cohort.programme.adviser.email}</a> ·{" "}
            <Phone number={cohort.programme.adviser.phone} />
          </p>
        </div>
        <div>
          <p className="font-medium">Fagansvarlig</p>
          <p>{cohort.programme.academicLead.name}</p>
          <p>
            <a href={`mailto:${cohort.programme.academicLead.email}`} className="wrap-anywhere">{cohort.programme.academicLead.email}</a> ·{" "}
            <Phone number={cohort.programme.academicLead.phone} />
          </p>
        </div>
      </div>
    </div>
  );
}
