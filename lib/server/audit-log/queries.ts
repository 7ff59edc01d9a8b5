import { pageCount } from "@/lib/validation/paging";
import "server-only";
// The audit viewer (/veileder/logg), for administrators only: entries filtered by the person they
// are about, who did it, the kind of action and a period, newest first, a page at a time. Looking
// at the entries about a person is itself an entry (audit_log.view_person), written before the
// entries are returned, so nobody reads a person's history without leaving a trace.
import { startOfDayInOslo } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canReadAuditLog } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { subjectsOf } from "@/lib/server/audit-log/subjects-of";
import { auditEntriesAbout, recordsAbout } from "@/lib/server/privacy/subjects";
import type { Viewer } from "@/lib/server/viewer";
import type { AuditLogFilter } from "@/lib/validation/audit-log";
import { containsText } from "@/lib/validation/search";

export const AUDIT_PAGE_SIZE = 50;

export interface PersonChoice {
  id: string;
  name: string;
  email: string;
}

export interface AuditLogRow {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  /** Whom (or which kull) the record is about, in words; null: nobody the app still knows. */
  about: string | null;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
}

export type AuditLogView =
  | { state: "choose-person"; candidates: PersonChoice[]; types: string[] }
  | { state: "no-person"; types: string[] }
  | {
      state: "entries";
      person: PersonChoice | null;
      actors: PersonChoice[] | "system" | null;
      entries: AuditLogRow[];
      total: number;
      page: number;
      pages: number;
      types: string[];
    };

const PERSON_SELECT = { id: true, name: true, email: true } as const;

function peopleMatching(query: string, take: number) {
  return db().user.findMany({
    where: { OR: [{ name: { contains: containsText(query), mode: "insensitive" } }, { email: { contains: containsText(query.toLowerCase()) } }] },
    select: PERSON_SELECT,
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take,
  });
}

/** The kinds of action in the log, for the filter's list. */
async function actionTypes(): Promise<string[]> {
  const rows = await db().auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

export async function viewAuditLog(viewer: Viewer, filter: AuditLogFilter): Promise<AuditLogView> {
  if (!canReadAuditLog(viewer)) throw new NotFoundError("Fant ikke siden.");
  const types = await actionTypes();

  // The person the entries are about: chosen by id, or found by name or e-mail (several: choose).
  let person: PersonChoice | null = null;
  if (filter.personId) {
    person = await db().user.findUnique({ where: { id: filter.personId }, select: PERSON_SELECT });
    if (!person) return { state: "no-person", types };
  } else if (filter.person.length >= 2) {
    const candidates = await peopleMatching(filter.person, 21);
    if (candidates.length === 0) return { state: "no-person", types };
    if (candidates.length > 1) return { state: "choose-person", candidates: candidates.slice(0, 20), types };
    person = candidates[0]!;
  }

  const and: Prisma.AuditLogWhereInput[] = [];
  if (person) and.push(auditEntriesAbout(await recordsAbout(db(), person.id)));

  let actors: PersonChoice[] | "system" | null = null;
  if (filter.actor) {
    if (/^system$/i.test(filter.actor)) {
      actors = "system";
      and.push({ actorId: null });
    } else {
      actors = await peopleMatching(filter.actor, 20);
      and.push({ actorId: { in: actors.map((actor) => actor.id) } });
    }
  }
  if (filter.type) and.push(filter.type.includes(".") ? { action: filter.type } : { action: { startsWith: `${filter.type}.` } });
  if (filter.from) and.push({ at: { gte: startOfDayInOslo(filter.from) } });
  if (filter.to) and.push({ at: { lt: startOfDayInOslo(addDays(filter.to, 1)) } });
  const where: Prisma.AuditLogWhereInput = and.length > 0 ? { AND: and } : {};

  const result = await db().$transaction(async (tx) => {
    if (person) {
      await audit(tx, {
        actorId: viewer.id,
        action: "audit_log.view_person",
        entityType: "User",
        entityId: person.id,
        after: { filter: { actor: filter.actor || null, type: filter.type || null, from: filter.from, to: filter.to, page: filter.page } },
      });
    }
    // One after the other: a transaction is one connection, which runs one query at a time.
    const total = await tx.auditLog.count({ where });
    const entries = await tx.auditLog.findMany({
      where,
      // Newest first by when it happened: ids follow the order of writing, which a batch written
      // after the moment it records (the demo's history, a migration's backfill) does not keep.
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { id: true, name: true } } },
    });
    return { total, entries };
  });
  const subjects = await subjectsOf(result.entries);
  return {
    state: "entries",
    person,
    actors,
    entries: result.entries.map((entry) => ({ ...entry, id: entry.id.toString(), about: subjects.get(`${entry.entityType}:${entry.entityId}`) ?? null })),
    total: result.total,
    page: filter.page,
    pages: pageCount(result.total, AUDIT_PAGE_SIZE),
    types,
  };
}
