import "server-only";
// Starting an application and saving its draft, step by step. Each save stores the valid fields
// and keeps the invalid ones as typed (see lib/validation/application.ts).
import { isApplicationOpen } from "@/lib/domain/application-deadline";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import {
  crossFieldErrors,
  educationFields,
  employerFields,
  parseLeniently,
  personalFields,
  positionFields,
} from "@/lib/validation/application";
import { dropDraftInput, lockOwnDraft, mergeDraftInput } from "./ownership";
import { day } from "@/lib/dates";

export interface SaveResult {
  /** Messages for fields that were not saved (what was typed is kept). */
  errors: Record<string, string[]>;
}

/**
 * Opens a draft for a published cohort whose window is open, or returns the one the viewer
 * already has. A draft kull is "not found", exactly as one that does not exist (and the database
 * refuses an application to it too).
 */
export async function startApplication(viewer: Viewer, cohortId: string, now = new Date()): Promise<string> {
  if (!viewer.roles.includes("APPLICANT")) throw new DomainError("Bare søkere kan starte en søknad.");
  const cohort = await db().cohort.findFirst({
    where: { id: cohortId, publishedAt: { not: null } },
    select: { id: true, applicationOpensOn: true, applicationDeadline: true },
  });
  if (!cohort) throw new NotFoundError("Fant ikke kullet du vil søke på.");
  const existing = await db().application.findUnique({
    where: { applicantId_cohortId: { applicantId: viewer.id, cohortId } },
    select: { id: true },
  });
  if (existing) return existing.id;
  const window = { opensOn: isoDate(cohort.applicationOpensOn), deadline: isoDate(cohort.applicationDeadline) };
  if (!isApplicationOpen(window, now)) throw new DomainError("Opptaket til dette kullet er ikke åpent.");
  try {
    return await db().$transaction(async (tx) => {
      const application = await tx.application.create({
        data: { applicantId: viewer.id, cohortId, fullName: viewer.name },
        select: { id: true },
      });
      await audit(tx, { actorId: viewer.id, action: "application.start", entityType: "Application", entityId: application.id, after: { cohortId } });
      return application.id;
    });
  } catch (error) {
    // Two tabs starting at once: the unique (applicant, cohort) lets one win; return it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db().application.findUniqueOrThrow({
        where: { applicantId_cohortId: { applicantId: viewer.id, cohortId } },
        select: { id: true },
      });
      return winner.id;
    }
    throw error;
  }
}

export async function savePersonalDetails(
  viewer: Viewer,
  applicationId: string,
  input: Record<string, string | undefined>,
): Promise<SaveResult> {
  const { valid, errors, invalidInput } = parseLeniently(personalFields, input);
  await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    await tx.application.update({
      where: { id: application.id },
      data: {
        ...valid,
        birthDate: valid.birthDate === undefined ? undefined : valid.birthDate ? day(valid.birthDate) : null,
        draftInput: mergeDraftInput(application.draftInput, "", Object.keys(personalFields), invalidInput),
      },
    });
  });
  return { errors };
}

export async function saveEmployer(
  viewer: Viewer,
  applicationId: string,
  input: Record<string, string | undefined>,
): Promise<SaveResult> {
  const parsed = parseLeniently(employerFields, input);
  const { valid, errors, invalidInput } = moveToInvalid(parsed, crossFieldErrors("employer", parsed.valid), input);
  await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    await tx.application.update({
      where: { id: application.id },
      data: { ...valid, draftInput: mergeDraftInput(application.draftInput, "", Object.keys(employerFields), invalidInput) },
    });
  });
  return { errors };
}

export async function addEducation(viewer: Viewer, applicationId: string): Promise<string> {
  return db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const count = await tx.education.count({ where: { applicationId: application.id } });
    if (count >= 10) throw new DomainError("Du kan legge inn høyst ti utdanninger.");
    const education = await tx.education.create({ data: { applicationId: application.id, sortOrder: count }, select: { id: true } });
    return education.id;
  });
}

export async function saveEducation(
  viewer: Viewer,
  applicationId: string,
  educationId: string,
  input: Record<string, string | undefined>,
): Promise<SaveResult> {
  const { valid, errors, invalidInput } = parseLeniently(educationFields, input);
  await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const { count } = await tx.education.updateMany({ where: { id: educationId, applicationId: application.id }, data: valid });
    if (count === 0) throw new NotFoundError("Fant ikke utdanningen.");
    await tx.application.update({
      where: { id: application.id },
      data: { draftInput: mergeDraftInput(application.draftInput, `educations.${educationId}.`, Object.keys(educationFields), invalidInput) },
    });
  });
  return { errors };
}

