import "server-only";
// Attendance as the cohort's staff register and read it:
// - one samling day's list (the cohort's students, their basisgruppe, today's registration and the
//   absence notices students sent for that day), saved whole in one request and one transaction;
// - the cohort grid (students × days) with each student's eligibility from the one evaluator
//   (lib/server/cohorts/eligibility.ts), at-risk students first, as a page and as CSV.
//
// Saving is idempotent: an INSERT … ON CONFLICT ("enrolmentId", "samlingDayId") DO UPDATE, so a
// repeated save or two faculty saving the same day give one row per student. Saves of one day are
// serialised by locking the day's row, so each save sees the rows the previous one left and its
// audit entries (who, before, after, why) are true. A day that has not come cannot be registered;
// after the day, a save is a correction and needs a reason (lib/domain/cohort-plan.ts).
import { randomBytes } from "node:crypto";
import { csvText } from "@/lib/csv";
import { osloDate } from "@/lib/domain/application-deadline";
import { attendanceEntryMode, weekdayShortNb, weekLabel, type AttendanceEntryMode } from "@/lib/domain/cohort-plan";
import { eligibilityOutlook, formatAttendancePercent, STAFF_OUTLOOK_LABELS, type Eligibility } from "@/lib/domain/eligibility";
import { attendanceFigures, type AttendanceFigures } from "@/lib/domain/attendance-progress";
import { fsDate } from "@/lib/domain/exam-results";
import { compareByRisk, onTrackNote, riskOf, type Risk } from "@/lib/domain/risk";
import { isOwnCase, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { auditMany } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { dayCorrections, tellStudentsOfCorrections } from "@/lib/server/cohorts/attendance-corrections";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { inOrder } from "@/lib/server/in-order";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { formatDateNb } from "@/lib/domain/format";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { daysOnLeave } from "@/lib/domain/enrolment";


export type AttendanceStatus = "PRESENT" | "ABSENT";

interface DayRow {
  id: string;
  date: string;
  title: string;
  location: string;
  days: { id: string; date: string }[];
  cohorts: { cohortId: string; number: number; name: string; programme: string }[];
  /** The kull's plan day before and after this one, across samlinger (null at either end). */
  previousDay: { id: string; date: string } | null;
  nextDay: { id: string; date: string } | null;
}

interface GridStudentRow {
  id: string;
  name: string;
  email: string;
  basisgruppeId: string | null;
  basisgruppeName: string | null;
  attendance: { samlingDayId: string; status: AttendanceStatus; note: string | null }[];
  attendanceCredits: string[];
  leaves: { from: string; to: string; returnedOn: string | null }[];
}

interface DayStudentRow {
  id: string;
  userId: string;
  name: string;
  basisgruppeId: string | null;
  basisgruppeName: string | null;
  supervisorId: string | null;
  status: AttendanceStatus | null;
  note: string | null;
  registeredBy: string | null;
  /** The reason is null once the retention job has erased it. */
  absenceNotice: { reason: string | null; createdAtMs: number } | null;
  credited: boolean;
  leaves: { from: string; to: string; returnedOn: string | null }[];
}

const DAY_NOT_FOUND = "Fant ikke samlingsdagen i kullets plan.";

// ─── One day ────────────────────────────────────────────────────────────────────────────────────

export async function getDayAttendance(viewer: Viewer, cohortId: string, samlingDayId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  // Three statements whatever the size of the kull (issue 21: eighteen, one per nesting level):
  // the day with its samling, the students with what they have for this day, the corrections.
  const [[day], enrolments, corrections] = await inOrder(
    () => db().$queryRaw<DayRow[]>`
      SELECT d."id", to_char(d."date", 'YYYY-MM-DD') AS "date", s."title", s."location",
             (SELECT json_agg(json_build_object('id', sd."id", 'date', sd."date") ORDER BY sd."date") FROM "SamlingDay" sd WHERE sd."samlingId" = s."id") AS "days",
             (SELECT json_agg(json_build_object('cohortId', cs."cohortId", 'number', cs."number", 'name', c."name", 'programme', p."name"))
              FROM "CohortSamling" cs JOIN "Cohort" c ON c."id" = cs."cohortId" JOIN "Programme" p ON p."id" = c."programmeId"
              WHERE cs."samlingId" = s."id") AS "cohorts",
             (SELECT json_build_object('id', pd."id", 'date', to_char(pd."date", 'YYYY-MM-DD')) FROM "SamlingDay" pd
              JOIN "CohortSamling" pcs ON pcs."samlingId" = pd."samlingId" AND pcs."cohortId" = ${cohortId}
              WHERE pd."date" < d."date" ORDER BY pd."date" DESC LIMIT 1) AS "previousDay",
             (SELECT json_build_object('id', nd."id", 'date', to_char(nd."date", 'YYYY-MM-DD')) FROM "SamlingDay" nd
              JOIN "CohortSamling" ncs ON ncs."samlingId" = nd."samlingId" AND ncs."cohortId" = ${cohortId}
              WHERE nd."date" > d."date" ORDER BY nd."date" ASC LIMIT 1) AS "nextDay"
      FROM "SamlingDay" d JOIN "Samling" s ON s."id" = d."samlingId"
      WHERE d."id" = ${samlingDayId}
        AND EXISTS (SELECT 1 FROM "CohortSamling" own WHERE own."samlingId" = d."samlingId" AND own."cohortId" = ${cohortId})`,
    () => db().$queryRaw<DayStudentRow[]>`
      SELECT e."id", e."userId", u."name", b."id" AS "basisgruppeId", b."name" AS "basisgruppeName", b."supervisorId",
             a."status"::text AS "status", a."note", r."name" AS "registeredBy",
             (SELECT json_build_object('reason', n."reason", 'createdAtMs', extract(epoch FROM n."createdAt") * 1000)
              FROM "AbsenceNotice" n WHERE n."enrolmentId" = e."id" AND n."samlingDayId" = ${samlingDayId} AND n."withdrawnAt" IS NULL
              LIMIT 1) AS "absenceNotice",
             EXISTS (SELECT 1 FROM "AttendanceCredit" ac WHERE ac."enrolmentId" = e."id" AND ac."samlingDayId" = ${samlingDayId}) AS "credited",
             COALESCE((SELECT json_agg(json_build_object('from', l."fromDate", 'to', l."toDate", 'returnedOn', l."returnedOn"))
                       FROM "LeaveOfAbsence" l WHERE l."enrolmentId" = e."id" AND l."status" = 'GRANTED'), '[]'::json) AS "leaves"
      FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId"
      LEFT JOIN "Basisgruppe" b ON b."id" = e."basisgruppeId"
      LEFT JOIN "Attendance" a ON a."enrolmentId" = e."id" AND a."samlingDayId" = ${samlingDayId}
      LEFT JOIN "User" r ON r."id" = a."registeredById"
      WHERE e."cohortId" = ${cohortId} AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED')
      ORDER BY u."name" ASC, e."id" ASC`,
    () => dayCorrections(samlingDayId),
  );
  if (!day) throw new NotFoundError(DAY_NOT_FOUND);
  const date = day.date;
  const own = day.cohorts.find((row) => row.cohortId === cohortId);
  const names = new Map(enrolments.map((enrolment) => [enrolment.id, enrolment.name]));
  const students = enrolments
    .map((enrolment) => {
      const onLeave = daysOnLeave([{ id: samlingDayId, date }], enrolment.leaves).length > 0;
      return {
        enrolmentId: enrolment.id,
        name: enrolment.name,
        basisgruppe: enrolment.basisgruppeId ? { id: enrolment.basisgruppeId, name: enrolment.basisgruppeName! } : null,
        mine: enrolment.basisgruppeId !== null && enrolment.supervisorId === viewer.id,
        status: enrolment.status,
        note: enrolment.status === null ? null : enrolment.note,
        registeredBy: enrolment.registeredBy,
        absenceNotice: enrolment.absenceNotice
          ? { reason: enrolment.absenceNotice.reason, sentAt: new Date(enrolment.absenceNotice.createdAtMs) }
          : null,
        /** The day is credited from the student's earlier kull: attended there (a transfer). */
        credited: enrolment.credited,
        /** The day is inside the student's granted leave: not an absence, whatever is registered. */
        onLeave,
        /** The viewer's own row (a teacher who is also a student of the kull): a colleague registers it. */
        self: isOwnCase(viewer, [enrolment.userId]),
      };
    })
    // The viewer's own basisgrupper first (a prosessveileder registers their group), then by group.
    .sort((a, b) => Number(b.mine) - Number(a.mine) || compareText(a.basisgruppe?.name ?? "~", b.basisgruppe?.name ?? "~"));
  return {
    day: { id: day.id, date, weekday: weekdayShortNb(date), week: weekLabel([date]) },
    samling: {
      title: day.title,
      location: day.location,
      number: own?.number ?? null,
      days: day.days,
      sharedWith: day.cohorts
        .filter((row) => row.cohortId !== cohortId)
        .map((row) => `${row.programme}, ${row.name}`),
    },
    mode: attendanceEntryMode(date, today) as AttendanceEntryMode,
    /** The plan's day before and after, across samlinger: the day page links them (a walk: the first day of a samling had no way back). */
    neighbours: { previous: day.previousDay, next: day.nextDay },
    today,
    students,
    registered: students.filter((student) => student.status !== null).length,
    /** Corrections after the day, newest first, with their reasons (from the audit log). */
    corrections: corrections.map(({ enrolmentId, ...correction }) => ({
      ...correction,
      student: (enrolmentId && names.get(enrolmentId)) || "Student som ikke lenger er i kullet",
    })),
  };
}

export type DayAttendance = Awaited<ReturnType<typeof getDayAttendance>>;

function compareText(a: string, b: string): number {
  return a.localeCompare(b, "nb");
}

export interface AttendanceRowInput {
  enrolmentId: string;
  status: AttendanceStatus;
  note: string | null;
}

export interface SaveDayAttendanceInput {
  cohortId: string;
  samlingDayId: string;
  rows: readonly AttendanceRowInput[];
  /** Required for a correction (a save after the day). */
  reason: string | null;
}

/** A cuid-shaped id (lib/validation/ids.ts) for rows written with raw SQL. */
function newRecordId(): string {
  const bytes = randomBytes(24);
  let id = "c";
  for (const byte of bytes) id += "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36];
  return id;
}

export async function saveDayAttendance(viewer: Viewer, input: SaveDayAttendanceInput, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  if (input.rows.length === 0) throw new DomainError("Velg til stede eller fravær for minst én student.");
  const ids = input.rows.map((row) => row.enrolmentId);
  if (new Set(ids).size !== ids.length) throw new DomainError("Den samme studenten står to ganger i listen.");
  const today = osloDate(now);

  const result = await db().$transaction(async (tx) => {
    // Saves of this cohort's day run one after another (a transaction-scoped advisory lock on
    // the pair), so each reads the registrations the one before it wrote. Saves of other days, and
    // of the same day in another kull sharing the samling (other students), do not wait (issue 21:
    // a lock on the day row queued every kull's save of a shared day). The day row itself is held
    // FOR SHARE, and so is the kull's link to the day's samling (first, as removeSamling locks the
    // link before the days): a plan change moving or removing the day (FOR UPDATE), or taking the
    // samling out of this kull's plan, waits for the save, and the save for it. One statement for both locks (issue 21: a round
    // trip less per save): the row locks are taken as the row leaves the join, after the advisory
    // lock, and a day or link changed or removed meanwhile is read again (or not found) as it is
    // now; the registrations are read by the next statement, with a snapshot taken once the lock
    // is held.
    const [day] = await tx.$queryRaw<{ id: string; date: Date }[]>`
      SELECT d."id", d."date"
      FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`attendance-save:${input.cohortId}:${input.samlingDayId}`}, 0))) AS "lock",
           "CohortSamling" cs JOIN "SamlingDay" d ON d."samlingId" = cs."samlingId"
      WHERE d."id" = ${input.samlingDayId} AND cs."cohortId" = ${input.cohortId}
      FOR SHARE OF cs, d`;
    if (!day) throw new NotFoundError(DAY_NOT_FOUND);
    const date = isoDate(day.date);
    const mode = attendanceEntryMode(date, today);
    if (mode === "FUTURE") {
      throw new DomainError("Oppmøte kan ikke registreres for en dag som ikke har kommet ennå.");
    }
    if (mode === "CORRECTION" && !input.reason) {
      throw new DomainError("Dagen er over. Skriv hvorfor oppmøtet registreres eller endres i ettertid.", {
        reason: ["Skriv en begrunnelse for rettingen."],
      });
    }
    // The students must be this cohort's; locked (in id order) so an exam registration deciding
    // on their eligibility at the same moment waits for this save.
    const sortedIds = [...ids].sort();
    // With each one's registration for the day so far (the advisory lock above keeps it current),
    // and who they are, for the e-mail a correction sends them.
    const found = await tx.$queryRaw<{ id: string; status: AttendanceStatus | null; note: string | null; userId: string; name: string; email: string }[]>`
      SELECT e."id", a."status"::text AS "status", a."note", u."id" AS "userId", u."name", u."email" FROM "Enrolment" e
      JOIN "User" u ON u."id" = e."userId"
      LEFT JOIN "Attendance" a ON a."enrolmentId" = e."id" AND a."samlingDayId" = ${day.id}
      WHERE e."cohortId" = ${input.cohortId} AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED') AND e."id" = ANY(${sortedIds}::text[])
      ORDER BY e."id" FOR SHARE OF e`;
    if (found.length !== ids.length) throw new NotFoundError("Fant ikke alle studentene i kullet.");
    const previous = found.flatMap((row) => (row.status === null ? [] : [{ enrolmentId: row.id, status: row.status, note: row.note }]));

    const before = new Map(previous.map((row) => [row.enrolmentId, row]));
    const rows = [...input.rows].sort((a, b) => (a.enrolmentId < b.enrolmentId ? -1 : 1));
    const written = await tx.$queryRaw<{ id: string; enrolmentId: string; updatedAt: Date }[]>`
      INSERT INTO "Attendance" ("id", "enrolmentId", "samlingDayId", "status", "note", "registeredById", "registeredAt", "updatedAt")
      SELECT r."id", r."enrolmentId", ${day.id}, r."status"::"AttendanceStatus", NULLIF(r."note", ''), ${viewer.id}, now(), now()
      FROM unnest(
        ${rows.map(() => newRecordId())}::text[],
        ${rows.map((row) => row.enrolmentId)}::text[],
        ${rows.map((row) => row.status)}::text[],
        ${rows.map((row) => row.note ?? "")}::text[]
      ) AS r("id", "enrolmentId", "status", "note")
      ON CONFLICT ("enrolmentId", "samlingDayId") DO UPDATE
        SET "status" = EXCLUDED."status", "note" = EXCLUDED."note",
            "registeredById" = EXCLUDED."registeredById", "updatedAt" = now()
        WHERE "Attendance"."status" IS DISTINCT FROM EXCLUDED."status"
           OR "Attendance"."note" IS DISTINCT FROM EXCLUDED."note"
      RETURNING "id", "enrolmentId", "updatedAt"`;

    const action = mode === "CORRECTION" ? "attendance.correct" : "attendance.register";
    const changed = new Set(written.map((row) => row.enrolmentId));
    // Nobody registers their own attendance (forvaltningsloven § 6): a teacher who is also a
    // student of the kull saves the day's list with her own row as it stands; a colleague changes it.
    // Checked on what the save changes, so the list saved again unchanged is not refused.
    if (isOwnCase(viewer, found.filter((row) => changed.has(row.id)).map((row) => row.userId))) {
      throw new DomainError(`${OWN_CASE_MESSAGE} Lagre listen med din egen rad som den var, så registrerer en kollega den.`);
    }
    const idOf = new Map(written.map((row) => [row.enrolmentId, row.id]));
    await auditMany(
      tx,
      rows
        .filter((row) => changed.has(row.enrolmentId))
        .map((row) => {
          const old = before.get(row.enrolmentId);
          return {
            actorId: viewer.id,
            action,
            entityType: "Attendance",
            entityId: idOf.get(row.enrolmentId)!,
            before: old ? { status: old.status, note: old.note } : null,
            after: {
              enrolmentId: row.enrolmentId,
              samlingDayId: day.id,
              date,
              status: row.status,
              note: row.note,
              ...(mode === "CORRECTION" ? { reason: input.reason } : {}),
            },
          };
        }),
    );
    // A correction that changes a student's registration is told to the student, one e-mail each.
    const told =
      mode === "CORRECTION"
        ? await tellStudentsOfCorrections(tx, {
            date,
            reason: input.reason!,
            students: found.map((row) => ({ enrolmentId: row.id, userId: row.userId, name: row.name, email: row.email })),
            rows: written.flatMap((row) => {
              const old = before.get(row.enrolmentId);
              const status = rows.find((candidate) => candidate.enrolmentId === row.enrolmentId)!.status;
              return old ? [{ attendanceId: row.id, enrolmentId: row.enrolmentId, before: old.status, after: status, changedAt: row.updatedAt }] : [];
            }),
          })
        : 0;
    // Only the students whose registration changed: a standing is a function of the stored facts
    // alone, never of the clock (lib/domain/standing.ts), so nobody else's can have moved. A list
    // saved again with one late arrival evaluates one student, not the kull (issue 21); the random
    // orders in tests/integration/standings.test.ts check stored against recomputed.
    const changes = await refreshStandings(
      tx,
      { cohortId: input.cohortId, enrolmentIds: sortedIds.filter((id) => changed.has(id)) },
      {
        actorId: viewer.id,
        cause: mode === "CORRECTION" ? `Oppmøtet ${formatDateNb(date)} er rettet` : `Oppmøte registrert for ${formatDateNb(date)}`,
        now,
      },
    );
    return {
      date,
      mode,
      told,
      /** Attendance warnings (and their withdrawals) queued by the refresh of the standings. */
      notices: changes.filter((change) => change.notice !== null).length,
      saved: rows.length,
      changed: changed.size,
      present: rows.filter((row) => row.status === "PRESENT").length,
      absent: rows.filter((row) => row.status === "ABSENT").length,
    };
  });
  return result;
}

// ─── The cohort grid ────────────────────────────────────────────────────────────────────────────

/**
 * A cell: registered present or absent; a past day with nothing registered; a day to come; a day
 * credited from the student's earlier kull; a day inside a granted leave (never an absence).
 */
export type GridCell = "PRESENT" | "ABSENT" | "MISSING" | "UPCOMING" | "CREDITED" | "LEAVE";

export interface GridStudent {
  enrolmentId: string;
  name: string;
  email: string;
  basisgruppe: { id: string; name: string } | null;
  cells: GridCell[];
  notes: (string | null)[];
  eligibility: Eligibility;
  risk: Risk;
  /** What is still to come for a student on her way with no risk (onTrackNote); empty otherwise. */
  onTrack: string;
  /** Share of all planned days, for the CSV export (its columns say so). */
  percent: string;
  /** The figures as the page shows them (lib/domain/attendance-progress.ts). */
  figures: AttendanceFigures;
}

export async function getAttendanceGrid(
  viewer: Viewer,
  cohortId: string,
  options: { basisgruppeId?: string | null } = {},
  now = new Date(),
) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  // Two lanes: at most two pool connections for this request (issue 21: ≤ 3).
  const [evaluation, [samlinger, enrolments, groups]] = await Promise.all([
    evaluateCohortEligibility(db(), cohortId, { today }),
    inOrder(
      // Raw joins (issue 21: a nested select was a statement per level, nine for these two).
      () => db().$queryRaw<{ number: number; title: string; days: { id: string; date: string }[] }[]>`
      SELECT cs."number", s."title",
             COALESCE((SELECT json_agg(json_build_object('id', d."id", 'date', d."date") ORDER BY d."date")
                       FROM "SamlingDay" d WHERE d."samlingId" = s."id"), '[]'::json) AS "days"
      FROM "CohortSamling" cs JOIN "Samling" s ON s."id" = cs."samlingId"
      WHERE cs."cohortId" = ${cohortId}
      ORDER BY cs."number" ASC`,
      () => db().$queryRaw<GridStudentRow[]>`
      SELECT e."id", u."name", u."email", b."id" AS "basisgruppeId", b."name" AS "basisgruppeName",
             COALESCE((SELECT json_agg(json_build_object('samlingDayId', a."samlingDayId", 'status', a."status", 'note', a."note"))
                       FROM "Attendance" a WHERE a."enrolmentId" = e."id"), '[]'::json) AS "attendance",
             COALESCE((SELECT json_agg(ac."samlingDayId") FROM "AttendanceCredit" ac WHERE ac."enrolmentId" = e."id"), '[]'::json) AS "attendanceCredits",
             COALESCE((SELECT json_agg(json_build_object('from', l."fromDate", 'to', l."toDate", 'returnedOn', l."returnedOn"))
                       FROM "LeaveOfAbsence" l WHERE l."enrolmentId" = e."id" AND l."status" = 'GRANTED'), '[]'::json) AS "leaves"
      FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId" LEFT JOIN "Basisgruppe" b ON b."id" = e."basisgruppeId"
      WHERE e."cohortId" = ${cohortId} AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED')
      ORDER BY u."name" ASC, e."id" ASC`,
      () => db().basisgruppe.findMany({ where: { cohortId }, orderBy: { name: "asc" }, select: { id: true, name: true, supervisorId: true } }),
    ),
  ]);
  const { requirements, byEnrolment } = evaluation;
  // The columns: every plan day once, grouped by samling in plan order.
  const seen = new Set<string>();
  const columns = samlinger.flatMap(({ number, title, days }) =>
    days
      .filter((d) => !seen.has(d.id) && seen.add(d.id))
      .map((d) => ({ id: d.id, date: d.date, samlingNumber: number, samlingTitle: title })),
  );
  const samlingHeaders = samlinger.map(({ number, title }) => {
    const days = columns.filter((column) => column.samlingNumber === number);
    return { number, title, span: days.length, week: weekLabel(days.map((d) => d.date)) };
  }).filter((header) => header.span > 0);

  const students: GridStudent[] = enrolments
    .filter((enrolment) => !options.basisgruppeId || enrolment.basisgruppeId === options.basisgruppeId)
    .map((enrolment) => {
      const registered = new Map(enrolment.attendance.map((row) => [row.samlingDayId, row]));
      const credited = new Set(enrolment.attendanceCredits);
      const onLeave = new Set(daysOnLeave(columns, enrolment.leaves));
      const eligibility = byEnrolment.get(enrolment.id)!.eligibility;
      return {
        enrolmentId: enrolment.id,
        name: enrolment.name,
        email: enrolment.email,
        basisgruppe: enrolment.basisgruppeId ? { id: enrolment.basisgruppeId, name: enrolment.basisgruppeName! } : null,
        // The same order as the counts (lib/domain/attendance.ts): present, credited, leave, absent.
        cells: columns.map((column): GridCell => {
          const row = registered.get(column.id);
          if (row?.status === "PRESENT") return "PRESENT";
          if (credited.has(column.id)) return "CREDITED";
          if (onLeave.has(column.id)) return "LEAVE";
          if (row) return row.status;
          return column.date < today ? "MISSING" : "UPCOMING";
        }),
        notes: columns.map((column) => registered.get(column.id)?.note ?? null),
        eligibility,
        risk: riskOf(eligibility),
        onTrack: onTrackNote(eligibility),
        percent: formatAttendancePercent(eligibility.attendance.attended, eligibility.attendance.scheduled, requirements.attendancePercent),
        figures: attendanceFigures(eligibility.attendance),
      };
    })
    .sort((a, b) => compareByRisk(a.eligibility, b.eligibility));
  const mineFirst = [...groups].sort((a, b) => Number(b.supervisorId === viewer.id) - Number(a.supervisorId === viewer.id));
  return {
    today,
    requirements,
    columns: columns.map((column) => ({ ...column, weekday: weekdayShortNb(column.date) })),
    samlingHeaders,
    students,
    groups: mineFirst.map((group) => ({ id: group.id, name: group.name, mine: group.supervisorId === viewer.id })),
    filteredBy: options.basisgruppeId ? (groups.find((group) => group.id === options.basisgruppeId)?.name ?? null) : null,
  };
}

