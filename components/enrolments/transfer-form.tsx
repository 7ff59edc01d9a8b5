"use client";
// The transfer to a later kull, with what is carried over: for each required arbeidskrav of the
// new kull, the approved work from the earlier kull credited to it (proposed by kind and number,
// or chosen, or none), and the corresponding samlinger whose attended days count. Sent behind the
// confirmation: the student gets a letter, and the earlier enrolment ends.
import { transferStudentAction } from "@/lib/actions/enrolments";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { formatDateSpanNb } from "@/lib/domain/schedule";

export interface TransferItem {
  arbeidskravId: string;
  title: string;
  proposed: string | null;
  /** Work of the earlier kull still waiting for its assessment that counts as this item once approved there. */
  awaiting: string | null;
  options: { submissionId: string; label: string }[];
}

export interface TransferSamling {
  number: number;
  toTitle: string;
  fromDates: string[];
  toDates: string[];
  days: number;
  credited: number;
}

export function TransferForm({
  enrolmentId,
  userId,
  toCohortId,
  toCohortName,
  fromCohortName,
  items,
  samlinger,
}: {
  enrolmentId: string;
  userId: string;
  toCohortId: string;
  toCohortName: string;
  fromCohortName: string;
  items: readonly TransferItem[];
  samlinger: readonly TransferSamling[];
}) {
  return (
    <ActionForm action={transferStudentAction} hidden={{ enrolmentId, userId, toCohortId }} fieldIdPrefix="" label={`Overfør til ${toCohortName}`}>
      {(state) => {
        const sent = state.values !== undefined;
        return (
          <>
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">Arbeidskrav som godkjennes</legend>
              <p className="text-sm text-slate-700">
                Foreslått etter type og nummer. Et arbeidskrav som skal skrives alene, kan bare godkjennes med noe studenten leverte alene, og det som legges fram
                muntlig, bare med det muntlige fra {fromCohortName}. Velg «Ingen» for det studenten skal levere på nytt.
              </p>
              {items.map((item) => {
                const name = `credit_${item.arbeidskravId}`;
                return (
                  <SelectField
                    key={item.arbeidskravId}
                    id={name}
                    name={name}
                    label={item.title}
                    placeholder="Ingen: leveres i det nye kullet"
                    hint={
                      item.awaiting
                        ? `${item.awaiting} er ikke vurdert ennå. Med «Ingen» valgt her godkjennes det i dette kullet når det blir godkjent der, om studenten ikke har levert det her selv før det.`
                        : undefined
                    }
                    options={item.options.map((option) => ({ value: option.submissionId, label: option.label }))}
                    defaultValue={sent ? (state.values?.[name] ?? "") : (item.proposed ?? "")}
                    errors={state.fieldErrors?.[name]}
                  />
                );
              })}
            </fieldset>
            <fieldset className="space-y-3" aria-describedby={state.fieldErrors?.samlinger ? "samlinger-error" : undefined}>
              <legend className="text-lg font-semibold">Oppmøte som godkjennes</legend>
              {samlinger.length === 0 ? (
                <p>Ingen samlinger i {toCohortName} svarer til samlinger i {fromCohortName} (samme nummer og like mange dager).</p>
              ) : (
                <p className="text-sm text-slate-700">
                  Samling med samme nummer og like mange dager. Dagene studenten var til stede i {fromCohortName}, teller som oppmøte på de samme dagene i {toCohortName}.
                </p>
              )}
              {samlinger.map((samling) => (
                <CheckboxField
                  key={samling.number}
                  id={`samling-${samling.number}`}
                  name="samlinger"
                  value={String(samling.number)}
                  defaultChecked={sent ? (state.values?.samlinger ?? "").split(",").includes(String(samling.number)) : samling.credited > 0}
                  disabled={samling.credited === 0}
                  label={`Samling ${samling.number}: ${samling.credited} av ${samling.days} dager`}
                  hint={
                    samling.credited > 0
                      ? `Dagene studenten var til stede på samlingen ${formatDateSpanNb(samling.fromDates)} i ${fromCohortName}, godkjennes som oppmøte ${formatDateSpanNb(samling.toDates)}.`
                      : `Ikke noe oppmøte er registrert på samlingen ${formatDateSpanNb(samling.fromDates)} i ${fromCohortName}, så ingenting kan godkjennes.`
                  }
                />
              ))}
              {state.fieldErrors?.samlinger ? (
                <p id="samlinger-error" className="text-sm font-medium text-red-800">
                  {state.fieldErrors.samlinger.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <ConfirmSubmit label={`Overfør til ${toCohortName}`} title={`Overføre studenten til ${toCohortName}?`} confirmLabel="Ja, overfør og send brevet">
              <p>
                Studenten får plass i {toCohortName}, og plassen i {fromCohortName} avsluttes (meldt av eksamen der). Det som er valgt, godkjennes i det nye kullet, og
                studenten får brev om hva som er godkjent og hva som gjenstår.
              </p>
              <p>Det kan ikke angres her.</p>
            </ConfirmSubmit>
          </>
        );
      }}
    </ActionForm>
  );
}
