// Whom a cohort's students contact, read the same way everywhere (the rule is lib/domain/contacts.ts):
// the programme's adviser and academic lead, and the cohort's own academic lead if its team has one.
import { studentContacts, type StudentContacts } from "@/lib/domain/contacts";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The programme's contact fields (spread into a programme select beside its other fields). */
export const PROGRAMME_CONTACT_FIELDS = {
  adviserName: true,
  adviserEmail: true,
  adviserPhone: true,
  academicLeadName: true,
  academicLeadEmail: true,
  academicLeadPhone: true,
} satisfies Prisma.ProgrammeSelect;

/** The cohort's own academic lead, if its teaching team has one marked. */
export const COHORT_ACADEMIC_LEAD = {
  where: { academicLead: true },
  select: { user: { select: { name: true, email: true, phone: true } } },
} satisfies Prisma.Cohort$teachersArgs;

interface ContactRow {
  programme: Prisma.ProgrammeGetPayload<{ select: typeof PROGRAMME_CONTACT_FIELDS }>;
  teachers: { user: { name: string; email: string; phone: string | null } }[];
}

export function cohortContacts(cohort: ContactRow): StudentContacts {
  const { programme } = cohort;
  return studentContacts(
    {
      adviser: { name: programme.adviserName, email: programme.adviserEmail, phone: programme.adviserPhone },
      academicLead: { name: programme.academicLeadName, email: programme.academicLeadEmail, phone: programme.academicLeadPhone },
    },
    cohort.teachers[0]?.user ?? null,
  );
}
