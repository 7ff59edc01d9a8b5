import "server-only";
// Every letter as a PDF for the archive and for printing: an admission decision letter
// (app/api/vedtak/[id]) and a letter to a student (app/api/student/brev/[id]) alike, rendered from
// the stored letter text (lib/domain/letter.ts lays it out) with pdf-lib. A4, 2.5 cm margins,
// headings in bold, page numbers. Deterministic for the same letter.
//
// The text is drawn exactly as typed: names and free text may hold Sámi and other letters outside
// Latin-1 (á, č, đ, ŋ, š, ŧ, ž), which pdf-lib's standard Helvetica (WinAnsi) cannot draw. So the
// letter embeds DejaVu Sans (fonts/, Bitstream Vera licence beside it: fonts/LICENSE) through
// @pdf-lib/fontkit, as a subset (only the glyphs the letter uses). Only layout characters are
// changed: CR LF and CR become line breaks, tabs and other control characters a space.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import { formatDateNb } from "@/lib/domain/format";
import { isLetterHeading } from "@/lib/domain/letter";
import { attachmentDisposition } from "@/lib/http/content-disposition";

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

type FontkitFont = ReturnType<typeof fontkit.create>;

/** What every letter shares about one font file: the parsed font, and what was learnt from laying text out. */
interface SharedFont {
  /** Parsed once; never used directly, only through each letter's own view (`fontForOneLetter`). */
  parsed: FontkitFont;
  /** For each string laid out: whether its glyphs are simply the font's glyphs for its characters. */
  plainLayouts: Map<string, boolean>;
  /** Each glyph's outline record (`glyf`), by glyph id. */
  outlines: Map<number, unknown>;
  /** The glyph id of each character (the font's `cmap`). */
  glyphIds: Map<number, number>;
}

/**
 * fontkit, parsing each font file once per process instead of once per letter (issue 21: parsing
 * DejaVu Sans twice took most of a letter's time). Each document gets a view of the parsed font of
 * its own (`fontForOneLetter`), as if the font were parsed for it alone: see there.
 */
const sharedFonts = new WeakMap<Uint8Array, SharedFont>();
const fontkitOncePerFile: typeof fontkit = {
  create(data, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let shared = sharedFonts.get(data);
    if (!shared) {
      shared = { parsed: fontkit.create(data), plainLayouts: new Map(), outlines: new Map(), glyphIds: new Map() };
      sharedFonts.set(data, shared);
    }
    return fontForOneLetter(shared);
  },
};

/** How many laid-out strings a font remembers (a few MB at most); when full it starts again empty. */
const LAYOUTS_KEPT = 20_000;
/**
 * Longer strings are not remembered, so the memo stays a few MB whatever is typed (a pasted link
 * or code without spaces is one long word): a line of a letter is under a hundred characters.
 */
const LONGEST_KEPT = 200;
const MAY_DEPEND_ON_EARLIER_LETTERS = /\p{Default_Ignorable_Code_Point}/u;

/**
 * One letter's view of a parsed font: the font's tables are shared, its glyph objects are the
 * letter's own. A glyph object keeps the characters it was first made for, and the PDF's ToUnicode
 * map (how the letter's text is copied, searched and read aloud) is written from them: shared glyph
 * objects made the map depend on the letters rendered before in the same process (a letter to
 * "Áile" made the glyph "A" as a part of "Á", without characters, and every later letter lost its
 * "A" when copied). With its own glyph objects each letter is the PDF of a font parsed for it alone.
 *
 * Three things are remembered for all letters, giving the same glyphs (tests/unit/letters/pdf-cache.test.ts):
 * - the layout of each string (issue 21: shaping the same words and lines again for every letter,
 *   to measure and to draw them, was four fifths of a letter's time). pdf-lib reads only the glyphs
 *   of a layout. When a string's glyphs are the font's glyphs for its characters one by one (no
 *   substitution: most words; DejaVu Sans joins "fi" and "fl" into one glyph), fontkit's layout makes
 *   no other glyph objects than those, in that order; so those are made in the same order and
 *   the shaping is skipped. Any other string is laid out afresh every time;
 * - the glyph id of each character (fontkit looks it up in the font's `cmap` table every time);
 * - each glyph's outline record, which the subset reads to find a composite glyph's parts (a tenth of
 *   a letter's time); it depends on the glyph id alone, and fontkit changes it only for variable
 *   fonts, which DejaVu Sans is not.
 */
