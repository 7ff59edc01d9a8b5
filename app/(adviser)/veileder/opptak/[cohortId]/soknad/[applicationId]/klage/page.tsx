import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OwnIntakeNotice } from "@/components/admission/own-intake-notice";
import { PageHeader } from "@/components/area-nav";
import { DoneMessage } from "@/components/ui/done-message";
import { RegisterKlageForm } from "@/components/register-klage-form";
import { KlageRegistration } from "@/components/klage-registration";
import { KlageAttachmentForm } from "@/components/admission/klage-attachment-form";
import { registerAdmissionAppealAction } from "@/lib/actions/admission";
import { readFlash } from "@/lib/http/flash";
import { KLAGE_ATTACH_FLASH_COOKIE } from "@/lib/validation/klage";
import { osloDate } from "@/lib/domain/application-deadline";
import { OwnIntakeReadError } from "@/lib/server/admission/access";
import { getAdmissionKlageRegistration } from "@/lib/server/admission/appeals";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { DocumentViewLink } from "@/components/ui/document-links";

export const metadata: Metadata = { title: "Registrer klage" };

/** A klage on an admission decision that came by e-mail or post, registered by the adviser. */
export default async function RegisterAdmissionKlagePage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string; applicationId: string }>;
  searchParams: Promise<{ vedlegg?: string; registrert?: string }>;
}) {
  const segments = await params;
  const query = await searchParams;
  const attached = query.vedlegg === "lagt-ved";
  const cohortId = parseRecordId(segments.cohortId);
  const applicationId = parseRecordId(segments.applicationId);
  if (!cohortId || !applicationId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/opptak/${cohortId}/soknad/${applicationId}/klage`);
  const back = `/veileder/opptak/${cohortId}/soknad/${applicationId}`;
  let view: Awaited<ReturnType<typeof getAdmissionKlageRegistration>>;
  try {
    view = await getAdmissionKlageRegistration(viewer, applicationId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof OwnIntakeReadError) {
      return (
        <>
          <h1>Registrer klage</h1>
          <OwnIntakeNotice />
        </>
      );
    }
    throw error;
  }
  if (view.application.cohortId !== cohortId) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back}>← Søknaden fra {view.application.applicant ?? "søkeren"}</Link>
      </p>
      <PageHeader
        title={view.appeal ? "Klage på vedtaket" : "Registrer klage"}
        lead={
          view.appeal
            ? "Klagen på dette vedtaket er registrert. Her står når og hvordan den kom, og hvor den står."
            : "En klage må være skriftlig, men kan komme på e-post eller brev i stedet for i søknadsportalen. Registrer den her, så behandles den som andre klager på opptak."
        }
      />
      {attached && view.appeal?.document ? <DoneMessage>Klagen slik den kom, er lagt ved: «{view.appeal.document.originalName}».</DoneMessage> : null}
      <KlageRegistration
        letter={view.letter}
        kull={{ label: "Opptak", name: view.application.cohort }}
        appeal={view.appeal}
        problem={view.problem}
        portal="i søknadsportalen"
        party="Søkeren"
        justRegistered={query.registrert === "1"}
        list={{ href: "/veileder/opptak/klager", label: "Til klagene på opptak" }}
        attachment={
          view.appeal?.document ? (
            <p className="mt-2">
              {view.appeal.registeredBy ? "Klagen slik den kom" : "Vedlegg fra søkeren"}:{" "}
              <DocumentViewLink document={view.appeal.document} />
            </p>
          ) : view.appeal?.registeredBy ? (
            <KlageAttachmentForm appealId={view.appeal.id} cohortId={cohortId} applicationId={applicationId} flash={await readFlash(KLAGE_ATTACH_FLASH_COOKIE)} />
          ) : null
        }
        form={
          view.letter ? (
            <RegisterKlageForm
              action={registerAdmissionAppealAction}
              hidden={{ applicationId }}
              party="søkeren"
              today={osloDate(new Date())}
              klageDeadline={view.letter.klageDeadline}
            />
          ) : null
        }
      />
    </>
  );
}
