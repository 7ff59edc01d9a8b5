// Where a letter to a student stands: the klage deadline of an enkeltvedtak, the klage on it, and
// whether a later letter in the same case replaced it (it is kept as it was sent).
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import type { AppealsBodyOutcome } from "@/lib/domain/klage";
import { isoDate } from "@/lib/to-domain";

export interface LetterStanding {
  enkeltvedtak: boolean;
  klageDeadline: string | null;
  canAppeal: boolean;
  appeal: {
    status: "RECEIVED" | "REVERSED" | "UPHELD" | "SETTLED" | "DISMISSED";
    filedAt: Date;
    /** Registered by staff (by e-mail or post): told by its day, not the hour it was registered. */
    registeredById?: string | null;
    forwardedAt: Date | null;
    /** Where it stands with the klagenemnd (lib/domain/klage.ts appealsBodyStanding). */
    appealsBody?: { waiting: boolean; decision: { outcome: AppealsBodyOutcome; decidedOn: Date } | null };
  } | null;
  replacedBy: { id: string; subject: string; madeAvailableOn: string } | null;
}

/**
 * `formHref`: on the letter's own page, where its klage form is (far down on a phone, after the
 * whole letter: a walk found nothing at the top said there was one).
 */
export function LetterStatus({ letter, formHref }: { letter: LetterStanding; formHref?: string }) {
  return (
    <>
      {letter.replacedBy ? (
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge tone="neutral">Gjelder ikke lenger</StatusBadge>
          <span className="text-sm">
            Erstattet av «{letter.replacedBy.subject}»:{" "}
            <Link href={`/student/brev/${letter.replacedBy.id}`}>brevet fra {formatDateNb(letter.replacedBy.madeAvailableOn)}</Link>
          </span>
        </p>
      ) : null}
      <Standing letter={letter} formHref={formHref} />
    </>
  );
}

function Standing({ letter, formHref }: { letter: LetterStanding; formHref?: string }) {
  const { appeal } = letter;
  if (appeal) {
    const status =
      appeal.status === "RECEIVED"
        ? { tone: "wait" as const, text: "Klage under behandling" }
        : appeal.status === "REVERSED"
          ? { tone: "good" as const, text: "Klagen er tatt til følge" }
          : appeal.status === "SETTLED"
            ? { tone: "neutral" as const, text: "Klagen er avsluttet" }
          : appeal.status === "DISMISSED"
            ? { tone: "bad" as const, text: "Klagen er avvist fordi den kom for sent" }
          : appeal.appealsBody?.decision && !appeal.appealsBody.waiting && appeal.appealsBody.decision.outcome !== "QUASHED"
            ? appeal.appealsBody.decision.outcome === "REVERSED"
              ? { tone: "good" as const, text: `Klagenemnda tok klagen til følge ${formatDateNb(isoDate(appeal.appealsBody.decision.decidedOn))}` }
              : appeal.appealsBody.decision.outcome === "CLOSED"
                ? { tone: "neutral" as const, text: `Klagenemnda avsluttet saken ${formatDateNb(isoDate(appeal.appealsBody.decision.decidedOn))}` }
                : { tone: "bad" as const, text: `Klagenemnda stadfestet vedtaket ${formatDateNb(isoDate(appeal.appealsBody.decision.decidedOn))}; det er endelig` }
          : { tone: "bad" as const, text: appeal.forwardedAt ? "Klagen er sendt til klagenemnda" : "Klagen er ikke tatt til følge og sendes til klagenemnda" };
    return (
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge tone={status.tone}>{status.text}</StatusBadge>
        <span className="text-sm text-slate-700">Klaget {appeal.registeredById ? formatDateNb(osloDate(appeal.filedAt)) : formatInstantNb(appeal.filedAt)}</span>
      </p>
    );
  }
  if (letter.enkeltvedtak && letter.klageDeadline) {
    return (
      <p className="mt-2 text-sm">
        {letter.canAppeal ? `Du kan klage til og med ${formatDateNb(letter.klageDeadline)}.` : `Klagefristen var ${formatDateNb(letter.klageDeadline)}.`}
        {letter.canAppeal && formHref ? (
          <>
            {" "}
            <a href={formHref}>Skriv klagen nederst på siden</a>
          </>
        ) : null}
      </p>
    );
  }
  return null;
}
