import "server-only";
// The facts admission decisions rest on, read in a fixed number of queries however many
// applications a cohort has: the candidates for the ranking and the decisions, and the review
// facts (educations, documents, positions) behind the requirement checks and the category.
import { PRIORITY_CATEGORIES, type PriorityCategory, type RankingCandidate } from "@/lib/domain/admission";
import {
  admissionRequirementChecks,
  effectiveCategory,
  verifiedCategory,
  type EffectiveCategory,
  type RequirementCheck,
  type ReviewFacts,
  type ReviewPosition,
} from "@/lib/domain/admission-review";
import type { Database, Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate, toReviewPosition, type ReviewPositionRow } from "@/lib/to-domain";

type Client = Database | Transaction;

/** Applications that take part in the admission: sent, and not withdrawn. */
export const ADMISSION_STATUSES = ["SUBMITTED", "UNDER_REVIEW", "DECIDED"] as const;

export interface Candidate {
  applicationId: string;
  userId: string;
  name: string;
  email: string;
  status: (typeof ADMISSION_STATUSES)[number];
  submittedAt: Date;
  countyCode: string;
  qualified: boolean | null;
  /** The category the ranking uses: the override, else the assessed one, else the provisional one. */
  category: PriorityCategory;
  overridden: boolean;
  decision: {
    id: string;
    outcome: "OFFER" | "WAITLIST" | "REFUSAL";
    waitlistPosition: number | null;
    answer: "ACCEPTED" | "DECLINED" | "EXPIRED" | null;
  } | null;
}

function asCategory(value: number | null | undefined): PriorityCategory | null {
  return PRIORITY_CATEGORIES.includes(value as PriorityCategory) ? (value as PriorityCategory) : null;
}

/** Every sent application of the cohort, in one query. */
export async function loadCandidates(client: Client, cohortId: string, options: { qualifiedOnly?: boolean } = {}): Promise<Candidate[]> {
  const rows = await (client as Transaction).application.findMany({
    // `qualifiedOnly`: the ones judged qualified, a superset of the ranked (rankingCandidates decides).
    where: { cohortId, status: { in: [...ADMISSION_STATUSES] }, ...(options.qualifiedOnly ? { qualified: true } : {}) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      fullName: true,
      submittedAt: true,
      employerCountyCode: true,
      qualified: true,
      category: true,
      assessedCategory: true,
      provisionalCategory: true,
      applicant: { select: { id: true, name: true, email: true } },
      decision: { select: { id: true, outcome: true, waitlistPosition: true, answer: true } },
    },
  });
  return rows.map((row) => {
    const override = asCategory(row.category);
    const base = asCategory(row.assessedCategory) ?? asCategory(row.provisionalCategory) ?? 4;
    return {
      applicationId: row.id,
      userId: row.applicant.id,
      name: row.fullName ?? row.applicant.name,
      email: row.applicant.email,
      status: row.status as Candidate["status"],
      submittedAt: row.submittedAt!,
      countyCode: row.employerCountyCode ?? "",
      qualified: row.qualified,
      category: override ?? base,
      overridden: override !== null && override !== base,
      decision: row.decision,
    };
  });
}

/** The qualified candidates as the ranking rule takes them (refused ones are out of it). */
export function rankingCandidates(candidates: readonly Candidate[]): RankingCandidate[] {
  return candidates
    .filter((candidate) => candidate.qualified === true && candidate.decision?.outcome !== "REFUSAL")
    .map((candidate) => ({
      id: candidate.applicationId,
      qualified: true,
      category: candidate.category,
      county: candidate.countyCode,
      submittedAt: candidate.submittedAt.toISOString(),
    }));
}

export interface ReviewSummary {
  facts: ReviewFacts;
  checks: RequirementCheck[];
  /** The computed category with its reasons to the applicant (her letter). */
  computed: ReturnType<typeof verifiedCategory>;
  /** The same reasons as the adviser reads them on the review page («Søkeren har …»). */
  adviserReasons: string[];
  effective: EffectiveCategory;
  deadline: string;
}

const REVIEW_SELECT = {
  id: true,
  category: true,
  categoryReason: true,
  cohort: { select: { applicationDeadline: true } },
  educations: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }], select: { institution: true, degree: true, credits: true } },
  documents: { where: { kind: "VITNEMAL" as const }, select: { verificationStatus: true } },
  positions: {
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      employer: true,
      employerType: true,
      leaderRole: true,
      startDate: true,
      endDate: true,
      professionalResponsibility: true,
      personnelResponsibility: true,
      verificationStatus: true,
    },
  },
} satisfies Prisma.ApplicationSelect;

type ReviewRow = {
  id: string;
  category: number | null;
  categoryReason: string | null;
  cohort: { applicationDeadline: Date };
  educations: { institution: string | null; degree: string | null; credits: number | null }[];
  documents: { verificationStatus: "PENDING" | "VERIFIED" | "REJECTED" }[];
  positions: (ReviewPositionRow & { verificationStatus: "PENDING" | "VERIFIED" | "REJECTED" })[];
};

export function summariseReview(row: ReviewRow): ReviewSummary {
  const deadline = isoDate(row.cohort.applicationDeadline);
  const positions: ReviewPosition[] = row.positions.map((position) => toReviewPosition(position, position.verificationStatus));
  const facts: ReviewFacts = {
    educations: row.educations,
    vitnemal: row.documents.map((document) => document.verificationStatus),
    positions,
  };
  const computed = verifiedCategory(positions, deadline);
  const effective = effectiveCategory(
    computed,
    row.category !== null ? { category: row.category, reason: row.categoryReason ?? "" } : null,
  );
  const adviserReasons = verifiedCategory(positions, deadline, "adviser").reasons;
  return { facts, checks: admissionRequirementChecks(facts), computed, adviserReasons, effective, deadline };
}

/** Review summaries for many applications, in one query. */
export async function loadReviewSummaries(client: Client, applicationIds: readonly string[]): Promise<Map<string, ReviewSummary>> {
  if (applicationIds.length === 0) return new Map();
  const rows = (await (client as Transaction).application.findMany({
    where: { id: { in: [...applicationIds] } },
    select: REVIEW_SELECT,
  })) as ReviewRow[];
  return new Map(rows.map((row) => [row.id, summariseReview(row)]));
}

/** The assessed category of one application after a review change, written back for lists. */
export async function refreshAssessedCategory(tx: Transaction, applicationId: string): Promise<ReviewSummary> {
  const row = (await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: REVIEW_SELECT })) as ReviewRow;
  const summary = summariseReview(row);
  // Assessed once a position has been checked (verified or not): until then the applicant's
  // provisional category stands, in lists «(foreløpig)» and in the ranking. Approving a document
  // first made it 4 («no verified leadership») and back to 1 when the position was verified (a walk).
  const checked = row.positions.some((position) => position.verificationStatus !== "PENDING");
  await tx.application.update({ where: { id: applicationId }, data: { assessedCategory: checked ? summary.computed.category : null } });
  return summary;
}
