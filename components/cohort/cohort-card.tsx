// One cohort at a glance for its staff: today's attendance, the next samling, work waiting for
// assessment, and the students at risk with the reason (lib/domain/risk.ts words it).
import Link from "next/link";
import { formatDays } from "@/components/cohort-summary";
import { StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateNb } from "@/lib/domain/format";
import type { RiskLevel } from "@/lib/domain/risk";
import { countNoun } from "@/lib/domain/format";

export interface CohortCardData {
  id: string;
  name: string;
  programme: string;
  students: number;
  /** Past samling days with students nobody has registered yet. */
  unregisteredDays: { dayId: string; date: string; samlingTitle: string; missing: number }[];
  /** Exam registrations that no longer match the students' standing. */
  decisionsNeeded: number;
  atRisk: { enrolmentId: string; name: string; basisgruppe: string | null; mine: boolean; risk: { level: RiskLevel; reason: string } }[];
  waiting: { total: number; ledertrening: number };
  today: { dayId: string; samlingTitle: string; location: string } | null;
  nextSamling: { number: number; title: string; location: string; days: string[]; week: string; ongoing: boolean } | null;
  exam: { startsOn: string; endsOn: string } | null;
  /** Utsatt and ny eksamen not over yet, in date order. */
  laterSittings: { id: string; label: string; startsOn: string }[];
  completed: boolean;
  samlingerHeld: number;
  samlingerTotal: number;
}

export const RISK_LABEL: Record<RiskLevel, { label: string; tone: "bad" | "wait" | "neutral" | "good" }> = {
  LOST: { label: "Kan ikke nå oppmøtekravet", tone: "bad" },
  FINAL_REJECTION: { label: "Arbeidskrav endelig ikke godkjent", tone: "bad" },
  // Zero left is in it too: «Høyst ett» read as one still to spare (from a walk).
  LAST_ABSENCE: { label: "Ett eller ingen fravær igjen", tone: "wait" },
  // Not «Mangler»: one of them may be waiting for assessment (a walk).
  ARBEIDSKRAV: { label: "Arbeidskrav ikke godkjent ennå", tone: "wait" },
  NONE: { label: "Ingen risiko", tone: "good" },
};

type RiskRow = CohortCardData["atRisk"][number];

const RISK_COLUMNS: readonly Column<RiskRow>[] = [
  {
    key: "name",
    header: "Student",
    rowHeader: true,
    cell: (row) => (
      <>
        {row.name}
        {row.basisgruppe ? <span className="block text-sm font-normal text-slate-700">{row.basisgruppe}{row.mine ? " (din gruppe)" : ""}</span> : null}
      </>
    ),
  },
  { key: "level", header: "Risiko", cell: (row) => <StatusBadge tone={RISK_LABEL[row.risk.level].tone}>{RISK_LABEL[row.risk.level].label}</StatusBadge> },
  { key: "reason", header: "Hvorfor", cell: (row) => row.risk.reason },
];

