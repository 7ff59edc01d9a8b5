import { pageCount, parsePageNumber } from "@/lib/validation/paging";
import "server-only";
// What advisers read about an intake: the overview, the paged and filtered list of applications,
// one application under review with its neighbours in the queue, the klage queue and the log of
// decisions. Every read is a fixed number of queries however many applications there are.
import { PRIORITY_CATEGORIES, type PriorityCategory } from "@/lib/domain/admission";
import { appealOfferProblem, closedListOfferProblem, decisionsBeforeDeadlineProblem, isRankingProvisional, isWaitlistClosed, waitlistClosingDate } from "@/lib/domain/admission-decisions";
import { countyName, COUNTIES } from "@/lib/domain/counties";
import { appealsBodyFollowUpDue, appealsBodyStanding } from "@/lib/domain/klage";
import { APPEALS_BODY_DECISION_SELECT } from "@/lib/server/appeals-body";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { DOCUMENT_FIELDS, EDUCATION_FIELDS, IN_ENTERED_ORDER, POSITION_FIELDS } from "@/lib/server/applications/read";
import { NotFoundError } from "@/lib/server/errors";
import { inOrder } from "@/lib/server/in-order";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { notInOwnIntake, ownApplicationWhere, OwnIntakeReadError, requireAdviser } from "./access";
import { ADMISSION_STATUSES, summariseReview } from "./facts";
import { placesTaken, waitlistLength } from "./places";
import { containsText, searchText } from "@/lib/validation/search";

// ─── Filters of the application list (also the review queue) ────────────────────────────────────

export const LIST_STATUSES = ["SUBMITTED", "UNDER_REVIEW", "DECIDED", "WITHDRAWN"] as const;
export const LIST_SORTS = ["innsendt", "navn", "fylke", "status"] as const;
export const PAGE_SIZE = 50;

export interface ApplicationFilter {
  status?: (typeof LIST_STATUSES)[number];
  category?: PriorityCategory;
  county?: string;
  qualified?: "ja" | "nei" | "ikke-vurdert";
  documents?: "kontrollert" | "ikke-kontrollert";
  q?: string;
  sort: (typeof LIST_SORTS)[number];
  page: number;
}

/** The filter from a page's search params (anything unknown is ignored). */
export function parseApplicationFilter(params: Record<string, string | string[] | undefined>): ApplicationFilter {
  const one = (name: string) => {
    const value = params[name];
    return typeof value === "string" && value.length <= 100 ? value : undefined;
  };
  const status = one("status");
  const category = Number(one("kategori"));
  const county = one("fylke");
  const qualified = one("kvalifisert");
  const documents = one("dokumenter");
  const sort = one("sorter");
  return {
    status: (LIST_STATUSES as readonly string[]).includes(status ?? "") ? (status as ApplicationFilter["status"]) : undefined,
    category: PRIORITY_CATEGORIES.includes(category as PriorityCategory) ? (category as PriorityCategory) : undefined,
    county: county && COUNTIES.some((c) => c.code === county) ? county : undefined,
    qualified: qualified === "ja" || qualified === "nei" || qualified === "ikke-vurdert" ? qualified : undefined,
    documents: documents === "kontrollert" || documents === "ikke-kontrollert" ? documents : undefined,
    q: searchText(one("q")) || undefined,
    sort: (LIST_SORTS as readonly string[]).includes(sort ?? "") ? (sort as ApplicationFilter["sort"]) : "innsendt",
    page: parsePageNumber(one("side")),
  };
}

