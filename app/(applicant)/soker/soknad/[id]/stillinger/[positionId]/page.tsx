import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DocumentList } from "@/components/application/document-list";
import { DocumentUpload } from "@/components/application/document-upload";
import { DraftForm } from "@/components/application/draft-form";
import { EndOfPosition } from "@/components/application/end-of-position";
import { PlaceFields } from "@/components/application/place-fields";
import { ReadOnlyNotice } from "@/components/application/read-only-notice";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { removePositionAction, savePositionAction } from "@/lib/actions/application";
import { fieldMessagesAfterContinue, gapsOnStep } from "@/lib/application-steps";
import { continueAttempted } from "@/lib/server/applications/continue-attempt";
import { formatInstantNb } from "@/lib/domain/format";
import { draftErrors, EMPLOYER_TYPE_LABELS, LEADER_ROLE_LABELS, positionFields } from "@/lib/validation/application";
import { loadApplication } from "../../load";
import { RequiredFieldsNote } from "@/components/application/required-fields-note";

export const metadata: Metadata = { title: "Stilling" };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function PositionPage({ params }: { params: Promise<{ id: string; positionId: string }> }) {
  const { id, positionId } = await params;
  const { application } = await loadApplication(id);
  if (application.status !== "DRAFT") return <ReadOnlyNotice applicationId={id} />;
  const index = application.positions.findIndex((item) => item.id === positionId);
  const position = application.positions[index];
  if (!position) notFound();

  const prefix = `positions.${position.id}.`;
  const kept = (name: string) => application.draftInput[`${prefix}${name}`];
  const errors = draftErrors(positionFields, "position", position, application.draftInput, prefix);
  const gaps = gapsOnStep(application.missing, "stillinger", index);
  // Once she has asked to go on from this step, what it lacks is marked at each field too.
  const marked = (await continueAttempted(id, "stillinger", position.id)) ? fieldMessagesAfterContinue(errors, gaps) : errors;
  const value = (name: keyof typeof positionFields) => {
    const stored = position[name];
    return kept(name) ?? (stored === null || stored === undefined ? "" : String(stored));
  };
  // Ticked only when the applicant said so: a new position has not answered it (endUnknown).
  const ongoing = position.endDate === null && !position.endUnknown && kept("endDate") === undefined;
  const documents = application.documents
    .filter((document) => document.kind === "TJENESTEBEVIS" && document.positionId === position.id)
    .map((document) => ({ ...document, uploadedAt: formatInstantNb(document.uploadedAt) }));
  const returnTo = `/soker/soknad/${id}/stillinger/${position.id}`;

  return (
    <section aria-labelledby="step-heading">
      <p className="mb-2 text-sm">
        <Link href={`/soker/soknad/${id}/stillinger`} className="link-target">
          ← Alle stillinger
        </Link>
      </p>
      <h1 id="step-heading">Stilling {index + 1}</h1>
      <p className="mt-2 text-slate-700">Fyll inn det tjenestebeviset sier om stillingen.</p>
      <RequiredFieldsNote />
      <div className="card mt-6">
        <DraftForm
          action={savePositionAction}
          hidden={{ applicationId: id, positionId: position.id }}
          continueLabel="Lagre og gå til alle stillinger"
          errors={errors}
          marked={marked}
          gaps={gaps}
        >
          <TextField name="employer" label="Arbeidsgiver" hint="For eksempel «Trondheim kommune, barneverntjenesten»." required defaultValue={value("employer")} errors={marked.employer} />
          <SelectField
            name="employerType"
            label="Type arbeidsgiver"
            required
            options={options(EMPLOYER_TYPE_LABELS)}
            defaultValue={value("employerType")}
            errors={marked.employerType}
          />
          <PlaceFields
            countyName="countyCode"
            municipalityName="municipalityCode"
            countyLabel="Fylke (arbeidssted)"
            municipalityLabel="Kommune (arbeidssted)"
            county={value("countyCode")}
            municipality={value("municipalityCode")}
            errors={{ county: marked.countyCode, municipality: marked.municipalityCode }}
          />
          <TextField name="title" label="Stillingstittel" required defaultValue={value("title")} errors={marked.title} />
          <SelectField
            name="leaderRole"
            label="Lederrolle i stillingen"
            required
            options={options(LEADER_ROLE_LABELS)}
            defaultValue={value("leaderRole")}
            errors={marked.leaderRole}
          />
          <TextField
            name="percent"
            label="Stillingsprosent"
            inputMode="numeric"
            required
            defaultValue={value("percent")}
            errors={marked.percent}
            className="input mt-1 sm:max-w-[10rem]"
          />
          <TextField
            name="areaOfResponsibility"
            label="Ansvarsområde"
            hint="For eksempel «Mottak og undersøkelse»."
            required
            defaultValue={value("areaOfResponsibility")}
            errors={marked.areaOfResponsibility}
          />
          {/* The boxes come before the count, which must agree with them (positionContradictions). */}
          <fieldset className="space-y-3">
            <legend className="font-medium">Ansvar i stillingen</legend>
            <CheckboxField name="professionalResponsibility" label="Jeg har fagansvar" defaultChecked={position.professionalResponsibility} />
            <CheckboxField name="personnelResponsibility" label="Jeg har personalansvar" defaultChecked={position.personnelResponsibility} />
          </fieldset>
          <TextField
            name="personnelCount"
            label="Antall du har personalansvar for"
            hint="0 hvis du ikke har personalansvar."
            inputMode="numeric"
            required
            defaultValue={value("personnelCount")}
            errors={marked.personnelCount}
            className="input mt-1 sm:max-w-[10rem]"
          />
          <TextField
            name="superiorTitle"
            label="Stillingen til nærmeste overordnede"
            hint="For eksempel «Kommunalsjef for oppvekst»."
            required
            defaultValue={value("superiorTitle")}
            errors={marked.superiorTitle}
          />
          <fieldset className="space-y-4">
            <legend className="font-medium">Periode</legend>
            <TextField
              name="startDate"
              label="Startdato"
              type="date"
              hint="For eksempel 1. august 2019."
              required
              defaultValue={value("startDate")}
              errors={marked.startDate}
            />
            <EndOfPosition ongoing={ongoing} endDate={value("endDate")} errors={marked.endDate} />
          </fieldset>
        </DraftForm>
      </div>

      <section className="card mt-6" aria-labelledby="tjenestebevis-heading" id={`tjenestebevis-${position.id}`}>
        <h2 id="tjenestebevis-heading">Tjenestebevis for stillingen</h2>
        <div className="mt-3 space-y-4">
          <DocumentList applicationId={id} documents={documents} canDelete emptyText="Ingen tjenestebevis lastet opp ennå." />
          <DocumentUpload
            applicationId={id}
            kind="TJENESTEBEVIS"
            positionId={position.id}
            label="Last opp tjenestebevis"
            returnTo={returnTo}
            id={`upload-tjenestebevis-${position.id}`}
          />
        </div>
      </section>

      <div className="mt-6">
        <ConfirmAction
          action={removePositionAction}
          hidden={{ applicationId: id, positionId: position.id }}
          trigger="Fjern stillingen"
          question={`Vil du fjerne stilling ${index + 1}${position.title ? ` («${position.title}»)` : ""}?`}
          consequence="Stillingen og tjenestebevisene du har lastet opp for den, slettes. Dette kan ikke angres."
          confirm="Ja, fjern stillingen og tjenestebevisene"
          pendingText="Fjerner …"
        />
      </div>
    </section>
  );
}
