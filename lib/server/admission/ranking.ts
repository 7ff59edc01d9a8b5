import "server-only";
import { inOrder } from "@/lib/server/in-order";
// The ranking of a cohort's qualified applicants: the proposal from rankApplicants, the adviser's
// manual moves on top (each with its written reason), and the explanation of every place. Reads
// a fixed number of queries however many applications there are. A what-if for another number
// of places is the same computation with that number; it writes nothing. The adviser's moves are
// made in ./ranking-moves.ts.
import { explainRankingPlaces, rankApplicants, type PriorityCategory } from "@/lib/domain/admission";
import { applyRankingMoves } from "@/lib/domain/admission-decisions";
import { countyName } from "@/lib/domain/counties";
import type { Database, Transaction } from "@/lib/db/client";
import { ADMISSION_STATUSES, loadCandidates, rankingCandidates, type Candidate } from "./facts";

type Client = Database | Transaction;

export interface RankedRow {
  rank: number;
  applicationId: string;
  name: string;
  category: PriorityCategory;
  overridden: boolean;
  countyCode: string;
  county: string;
  submittedAt: Date;
  /** Inside the given number of places. */
  withinPlaces: boolean;
  reasons: string[];
  /** The adviser's latest move of this candidate, if any. */
  move: { id: string; toRank: number; reason: string; by: string; at: Date } | null;
  decision: Candidate["decision"];
}

export interface Ranking {
  cohortId: string;
  capacity: number;
  places: number;
  rows: RankedRow[];
  /** Applications not reviewed yet (qualified is null): not in the ranking. */
  unreviewed: Candidate[];
  /** Judged not qualified. */
  unqualified: Candidate[];
  candidates: Candidate[];
}

export async function computeRanking(client: Client, cohortId: string, options: { places?: number } = {}): Promise<Ranking> {
  const tx = client as Transaction;
  const [cohort, candidates, moves] = await inOrder(
    () => tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { capacity: true } }),
    () => loadCandidates(client, cohortId),
    () => loadMoves(tx, cohortId),
  );
  const places = options.places ?? cohort.capacity;
  const rows = rankedRows(candidates, moves, places);
  return {
    cohortId,
    capacity: cohort.capacity,
    places,
    rows,
    unreviewed: candidates.filter((candidate) => candidate.qualified === null),
    unqualified: candidates.filter((candidate) => candidate.qualified === false),
    candidates,
  };
}

/**
 * The ranking as the ranking page and its CSV show it: the ranked rows, and how many applications
 * are not in it. Reads only the applications judged qualified, and counts the rest (issue 21: at
 * 2 000 applications, mostly not reviewed yet, every request read them all to count them). The
 * rows are computeRanking's (tests/integration/ranking-view.test.ts).
 */
export async function viewRanking(client: Client, cohortId: string, options: { places?: number } = {}) {
  const tx = client as Transaction;
  const [cohort, candidates, moves, judged] = await inOrder(
    () => tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { capacity: true } }),
    () => loadCandidates(client, cohortId, { qualifiedOnly: true }),
    () => loadMoves(tx, cohortId),
    () => tx.application.groupBy({ by: ["qualified"], where: { cohortId, status: { in: [...ADMISSION_STATUSES] } }, _count: { _all: true } }),
  );
  const places = options.places ?? cohort.capacity;
  const count = (qualified: boolean | null) => judged.find((row) => row.qualified === qualified)?._count._all ?? 0;
  return {
    cohortId,
    capacity: cohort.capacity,
    places,
    rows: rankedRows(candidates, moves, places),
    /** Applications not reviewed yet (qualified is null): not in the ranking. */
    unreviewed: count(null),
    /** Judged not qualified. */
    unqualified: count(false),
  };
}

type Move = Awaited<ReturnType<typeof loadMoves>>[number];

function loadMoves(tx: Transaction, cohortId: string) {
  return tx.rankingMove.findMany({
    where: { cohortId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, applicationId: true, toRank: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** The proposal from rankApplicants, the adviser's moves on top, and every place explained. */
function rankedRows(candidates: readonly Candidate[], moves: readonly Move[], places: number): RankedRow[] {
  const eligible = rankingCandidates(candidates);
  const proposal = rankApplicants(eligible, places);
  // Each move names the application it moves (the move's own id is not in the order).
  const order = applyRankingMoves(
    [...proposal.admitted, ...proposal.waitlist],
    moves.map((move) => ({ id: move.applicationId, toRank: move.toRank })),
  );
  const result = { admitted: order.slice(0, places), waitlist: order.slice(places), rejected: [] as string[] };
  const byId = new Map(candidates.map((candidate) => [candidate.applicationId, candidate]));
  const lastMove = new Map(moves.map((move) => [move.applicationId, move]));
  // Every row's explanation in one pass (one call per row read the whole order once per row).
  const explanations = explainRankingPlaces(eligible, result, { voice: "adviser", moves: lastMove });
  return order.map((applicationId, index): RankedRow => {
    const candidate = byId.get(applicationId)!;
    const reasons = explanations.get(applicationId)!.reasons;
    const move = lastMove.get(applicationId) ?? null;
    return {
      rank: index + 1,
      applicationId,
      name: candidate.name,
      category: candidate.category,
      overridden: candidate.overridden,
      countyCode: candidate.countyCode,
      county: countyName(candidate.countyCode) ?? candidate.countyCode,
      submittedAt: candidate.submittedAt,
      withinPlaces: index < places,
      reasons,
      move: move ? { id: move.id, toRank: move.toRank, reason: move.reason, by: move.createdBy.name, at: move.createdAt } : null,
      decision: candidate.decision,
    };
  });
}