/** The filter as search params (for links that keep it: paging, sorting, the review queue). */
export function filterParams(filter: ApplicationFilter, overrides: Partial<Record<string, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  const values: Record<string, string | number | undefined> = {
    status: filter.status,
    kategori: filter.category,
    fylke: filter.county,
    kvalifisert: filter.qualified,
    dokumenter: filter.documents,
    q: filter.q,
    sorter: filter.sort === "innsendt" ? undefined : filter.sort,
    side: filter.page === 1 ? undefined : filter.page,
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== "") params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function whereOf(cohortId: string, filter: ApplicationFilter): Prisma.ApplicationWhereInput {
  const and: Prisma.ApplicationWhereInput[] = [{ cohortId, status: filter.status ? filter.status : { not: "DRAFT" } }];
  if (filter.category) {
    const c = filter.category;
    and.push({
      OR: [
        { category: c },
        { category: null, assessedCategory: c },
        { category: null, assessedCategory: null, provisionalCategory: c },
      ],
    });
  }
  if (filter.county) and.push({ employerCountyCode: filter.county });
  if (filter.qualified) and.push({ qualified: filter.qualified === "ja" ? true : filter.qualified === "nei" ? false : null });
  if (filter.documents === "kontrollert") and.push({ documents: { none: { verificationStatus: "PENDING", kind: { not: "APPEAL" } } } });
  if (filter.documents === "ikke-kontrollert") and.push({ documents: { some: { verificationStatus: "PENDING", kind: { not: "APPEAL" } } } });
  if (filter.q) {
    and.push({
      OR: [
        { fullName: { contains: containsText(filter.q), mode: "insensitive" } },
        { applicant: { email: { contains: containsText(filter.q), mode: "insensitive" } } },
      ],
    });
  }
  return { AND: and };
}

function orderOf(sort: ApplicationFilter["sort"]): Prisma.ApplicationOrderByWithRelationInput[] {
  switch (sort) {
    case "navn":
      return [{ fullName: "asc" }, { id: "asc" }];
    case "fylke":
      return [{ employerCountyCode: "asc" }, { submittedAt: "asc" }, { id: "asc" }];
    case "status":
      return [{ status: "asc" }, { submittedAt: "asc" }, { id: "asc" }];
    default:
      return [{ submittedAt: "asc" }, { id: "asc" }];
  }
}

function effective(row: { category: number | null; assessedCategory: number | null; provisionalCategory: number | null }): PriorityCategory | null {
  const value = row.category ?? row.assessedCategory ?? row.provisionalCategory;
  return PRIORITY_CATEGORIES.includes(value as PriorityCategory) ? (value as PriorityCategory) : null;
}

interface IntakeFacts {
  openAppeals: number;
  reopened: number;
  openRequests: number;
  released: number;
  transferredIn: number;
  samlingDays: number;
  firstSamlingDay: string | null;
}

// ─── The intake overview ────────────────────────────────────────────────────────────────────────

/** Every cohort with its intake in numbers, newest first (the adviser's list of intakes; archived kull left out). */
export async function listIntakes(viewer: Viewer) {
  requireAdviser(viewer);
  const [cohorts, counts] = await Promise.all([
    db().cohort.findMany({
      where: { archivedAt: null },
      orderBy: { applicationDeadline: "desc" },
      select: { id: true, name: true, code: true, capacity: true, applicationDeadline: true, programme: { select: { name: true } } },
    }),
    db().application.groupBy({ by: ["cohortId", "status"], where: { status: { not: "DRAFT" } }, _count: { _all: true } }),
  ]);
  return cohorts
    .map((cohort) => {
      const rows = counts.filter((row) => row.cohortId === cohort.id);
      const count = (status?: string) => rows.filter((row) => !status || row.status === status).reduce((sum, row) => sum + row._count._all, 0);
      return {
        ...cohort,
        applicationDeadline: isoDate(cohort.applicationDeadline),
        sent: count(),
        notReviewed: count("SUBMITTED"),
        underReview: count("UNDER_REVIEW"),
        decided: count("DECIDED"),
      };
    })
    .filter((cohort) => cohort.sent > 0);
}

export async function getIntakeOverview(viewer: Viewer, cohortId: string, now = new Date()) {
  requireAdviser(viewer);
  // Seven statements, one after another (issue 21: fourteen, up to eight connections at once). The
  // applications are counted once by every property the page shows, and summed here.
  const [cohort, byProperties, decisions, facts_, taken] = await inOrder(
    () =>
      db().cohort.findUnique({
        where: { id: cohortId },
        select: {
          id: true,
          name: true,
          code: true,
          capacity: true,
          applicationOpensOn: true,
          applicationDeadline: true,
          offerAnswerDeadline: true,
          waitlistClosesOn: true,
          startsOn: true,
          endsOn: true,
          programme: { select: { name: true } },
          // Whether the viewer has applied herself (she decides nothing here): in this statement.
          _count: { select: { applications: { where: ownApplicationWhere(viewer) } } },
        },
      }),
    () =>
      db().application.groupBy({
        by: ["status", "category", "assessedCategory", "provisionalCategory", "employerCountyCode", "qualified"],
        where: { cohortId, status: { not: "DRAFT" } },
        _count: { _all: true },
      }),
    () => db().decision.groupBy({ by: ["outcome", "answer"], where: { application: { cohortId } }, _count: { _all: true } }),
    () => db().$queryRaw<IntakeFacts[]>`
      SELECT
        (SELECT count(*)::int FROM "Appeal" ap JOIN "Application" a ON a."id" = ap."applicationId"
          WHERE ap."status" = 'RECEIVED' AND a."cohortId" = ${cohortId}) AS "openAppeals",
        (SELECT count(*)::int FROM "DocumentationRequest" r JOIN "Application" a ON a."id" = r."applicationId"
          WHERE r."closedAt" IS NULL AND a."cohortId" = ${cohortId}) AS "openRequests",
        (SELECT count(*)::int FROM "Application" a
          WHERE a."cohortId" = ${cohortId} AND a."status" = 'DRAFT' AND a."reopenedAt" IS NOT NULL) AS "reopened",
        (SELECT count(*)::int FROM "Enrolment" e WHERE e."cohortId" = ${cohortId} AND e."placeReleasedAt" IS NOT NULL) AS "released",
        (SELECT count(*)::int FROM "Enrolment" e
          WHERE e."cohortId" = ${cohortId} AND e."transferredFromId" IS NOT NULL AND e."placeReleasedAt" IS NULL) AS "transferredIn",
        (SELECT count(*)::int FROM "SamlingDay" d
          WHERE EXISTS (SELECT 1 FROM "CohortSamling" cs WHERE cs."samlingId" = d."samlingId" AND cs."cohortId" = ${cohortId})) AS "samlingDays",
        (SELECT to_char(min(d."date"), 'YYYY-MM-DD') FROM "SamlingDay" d
          WHERE EXISTS (SELECT 1 FROM "CohortSamling" cs WHERE cs."samlingId" = d."samlingId" AND cs."cohortId" = ${cohortId})) AS "firstSamlingDay"`,
    () => placesTaken(db(), cohortId),
  );
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  const { openAppeals, reopened, openRequests, released, transferredIn, samlingDays, firstSamlingDay } = facts_[0]!;
  const sum = (rows: typeof byProperties) => rows.reduce((total, row) => total + row._count._all, 0);
  const admission = byProperties.filter((row) => (ADMISSION_STATUSES as readonly string[]).includes(row.status));
  const byStatus = LIST_STATUSES.map((status) => ({ status, _count: { _all: sum(byProperties.filter((row) => row.status === status)) } }));
  const byCategory = admission;
  const byCounty = (code: string) => sum(admission.filter((row) => row.employerCountyCode === code));
  const byQualified = (qualified: boolean | null) => sum(admission.filter((row) => row.qualified === qualified));
  const decisionCount = (outcome: string, answer?: string | null) =>
    decisions
      .filter((row) => row.outcome === outcome && (answer === undefined || row.answer === answer))
      .reduce((sum, row) => sum + row._count._all, 0);
  const offeredOpen = decisionCount("OFFER", null);
  const accepted = decisionCount("OFFER", "ACCEPTED");
  const categoryCounts = new Map<PriorityCategory | null, number>();
  for (const row of byCategory) {
    const key = effective(row);
    categoryCounts.set(key, (categoryCounts.get(key) ?? 0) + row._count._all);
  }
  const statusCount = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const { waitlistClosesOn, startsOn, endsOn, _count: own, ...facts } = cohort;
  // The day the waiting list closes: the adviser's own date, else the first samling day, else the
  // start (the rule is lib/domain/admission-decisions.ts, as in waitlistClosingDateOf).
  const closing = (own: Date | null) =>
    waitlistClosingDate({ waitlistClosesOn: own ? isoDate(own) : null, startsOn: isoDate(startsOn), samlingDays: firstSamlingDay ? [firstSamlingDay] : [] });
  const [closesOn, defaultOn] = [closing(waitlistClosesOn), closing(null)];
  return {
    cohort: {
      ...facts,
      applicationOpensOn: isoDate(cohort.applicationOpensOn),
      applicationDeadline: isoDate(cohort.applicationDeadline),
      offerAnswerDeadline: isoDate(cohort.offerAnswerDeadline),
      startsOn: isoDate(startsOn),
      endsOn: isoDate(endsOn),
    },
    /** Applications may still come in: the ranking is provisional and nothing can be decided. */
    provisional: isRankingProvisional(isoDate(cohort.applicationDeadline), now),
    /** The viewer has applied to the kull herself: a colleague decides in it (refuseOwnIntake). */
    ownIntake: own.applications > 0,
    waitlist: {
      closesOn,
      /** The adviser's own date, or null for the default (the first samling day, else the start). */
      setOn: waitlistClosesOn ? isoDate(waitlistClosesOn) : null,
      /** The default: the first samling day, else the day the kull starts. */
      defaultOn,
      defaultIs: samlingDays > 0 ? ("første samlingsdag" as const) : ("dagen kullet starter" as const),
      closed: isWaitlistClosed(closesOn, now),
    },
    byStatus: LIST_STATUSES.map((status) => ({ status, count: statusCount(status) })),
    byCategory: PRIORITY_CATEGORIES.map((category) => ({ category, count: categoryCounts.get(category) ?? 0 })),
    byCounty: COUNTIES.map((county) => ({
      code: county.code,
      name: county.name,
      count: byCounty(county.code),
    })),
    qualified: {
      yes: byQualified(true),
      no: byQualified(false),
      notJudged: byQualified(null),
    },
    places: {
      capacity: cohort.capacity,
      offeredOpen,
      accepted,
      declined: decisionCount("OFFER", "DECLINED"),
      expired: decisionCount("OFFER", "EXPIRED"),
      open: Math.max(0, cohort.capacity - taken),
      /** Accepted places given back when the student left before the waiting list closed. */
      released,
      /** Students transferred in from an earlier kull (they hold places too). */
      transferredIn,
      waitlist: decisionCount("WAITLIST"),
      refused: decisionCount("REFUSAL"),
    },
    openAppeals,
    openRequests,
    /** Sent, then opened for change by the applicant and not sent again: drafts, so in no figure above (reopenApplication). */
    reopened,
  };
}

// ─── The list ───────────────────────────────────────────────────────────────────────────────────

const LIST_SELECT = {
  id: true,
  status: true,
  fullName: true,
  submittedAt: true,
  employerCountyCode: true,
  qualified: true,
  category: true,
  assessedCategory: true,
  provisionalCategory: true,
  applicant: { select: { email: true } },
  decision: { select: { outcome: true, waitlistPosition: true, answer: true } },
  _count: { select: { documents: { where: { verificationStatus: "PENDING", kind: { not: "APPEAL" } } }, documentationRequests: { where: { closedAt: null } } } },
} satisfies Prisma.ApplicationSelect;

export async function listApplications(viewer: Viewer, cohortId: string, filter: ApplicationFilter) {
  requireAdviser(viewer);
  // Nothing for an adviser who has applied to the kull herself (canViewApplication).
  const where = { AND: [whereOf(cohortId, filter), notInOwnIntake(viewer)] };
  const [total, rows] = await Promise.all([
    db().application.count({ where }),
    db().application.findMany({ where, orderBy: orderOf(filter.sort), skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: LIST_SELECT }),
  ]);
  return {
    total,
    pages: pageCount(total, PAGE_SIZE),
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      name: row.fullName ?? row.applicant.email,
      email: row.applicant.email,
      submittedAt: row.submittedAt,
      county: row.employerCountyCode ? (countyName(row.employerCountyCode) ?? row.employerCountyCode) : "–",
      qualified: row.qualified,
      category: effective(row),
      categoryOverridden: row.category !== null,
      categoryAssessed: row.category !== null || row.assessedCategory !== null,
      pendingDocuments: row._count.documents,
      openRequests: row._count.documentationRequests,
      decision: row.decision,
    })),
  };
}

