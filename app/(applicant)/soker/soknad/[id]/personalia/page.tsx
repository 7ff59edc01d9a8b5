import type { Metadata } from "next";
import { DraftForm } from "@/components/application/draft-form";
import { TextField } from "@/components/ui/field";
import { savePersonalDetailsAction } from "@/lib/actions/application";
import { fieldMessagesAfterContinue, gapsOnStep } from "@/lib/application-steps";
import { continueAttempted } from "@/lib/server/applications/continue-attempt";
import { draftErrors, personalFields } from "@/lib/validation/application";
import { loadApplication } from "../load";
import { ReadOnlyNotice } from "@/components/application/read-only-notice";
import { RequiredFieldsNote } from "@/components/application/required-fields-note";

export const metadata: Metadata = { title: "Personopplysninger" };

export default async function PersonalDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application } = await loadApplication(id);
  if (application.status !== "DRAFT") return <ReadOnlyNotice applicationId={id} />;
  const kept = application.draftInput;
  const errors = draftErrors(personalFields, "personal", application, kept);
  const gaps = gapsOnStep(application.missing, "personalia");
  // Once she has asked to go on from this step, what it lacks is marked at each field too.
  const marked = (await continueAttempted(id, "personalia")) ? fieldMessagesAfterContinue(errors, gaps) : errors;
  const value = (name: keyof typeof personalFields) => kept[name] ?? application[name] ?? "";
  return (
    <section aria-labelledby="step-heading">
      <h1 id="step-heading">Personopplysninger</h1>
      <p className="mt-2 text-slate-700">Alt du skriver lagres som utkast mens du skriver. Du kan fortsette senere.</p>
      <RequiredFieldsNote />
      <div className="card mt-6">
        <DraftForm
          action={savePersonalDetailsAction}
          hidden={{ applicationId: id }}
          errors={errors}
          marked={marked}
          gaps={gaps}
        >
          <TextField name="fullName" label="Fullt navn" autoComplete="name" required defaultValue={value("fullName")} errors={marked.fullName} />
          <TextField
            name="birthDate"
            label="Fødselsdato"
            type="date"
            hint="For eksempel 14. mars 1982."
            required
            defaultValue={value("birthDate")}
            errors={marked.birthDate}
            autoComplete="bday"
          />
          <TextField name="phone" label="Telefon" type="tel" autoComplete="tel" inputMode="tel" required defaultValue={value("phone")} errors={marked.phone} />
          <TextField name="address" label="Adresse" autoComplete="street-address" required defaultValue={value("address")} errors={marked.address} />
          <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
            <TextField
              name="postalCode"
              label="Postnummer"
              inputMode="numeric"
              autoComplete="postal-code"
              required
              defaultValue={value("postalCode")}
              errors={marked.postalCode}
            />
            <TextField name="postalPlace" label="Poststed" autoComplete="address-level2" required defaultValue={value("postalPlace")} errors={marked.postalPlace} />
          </div>
        </DraftForm>
      </div>
    </section>
  );
}
