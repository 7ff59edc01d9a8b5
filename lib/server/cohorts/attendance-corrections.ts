import "server-only";
// Corrections of attendance after the day (lib/server/cohorts/attendance.ts saves them, with a
// written reason and an audit entry per student):
// - the student is told by e-mail when a correction changes their registration (present ↔
//   absent), one message per change: the dedupe key is the attendance row and the moment it was
//   changed (`attendance-corrected:<attendanceId>:<epoch ms>`). A first registration after the day
//   is not a change of anything the student was told, and a changed note alone changes nothing
//   that counts, so neither is mailed;
// - staff see the day's history of corrections (who, when, which student, before → after, why),
//   read from the audit log, which is where every correction is kept.
import { formatDateNb } from "@/lib/domain/format";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";
import { queueMails } from "@/lib/server/mail";

type Status = "PRESENT" | "ABSENT";
const STATUS_NB: Record<Status, string> = { PRESENT: "til stede", ABSENT: "fravær" };

export interface CorrectedRow {
  attendanceId: string;
  enrolmentId: string;
  before: Status;
  after: Status;
  changedAt: Date;
}

/** The student a message goes to (the caller's own read of the students). */
export interface CorrectedStudent {
  enrolmentId: string;
  userId: string;
  name: string;
  email: string;
}

/**
 * Queues one e-mail per changed registration, in the correction's transaction. The students come
 * from the caller, which has read them already (issue 21: a second read per save).
 */
export async function tellStudentsOfCorrections(
  tx: Transaction,
  input: { date: string; reason: string; rows: readonly CorrectedRow[]; students: readonly CorrectedStudent[] },
) {
  const changed = input.rows.filter((row) => row.before !== row.after);
  if (changed.length === 0) return 0;
  const personOf = new Map(input.students.map((student) => [student.enrolmentId, student]));
  // One INSERT for every message (issue 21: one per student); the count is of those not queued before.
  return queueMails(
    tx,
    changed.flatMap((row) => {
      const person = personOf.get(row.enrolmentId);
      // The caller's list is the students it saved: a row without its student is a defect.
      if (!person) throw new Error(`No student given for the corrected enrolment ${row.enrolmentId}`);
      return [
        {
          dedupeKey: `attendance-corrected:${row.attendanceId}:${row.changedAt.getTime()}`,
          userId: person.userId,
          to: person.email,
          subject: `Oppmøtet ditt ${formatDateNb(input.date)} er rettet`,
          text: [
            `Hei ${person.name},`,
            "",
            `Oppmøtet ditt på samlingsdagen ${formatDateNb(input.date)} er rettet fra «${STATUS_NB[row.before]}» til «${STATUS_NB[row.after]}».`,
            "",
            "Begrunnelse:",
            input.reason,
            "",
            `Oppmøtet ditt og hva det betyr for eksamen: ${env().APP_URL}/student/oppmote`,
            "",
            "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
          ].join("\n"),
        },
      ];
    }),
  );
}

interface AuditAttendance {
  enrolmentId?: string;
  status?: Status;
  note?: string | null;
  reason?: string | null;
}

/**
 * The day's corrections, newest first: for the staff's page of one samling day. One statement
 * (the audit entries of the day's attendance rows, with who made them); the caller names the
 * student from `enrolmentId`.
 */
export async function dayCorrections(samlingDayId: string) {
  const entries = await db().$queryRaw<{ id: bigint; at: Date; before: unknown; after: unknown; actor: string | null }[]>`
    SELECT l."id", l."at", l."before", l."after", u."name" AS "actor"
    FROM "AuditLog" l
    JOIN "Attendance" a ON a."id" = l."entityId" AND a."samlingDayId" = ${samlingDayId}
    LEFT JOIN "User" u ON u."id" = l."actorId"
    WHERE l."entityType" = 'Attendance' AND l."action" = 'attendance.correct'
    ORDER BY l."at" DESC, l."id" DESC`;
  return entries.map((entry) => {
    const before = (entry.before ?? null) as AuditAttendance | null;
    const after = (entry.after ?? {}) as AuditAttendance;
    return {
      id: entry.id.toString(),
      at: entry.at,
      by: entry.actor ?? "Ukjent",
      enrolmentId: after.enrolmentId ?? null,
      before: before?.status ? STATUS_NB[before.status] : "ikke registrert",
      after: after.status ? STATUS_NB[after.status] : "ikke registrert",
      reason: after.reason ?? "",
    };
  });
}
