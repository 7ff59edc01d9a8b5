import "server-only";
// An application as its applicant sees it, with what is still missing (lib/domain decides).
import { applicationWindowState, osloDate } from "@/lib/domain/application-deadline";
import { documentUploadWindow } from "@/lib/domain/admission-decisions";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { APPEALABLE_LETTER_KINDS, replacedLetters } from "@/lib/domain/decision-letter";
import { isKlageInTime } from "@/lib/domain/klage";
import {
  missingApplicationItems,
  previewPriorityCategory,
  type ApplicationDraft,
  type MissingItem,
} from "@/lib/domain/application-requirements";
import {
  draftErrors,
  educationFields,
  employerFields,
  FIELD_LABELS,
  personalFields,
  positionFields,
} from "@/lib/validation/application";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database, Transaction } from "@/lib/db/client";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { requireOwnApplication } from "./ownership";

/** Educations and positions in the order the applicant entered them. */
export const IN_ENTERED_ORDER = [{ sortOrder: "asc" }, { createdAt: "asc" }] satisfies Prisma.PositionOrderByWithRelationInput[];

/** An education as the applicant entered it (the applicant's and the adviser's pages read the same). */
export const EDUCATION_FIELDS = { id: true, institution: true, degree: true, credits: true, completedYear: true } satisfies Prisma.EducationSelect;

/** A position as the applicant entered it (the adviser's review adds its verification). */
export const POSITION_FIELDS = {
  id: true,
  employer: true,
  employerType: true,
  countyCode: true,
  municipalityCode: true,
  title: true,
  percent: true,
  areaOfResponsibility: true,
  startDate: true,
  endDate: true,
  endUnknown: true,
  superiorTitle: true,
  personnelCount: true,
  professionalResponsibility: true,
  personnelResponsibility: true,
  leaderRole: true,
} satisfies Prisma.PositionSelect;

/** A document as the applicant and the adviser both see it, with the adviser's verdict. */
export const DOCUMENT_FIELDS = {
  id: true,
  kind: true,
  originalName: true,
  size: true,
  uploadedAt: true,
  positionId: true,
  verificationStatus: true,
  verificationNote: true,
} satisfies Prisma.DocumentSelect;

const DETAIL = {
  id: true,
  applicantId: true,
  status: true,
  fullName: true,
  birthDate: true,
  phone: true,
  address: true,
  postalCode: true,
  postalPlace: true,
  employerCountyCode: true,
  employerMunicipalityCode: true,
  submittedAt: true,
  reviewStartedAt: true,
  withdrawnAt: true,
  reopenedAt: true,
  provisionalCategory: true,
  provisionalCategoryReason: true,
  draftInput: true,
  createdAt: true,
  updatedAt: true,
  cohort: {
    select: {
      id: true,
      name: true,
      code: true,
      applicationOpensOn: true,
      applicationDeadline: true,
      offerAnswerDeadline: true,
      programme: { select: { name: true, adviserName: true, adviserEmail: true, adviserPhone: true } },
    },
  },
  educations: { orderBy: IN_ENTERED_ORDER, select: EDUCATION_FIELDS },
  positions: { orderBy: IN_ENTERED_ORDER, select: POSITION_FIELDS },
  documents: {
    where: { kind: { not: "APPEAL" } },
    orderBy: { uploadedAt: "asc" },
    select: DOCUMENT_FIELDS,
  },
  decision: {
    select: {
      id: true,
      outcome: true,
      waitlistPosition: true,
      grounds: true,
      decidedAt: true,
      sentAt: true,
      answerDeadline: true,
      answer: true,
      answeredAt: true,
      caseYear: true,
      caseNumber: true,
      letters: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, kind: true, subject: true, body: true, madeAvailableOn: true, klageDeadline: true, answerDeadline: true },
      },
    },
  },
  documentationRequests: {
    where: { closedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, message: true, dueDate: true, createdAt: true },
  },
  appeals: {
    orderBy: { filedAt: "desc" },
    select: {
      id: true,
      text: true,
      filedAt: true,
      status: true,
      grounds: true,
      decidedAt: true,
      forwardedAt: true,
      letterId: true,
      /** Came by e-mail or post and was registered by the adviser (the day it came, not a time of day). */
      registeredById: true,
      partly: true,
      document: { select: { id: true, originalName: true } },
      /** What the klagenemnd decided, newest first (registered by the adviser from its letter). */
      appealsBodyDecisions: {
        orderBy: { registeredAt: "desc" },
        select: { forwardedAt: true, outcome: true, decidedOn: true, reference: true, summary: true, notCarriedOut: true, followedUpAt: true, registeredAt: true },
      },
    },
  },
} satisfies Prisma.ApplicationSelect;

