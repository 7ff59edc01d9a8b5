import Link from "next/link";
import { countNoun } from "@/lib/domain/format";

/**
 * One kull's waiting klager from students on a start page (the adviser's and the faculty
 * member's): how many, and whether they are hers to decide (countOpenAppeals), so nobody opens
 * the list for a klage on her own decision thinking it waits for her; and, for the study
 * administration, the klagenemnd to be told of a decision changed here.
 */
export function OpenAppealsItem({
  entry,
  reader,
}: {
  entry: { cohortId: string; cohortName: string; programme: string; count: number; mine: number; othersBy: "ADVISER" | "TEACHING_TEAM" | "MIXED" | null; toTell?: number };
  /** Whose start page: an adviser's or a faculty member's (who the others are, in words). */
  reader: "adviser" | "faculty";
}) {
  const toTell = entry.toTell ?? 0;
  return (
    <>
      {entry.count > 0 ? (
        <li>
          {entry.programme},{" "}
          <Link href={`/kull/${entry.cohortId}/klager`}>
            {entry.cohortName}: {entry.count === 1 ? "1 klage fra en student" : `${countNoun(entry.count, "klage", "klager")} fra studenter`}
          </Link>{" "}
          {whoDecides(entry, reader)}
        </li>
      ) : null}
      {toTell > 0 ? (
        <li>
          {entry.programme},{" "}
          <Link href={`/kull/${entry.cohortId}/klager`}>
            {entry.cohortName}: {appealsBodyTellTask(toTell)}
          </Link>
        </li>
      ) : null}
    </>
  );
}

/**
 * A klage at the klagenemnd whose decision was changed here since, and the klagenemnd not told yet
 * (appealsBodyToBeTold): the task as the study administration's start page says it.
 */
export function appealsBodyTellTask(toTell: number): string {
  return toTell === 1
    ? "gi klagenemnda beskjed: vedtaket en klage hos den gjelder, er endret her"
    : `gi klagenemnda beskjed: vedtakene ${toTell} klager hos den gjelder, er endret her`;
}

export function whoDecides(
  { count, mine, othersBy }: { count: number; mine: number; othersBy: "ADVISER" | "TEACHING_TEAM" | "MIXED" | null },
  reader: "adviser" | "faculty",
): string {
  if (mine === 0) {
    if (othersBy === "ADVISER") return `venter på behandling hos ${reader === "adviser" ? "en annen studieveileder" : "en studieveileder"}.`;
    if (othersBy === "TEACHING_TEAM") return `venter på behandling hos ${reader === "faculty" ? "en annen i undervisningsteamet" : "undervisningsteamet"}.`;
    return "venter på behandling hos andre enn deg.";
  }
  if (mine === count) return `venter på behandling; du kan avgjøre ${count === 1 ? "den" : "dem"}.`;
  return `venter på behandling; ${mine} av dem kan du avgjøre.`;
}
