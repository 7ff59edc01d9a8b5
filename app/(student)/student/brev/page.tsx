import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { LetterStatus } from "@/components/student-letters/letter-status";
import { formatDateNb } from "@/lib/domain/format";
import { STUDENT_LETTER_KIND_LABELS } from "@/lib/domain/student-letter";
import { listStudentLetters } from "@/lib/server/student-letters/queries";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Brev" };

export default async function LettersPage() {
  const viewer = await requirePageRole(["STUDENT"], "/student/brev");
  const letters = await listStudentLetters(viewer);
  return (
    <>
      <PageHeader
        title="Brev"
        lead="Vedtak og andre brev om studiet ditt, det nyeste først. Et vedtak kan du klage på innen klagefristen som står i brevet; klagen skriver du på brevets side."
      />
      {letters.length === 0 ? (
        <p className="card">Du har ingen brev. Får du et vedtak om studiet ditt, kommer det her og på e-post.</p>
      ) : (
        <ol className="space-y-4">
          {letters.map((letter) => (
            <li key={letter.id} className="card">
              <article aria-labelledby={`brev-${letter.id}`}>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <span>{STUDENT_LETTER_KIND_LABELS[letter.kind]}</span>
                  <span aria-hidden="true">·</span>
                  <span>{formatDateNb(letter.madeAvailableOn)}</span>
                  {letter.enkeltvedtak ? <StatusBadge tone="neutral">Enkeltvedtak</StatusBadge> : null}
                  {letter.isNew ? (
                    <span aria-hidden="true">
                      <StatusBadge tone="new">Ny</StatusBadge>
                    </span>
                  ) : null}
                </p>
                <h2 id={`brev-${letter.id}`} className="mt-1 text-lg">
                  <Link href={`/student/brev/${letter.id}`}>{letter.subject}</Link>
                  {letter.isNew ? <span className="sr-only"> (ny, ikke åpnet)</span> : null}
                </h2>
                <LetterStatus letter={letter} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
