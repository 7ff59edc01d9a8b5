import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { LaterSittingForm } from "@/components/cohort/later-sitting-form";
import { DEFAULT_EXAM_HAND_IN_TIME, DEFAULT_EXAM_START_TIME } from "@/lib/domain/exam-time";
import { getExamAdmission } from "@/lib/server/exams/registration";
import { found, loadCohortPage } from "../../load";

export const metadata: Metadata = { title: "Ny sitting av eksamen" };

/** A later sitting: utsatt eksamen or ny eksamen, after the ordinary one. */
export default async function NewLaterSittingPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params, "/eksamen/ny");
  const { exam } = await found(getExamAdmission(viewer, cohort.id));
  const base = `/kull/${cohort.id}/eksamen`;
  return (
    <>
      <PageHeader
        title={`Utsatt eller ny eksamen, ${cohort.name}`}
        lead="Hver sitting har egne dager og tider, egen oppgave, egne oppmeldinger og egne karakterer. Tidene skrives i norsk tid; systemet tar hensyn til sommertid."
      />
      <p className="mb-4">
        <Link href={base}>← Tilbake til eksamen</Link>
      </p>
      {exam ? (
        <section className="card" aria-labelledby="ny-sitting-heading">
          <h2 id="ny-sitting-heading">Ny sitting</h2>
          <div className="mt-4">
            <LaterSittingForm
              cohortId={cohort.id}
              values={{
                examId: null,
                kind: "RESIT",
                title: exam.title,
                firstDay: "",
                startTime: DEFAULT_EXAM_START_TIME,
                handInDay: "",
                handInTime: DEFAULT_EXAM_HAND_IN_TIME,
                registrationClosesOn: "",
              }}
            />
          </div>
        </section>
      ) : (
        <p className="card">
          Legg inn den ordinære eksamenen <Link href={`/kull/${cohort.id}/plan#eksamen`}>under Plan</Link> først.
        </p>
      )}
    </>
  );
}
