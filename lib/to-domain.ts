// Turns database rows into the plain inputs of the rules in lib/domain, in one place, so every
// page, action and the seed hand the rules the same facts.
import { isLeaderRole, type LeaderRole, type Position as DomainPosition } from "@/lib/domain/admission";
import { isoDate } from "@/lib/dates";
import type { CohortRequirements } from "@/lib/domain/requirements";
import type { ReviewPosition, VerificationStatus } from "@/lib/domain/admission-review";
import type { LeavePeriod } from "@/lib/domain/enrolment";

export { isoDate };

/** A leave of absence's row as the leave rules read it (lib/domain/enrolment.ts). */
export function toLeavePeriod(row: { fromDate: Date; toDate: Date; returnedOn: Date | null }): LeavePeriod {
  return { from: isoDate(row.fromDate), to: isoDate(row.toDate), returnedOn: row.returnedOn ? isoDate(row.returnedOn) : null };
}

export interface PositionRow {
  startDate: Date | null;
  endDate: Date | null;
  employerType: "MUNICIPAL_CWS" | "INSTITUTION" | "OTHER" | null;
  leaderRole: string | null;
  professionalResponsibility: boolean;
  personnelResponsibility: boolean;
}

/** Only complete positions have a category meaning: a draft's missing start, type or role is a RangeError. */
export function toDomainPosition(row: PositionRow): DomainPosition {
  if (!row.startDate || !row.employerType || !row.leaderRole) {
    throw new RangeError("An incomplete position has no category meaning yet");
  }
  return {
    start: isoDate(row.startDate),
    end: row.endDate ? isoDate(row.endDate) : null,
    employerType: row.employerType,
    leader: isLeaderRole(row.leaderRole as LeaderRole),
    professionalResponsibility: row.professionalResponsibility,
    personnelResponsibility: row.personnelResponsibility,
  };
}


/** The requirement columns of a Cohort (or a Programme's template). */
export interface RequirementColumns {
  attendanceThresholdPercent: number;
  arbeidskravTotal: number;
  fagnotatCount: number;
  ledertreningCount: number;
  oralCount: number;
  individualFagnotatMin: number;
}

/** Select these to call toRequirements. */
export const REQUIREMENT_COLUMNS = {
  attendanceThresholdPercent: true,
  arbeidskravTotal: true,
  fagnotatCount: true,
  ledertreningCount: true,
  oralCount: true,
  individualFagnotatMin: true,
} as const;

export function toRequirements(row: RequirementColumns): CohortRequirements {
  return {
    attendancePercent: row.attendanceThresholdPercent,
    arbeidskrav: {
      total: row.arbeidskravTotal,
      fagnotat: row.fagnotatCount,
      ledertrening: row.ledertreningCount,
      oral: row.oralCount,
      individualFagnotatMin: row.individualFagnotatMin,
    },
  };
}

export interface ReviewPositionRow {
  id: string;
  title: string | null;
  employer: string | null;
  employerType: "MUNICIPAL_CWS" | "INSTITUTION" | "OTHER" | null;
  leaderRole: string | null;
  startDate: Date | null;
  endDate: Date | null;
  professionalResponsibility: boolean;
  personnelResponsibility: boolean;
}

/** A position row as the adviser's review rules take it, with its verification. */
export function toReviewPosition(row: ReviewPositionRow, verification: VerificationStatus): ReviewPosition {
  return {
    id: row.id,
    title: row.title,
    employer: row.employer,
    employerType: row.employerType,
    leaderRole: (row.leaderRole as LeaderRole | null) ?? null,
    start: row.startDate ? isoDate(row.startDate) : null,
    end: row.endDate ? isoDate(row.endDate) : null,
    professionalResponsibility: row.professionalResponsibility,
    personnelResponsibility: row.personnelResponsibility,
    verification,
  };
}
