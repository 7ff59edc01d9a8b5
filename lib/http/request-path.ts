// An address Next.js cannot decode. A path segment with broken percent-encoding (`%E0%A4%A`, a
// lone `%`) makes Next's router throw while it decodes the dynamic segments, before any page or
// route handler runs, which ends in a 500. proxy.ts asks this first and answers 400 in Norwegian.
// (A well-formed `%00` decodes to a NUL byte; that is left to the id and token checks, which
// answer "not found".)

/** True when a segment of the (still encoded) path cannot be percent-decoded. */
export function hasMalformedEncoding(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

export const MALFORMED_ADDRESS_MESSAGE =
  "Adressen er ugyldig: den inneholder tegn som ikke kan leses. Sjekk lenken, eller gå til forsiden og finn siden derfra.";

/** A small page in Norwegian for a browser (no scripts or styles, so the CSP needs no nonce). */
export function malformedAddressPage(): string {
  return [
    "<!doctype html>",
    '<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Ugyldig adresse – Barnevernledelse</title></head>",
    "<body><main><h1>Ugyldig adresse</h1>",
    `<p>${MALFORMED_ADDRESS_MESSAGE}</p>`,
    '<p><a href="/">Til forsiden</a></p></main></body></html>',
  ].join("\n");
}
