// A submission's hand-ins as the student reads them, newest first: when and by whom, the files,
// the text, the assessment with its feedback, and later changes (a correction, a klage taken).
// Used for the current kull's work and for work in an earlier kull (credited or not) alike, so
// the student reads one history across kull.
import { StatusBadge } from "@/components/status-badge";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { formatFileSize } from "@/lib/domain/upload";
import { DocumentLinks } from "@/components/ui/document-links";

const CHANGE_CAUSE = { CORRECTION: "Vurderingen er rettet av fagansvarlig", KLAGE: "Klage på vedtaket tatt til følge" } as const;
const STATUS_NB = { SUBMITTED: "venter", APPROVED: "godkjent", NOT_APPROVED: "ikke godkjent" } as const;
const ATTEMPT_STATUS = {
  SUBMITTED: { label: "Venter på vurdering", tone: "wait" },
  APPROVED: { label: "Godkjent", tone: "good" },
  NOT_APPROVED: { label: "Ikke godkjent", tone: "bad" },
} as const;

type Status = keyof typeof STATUS_NB;

export interface AttemptView {
  id: string;
  number: number;
  text: string | null;
  submittedAt: Date;
  submittedBy: string;
  status: Status;
  feedback: string | null;
  assessedAt: Date | null;
  deadline: string;
  late: boolean;
  documents: { id: string; originalName: string; size: number }[];
  changes: { id: string; cause: keyof typeof CHANGE_CAUSE; fromStatus: Status; toStatus: Status; reason: string; changedAt: Date }[];
}

export function AttemptHistory({ attempts, level = "h3" }: { attempts: readonly AttemptView[]; level?: "h3" | "h4" }) {
  const Heading = level;
  return (
    <ol className="mt-4 space-y-6">
      {[...attempts].reverse().map((attempt) => {
        const assessed = ATTEMPT_STATUS[attempt.status];
        return (
          <li key={attempt.id} className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
            <Heading className="font-semibold">Innlevering {attempt.number}</Heading>
            <p className="mt-1 text-sm text-slate-700">
              Levert {formatInstantNb(attempt.submittedAt)} av {attempt.submittedBy}. Frist {formatDateNb(attempt.deadline)}.
            </p>
            <p className="mt-2 flex flex-wrap gap-2">
              <StatusBadge tone={assessed.tone}>{assessed.label}</StatusBadge>
              {attempt.late ? <StatusBadge tone="wait">Levert for sent</StatusBadge> : null}
            </p>
            <DocumentLinks
              documents={attempt.documents}
              className="mt-3 space-y-1"
              extra={(document) => (
                <>
                  {" "}
                  <span className="text-sm text-slate-700">({formatFileSize(document.size)})</span>
                </>
              )}
            />
            {attempt.text ? <p className="mt-3 whitespace-pre-line rounded-md bg-slate-50 p-3">{attempt.text}</p> : null}
            {attempt.assessedAt ? (
              // Corrected since: the feedback is the first assessment's, and the time on the attempt
              // is the correction's (it starts a new deadline); the change below says when and why
              // (a walk read «Godkjent, vurdert 7. desember» over the old «… mangler fortsatt»).
              <div className="mt-3">
                <p className="text-sm text-slate-700">{attempt.changes.length > 0 ? "Tilbakemelding ved vurderingen, før den ble rettet:" : `Vurdert ${formatInstantNb(attempt.assessedAt)}`}</p>
                {attempt.feedback ? <p className="mt-1 whitespace-pre-line">{attempt.feedback}</p> : null}
              </div>
            ) : null}
            {attempt.changes.length > 0 ? (
              <ul className="mt-3 space-y-1">
                {attempt.changes.map((change) => (
                  <li key={change.id}>
                    <span className="font-medium">{CHANGE_CAUSE[change.cause]}</span> ({formatInstantNb(change.changedAt)}): {STATUS_NB[change.fromStatus]} →{" "}
                    {STATUS_NB[change.toStatus]}. {change.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
