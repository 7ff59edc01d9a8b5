import "server-only";
// One-time links sent by e-mail (reset a password, verify an address, accept an invitation,
// confirm a new address). The token is 32 random bytes (256 bits) in base64url; only its SHA-256
// is stored, so a copy of the database gives nobody a working link. A fast hash is right here: the
// token is random, not a password, and cannot be guessed from its hash.
import { createHash, randomBytes } from "node:crypto";
import type { Database, Transaction } from "@/lib/db/client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

/** How long each kind of link works. */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  PASSWORD_RESET: 60,
  EMAIL_VERIFICATION: 7 * 24 * 60,
  INVITATION: 7 * 24 * 60,
  EMAIL_CHANGE: 24 * 60,
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string from a URL can be one of our tokens at all (checked before any query). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/**
 * Issues a new link for `purpose` and voids the user's earlier unused ones of the same purpose
 * (only the newest link works). Returns the token for the e-mail; it is never stored.
 */
export async function issueToken(
  tx: Transaction,
  input: { userId: string; purpose: AccountTokenPurpose; email?: string | null; now?: Date },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[input.purpose] * 60_000);
  await tx.accountToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: now },
  });
  const { id } = await tx.accountToken.create({
    data: { tokenHash: hashToken(token), purpose: input.purpose, userId: input.userId, email: input.email ?? null, createdAt: now, expiresAt },
    select: { id: true },
  });
  return { id, token, expiresAt };
}

export interface LockedToken {
  id: string;
  userId: string;
  email: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Finds and locks (FOR UPDATE) the token's row for the rest of the transaction, so two uses of
 * one link at the same moment run one after the other and the second finds it used. Null when the
 * link is unknown, of another purpose, used, or expired.
 *
 * The user's row is locked first: a new password and disabling the account lock the user and then
 * void the links, so a link used at the same moment takes the same order (taken the other way
 * round, the two deadlocked and one ended in an error page), and finds the link void once they are done.
 */
export async function lockUsableToken(tx: Transaction, token: string, purpose: AccountTokenPurpose, now = new Date()): Promise<LockedToken | null> {
  if (!isTokenShaped(token)) return null;
  const owner = await tx.accountToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
  if (!owner) return null;
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${owner.userId} FOR UPDATE`;
  const rows = await tx.$queryRaw<LockedToken[]>`
    SELECT "id", "userId", "email", "expiresAt", "usedAt" FROM "AccountToken"
    WHERE "tokenHash" = ${hashToken(token)} AND "purpose" = ${purpose}::"AccountTokenPurpose"
    FOR UPDATE`;
  const row = rows[0];
  if (!row || row.usedAt !== null || row.expiresAt <= now) return null;
  return row;
}

/** Marks a token used (inside the transaction that did what it allowed). */
export async function markTokenUsed(tx: Transaction, tokenId: string, now = new Date()): Promise<void> {
  await tx.accountToken.update({ where: { id: tokenId }, data: { usedAt: now } });
}

/** For pages: whether a link still works, without using it (the page then shows its form). */
export async function peekToken(client: Database, token: string, purpose: AccountTokenPurpose, now = new Date()) {
  if (!isTokenShaped(token)) return null;
  const row = await client.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, email: true, expiresAt: true, usedAt: true, user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!row || row.purpose !== purpose || row.usedAt !== null || row.expiresAt <= now || row.user.disabledAt) return null;
  return { email: row.email, expiresAt: row.expiresAt, user: { email: row.user.email, name: row.user.name } };
}

/** Removes links that can no longer be used, a day after (the `maintenance.cleanup` job). */
export async function deleteSpentTokens(client: Database, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const { count } = await client.accountToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] },
  });
  return count;
}
