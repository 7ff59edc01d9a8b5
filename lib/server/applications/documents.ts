import "server-only";
// Vitnemål and tjenestebevis: upload (checked by lib/domain/upload.ts), and delete or replace
// while the application is a draft. Downloads: lib/server/documents/access.ts.
import { createHash } from "node:crypto";
import { applicationCapacityProblem, uploadProblem } from "@/lib/domain/upload";
import { canEditApplication } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import type { Database, Transaction } from "@/lib/db/client";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { storage } from "@/lib/storage";
import { lockOwnDraft, lockOwnForDocuments, requireOwnApplication } from "./ownership";

export interface UploadInput {
  kind: "VITNEMAL" | "TJENESTEBEVIS" | "OTHER";
  positionId: string | null;
  /** A document of this application to replace (only before the application is sent). */
  replaces: string | null;
  file: File;
}

const DOCUMENT_SUMMARY = { id: true, kind: true, originalName: true, size: true, uploadedAt: true, positionId: true } as const;

export { MAX_APPLICATION_BYTES, MAX_DOCUMENTS_PER_APPLICATION } from "@/lib/domain/upload";

/** What the application's documents hold now, leaving out the one an upload replaces. */
async function storedTotals(client: Database | Transaction, applicationId: string, replaces: string | null) {
  const totals = await client.document.aggregate({
    where: { applicationId, ...(replaces ? { id: { not: replaces } } : {}) },
    _count: { _all: true },
    _sum: { size: true },
  });
  return { documents: totals._count._all, bytes: totals._sum.size ?? 0 };
}

export async function uploadApplicationDocument(viewer: Viewer, applicationId: string, input: UploadInput) {
  const { file } = input;
  // Refuse by name and size before reading the bytes into memory.
  const early = uploadProblem({ name: file.name, size: file.size, head: new TextEncoder().encode("%PDF-") });
  if (early) throw new DomainError(early, { file: [early] });
  // Fail fast for someone else's application, or a full one, before anything is stored (both
  // checked again below, under the application's lock).
  await requireOwnApplication(viewer, applicationId);
  const full = applicationCapacityProblem(await storedTotals(db(), applicationId, input.replaces), file.size);
  if (full) throw new DomainError(full, { file: [full] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = uploadProblem({ name: file.name, size: bytes.byteLength, head: bytes.subarray(0, 8) });
  if (problem) throw new DomainError(problem, { file: [problem] });

  const storageKey = await storage().put(bytes);
  try {
    const { document, replacedKey } = await db().$transaction(async (tx) => {
      const application = await lockOwnForDocuments(tx, viewer, applicationId);
      const capacity = applicationCapacityProblem(await storedTotals(tx, applicationId, input.replaces), bytes.byteLength);
      if (capacity) throw new DomainError(capacity, { file: [capacity] });
      if (input.kind === "TJENESTEBEVIS") {
        if (!input.positionId) throw new DomainError("Velg hvilken stilling tjenestebeviset gjelder.", { positionId: ["Velg stilling."] });
        const position = await tx.position.findFirst({ where: { id: input.positionId, applicationId }, select: { id: true } });
        if (!position) throw new NotFoundError("Fant ikke stillingen.");
      }
      let replaced: { id: string; storageKey: string; originalName: string } | null = null;
      if (input.replaces) {
        if (!canEditApplication(viewer, application)) {
          throw new DomainError("Etter at søknaden er sendt, kan du legge til dokumenter, men ikke bytte ut dem du har sendt.");
        }
        replaced = await tx.document.findFirst({
          where: { id: input.replaces, applicationId },
          select: { id: true, storageKey: true, originalName: true },
        });
        if (!replaced) throw new NotFoundError("Fant ikke dokumentet som skal byttes ut.");
        await tx.document.delete({ where: { id: replaced.id } });
      }
      const created = await tx.document.create({
        data: {
          kind: input.kind,
          applicationId,
          positionId: input.kind === "TJENESTEBEVIS" ? input.positionId : null,
          originalName: file.name.normalize("NFC"),
          size: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          contentType: "application/pdf",
          uploadedById: viewer.id,
        },
        select: DOCUMENT_SUMMARY,
      });
      await audit(tx, {
        actorId: viewer.id,
        action: replaced ? "document.replace" : "document.upload",
        entityType: "Document",
        entityId: created.id,
        before: replaced ? { id: replaced.id, originalName: replaced.originalName } : undefined,
        after: { ...created, applicationId, applicationStatus: application.status },
      });
      return { document: created, replacedKey: replaced?.storageKey ?? null };
    });
    if (replacedKey) await storage().delete(replacedKey);
    return document;
  } catch (error) {
    await storage().delete(storageKey);
    throw error;
  }
}

/** Deleting is for drafts only: what was sent stays as the adviser received it. */
export async function deleteApplicationDocument(viewer: Viewer, applicationId: string, documentId: string): Promise<void> {
  const document = await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const found = await tx.document.findFirst({
      where: { id: documentId, applicationId: application.id },
      select: { id: true, storageKey: true, originalName: true, kind: true, positionId: true },
    });
    if (!found) throw new NotFoundError("Fant ikke dokumentet.");
    await tx.document.delete({ where: { id: found.id } });
    await audit(tx, { actorId: viewer.id, action: "document.delete", entityType: "Document", entityId: found.id, before: found });
    return found;
  });
  await storage().delete(document.storageKey);
}
