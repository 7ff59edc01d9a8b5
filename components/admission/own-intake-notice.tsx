import { OWN_INTAKE_MESSAGE } from "@/lib/permissions";

/**
 * Said at the top of a kull's admission pages to an adviser who has applied to it herself, before
 * she starts on work the server will refuse (refuseOwnIntake): she may read, a colleague decides.
 */
export function OwnIntakeNotice() {
  return (
    <p role="note" className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
      {OWN_INTAKE_MESSAGE} Du kan lese sidene, men vurderinger, rangering, tilbud, vedtak og klager i dette opptaket må en kollega ta.
    </p>
  );
}
