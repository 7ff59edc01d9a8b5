// The tabs of one cohort's staff pages: the one area menu (AreaNav), so the current page is
// marked the same way and a phone gets one «☰ Kull H2025: Oppmøte» button, not seven.
import { AreaNav } from "@/components/area-menu";

export function CohortNav({ cohortId, cohortName }: { cohortId: string; cohortName: string }) {
  const base = `/kull/${cohortId}`;
  return (
    <AreaNav
      label={`${cohortName}: sider`}
      summary={cohortName}
      className="mb-6 mt-3"
      links={[
        { href: base, label: "Oversikt" },
        { href: `${base}/plan`, label: "Plan" },
        { href: `${base}/team`, label: "Team og basisgrupper" },
        { href: `${base}/oppmote`, label: "Oppmøte" },
        { href: `${base}/arbeidskrav`, label: "Arbeidskrav" },
        { href: `${base}/eksamen`, label: "Eksamen" },
        { href: `${base}/klager`, label: "Klager" },
      ]}
    />
  );
}
