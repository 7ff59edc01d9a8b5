import "server-only";
// A student's record across the sittings of their kull, as the rules in
// lib/domain/exam-sittings.ts read it: every registration with its sitting's start and kind.
import { osloDate } from "@/lib/domain/application-deadline";
import type { ExamKind, SittingRecord } from "@/lib/domain/exam-sittings";
import type { Database, Transaction } from "@/lib/db/client";

export interface KindedRecord extends SittingRecord {
  kind: ExamKind;
  /** The sitting's first day, "YYYY-MM-DD" (its FS term). */
  startsOn: string;
  /** The sitting's grades are published (students see its result). */
  published: boolean;
}

export const RECORD_SELECT = {
  examId: true,
  status: true,
  grade: true,
  gradedAt: true,
  exam: { select: { kind: true, startsAt: true, startsOn: true, gradesPublishedAt: true } },
} as const;

interface RecordRow {
  examId: string;
  status: SittingRecord["status"];
  grade: SittingRecord["grade"];
  gradedAt: Date | null;
  exam: { kind: ExamKind; startsAt: Date; startsOn: Date; gradesPublishedAt: Date | null };
}

export function toRecord(row: RecordRow): KindedRecord {
  return {
    examId: row.examId,
    startsAt: row.exam.startsAt,
    status: row.status,
    grade: row.grade,
    gradedOn: row.gradedAt ? osloDate(row.gradedAt) : null,
    kind: row.exam.kind,
    startsOn: row.exam.startsOn.toISOString().slice(0, 10),
    published: row.exam.gradesPublishedAt !== null,
  };
}

/** What a student may see: a sitting's result only once its grades are published. */
export function asPublished(record: KindedRecord): KindedRecord {
  if (record.published || (record.status !== "ADMITTED" && record.status !== "NOT_ATTENDED")) return record;
  return { ...record, status: "ADMITTED", grade: null, gradedOn: null };
}

/** Every registration of these enrolments, by enrolment. */
export async function sittingRecords(tx: Transaction | Database, enrolmentIds: readonly string[]): Promise<Map<string, KindedRecord[]>> {
  const rows = await tx.examRegistration.findMany({
    where: { enrolmentId: { in: [...enrolmentIds] } },
    select: { enrolmentId: true, ...RECORD_SELECT },
  });
  const byEnrolment = new Map<string, KindedRecord[]>(enrolmentIds.map((id) => [id, []]));
  for (const row of rows) byEnrolment.get(row.enrolmentId)?.push(toRecord(row));
  return byEnrolment;
}