export type AttendanceGrid = Awaited<ReturnType<typeof getAttendanceGrid>>;

const CELL_TEXT: Record<GridCell, string> = {
  PRESENT: "Til stede",
  ABSENT: "Fravær",
  MISSING: "Ikke registrert",
  UPCOMING: "",
  CREDITED: "Godkjent fra tidligere kull",
  LEAVE: "Permisjon",
};

/** The grid as CSV for a spreadsheet: UTF-8 with BOM (Excel reads æøå), semicolons (Norwegian Excel). */
export function attendanceGridCsv(grid: AttendanceGrid): string {
  const header = [
    "Student",
    "E-post",
    "Basisgruppe",
    ...grid.columns.map((column) => fsDate(column.date)),
    "Møtt",
    "Planlagte dager",
    "Oppmøte",
    "Fravær igjen",
    "Status",
    "Merknad",
  ];
  const rows = grid.students.map((student) => [
    student.name,
    student.email,
    student.basisgruppe?.name ?? "",
    ...student.cells.map((cell) => CELL_TEXT[cell]),
    student.eligibility.attendance.attended,
    student.eligibility.attendance.scheduled,
    student.percent,
    student.eligibility.attendance.absencesLeft,
    STAFF_OUTLOOK_LABELS[eligibilityOutlook(student.eligibility)],
    student.risk.reason,
  ]);
  return csvText([header, ...rows]);
}
