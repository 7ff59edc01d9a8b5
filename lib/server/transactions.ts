import "server-only";
// Transactions that compete for the same rows (two advisers and the waiting-list job making
// offers in one cohort) are serialised by row locks; when PostgreSQL still has to abort one
// (a deadlock, a serialization failure) or the pool is busy, the whole transaction is retried
// from the start, so the loser gets the rules' answer ("Kullet er fullt"), never a 500.
import { ARCHIVED_KULL_MESSAGE } from "@/lib/domain/cohort-life";
import { DomainError } from "@/lib/server/errors";

const RETRYABLE_PRISMA_CODES = new Set(["P2034", "P2028"]);
const RETRYABLE_SQLSTATES = ["40001", "40P01"];

export function isRetryableTransactionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && RETRYABLE_PRISMA_CODES.has(code)) return true;
  const text = `${(error as { message?: unknown }).message ?? ""} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  return (
    RETRYABLE_SQLSTATES.some((state) => text.includes(state)) ||
    /deadlock detected|could not serialize|timeout exceeded when trying to connect/i.test(text)
  );
}

/** True for the capacity triggers' refusal (init migration: CONSTRAINT Cohort_capacity). */
export function isCapacityError(error: unknown): boolean {
  return error instanceof Error && /Cohort_capacity|no free places/.test(`${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`);
}

export const COHORT_FULL_MESSAGE = "Kullet er fullt: alle studieplassene er tatt, så det kan ikke gis flere tilbud nå.";

/** True for the closed-record triggers' refusal (migration *_archived_kull_closed_to_writes). */
export function isArchivedKullError(error: unknown): boolean {
  return error instanceof Error && /Cohort_archived_closed|the kull is archived/.test(`${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`);
}

/**
 * A refusal by the database's own guards that the user can act on, as the DomainError a use case
 * would have thrown (null for anything else). Every place that turns errors into answers asks it
 * first (lib/server/action.ts, lib/http/form-post.ts, withRetry), so a write a use case did not
 * foresee still gets a Norwegian answer rather than "noe gikk galt".
 */
export function databaseRefusal(error: unknown): DomainError | null {
  if (isCapacityError(error)) return new DomainError(COHORT_FULL_MESSAGE);
  if (isArchivedKullError(error)) return new DomainError(ARCHIVED_KULL_MESSAGE);
  return null;
}

/** Runs `work` (one whole transaction) again on a retryable failure, with a short random pause. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const refusal = databaseRefusal(error);
      if (refusal) throw refusal;
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 40)));
    }
  }
}

/** Options for a transaction that may wait for a locked cohort row behind others. */
export const LOCKING_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;