// ─── One application under review ───────────────────────────────────────────────────────────────

const REVIEW_DETAIL = {
  id: true,
  cohortId: true,
  status: true,
  reopenedAt: true,
  fullName: true,
  birthDate: true,
  phone: true,
  address: true,
  postalCode: true,
  postalPlace: true,
  employerCountyCode: true,
  employerMunicipalityCode: true,
  motivation: true,
  submittedAt: true,
  reviewStartedAt: true,
  withdrawnAt: true,
  provisionalCategory: true,
  category: true,
  categoryReason: true,
  categorySetAt: true,
  categorySetById: true,
  qualified: true,
  qualificationGrounds: true,
  qualifiedAt: true,
  qualifiedById: true,
  applicant: { select: { id: true, name: true, email: true, phone: true } },
  cohort: {
    select: {
      id: true,
      name: true,
      code: true,
      capacity: true,
      applicationDeadline: true,
      programme: { select: { name: true } },
      // The day the waiting list closes (its own, else the first samling day, else the start): once
      // it has come the page offers no «gi tilbud» (closedListOfferProblem).
      waitlistClosesOn: true,
      startsOn: true,
      samlinger: { select: { samling: { select: { days: { orderBy: { date: "asc" }, take: 1, select: { date: true } } } } } },
    },
  },
  educations: { orderBy: IN_ENTERED_ORDER, select: EDUCATION_FIELDS },
  positions: {
    orderBy: IN_ENTERED_ORDER,
    select: {
      ...POSITION_FIELDS,
      verificationStatus: true,
      verificationNote: true,
      verifiedAt: true,
      verifiedById: true,
    },
  },
  documents: {
    orderBy: { uploadedAt: "asc" },
    select: {
      ...DOCUMENT_FIELDS,
      verifiedAt: true,
      verifiedById: true,
    },
  },
  documentationRequests: {
    orderBy: { createdAt: "desc" },
    select: { id: true, message: true, dueDate: true, createdAt: true, closedAt: true, createdById: true },
  },
  decision: {
    select: {
      id: true,
      outcome: true,
      waitlistPosition: true,
      answer: true,
      answerDeadline: true,
      decidedAt: true,
      caseYear: true,
      caseNumber: true,
      letters: { orderBy: { version: "desc" }, select: { id: true, version: true, kind: true, subject: true, madeAvailableOn: true, klageDeadline: true } },
    },
  },
  appeals: {
    orderBy: { filedAt: "desc" },
    select: { id: true, status: true, filedAt: true, text: true, grounds: true, decidedAt: true, forwardedAt: true, document: { select: { id: true, originalName: true } } },
  },
} satisfies Prisma.ApplicationSelect;