type Client = Database | Transaction;

async function findDetail(client: Client, applicationId: string) {
  // Both clients have the same application delegate; only their User types differ (omit).
  const applications = client.application as Transaction["application"];
  return applications.findUniqueOrThrow({ where: { id: applicationId }, select: DETAIL });
}

type Detail = Awaited<ReturnType<typeof findDetail>>;

/**
 * What the applicant typed that is not stored because it had an error, as items that block
 * submission (the same messages the forms show), linked to the field by position in the lists.
 */
function pendingCorrections(detail: Detail): MissingItem[] {
  const kept = (detail.draftInput as Record<string, string> | null) ?? {};
  if (Object.keys(kept).length === 0) return [];
  const items: MissingItem[] = [];
  const add = (errors: Record<string, string[]>, field: (name: string) => string, label: (name: string) => string) => {
    for (const [name, messages] of Object.entries(errors)) {
      items.push({ field: field(name), message: `${label(name)}: ${messages.join(" ")}` });
    }
  };
  const stored = { ...detail, birthDate: detail.birthDate ? isoDate(detail.birthDate) : null };
  add(draftErrors(personalFields, "personal", stored, kept), (name) => name, (name) => FIELD_LABELS[name] ?? name);
  add(draftErrors(employerFields, "employer", stored, kept), (name) => name, (name) => `Arbeidsgiver, ${(FIELD_LABELS[name] ?? name).toLowerCase()}`);
  detail.educations.forEach((education, index) => {
    add(
      draftErrors(educationFields, "education", education, kept, `educations.${education.id}.`),
      (name) => `educations.${index}.${name}`,
      (name) => `Utdanning ${index + 1}, ${(FIELD_LABELS[name] ?? name).toLowerCase()}`,
    );
  });
  detail.positions.forEach((position, index) => {
    const values = {
      ...position,
      startDate: position.startDate ? isoDate(position.startDate) : null,
      endDate: position.endDate ? isoDate(position.endDate) : null,
    };
    add(
      draftErrors(positionFields, "position", values, kept, `positions.${position.id}.`),
      (name) => `positions.${index}.${name}`,
      (name) => `Stilling ${index + 1}, ${(FIELD_LABELS[name] ?? name).toLowerCase()}`,
    );
  });
  return items;
}

function requirementsOf(detail: Detail): ApplicationDraft {
  const documentsFor = (positionId: string) =>
    detail.documents.some((document) => document.kind === "TJENESTEBEVIS" && document.positionId === positionId);
  return {
    fullName: detail.fullName,
    birthDate: detail.birthDate ? isoDate(detail.birthDate) : null,
    phone: detail.phone,
    address: detail.address,
    postalCode: detail.postalCode,
    postalPlace: detail.postalPlace,
    employerCountyCode: detail.employerCountyCode,
    employerMunicipalityCode: detail.employerMunicipalityCode,
    educations: detail.educations,
    positions: detail.positions.map((position) => ({
      ...position,
      startDate: position.startDate ? isoDate(position.startDate) : null,
      endDate: position.endDate ? isoDate(position.endDate) : null,
      hasTjenestebevis: documentsFor(position.id),
    })),
    hasVitnemal: detail.documents.some((document) => document.kind === "VITNEMAL"),
    pendingCorrections: pendingCorrections(detail),
    deadline: isoDate(detail.cohort.applicationDeadline),
  };
}

/** The facts submission checks: the requirement input and the position rows. */
export async function loadApplicationDraft(client: Client, applicationId: string) {
  const detail = await findDetail(client, applicationId);
  return { requirements: requirementsOf(detail), positions: detail.positions };
}

