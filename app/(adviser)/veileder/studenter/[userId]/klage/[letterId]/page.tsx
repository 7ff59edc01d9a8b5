import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { RegisterKlageForm } from "@/components/register-klage-form";
import { KlageRegistration } from "@/components/klage-registration";
import { registerStudentAppealAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { NotFoundError } from "@/lib/server/errors";
import { getKlageRegistration } from "@/lib/server/student-letters/appeals";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Registrer klage" };

/** A klage on one of a student's letters that came by e-mail or post, registered by the adviser. */
export default async function RegisterKlagePage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string; letterId: string }>;
  searchParams: Promise<{ registrert?: string }>;
}) {
  const justRegistered = (await searchParams).registrert === "1";
  const segments = await params;
  const userId = parseRecordId(segments.userId);
  const letterId = parseRecordId(segments.letterId);
  if (!userId || !letterId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/studenter/${userId}/klage/${letterId}`);
  const view = await getKlageRegistration(viewer, userId, letterId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const back = `/veileder/studenter/${userId}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back}>← {view.student.name}</Link>
      </p>
      {/* A klage already registered is what the page is about then, not a form (a walk found the
          record's «Klage: …» link opening a page headed «Registrer klage»). */}
      <PageHeader
        title={view.appeal ? "Klage på vedtaket" : "Registrer klage"}
        lead={
          view.appeal
            ? "Klagen på dette vedtaket er registrert. Her står når og hvordan den kom, og hvor den står."
            : "En klage må være skriftlig, men kan komme på e-post eller brev i stedet for i studentportalen. Registrer den her, så behandles den som andre klager: av en annen enn den som fattet vedtaket. En klage som kom for sent, tas under behandling eller avvises."
        }
      />
      <KlageRegistration
        letter={view.letter}
        kull={{ label: "Kull", name: view.cohort.name }}
        appeal={view.appeal}
        problem={view.problem}
        portal="i studentportalen"
        party="Studenten"
        justRegistered={justRegistered}
        list={{ href: `/kull/${view.cohort.id}/klager`, label: `Til klagene i ${view.cohort.name}` }}
        form={
          <RegisterKlageForm
            action={registerStudentAppealAction}
            hidden={{ letterId: view.letter.id, userId }}
            party="studenten"
            today={osloDate(new Date())}
            klageDeadline={view.letter.klageDeadline ?? view.letter.madeAvailableOn}
            dismissal
          />
        }
      />
    </>
  );
}