/**
 * An application its applicant opened for change after sending (reopenApplication): a draft again,
 * not the adviser's to read or review until it is sent anew. The review page says so, with when,
 * instead of «Fant ikke søknaden» for an application the adviser saw yesterday.
 */
export class ReopenedApplicationError extends Error {
  constructor(readonly reopenedAt: Date) {
    super("Søkeren har åpnet søknaden for endring, og den er ikke sendt igjen.");
    this.name = "ReopenedApplicationError";
  }
}

export async function getApplicationForReview(viewer: Viewer, applicationId: string, filter: ApplicationFilter, now = new Date()) {
  requireAdviser(viewer);
  // On one connection (issue 21: the nested read sent its relations at once, on up to eight pool
  // connections), and the names of the staff who acted read once for all of them.
  const read = await db().$transaction(async (tx) => {
    // With whether the viewer has applied to the kull herself (then it is not hers to read), in the same statement.
    const ownCount = { _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } };
    const select = { ...REVIEW_DETAIL, cohort: { select: { ...REVIEW_DETAIL.cohort.select, ...ownCount } } };
    const row = await tx.application.findUnique({ where: { id: applicationId }, select });
    if (row?.status === "DRAFT" && row.reopenedAt && row.cohort._count.applications === 0) throw new ReopenedApplicationError(row.reopenedAt);
    if (!row || row.status === "DRAFT") return null;
    if (row.cohort._count.applications > 0) throw new OwnIntakeReadError();
    // The queue is the list's filter and order. An application the adviser has just moved out of
    // the filter (judged, say) keeps its place, so "Neste" still goes on to the next one.
    const queueWhere = whereOf(row.cohortId, { ...filter, page: 1 });
    const queue = await tx.application.findMany({ where: { OR: [queueWhere, { id: applicationId }] }, orderBy: orderOf(filter.sort), select: { id: true } });
    const stillInFilter = await tx.application.count({ where: { AND: [queueWhere, { id: applicationId }] } });
    const staffIds = [
      row.categorySetById,
      row.qualifiedById,
      ...row.positions.map((position) => position.verifiedById),
      ...row.documents.map((document) => document.verifiedById),
      ...row.documentationRequests.map((request) => request.createdById),
    ].filter((id): id is string => id !== null);
    const staff = staffIds.length > 0 ? await tx.user.findMany({ where: { id: { in: [...new Set(staffIds)] } }, select: { id: true, name: true } }) : [];
    return { row, queue, stillInFilter, names: new Map(staff.map((user) => [user.id, user.name])) };
  });
  if (!read) throw new NotFoundError("Fant ikke søknaden.");
  const { row, queue, stillInFilter, names } = read;
  /** `{ name }` of the staff member, as a nested select gave it (null when there is none). */
  const person = (id: string | null) => (id !== null && names.has(id) ? { name: names.get(id)! } : null);
  const { categorySetById, qualifiedById, ...rest } = row;
  const application = {
    ...rest,
    categorySetBy: person(categorySetById),
    qualifiedBy: person(qualifiedById),
    positions: row.positions.map(({ verifiedById, ...position }) => ({ ...position, verifiedBy: person(verifiedById) })),
    documents: row.documents.map(({ verifiedById, ...document }) => ({ ...document, verifiedBy: person(verifiedById) })),
    documentationRequests: row.documentationRequests.map(({ createdById, ...request }) => ({ ...request, createdBy: person(createdById)! })),
  };
  const index = queue.findIndex((row) => row.id === applicationId);
  const summary = summariseReview({
    id: application.id,
    category: application.category,
    categoryReason: application.categoryReason,
    cohort: { applicationDeadline: application.cohort.applicationDeadline },
    educations: application.educations,
    documents: application.documents.filter((document) => document.kind === "VITNEMAL"),
    positions: application.positions,
  });
  const { waitlistClosesOn, startsOn, samlinger, _count: _own, ...cohort } = application.cohort;
  const closesOn = waitlistClosingDate({
    waitlistClosesOn: waitlistClosesOn ? isoDate(waitlistClosesOn) : null,
    startsOn: isoDate(startsOn),
    samlingDays: samlinger.flatMap((link) => link.samling.days.map((d) => isoDate(d.date))),
  });
  return {
    /**
     * Why the adviser's own offer is not open, or null: before the application deadline (the
     * action refuses it; a walk pressed the button to learn so), or once the list has closed.
     */
    offerClosed: decisionsBeforeDeadlineProblem(isoDate(application.cohort.applicationDeadline), now) ?? closedListOfferProblem(closesOn, now),
    application: {
      ...application,
      cohort,
      birthDate: application.birthDate ? isoDate(application.birthDate) : null,
      positions: application.positions.map((position) => ({
        ...position,
        startDate: position.startDate ? isoDate(position.startDate) : null,
        endDate: position.endDate ? isoDate(position.endDate) : null,
      })),
      documentationRequests: application.documentationRequests.map((request) => ({ ...request, dueDate: isoDate(request.dueDate) })),
    },
    summary,
    queue: {
      position: stillInFilter ? index + 1 : null,
      total: stillInFilter ? queue.length : queue.length - 1,
      previous: index > 0 ? queue[index - 1]!.id : null,
      next: index >= 0 && index < queue.length - 1 ? queue[index + 1]!.id : null,
    },
  };
}

