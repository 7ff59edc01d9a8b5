// How a stored document is offered for download: always as an attachment, always with a .pdf
// name (the bytes are a PDF, whatever the name said), and without characters that can disguise
// a name. Unicode bidi controls (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F,
// U+061C) can make "fakturaU+202Efdp.exe" display as "fakturaexe.pdf"; control characters can break
// the header or a file system. Both are stripped, in `filename` and in `filename*`.

const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const MAX_NAME_LENGTH = 150;

/** The name a download is offered under: cleaned, never empty, ending in ".pdf". */
export function downloadFileName(name: string): string {
  let clean = name
    .normalize("NFC")
    .replace(INVISIBLE_OR_CONTROL, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!/\.pdf$/i.test(clean)) clean = `${clean.replace(/\.+$/, "")}.pdf`;
  if (clean === ".pdf" || clean === "") clean = "dokument.pdf";
  if ([...clean].length > MAX_NAME_LENGTH) clean = `${[...clean].slice(0, MAX_NAME_LENGTH - 4).join("").trimEnd()}.pdf`;
  return clean;
}

/**
 * An ASCII fallback name and the real one in RFC 5987 form (æøå survive). Staff may ask to view a
 * file in the browser (`inline`); everything else is an attachment.
 */
export function attachmentDisposition(name: string, disposition: "attachment" | "inline" = "attachment"): string {
  const clean = downloadFileName(name);
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