function fontForOneLetter(shared: SharedFont): FontkitFont {
  const font = Object.create(shared.parsed) as FontkitFont & { _glyphs: Record<number, unknown> };
  font._glyphs = {};
  const layout = font.layout.bind(font);
  font.layout = (text, ...rest) => {
    if (typeof text !== "string" || rest.some((argument) => argument !== undefined)) return layout(text, ...rest);
    const plain = shared.plainLayouts.get(text);
    if (plain === true) return { glyphs: font.glyphsForString(text) } as ReturnType<typeof layout>;
    const run = layout(text);
    if (plain === undefined && text.length <= LONGEST_KEPT) {
      if (shared.plainLayouts.size >= LAYOUTS_KEPT) shared.plainLayouts.clear();
      const characters = font.glyphsForString(text);
      shared.plainLayouts.set(
        text,
        // Never "plain" when fontkit's answer can depend on the letter laid out before: it hides a
        // default-ignorable character by the character its glyph object was first made for, and
        // every character the font lacks shares glyph 0 (.notdef), so "x\u180E" was hidden in one
        // letter and drawn as a box in the next (found in review). Such strings are shaped afresh.
        !MAY_DEPEND_ON_EARLIER_LETTERS.test(text) &&
          characters.every((glyph) => glyph.id !== 0) &&
          run.glyphs.length === characters.length &&
          run.glyphs.every((glyph, index) => glyph === characters[index]),
      );
    }
    return run;
  };
  const getGlyph = font.getGlyph.bind(font);
  // As fontkit's own glyphForCodePoint, with the lookup remembered.
  const cmap = (font as unknown as { _cmapProcessor: { lookup(codePoint: number): number } })._cmapProcessor;
  font.glyphForCodePoint = (codePoint) => {
    let id = shared.glyphIds.get(codePoint);
    if (id === undefined) {
      id = cmap.lookup(codePoint);
      shared.glyphIds.set(codePoint, id);
    }
    return font.getGlyph(id, [codePoint]);
  };
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints) as (ReturnType<typeof getGlyph> & { _decode?: () => unknown }) | null;
    if (glyph && typeof glyph._decode === "function" && !Object.hasOwn(glyph, "_decode")) {
      const decode = glyph._decode.bind(glyph);
      const glyphId = glyph.id;
      glyph._decode = () => {
        if (!shared.outlines.has(glyphId)) shared.outlines.set(glyphId, decode());
        return shared.outlines.get(glyphId);
      };
    }
    return glyph as ReturnType<typeof getGlyph>;
  };
  return font;
}

/** Line breaks as "\n"; tabs and other control characters (never drawable) as a space. */
export function normaliseLetterText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, " ")
    .normalize("NFC");
}

/**
 * Breaks text into lines no wider than `width`, greedily. A line's width is first estimated as the
 * sum of its words' and spaces' widths (each word measured once: measuring the whole candidate
 * line again for every word was three quarters of a letter's time, issue 21), and measured exactly
 * only when the estimate is within two points of the limit, where kerning could tip it: the same
 * lines as measuring every candidate exactly (tests/unit/letters/pdf-wrap.test.ts).
 */
export function wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const widths = new Map<string, number>();
  const widthOf = (word: string) => {
    let measured = widths.get(word);
    if (measured === undefined) {
      measured = font.widthOfTextAtSize(word, size);
      widths.set(word, measured);
    }
    return measured;
  };
  const space = font.widthOfTextAtSize(" ", size);
  const NEAR = 2;
  for (const paragraph of text.split("\n")) {
    let line = "";
    let estimate = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      const candidateEstimate = line ? estimate + space + widthOf(word) : widthOf(word);
      const fits =
        candidateEstimate <= width - NEAR ? true : candidateEstimate > width + NEAR ? false : font.widthOfTextAtSize(candidate, size) <= width;
      if (fits) {
        estimate = candidateEstimate;
        line = candidate;
      } else {
        if (line) lines.push(line);
        line = word;
        estimate = widthOf(word);
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
  /** Beside the date in the letterhead: "Saksnummer: 2027/00042". */
  reference: string;
  /** Who sends it, in the letterhead: the programme the letter is about. */
  programmeName: string;
}

export async function renderLetterPdf(letter: LetterForPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkitOncePerFile);
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
  // The subject heads the letter; the body's title line ("Vedtak om opptak (enkeltvedtak)") follows
  // it, so the PDF says what kind of letter it is, as the text does (forvaltningsloven § 27).
  const title = blocks[0]?.trim() ?? "";
  const showTitle = title !== "" && title !== normaliseLetterText(letter.subject).trim();
  draw(letter.subject, bold, 14, showTitle ? 2 : 10);
  if (showTitle) draw(title, regular, 11, 10);
  for (const [index, block] of blocks.entries()) {
    if (index === 0) continue; // the title line, drawn under the subject above
    if (isLetterHeading(block)) draw(block, bold, 12, 4);
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
