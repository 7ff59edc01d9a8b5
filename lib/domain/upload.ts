/**
 * What an uploaded document must be: a PDF (decided by its first bytes, "%PDF-", never by its
 * name or the type the browser claims), not empty, at most 10 MB, with a plain file name. The
 * name is kept only as data (the stored file gets a generated name), but a name that looks like
 * a path is refused rather than silently changed, so the applicant knows what was uploaded.
 */

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Most documents one application may hold: enough for any real case, a cap on disk use. */
export const MAX_DOCUMENTS_PER_APPLICATION = 40;
/** Most bytes one application's documents may take together (a vitnemål and a handful of tjenestebevis need far less). */
export const MAX_APPLICATION_BYTES = 100 * 1024 * 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const MAX_NAME_LENGTH = 200;

export interface UploadCandidate {
  name: string;
  size: number;
  /** The first bytes of the file (at least five, when it has them). */
  head: Uint8Array;
}

/** A Norwegian message saying why the file is refused, or null when it is accepted. */
export function uploadProblem(file: UploadCandidate): string | null {
  const name = file.name.normalize("NFC");
  if (name.trim() === "") return "Filen mangler navn. Gi den et navn og prøv igjen.";
  if (name.length > MAX_NAME_LENGTH) return `Filnavnet er for langt (høyst ${MAX_NAME_LENGTH} tegn). Gi filen et kortere navn.`;
  if (/[/\\\u0000-\u001f\u007f-\u009f]/.test(name) || name.split(/[/\\]/).includes("..") || name.includes("..")) {
    return "Filnavnet kan ikke inneholde skråstreker, «..» eller kontrolltegn. Gi filen et vanlig navn og prøv igjen.";
  }
  // Bidi controls make a name display differently from what it is ("…U+202Efdp.exe" shows as "…exe.pdf").
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) {
    return "Filnavnet inneholder usynlige tegn som endrer skriveretningen. Gi filen et vanlig navn og prøv igjen.";
  }
  if (file.size === 0) return `«${name}» er tom (0 byte). Velg filen på nytt.`;
  if (file.size > MAX_UPLOAD_BYTES) {
    return `«${name}» er ${formatMegabytes(file.size)}. Filen kan være høyst 10 MB; komprimer den eller skann med lavere oppløsning.`;
  }
  const isPdf = file.head.length >= PDF_MAGIC.length && PDF_MAGIC.every((byte, index) => file.head[index] === byte);
  if (!isPdf) return `«${name}» er ikke en PDF-fil. Last opp dokumentet som PDF.`;
  return null;
}

/**
 * Whether one more file of `size` bytes fits the application's totals; a Norwegian message if
 * not. `stored`: what the application holds now (without a document the upload replaces).
 */
export function applicationCapacityProblem(stored: { documents: number; bytes: number }, size: number): string | null {
  if (stored.documents >= MAX_DOCUMENTS_PER_APPLICATION) {
    return `Søknaden har allerede ${MAX_DOCUMENTS_PER_APPLICATION} dokumenter. Slett noen før du laster opp flere.`;
  }
  if (stored.bytes + size > MAX_APPLICATION_BYTES) {
    return `Dokumentene i søknaden kan til sammen være høyst ${formatMegabytes(MAX_APPLICATION_BYTES)}, og det er ${formatMegabytes(
      Math.max(0, MAX_APPLICATION_BYTES - stored.bytes),
    )} igjen. Komprimer filen, eller slett dokumenter du ikke trenger.`;
  }
  return null;
}

/** 11 534 336 bytes → "11 MB" (one decimal below 10). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  const rounded = megabytes < 10 ? Math.round(megabytes * 10) / 10 : Math.round(megabytes);
  return `${String(rounded).replace(".", ",")} MB`;
}

/**
 * A file's size as people read it: 600 → "600 byte", 48 213 → "47 kB", 1 572 864 → "1,5 MB".
 * Never "0 MB" for a small file that is there.
 */
export function formatFileSize(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`not a file size: ${bytes}`);
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) {
    const kilobytes = bytes / 1024;
    const rounded = kilobytes < 10 ? Math.round(kilobytes * 10) / 10 : Math.round(kilobytes);
    // 1023.6 kB rounds to 1024: say 1 MB instead.
    if (rounded >= 1024) return formatMegabytes(bytes);
    return `${String(rounded).replace(".", ",")} kB`;
  }
  return formatMegabytes(bytes);
}
