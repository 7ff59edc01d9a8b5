"use client";
// A new kull from the form (with its programme), or a kull's facts changed on its own page (with a
// written reason when a deadline is set before today once applications exist).
import { IntakeFields, type IntakeFieldValues } from "@/components/intakes/intake-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function IntakeForm({
  action,
  initial,
  hidden = {},
  programmes,
  locked,
  waitlistClosing,
  askReason = false,
  submitLabel,
  label,
}: {
  action: Action;
  initial: Partial<IntakeFieldValues> & { programmeId?: string };
  hidden?: Record<string, string>;
  /** Creating: the programme to choose. */
  programmes?: readonly { id: string; name: string }[];
  locked?: Partial<Record<keyof IntakeFieldValues, string>>;
  waitlistClosing?: string;
  /** Changing a published intake: room for the reason a deadline moves. */
  askReason?: boolean;
  submitLabel: string;
  label: string;
}) {
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={submitLabel} className="space-y-6" label={label}>
      {(state) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            {programmes ? (
              <SelectField
                name="programmeId"
                required
                label="Studieprogram"
                hint="Kullet får programmets krav og studieplan. Samlinger, arbeidskrav og lærerteam legger du inn etterpå."
                options={programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
                defaultValue={state.values?.programmeId ?? initial.programmeId ?? (programmes.length === 1 ? programmes[0]!.id : "")}
                errors={errors.programmeId}
              />
            ) : null}
            <IntakeFields initial={initial} values={state.values} errors={errors} locked={locked} waitlistClosing={waitlistClosing} />
            {askReason ? (
              <TextAreaField
                name="reason"
                label="Begrunnelse for endringen"
                hint="Må fylles ut hvis søknadsfristen settes til en dag før i dag etter at søknader har kommet inn. Lagres i loggen."
                rows={2}
                defaultValue={state.values?.reason ?? ""}
                errors={errors.reason}
              />
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}
