"use client";
// The klagenemnd's decision on a klage we sent it, registered from its letter: what it came to,
// its date and case number, and its grounds in short. One form for an applicant's klage and a
// student's; the page says what carrying out a reversal will do (`reversedEffect`).
import { ActionForm, type Action } from "@/components/ui/action-form";
import { RadioGroupField, TextAreaField, TextField } from "@/components/ui/field";
import { formatDateNb } from "@/lib/domain/format";

export function AppealsBodyDecisionForm({
  action,
  hidden,
  forwardedOn,
  today,
  reversedEffect,
}: {
  action: Action;
  hidden: Record<string, string>;
  /** The day the klage was sent to the klagenemnd (its decision cannot be earlier). */
  forwardedOn: string;
  today: string;
  /** What a reversal does here, in a sentence («Søkeren får tilbud om studieplass …»). */
  reversedEffect: string;
}) {
  const prefix = `klagenemnd-${hidden.appealId}-`;
  return (
    <ActionForm action={action} hidden={hidden} fieldIdPrefix={prefix} submitLabel="Registrer klagenemndas vedtak" label="Registrer klagenemndas vedtak">
      {(state) => (
        <>
          <RadioGroupField
            id={`${prefix}outcome`}
            name="outcome"
            legend="Klagenemnda kom til at"
            layout="column"
            options={[
              { value: "UPHELD", label: "Klagen tas ikke til følge (vedtaket stadfestes og er endelig)" },
              { value: "REVERSED", label: `Klagen tas til følge (vedtaket omgjøres). ${reversedEffect}` },
              { value: "QUASHED", label: "Vedtaket oppheves og sendes tilbake til ny behandling (klagen åpnes igjen her)" },
              { value: "CLOSED", label: "Saken avsluttes uten avgjørelse (heves), fordi vedtaket ikke står lenger eller klagen er trukket. Ingenting gjennomføres her." },
            ]}
            defaultValue={state.values?.outcome ?? ""}
            errors={state.fieldErrors?.outcome}
          />
          <TextField
            id={`${prefix}decidedOn`}
            name="decidedOn"
            type="date"
            label="Datoen på klagenemndas vedtak"
            hint={`Klagen ble sendt til klagenemnda ${formatDateNb(forwardedOn)}.`}
            required
            min={forwardedOn}
            max={today}
            defaultValue={state.values?.decidedOn ?? ""}
            errors={state.fieldErrors?.decidedOn}
          />
          <TextField
            id={`${prefix}reference`}
            name="reference"
            label="Klagenemndas saksnummer"
            autoComplete="off"
            defaultValue={state.values?.reference ?? ""}
            errors={state.fieldErrors?.reference}
          />
          <TextAreaField
            id={`${prefix}summary`}
            name="summary"
            label="Klagenemndas begrunnelse, kort"
            hint="Slik vedtaket gir den. Tas klagen til følge, står den i brevet som gjennomfører vedtaket."
            rows={4}
            required
            defaultValue={state.values?.summary ?? ""}
            errors={state.fieldErrors?.summary}
          />
        </>
      )}
    </ActionForm>
  );
}

/** A reversal by the klagenemnd that could not be carried out here: what was done instead. */
export function AppealsBodyFollowUpForm({ action, hidden }: { action: Action; hidden: Record<string, string> }) {
  const prefix = `oppfolging-${hidden.appealId}-`;
  return (
    <ActionForm action={action} hidden={hidden} fieldIdPrefix={prefix} submitLabel="Registrer oppfølgingen" label="Registrer oppfølgingen">
      {(state) => (
        <TextAreaField
          id={`${prefix}note`}
          name="note"
          label="Hva er gjort i stedet?"
          hint="For eksempel at søkeren har fått plass i et senere kull, eller at permisjonen er registrert for hånd. Klagen er på listen til dette er skrevet."
          rows={3}
          required
          defaultValue={state.values?.note ?? ""}
          errors={state.fieldErrors?.note}
        />
      )}
    </ActionForm>
  );
}
