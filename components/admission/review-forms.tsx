"use client";
// The forms of the adviser's review page that are not per document or position: the category,
// the judgement of the requirements, and a request for documentation (mangelbrev).
import { useState } from "react";
import {
  judgeQualificationAction,
  requestDocumentationAction,
  setCategoryAction,
} from "@/lib/actions/admission";
import { PRIORITY_CATEGORY_LABELS } from "@/lib/domain/admission";
import { ActionForm } from "@/components/ui/action-form";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function CategoryForm({
  applicationId,
  computed,
  fallback,
  override,
  reason,
  disabled,
}: {
  applicationId: string;
  computed: number;
  /**
   * What «no override» means, as the first choice: the computed category, or, while no position
   * is checked, the applicant's provisional one (refreshAssessedCategory). A walk read «Beregnet
   * kategori (4)» under the heading «Prioritetskategori: 1 (søkerens foreløpige)».
   */
  fallback?: string;
  override: number | null;
  reason: string | null;
  disabled: boolean;
}) {
  const [choice, setChoice] = useState(override === null ? "" : String(override));
  const options = [1, 2, 3, 4]
    .filter((category) => category !== computed)
    .map((category) => ({ value: String(category), label: `Kategori ${category}: ${PRIORITY_CATEGORY_LABELS[category as 1 | 2 | 3 | 4]}` }));
  return (
    <ActionForm action={setCategoryAction} hidden={{ applicationId }} fieldIdPrefix="kategori-" label="Kategori">
      {(state) => (
        <>
          <SelectField
            id="kategori-category"
            name="category"
            label="Kategori som brukes i rangeringen"
            placeholder={fallback ?? `Beregnet kategori (${computed})`}
            options={options}
            value={state.ok || !state.values ? choice : (state.values.category ?? choice)}
            onChange={(event) => setChoice(event.target.value)}
            errors={state.fieldErrors?.category}
            disabled={disabled}
            required
          />
          <TextAreaField
            id="kategori-reason"
            name="reason"
            label="Begrunnelse for en annen kategori"
            hint="Påkrevd når du overstyrer. Begrunnelsen står i vedtaksbrevet."
            defaultValue={state.values?.reason ?? reason ?? ""}
            errors={state.fieldErrors?.reason}
            disabled={disabled}
            required={choice !== ""}
          />
          {disabled ? null : <SubmitButton className="btn-secondary">Lagre kategori</SubmitButton>}
        </>
      )}
    </ActionForm>
  );
}

export function QualificationForm({
  applicationId,
  qualified,
  grounds,
  suggested,
  disabled,
}: {
  applicationId: string;
  qualified: boolean | null;
  grounds: string | null;
  suggested: boolean;
  disabled: boolean;
}) {
  const current = qualified === null ? "ikke-vurdert" : qualified ? "ja" : "nei";
  return (
    <ActionForm action={judgeQualificationAction} hidden={{ applicationId }} fieldIdPrefix="krav-" label="Opptakskrav">
      {(state) => (
        <>
          <RadioGroupField
            id="krav-qualified"
            name="qualified"
            legend="Oppfyller søkeren opptakskravene?"
            hint={`Ut fra kontrollene over: ${suggested ? "begge kravene ser ut til å være oppfylt" : "minst ett krav er ikke dokumentert"}. Du avgjør.`}
            options={[
              { value: "ja", label: "Kvalifisert" },
              { value: "nei", label: "Ikke kvalifisert" },
              { value: "ikke-vurdert", label: "Ikke vurdert ennå" },
            ]}
            defaultValue={state.values?.qualified ?? current}
            disabled={disabled}
            errors={state.fieldErrors?.qualified}
          />
          <TextAreaField
            id="krav-grounds"
            name="grounds"
            label="Begrunnelse"
            hint="Påkrevd når søkeren ikke er kvalifisert. Står i vedtaksbrevet."
            defaultValue={state.values?.grounds ?? grounds ?? ""}
            errors={state.fieldErrors?.grounds}
            disabled={disabled}
            // Not «(valgfritt)» beside «Begrunnelsen må fylles ut.» (a walk): the hint says when.
            conditional
          />
          {disabled ? null : <SubmitButton className="btn-secondary">Lagre vurderingen</SubmitButton>}
        </>
      )}
    </ActionForm>
  );
}

export function DocumentationRequestForm({ applicationId, minDate }: { applicationId: string; minDate: string }) {
  return (
    <ActionForm action={requestDocumentationAction} hidden={{ applicationId }} fieldIdPrefix="mangel-" resetOnSuccess label="Be om dokumentasjon">
      {(state) => (
        <>
          <TextAreaField
            id="mangel-message"
            name="message"
            label="Hva trenger du?"
            hint="Søkeren får teksten på e-post og ser den på søknaden sin."
            defaultValue={state.ok ? "" : (state.values?.message ?? "")}
            errors={state.fieldErrors?.message}
            required
          />
          <TextField
            id="mangel-dueDate"
            name="dueDate"
            type="date"
            min={minDate}
            label="Frist"
            hint="Søkeren kan laste opp til og med denne dagen, også etter søknadsfristen."
            defaultValue={state.ok ? "" : (state.values?.dueDate ?? "")}
            errors={state.fieldErrors?.dueDate}
            required
          />
          <SubmitButton className="btn-secondary" pendingText="Sender …">
            Send forespørselen
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
