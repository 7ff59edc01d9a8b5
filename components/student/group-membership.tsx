"use client";
// The student's place in a group hand-in before it is assessed: confirm being in it (a classmate
// added you), leave it (you hand in on your own instead), or add a classmate (who confirms in turn).
import { addGroupMemberAction, confirmGroupMembershipAction, leaveGroupAction } from "@/lib/actions/student";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SelectField } from "@/components/ui/field";

export function GroupMembership({
  submissionId,
  title,
  membership,
  classmates,
}: {
  submissionId: string;
  title: string;
  membership: { confirmed: boolean; addedBy: string | null; canConfirm: boolean; canLeave: boolean; leaveBlocked: string | null; canAdd: boolean };
  classmates: { enrolmentId: string; name: string }[];
}) {
  const hidden = { submissionId };
  return (
    <div className="space-y-4">
      {membership.canConfirm ? (
        <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          <p className="font-medium">
            {membership.addedBy ? `${membership.addedBy} har lagt deg til i gruppen.` : "Du er lagt til i gruppen."} Du er ikke med før du har bekreftet det.
          </p>
          <p className="mt-1">Har du ikke bekreftet når innleveringen vurderes, er du ikke med i vurderingen og må levere selv.</p>
          <div className="mt-3">
            <ActionButton action={confirmGroupMembershipAction} hidden={hidden} className="btn-primary">
              Bekreft at jeg er med
            </ActionButton>
          </div>
        </div>
      ) : null}
      {membership.canLeave ? (
        <div>
          <ConfirmAction
            action={leaveGroupAction}
            hidden={hidden}
            trigger="Gå ut av gruppen"
            question={`Gå ut av gruppen for ${title}?`}
            consequence="Gruppens innlevering og vurdering gjelder ikke lenger deg, og du leverer arbeidskravet selv. De andre i gruppen får e-post."
            confirm="Ja, gå ut av gruppen"
          />
        </div>
      ) : membership.leaveBlocked ? (
        <p className="text-sm text-slate-700">Du kan ikke gå ut av gruppen nå: {membership.leaveBlocked}</p>
      ) : null}
      {membership.canAdd && classmates.length > 0 ? (
        <ActionForm action={addGroupMemberAction} hidden={hidden} fieldIdPrefix="gruppe-" label="Legg til i gruppen" submitLabel="Legg til i gruppen" submitClassName="btn-secondary">
          {(state) => (
            <SelectField
              id="gruppe-enrolmentId"
              name="enrolmentId"
              label="Legg til en medstudent"
              hint="Medstudenten må selv bekrefte sin plass i gruppen. Alle i gruppen får e-post."
              options={classmates.map((classmate) => ({ value: classmate.enrolmentId, label: classmate.name }))}
              defaultValue={state.ok ? "" : (state.values?.enrolmentId ?? "")}
              errors={state.fieldErrors?.enrolmentId}
              required
            />
          )}
        </ActionForm>
      ) : membership.canAdd ? (
        <p className="text-sm text-slate-700">Alle medstudentene dine er allerede med i en innlevering av dette arbeidskravet.</p>
      ) : null}
    </div>
  );
}
