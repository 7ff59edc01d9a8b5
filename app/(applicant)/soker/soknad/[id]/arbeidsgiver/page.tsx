import type { Metadata } from "next";
import { DraftForm } from "@/components/application/draft-form";
import { PlaceFields } from "@/components/application/place-fields";
import { ReadOnlyNotice } from "@/components/application/read-only-notice";
import { saveEmployerAction } from "@/lib/actions/application";
import { fieldMessagesAfterContinue, gapsOnStep } from "@/lib/application-steps";
import { continueAttempted } from "@/lib/server/applications/continue-attempt";
import { draftErrors, employerFields } from "@/lib/validation/application";
import { loadApplication } from "../load";
import { RequiredFieldsNote } from "@/components/application/required-fields-note";

export const metadata: Metadata = { title: "Arbeidsgiver" };

export default async function EmployerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application } = await loadApplication(id);
  if (application.status !== "DRAFT") return <ReadOnlyNotice applicationId={id} />;
  const kept = application.draftInput;
  const errors = draftErrors(employerFields, "employer", application, kept);
  const gaps = gapsOnStep(application.missing, "arbeidsgiver");
  // Once she has asked to go on from this step, what it lacks is marked at each field too.
  const marked = (await continueAttempted(id, "arbeidsgiver")) ? fieldMessagesAfterContinue(errors, gaps) : errors;
  return (
    <section aria-labelledby="step-heading">
      <h1 id="step-heading">Arbeidsgiver</h1>
      <p className="mt-2 text-slate-700">
        Hvor ligger arbeidsgiveren din i dag? Ved flere søkere enn plasser tilstreber vi geografisk spredning etter fylket
        arbeidsgiveren ligger i.
      </p>
      <RequiredFieldsNote />
      <div className="card mt-6">
        <DraftForm
          action={saveEmployerAction}
          hidden={{ applicationId: id }}
          errors={errors}
          marked={marked}
          gaps={gaps}
        >
          <PlaceFields
            countyName="employerCountyCode"
            municipalityName="employerMunicipalityCode"
            countyLabel="Fylke"
            municipalityLabel="Kommune"
            county={kept.employerCountyCode ?? application.employerCountyCode ?? ""}
            municipality={kept.employerMunicipalityCode ?? application.employerMunicipalityCode ?? ""}
            errors={{ county: marked.employerCountyCode, municipality: marked.employerMunicipalityCode }}
          />
        </DraftForm>
      </div>
    </section>
  );
}