export type ReviewPage = Awaited<ReturnType<typeof getApplicationForReview>>;

// ─── Klage queue and the decision log ───────────────────────────────────────────────────────────

/** Klager still open: received (to decide), or upheld and not yet sent on to the klageinstans. */
const OPEN_APPEAL = { OR: [{ status: "RECEIVED" as const }, { status: "UPHELD" as const, forwardedAt: null }] } satisfies Prisma.AppealWhereInput;

/**
 * How many open klager wait for the adviser (the start page): `received` to decide, `toForward`
 * upheld and not yet sent on. One statement; listAppeals reads the same klager in full (neither
 * shows an adviser the klager of a kull she has applied to).
 */
export async function countOpenAdmissionAppeals(viewer: Viewer): Promise<{ received: number; toForward: number }> {
  requireAdviser(viewer);
  // As listAppeals: not the klager in a kull the viewer has applied to herself.
  const rows = await db().appeal.groupBy({ by: ["status"], where: { AND: [OPEN_APPEAL, { application: notInOwnIntake(viewer) }] }, _count: { _all: true } });
  const received = rows.find((row) => row.status === "RECEIVED")?._count._all ?? 0;
  return { received, toForward: rows.reduce((sum, row) => sum + row._count._all, 0) - received };
}

export async function listAppeals(viewer: Viewer, options: { open: boolean }) {
  requireAdviser(viewer);
  const appeals = await db().appeal.findMany({
    // Not the klager in a kull the viewer has applied to herself (canViewApplication): a colleague's.
    // Open: with those waiting at the klagenemnd (none of its decisions yet, or a quashing before
    // the klage was sent again; appealsBodyStanding below keeps exactly those still waiting).
    where: {
      AND: [
        options.open
          ? {
              OR: [
                OPEN_APPEAL,
                { status: "UPHELD", forwardedAt: { not: null }, appealsBodyDecisions: { none: {} } },
                { status: "UPHELD", forwardedAt: { not: null }, appealsBodyDecisions: { some: { outcome: "QUASHED" } } },
                // A reversal not carried out here and not followed up yet: a task.
                { status: "UPHELD", appealsBodyDecisions: { some: { notCarriedOut: { not: null }, followedUpAt: null } } },
              ],
            }
          : {},
        { application: notInOwnIntake(viewer) },
      ],
    },
    orderBy: { filedAt: "asc" },
    select: {
      id: true,
      status: true,
      filedAt: true,
      text: true,
      grounds: true,
      decidedAt: true,
      forwardedAt: true,
      appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: APPEALS_BODY_DECISION_SELECT },
      registeredBy: { select: { name: true } },
      lateReason: true,
      partly: true,
      document: { select: { id: true, originalName: true } },
      decision: { select: { outcome: true, waitlistPosition: true, caseYear: true, caseNumber: true } },
      letter: { select: { kind: true, madeAvailableOn: true, klageDeadline: true } },
      application: {
        select: {
          id: true,
          fullName: true,
          cohort: { select: { id: true, name: true, capacity: true, programme: { select: { name: true } } } },
          applicant: { select: { name: true, email: true } },
        },
      },
    },
  });
  // Whether "gi tilbud" can succeed, and how long the waiting list is (the form's hint for a
  // better place on it), per cohort: few, the cohorts with appeals on the page.
  const cohorts = new Map(appeals.map((appeal) => [appeal.application.cohort.id, appeal.application.cohort.capacity]));
  const perCohort = new Map(
    await Promise.all(
      [...cohorts].map(async ([cohortId, capacity]) => {
        const [taken, waitlist] = await inOrder(
          () => placesTaken(db(), cohortId),
          () => waitlistLength(db(), cohortId),
        );
        return [cohortId, { offerProblem: appealOfferProblem({ capacity, taken }), waitlistLength: waitlist }] as const;
      }),
    ),
  );
  return appeals
    .map(({ appealsBodyDecisions, ...appeal }) => {
      const appealsBody = appealsBodyStanding(appeal, appealsBodyDecisions);
      const cohort = perCohort.get(appeal.application.cohort.id)!;
      return { ...appeal, appealsBody, followUpDue: appealsBodyFollowUpDue(appealsBody), offerProblem: cohort.offerProblem, waitlistLength: cohort.waitlistLength };
    })
    .filter((appeal) => !options.open || appeal.status !== "UPHELD" || !appeal.forwardedAt || appeal.appealsBody.waiting || appeal.followUpDue);
}

/** The latest steps of the cohort's decisions (audited), for the adviser to follow. */
export async function listDecisionEvents(viewer: Viewer, cohortId: string, take = 40) {
  requireAdviser(viewer);
  const decisions = await db().decision.findMany({
    // None for an adviser who has applied to the kull herself (canViewApplication).
    where: { application: { cohortId, ...notInOwnIntake(viewer) } },
    select: { id: true, application: { select: { id: true, fullName: true } } },
  });
  const byId = new Map(decisions.map((decision) => [decision.id, decision.application]));
  const events = await db().auditLog.findMany({
    where: { entityType: "Decision", entityId: { in: [...byId.keys()] } },
    orderBy: { id: "desc" },
    take,
    select: { id: true, action: true, at: true, entityId: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((event) => ({ ...event, id: String(event.id), application: byId.get(event.entityId) ?? null }));
}
