import "server-only";
// Every letter as a PDF for the archive and for printing: an admission decision letter
// (app/api/vedtak/[id]) and a letter to a student (app/api/student/brev/[id]) alike, rendered from
// the stored letter text (lib/domain/letter.ts lays it out) with pdf-lib and its standard
// Helvetica (WinAnsi covers æ, ø, å and §). A4, 2.5 cm margins, headings in bold, page numbers.
// Deterministic for the same letter.
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { formatDateNb } from "@/lib/domain/format";
import { attachmentDisposition } from "@/lib/http/content-disposition";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 70;
const SIZE = 10.5;
const LEADING = 14.5;

/** Characters Helvetica's WinAnsi encoding cannot draw become their nearest plain form. */
function printable(text: string): string {
  return text
    .replace(/[\u2010-\u2013]/g, "-")
    .replace(/\u2014/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, "...")
    .replace(/[\u00A0\u202F]/g, " ")
    .replace(/[^\x20-\x7E\u00A0-\u00FF§«»–]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
      } else {
        if (line) lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface LetterForPdf {
  subject: string;
  body: string;
  madeAvailableOn: string;
  /** Beside the date in the letterhead: "Brev nr. 2", "Referanse: …". */
  reference: string;
}

/** A heading is a block of one short line without a full stop ("Regler vi har brukt"). */
function isHeading(block: string): boolean {
  return !block.includes("\n") && block.length <= 60 && !/[.:?!]$/.test(block);
}

export async function renderLetterPdf(letter: LetterForPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(letter.subject));
  pdf.setAuthor("NTNU, Nasjonal videreutdanning i barnevernledelse");
  pdf.setLanguage("nb-NO");
  pdf.setCreationDate(new Date(`${letter.madeAvailableOn}T12:00:00Z`));
  pdf.setModificationDate(new Date(`${letter.madeAvailableOn}T12:00:00Z`));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;

  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newPage = () => {
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const draw = (text: string, font: PDFFont, size: number, gapAfter: number) => {
    for (const line of wrap(printable(text), font, size, width)) {
      if (y < MARGIN + LEADING) newPage();
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size === SIZE ? LEADING : size * 1.35;
    }
    y -= gapAfter;
  };

  draw("NTNU - Nasjonal videreutdanning i barnevernledelse", bold, 9, 2);
  draw(`Dato: ${formatDateNb(letter.madeAvailableOn)}    ${letter.reference}`, regular, 9, 18);
  draw(letter.subject, bold, 14, 10);
  const blocks = letter.body.split(/\n{2,}/);
  for (const [index, block] of blocks.entries()) {
    if (index === 0) continue; // the title line, drawn as the subject above
    if (isHeading(block)) draw(block, bold, 12, 4);
    else draw(block, regular, SIZE, 8);
  }

  const pages = pdf.getPages();
  pages.forEach((current, index) => {
    current.drawText(`Side ${index + 1} av ${pages.length}`, { x: A4.width - MARGIN - 60, y: MARGIN / 2, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return pdf.save({ useObjectStreams: false });
}

/** Headers for a letter's route: never cached, never sniffed; an empty 404 answers anything else. */
export const LETTER_NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

/** The letter as a PDF download named `filename`. */
export async function letterPdfResponse(letter: LetterForPdf, filename: string): Promise<Response> {
  const bytes = await renderLetterPdf(letter);
  return new Response(Buffer.from(bytes), {
    headers: {
      ...LETTER_NO_STORE,
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(filename),
    },
  });
}
