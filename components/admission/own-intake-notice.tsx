import { OWN_INTAKE_READ_MESSAGE } from "@/lib/permissions";

/**
 * Said on a kull's admission pages, instead of their content, to an adviser who has applied to it
 * herself: its applications are not hers to read or decide (canViewApplication, refuseOwnIntake).
 */
export function OwnIntakeNotice() {
  return (
    <p role="note" className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
      {OWN_INTAKE_READ_MESSAGE}
    </p>
  );
}
