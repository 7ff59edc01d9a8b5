import "server-only";
// Public facts about cohorts: what anyone may read before signing in (the open intakes). Only
// published kull exist here: a draft is invisible, by id too (lib/domain/cohort-life.ts).
import { applicationWindowState, type ApplicationWindowState } from "@/lib/domain/application-deadline";
import { db } from "@/lib/server/db";
import { isoDate } from "@/lib/to-domain";
import { isRecordId } from "@/lib/validation/ids";

const PUBLIC_COHORT = {
  id: true,
  code: true,
  name: true,
  capacity: true,
  applicationOpensOn: true,
  applicationDeadline: true,
  offerAnswerDeadline: true,
  startsOn: true,
  endsOn: true,
  programme: {
    select: {
      code: true,
      name: true,
      credits: true,
      description: true,
      adviserName: true,
      adviserEmail: true,
      adviserPhone: true,
      academicLeadName: true,
      academicLeadEmail: true,
      academicLeadPhone: true,
    },
  },
  samlinger: {
    orderBy: { number: "asc" },
    select: { number: true, samling: { select: { title: true, location: true, notes: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } },
  },
  // The ordinary sitting (utsatt and ny eksamen are for those who need them, not the plan's).
  exams: { where: { kind: "ORDINARY" }, select: { title: true, startsOn: true, endsOn: true } },
} as const;

export interface PublicCohort {
  id: string;
  code: string;
  name: string;
  capacity: number;
  window: { opensOn: string; deadline: string; state: ApplicationWindowState };
  offerAnswerDeadline: string;
  startsOn: string;
  endsOn: string;
  programme: {
    code: string;
    name: string;
    credits: number;
    description: string;
    adviser: { name: string; email: string; phone: string };
    academicLead: { name: string; email: string; phone: string };
  };
  samlinger: { number: number; title: string; location: string; notes: string | null; days: string[] }[];
  exam: { title: string; startsOn: string; endsOn: string } | null;
}

type Row = NonNullable<Awaited<ReturnType<typeof findCohortRow>>>;

/** What applicants may see: published kull only. */
const PUBLISHED = { publishedAt: { not: null } } as const;

function findCohortRow(id: string) {
  return db().cohort.findFirst({ where: { id, ...PUBLISHED }, select: PUBLIC_COHORT });
}

function toPublicCohort(row: Row, now: Date): PublicCohort {
  const window = { opensOn: isoDate(row.applicationOpensOn), deadline: isoDate(row.applicationDeadline) };
  const exam = row.exams[0];
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    capacity: row.capacity,
    window: { ...window, state: applicationWindowState(window, now) },
    offerAnswerDeadline: isoDate(row.offerAnswerDeadline),
    startsOn: isoDate(row.startsOn),
    endsOn: isoDate(row.endsOn),
    programme: {
      code: row.programme.code,
      name: row.programme.name,
      credits: row.programme.credits,
      description: row.programme.description,
      adviser: { name: row.programme.adviserName, email: row.programme.adviserEmail, phone: row.programme.adviserPhone },
      academicLead: {
        name: row.programme.academicLeadName,
        email: row.programme.academicLeadEmail,
        phone: row.programme.academicLeadPhone,
      },
    },
    samlinger: row.samlinger.map(({ number, samling }) => ({
      number,
      title: samling.title,
      location: samling.location,
      notes: samling.notes,
      days: samling.days.map((d) => isoDate(d.date)),
    })),
    exam: exam ? { title: exam.title, startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn) } : null,
  };
}

/** Cohorts taking applications now (decided by the window rule in lib/domain). */
export async function listOpenCohorts(now = new Date()): Promise<PublicCohort[]> {
  // A day's margin on each side in the query; the rule itself decides, in Oslo time.
  const margin = 36 * 3_600_000;
  const rows = await db().cohort.findMany({
    where: {
      ...PUBLISHED,
      applicationOpensOn: { lte: new Date(now.getTime() + margin) },
      applicationDeadline: { gte: new Date(now.getTime() - margin) },
    },
    orderBy: { applicationDeadline: "asc" },
    select: PUBLIC_COHORT,
  });
  return rows.map((row) => toPublicCohort(row, now)).filter((cohort) => cohort.window.state === "OPEN");
}

export async function getPublicCohort(id: string, now = new Date()): Promise<PublicCohort | null> {
  if (!isRecordId(id)) return null;
  const row = await findCohortRow(id);
  return row ? toPublicCohort(row, now) : null;
}

/** Whom applicants contact about their data: each programme's study adviser (public facts). */
export async function listProgrammeContacts() {
  return db().programme.findMany({
    orderBy: { name: "asc" },
    select: { code: true, name: true, adviserName: true, adviserEmail: true, adviserPhone: true },
  });
}
