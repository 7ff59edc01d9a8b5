import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DraftForm } from "@/components/application/draft-form";
import { ReadOnlyNotice } from "@/components/application/read-only-notice";
import { TextField } from "@/components/ui/field";
import { addEducationAction, removeEducationAction, saveEducationAction } from "@/lib/actions/application";
import { REQUIRED_CREDITS } from "@/lib/domain/application-requirements";
import { draftErrors, educationFields } from "@/lib/validation/application";
import { loadApplication } from "../load";
import { RequiredFieldsNote } from "@/components/application/required-fields-note";

export const metadata: Metadata = { title: "Utdanning" };

export default async function EducationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application } = await loadApplication(id);
  if (application.status !== "DRAFT") return <ReadOnlyNotice applicationId={id} />;
  const enough = application.totalCredits >= REQUIRED_CREDITS;
  return (
    <section aria-labelledby="step-heading">
      <h1 id="step-heading">Utdanning</h1>
      <p className="mt-2 text-slate-700">
        Du må ha relevant utdanning på bachelornivå eller tilsvarende, minst {REQUIRED_CREDITS} studiepoeng til sammen. Legg
        inn hver utdanning for seg, og last opp vitnemålet under «Dokumenter».
      </p>
      <RequiredFieldsNote />
      <p id="utdanninger" className={`mt-4 font-medium ${enough ? "text-green-800" : "text-slate-900"}`} role="status">
        Til sammen: {application.totalCredits} studiepoeng{enough ? " – kravet er oppfylt." : ` av ${REQUIRED_CREDITS}.`}
      </p>
      <ol className="mt-6 space-y-6">
        {application.educations.map((education, index) => {
          const prefix = `educations.${education.id}.`;
          const errors = draftErrors(educationFields, "education", education, application.draftInput, prefix);
          const value = (name: keyof typeof educationFields) =>
            application.draftInput[`${prefix}${name}`] ?? (education[name] === null ? "" : String(education[name]));
          const fieldId = (name: string) => `education-${education.id}-${name}`;
          return (
            <li key={education.id} id={`utdanning-${education.id}`} className="card">
              <h2 className="mb-4">Utdanning {index + 1}</h2>
              <DraftForm
                action={saveEducationAction}
                hidden={{ applicationId: id, educationId: education.id }}
                continueLabel={null}
                saveLabel="Lagre utdanningen"
                fieldIdPrefix={`education-${education.id}-`}
                errors={errors}
              >
                <TextField id={fieldId("institution")} name="institution" label="Lærested" required defaultValue={value("institution")} errors={errors.institution} />
                <TextField
                  id={fieldId("degree")}
                  name="degree"
                  label="Grad eller studium"
                  hint="For eksempel «Bachelor i barnevern»."
                  required
                  defaultValue={value("degree")}
                  errors={errors.degree}
                />
                <div className="grid gap-5 sm:grid-cols-2">
                  <TextField id={fieldId("credits")} name="credits" label="Studiepoeng" inputMode="numeric" required defaultValue={value("credits")} errors={errors.credits} />
                  <TextField
                    id={fieldId("completedYear")}
                    name="completedYear"
                    label="Fullført år"
                    inputMode="numeric"
                    required
                    defaultValue={value("completedYear")}
                    errors={errors.completedYear}
                  />
                </div>
              </DraftForm>
              <div className="mt-4 border-t border-slate-200 pt-4">
                <ConfirmAction
                  action={removeEducationAction}
                  hidden={{ applicationId: id, educationId: education.id }}
                  trigger="Fjern utdanningen"
                  context={`nr. ${index + 1}`}
                  question={`Vil du fjerne utdanning ${index + 1}${education.degree ? ` («${education.degree}»)` : ""}?`}
                  consequence="Det du har fylt inn om utdanningen, slettes. Vitnemålet ligger under «Dokumenter» og blir der."
                  confirm="Ja, fjern utdanningen"
                  pendingText="Fjerner …"
                  size="small"
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <ActionButton action={addEducationAction} hidden={{ applicationId: id }} pendingText="Legger til …">
          {application.educations.length === 0 ? "Legg til utdanning" : "Legg til en utdanning til"}
        </ActionButton>
        <Link href={`/soker/soknad/${id}/arbeidsgiver`} className="btn-primary">
          Gå videre til arbeidsgiver
        </Link>
      </div>
    </section>
  );
}
