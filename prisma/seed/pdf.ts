// Builds small, valid one-page PDF documents for the demo data and the tests (a "vitnemål" or a
// "tjenestebevis" with a few lines of text), so uploads and downloads deal with real PDFs.

/** Lines of text → PDF bytes (Helvetica, A4). Norwegian letters are encoded in WinAnsi. */
export function makePdf(title: string, lines: readonly string[] = []): Uint8Array {
  const text = [title, "", ...lines]
    .map((line, index) => `BT /F1 ${index === 0 ? 16 : 11} Tf 56 ${780 - index * 18} Td (${escape(line)}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

function escape(line: string): string {
  // Characters outside Latin-1 have no WinAnsi code here; show them as "?" rather than garble.
  const latin1 = [...line].map((char) => (char.charCodeAt(0) <= 0xff ? char : "?")).join("");
  return latin1.replace(/[\\()]/g, (char) => `\\${char}`);
}