/** Everything the applicant's pages show about one of their applications. */
export async function getApplicationForApplicant(viewer: Viewer, applicationId: string, now = new Date()) {
  await requireOwnApplication(viewer, applicationId);
  const detail = await findDetail(db(), applicationId);
  const requirements = requirementsOf(detail);
  const window = { opensOn: isoDate(detail.cohort.applicationOpensOn), deadline: isoDate(detail.cohort.applicationDeadline) };
  return {
    ...detail,
    birthDate: detail.birthDate ? isoDate(detail.birthDate) : null,
    positions: detail.positions.map((position) => ({
      ...position,
      startDate: position.startDate ? isoDate(position.startDate) : null,
      endDate: position.endDate ? isoDate(position.endDate) : null,
    })),
    draftInput: (detail.draftInput as Record<string, string> | null) ?? {},
    window: { ...window, state: applicationWindowState(window, now) },
    missing: missingApplicationItems(requirements),
    // As submission will compute it: as of the deadline, from the positions as they stand.
    categoryPreview: detail.status === "DRAFT" ? previewPriorityCategory(requirements, window.deadline) : null,
    totalCredits: detail.educations.reduce((sum, education) => sum + (education.credits ?? 0), 0),
    decision: detail.decision
      ? {
          ...detail.decision,
          answerDeadline: detail.decision.answerDeadline ? isoDate(detail.decision.answerDeadline) : null,
          reference: formatCaseReference({ year: detail.decision.caseYear, number: detail.decision.caseNumber }),
          letters: (() => {
            const replaced = replacedLetters(detail.decision.letters);
            return detail.decision.letters.map((letter) => {
              const by = replaced.get(letter.id);
              return {
                ...letter,
                madeAvailableOn: isoDate(letter.madeAvailableOn),
                klageDeadline: letter.klageDeadline ? isoDate(letter.klageDeadline) : null,
                answerDeadline: letter.answerDeadline ? isoDate(letter.answerDeadline) : null,
                /** The later letter that replaced this one (it no longer stands), or null. */
                replacedBy: by ? { id: by.id, subject: by.subject, madeAvailableOn: isoDate(by.madeAvailableOn) } : null,
              };
            });
          })(),
        }
      : null,
    documentationRequests: detail.documentationRequests.map((request) => ({ ...request, dueDate: isoDate(request.dueDate) })),
    uploadWindow: documentUploadWindow(
      {
        status: detail.status,
        applicationDeadline: window.deadline,
        openRequestDueDates: detail.documentationRequests.map((request) => isoDate(request.dueDate)),
      },
      now,
    ),
    klage: klageOpportunity(detail, now),
  };
}

/** Whether the applicant may file a klage now, on which letter, and until when. */
function klageOpportunity(detail: Detail, now: Date): { letterId: string; deadline: string } | null {
  const decision = detail.decision;
  if (!decision || (decision.outcome !== "REFUSAL" && decision.outcome !== "WAITLIST")) return null;
  // A withdrawn application has no decision left to appeal (fileAppeal refuses it too).
  if (detail.status === "WITHDRAWN") return null;
  if (detail.appeals.some((appeal) => appeal.status === "RECEIVED")) return null;
  const letter = decision.letters.find((candidate) => APPEALABLE_LETTER_KINDS[decision.outcome].includes(candidate.kind) && candidate.klageDeadline);
  if (!letter?.klageDeadline) return null;
  const deadline = isoDate(letter.klageDeadline);
  if (!isKlageInTime(isoDate(letter.madeAvailableOn), osloDate(now))) return null;
  if (detail.appeals.some((appeal) => appeal.letterId === letter.id)) return null;
  return { letterId: letter.id, deadline };
}

export type ApplicantApplication = Awaited<ReturnType<typeof getApplicationForApplicant>>;

/** What the viewer's own draft still lacks, with its positions' ids in order (after a save). */
export async function getDraftGaps(viewer: Viewer, applicationId: string) {
  await requireOwnApplication(viewer, applicationId);
  const detail = await findDetail(db(), applicationId);
  return { missing: missingApplicationItems(requirementsOf(detail)), positionIds: detail.positions.map((position) => position.id) };
}
