// The letter renderer as it was before its caches (issue 21), frozen as the reference the renderer
// must match byte for byte (pdf-cache.test.ts): fontkit parses the fonts for each letter and lays
// every string out afresh. Letters are legal documents; a faster renderer may not change one byte.
// Do not "fix" this copy: it is the yardstick.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import { formatDateNb } from "@/lib/domain/format";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 70;
const SIZE = 10.5;
const LEADING = 14.5;

const FONT_DIR = path.join(process.cwd(), "lib", "server", "letters", "fonts");
let fontBytes: { regular: Uint8Array; bold: Uint8Array } | null = null;

/** The embedded font's files, read once per process. */
function fonts() {
  fontBytes ??= {
    regular: readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  };
  return fontBytes;
}

/** Line breaks as "\n"; tabs and other control characters (never drawable) as a space. */
function normaliseLetterText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, " ")
    .normalize("NFC");
}

/** Breaks text into lines no wider than `width`, greedily, measuring every candidate line exactly. */
function wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

interface LetterForPdf {
  subject: string;
  body: string;
  madeAvailableOn: string;
  /** Beside the date in the letterhead: "Saksnummer: 2027/00042". */
  reference: string;
  /** Who sends it, in the letterhead: the programme the letter is about. */
  programmeName: string;
}

/** A heading is a block of one short line without a full stop ("Regler vi har brukt"). */
function isHeading(block: string): boolean {
  return !block.includes("\n") && block.length <= 60 && !/[.:?!]$/.test(block);
}

export async function referenceLetterPdf(letter: LetterForPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(normaliseLetterText(letter.subject));
  pdf.setAuthor(`NTNU, ${normaliseLetterText(letter.programmeName)}`);
  pdf.setLanguage("nb-NO");
  pdf.setCreationDate(new Date(`${letter.madeAvailableOn}T12:00:00Z`));
  pdf.setModificationDate(new Date(`${letter.madeAvailableOn}T12:00:00Z`));
  const regular = await pdf.embedFont(fonts().regular, { subset: true });
  const bold = await pdf.embedFont(fonts().bold, { subset: true });
  const width = A4.width - 2 * MARGIN;

  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newPage = () => {
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const draw = (text: string, font: PDFFont, size: number, gapAfter: number) => {
    for (const line of wrapLines(normaliseLetterText(text), font, size, width)) {
      if (y < MARGIN + LEADING) newPage();
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size === SIZE ? LEADING : size * 1.35;
    }
    y -= gapAfter;
  };

  const blocks = normaliseLetterText(letter.body).split(/\n{2,}/);
  // A letter composed with its letterhead section (lib/domain/letter.ts letterheadSection) names
  // the case and the date in its text: the PDF's header does not repeat them. An older letter
  // without it gets them in the header.
  const namesCase = blocks.some((block) => block.startsWith("Saksnummer: "));
  draw(`NTNU – ${letter.programmeName}`, bold, 9, namesCase ? 18 : 2);
  if (!namesCase) draw(`Dato: ${formatDateNb(letter.madeAvailableOn)}    ${letter.reference}`, regular, 9, 18);
  const title = blocks[0]?.trim() ?? "";
  const showTitle = title !== "" && title !== normaliseLetterText(letter.subject).trim();
  draw(letter.subject, bold, 14, showTitle ? 2 : 10);
  if (showTitle) draw(title, regular, 11, 10);
  for (const [index, block] of blocks.entries()) {
    if (index === 0) continue; // the title line, drawn under the subject above
    if (isHeading(block)) draw(block, bold, 12, 4);
    else draw(block, regular, SIZE, 8);
  }

  const pages = pdf.getPages();
  pages.forEach((current, index) => {
    current.drawText(`Side ${index + 1} av ${pages.length}`, { x: A4.width - MARGIN - 60, y: MARGIN / 2, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return pdf.save({ useObjectStreams: false });
}