/** `showToday={false}` when the page already leads with today's registration (the faculty home). */
export function CohortCard({
  cohort,
  headingLevel = 2,
  showLinks = true,
  showToday = true,
}: {
  cohort: CohortCardData;
  headingLevel?: 2 | 3;
  showLinks?: boolean;
  showToday?: boolean;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const base = `/kull/${cohort.id}`;
  return (
    <section className="card space-y-4" aria-labelledby={`kull-${cohort.id}`}>
      <div>
        <Heading id={`kull-${cohort.id}`}>
          {showLinks ? <Link href={base}>{cohort.name}</Link> : cohort.name}
        </Heading>
        <p className="text-slate-700">
          {cohort.programme} · {countNoun(cohort.students, "student", "studenter")} · {cohort.samlingerHeld} av {countNoun(cohort.samlingerTotal, "samling", "samlinger")} holdt
        </p>
      </div>

      {cohort.today && showToday ? (
        <div className="rounded-md border border-brand-600 bg-brand-50 p-4">
          <p className="font-semibold">I dag: {cohort.today.samlingTitle}, {cohort.today.location}</p>
          <p className="mt-3">
            <Link href={`${base}/oppmote/${cohort.today.dayId}`} className="btn-primary">
              Registrer oppmøte for i dag
            </Link>
          </p>
        </div>
      ) : null}

      {cohort.unregisteredDays.length > 0 ? (
        <div className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950">
          <Sub className="text-base font-semibold">Oppmøte som ikke er registrert ({cohort.unregisteredDays.length})</Sub>
          <p className="mt-1">Dagene teller verken som oppmøte eller fravær for studentene før de er registrert.</p>
          <ul className="mt-2 list-disc pl-5">
            {cohort.unregisteredDays.map((d) => (
              <li key={d.dayId}>
                <Link href={`${base}/oppmote/${d.dayId}`}>
                  {formatDateNb(d.date)} ({d.samlingTitle})
                </Link>
                : {d.missing} {d.missing === 1 ? "student mangler" : "studenter mangler"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {cohort.decisionsNeeded > 0 ? (
        <p className="rounded-md border border-red-700 bg-red-50 p-4 text-red-900">
          <Link href={`${base}/eksamen`}>
            {cohort.decisionsNeeded === 1 ? "1 eksamensoppmelding trenger en beslutning" : `${cohort.decisionsNeeded} eksamensoppmeldinger trenger en beslutning`}
          </Link>
          : statusen er endret etter oppmeldingen.
        </p>
      ) : null}

      <dl className="facts">
        <dt className="font-medium">{cohort.nextSamling?.ongoing ? "Samlingen nå" : "Neste samling"}</dt>
        <dd>
          {cohort.nextSamling
            ? `${cohort.nextSamling.title}: ${formatDays(cohort.nextSamling.days)} (${cohort.nextSamling.week}), ${cohort.nextSamling.location}`
            : "Ingen flere samlinger i planen."}
        </dd>
        <dt className="font-medium">Venter på vurdering</dt>
        <dd>
          {cohort.waiting.total === 0 ? (
            "Ingen innleveringer venter."
          ) : (
            <Link href={`${base}/arbeidskrav#venter`}>
              {countNoun(cohort.waiting.total, "innlevering", "innleveringer")}
              {/* «11 innleveringer (10 ledertreningsoppgaver)» left the eleventh unnamed (a walk). */}
              {cohort.waiting.ledertrening > 0 && cohort.waiting.ledertrening < cohort.waiting.total
                ? `, av dem ${countNoun(cohort.waiting.ledertrening, "ledertreningsoppgave", "ledertreningsoppgaver")}`
                : cohort.waiting.ledertrening > 0
                  ? ` (${cohort.waiting.total === 1 ? "en ledertreningsoppgave" : "alle ledertreningsoppgaver"})`
                  : ""}
            </Link>
          )}
        </dd>
        {cohort.exam ? (
          <>
            <dt className="font-medium">Eksamen</dt>
            <dd>
              <Link href={`${base}/eksamen`}>{formatDays([cohort.exam.startsOn, cohort.exam.endsOn])}</Link>
            </dd>
          </>
        ) : null}
        {cohort.laterSittings.length > 0 ? (
          <>
            <dt className="font-medium">Senere eksamener</dt>
            <dd>
              <ul>
                {cohort.laterSittings.map((sitting) => (
                  <li key={sitting.id}>
                    <Link href={`${base}/eksamen/${sitting.id}`}>
                      {sitting.label} {formatDateNb(sitting.startsOn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>

      <div>
        <Sub className="text-base font-semibold">{cohort.completed ? "Studenter i faresonen" : `Studenter i faresonen (${cohort.atRisk.length})`}</Sub>
        {cohort.completed ? (
          <p className="mt-1 text-slate-700">Kullet er fullført, og den ordinære eksamenen er avgjort for alle: ingen står i faresonen for den lenger.</p>
        ) : cohort.atRisk.length === 0 ? (
          <p className="mt-1 text-slate-700">Ingen studenter er i faresonen nå.</p>
        ) : (
          <div className="mt-2">
            <DataTable caption={`Studenter i faresonen, ${cohort.name}`} columns={RISK_COLUMNS} rows={cohort.atRisk} rowKey={(row) => row.enrolmentId} />
          </div>
        )}
        <p className="mt-2 text-sm">
          <Link href={`${base}/oppmote`}>Se hele oppmøteoversikten</Link>
        </p>
      </div>
    </section>
  );
}
