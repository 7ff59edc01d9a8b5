import "server-only";
// An uploaded PDF for the exam (a sitting's task description, a deferral's documentation): checked
// like every upload (lib/domain/upload.ts), counted against the viewer's hourly upload limit, and
// stored before the transaction that records it; `withStoredPdf` removes the stored bytes again
// when that transaction fails, so no file is left without its row.
import { createHash } from "node:crypto";
import { uploadProblem } from "@/lib/domain/upload";
import { DomainError } from "@/lib/server/errors";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import type { Viewer } from "@/lib/server/viewer";
import { storage } from "@/lib/storage";

export interface StoredPdf {
  originalName: string;
  size: number;
  sha256: string;
  storageKey: string;
  contentType: "application/pdf";
}

/** Refuses a file by name and size before its bytes are read (field `file`). */
export function checkPdfEarly(file: File): void {
  const early = uploadProblem({ name: file.name, size: file.size, head: new TextEncoder().encode("%PDF-") });
  if (early) throw new DomainError(early, { file: [early] });
}

export async function withStoredPdf<T>(viewer: Viewer, file: File, work: (pdf: StoredPdf) => Promise<T>): Promise<T> {
  checkPdfEarly(file);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = uploadProblem({ name: file.name, size: bytes.byteLength, head: bytes.subarray(0, 8) });
  if (problem) throw new DomainError(problem, { file: [problem] });
  await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
  const storageKey = await storage().put(bytes);
  try {
    return await work({
      originalName: file.name.normalize("NFC"),
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      contentType: "application/pdf",
    });
  } catch (error) {
    await storage().delete(storageKey);
    throw error;
  }
}