export async function removeEducation(viewer: Viewer, applicationId: string, educationId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const { count } = await tx.education.deleteMany({ where: { id: educationId, applicationId: application.id } });
    if (count === 0) throw new NotFoundError("Fant ikke utdanningen.");
    await tx.application.update({
      where: { id: application.id },
      data: { draftInput: dropDraftInput(application.draftInput, `educations.${educationId}.`) },
    });
  });
}

export async function addPosition(viewer: Viewer, applicationId: string): Promise<string> {
  return db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const count = await tx.position.count({ where: { applicationId: application.id } });
    if (count >= 15) throw new DomainError("Du kan legge inn høyst 15 stillinger.");
    // Whether the new position has ended is not answered yet: "still employed" is never assumed.
    const position = await tx.position.create({
      data: { applicationId: application.id, sortOrder: count, endUnknown: true },
      select: { id: true },
    });
    return position.id;
  });
}

export async function savePosition(
  viewer: Viewer,
  applicationId: string,
  positionId: string,
  input: Record<string, string | undefined>,
): Promise<SaveResult> {
  // "Still employed" clears the end date, whatever was typed there. Neither ticked nor a date:
  // not answered yet, which is not an error in a draft but is missing at submission.
  const ongoing = input.ongoing === "on" || input.ongoing === "true";
  const fields = { ...input, endDate: ongoing ? "" : input.endDate };
  const endUnknown = !ongoing && !fields.endDate?.trim();
  const parsed = parseLeniently(positionFields, fields);
  const cross = crossFieldErrors("position", parsed.valid);
  const { valid, errors, invalidInput } = moveToInvalid(parsed, cross, fields);
  await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const { count } = await tx.position.updateMany({
      where: { id: positionId, applicationId: application.id },
      data: {
        ...valid,
        endUnknown,
        startDate: valid.startDate === undefined ? undefined : valid.startDate ? day(valid.startDate) : null,
        endDate: valid.endDate === undefined ? undefined : valid.endDate ? day(valid.endDate) : null,
      },
    });
    if (count === 0) throw new NotFoundError("Fant ikke stillingen.");
    await tx.application.update({
      where: { id: application.id },
      data: { draftInput: mergeDraftInput(application.draftInput, `positions.${positionId}.`, Object.keys(positionFields), invalidInput) },
    });
  });
  return { errors };
}

/** Removes a position with its tjenestebevis documents (files are deleted after the commit). */
export async function removePosition(viewer: Viewer, applicationId: string, positionId: string): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const documents = await tx.document.findMany({
      where: { positionId, applicationId: application.id },
      select: { id: true, storageKey: true, originalName: true },
    });
    await tx.document.deleteMany({ where: { id: { in: documents.map((d) => d.id) } } });
    const { count } = await tx.position.deleteMany({ where: { id: positionId, applicationId: application.id } });
    if (count === 0) throw new NotFoundError("Fant ikke stillingen.");
    await tx.application.update({
      where: { id: application.id },
      data: { draftInput: dropDraftInput(application.draftInput, `positions.${positionId}.`) },
    });
    for (const document of documents) {
      await audit(tx, {
        actorId: viewer.id,
        action: "document.delete",
        entityType: "Document",
        entityId: document.id,
        before: { originalName: document.originalName, positionId },
      });
    }
    return documents.map((d) => d.storageKey);
  });
}

/** Fields that passed alone but fail together are kept as typed, like any invalid field. */
function moveToInvalid<V extends Record<string, unknown>>(
  parsed: { valid: V; errors: Record<string, string[]>; invalidInput: Record<string, string> },
  cross: Record<string, string[]>,
  input: Record<string, string | undefined>,
) {
  const valid = { ...parsed.valid };
  const errors = { ...parsed.errors };
  const invalidInput = { ...parsed.invalidInput };
  for (const [name, messages] of Object.entries(cross)) {
    delete valid[name];
    errors[name] = [...(errors[name] ?? []), ...messages];
    invalidInput[name] = input[name] ?? "";
  }
  return { valid, errors, invalidInput };
}
