// Turns database rows into the plain inputs of the rules in lib/domain, in one place, so every
// page, action and the seed hand the rules the same facts.
import type { Position as DomainPosition } from "@/lib/domain/admission";
import { isoDateFromUtcMidnight } from "@/lib/domain/dates";

/** A `@db.Date` value (midnight UTC) → "YYYY-MM-DD"; anything else is refused. */
export const isoDate = isoDateFromUtcMidnight;

export interface PositionRow {
  startDate: Date;
  endDate: Date | null;
  employerType: "MUNICIPAL_CWS" | "INSTITUTION" | "OTHER";
  leaderRole: string;
  professionalResponsibility: boolean;
  personnelResponsibility: boolean;
}

/** Every leader role counts as leadership; NONE (an ordinary position) does not. */
export function toDomainPosition(row: PositionRow): DomainPosition {
  return {
    start: isoDate(row.startDate),
    end: row.endDate ? isoDate(row.endDate) : null,
    employerType: row.employerType,
    leader: row.leaderRole !== "NONE",
    professionalResponsibility: row.professionalResponsibility,
    personnelResponsibility: row.personnelResponsibility,
  };
}

