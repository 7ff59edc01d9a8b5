// Reads a generated PDF back as text with pdf.js (Mozilla's reader), not with pdf-lib, which wrote
// it: what a reader's viewer extracts, line by line (items grouped by their baseline, top to bottom,
// left to right), so a test compares what the reader gets with what was typed.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  /** Each page's lines, in reading order. */
  pages: string[][];
  /** Every line of every page. */
  lines: string[];
  /** All the text with each run of white space as one space (a wrapped paragraph reads as typed). */
  flat: string;
  title: string | undefined;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const y = Math.round(item.transform[5] as number);
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4] as number, text: item.str });
      rows.set(y, row);
    }
    pages.push(
      [...rows.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, row]) => row.sort((a, b) => a.x - b.x).map((cell) => cell.text).join(""))
        .filter((line) => line.trim() !== ""),
    );
  }
  const metadata = await document.getMetadata();
  await document.destroy();
  const lines = pages.flat();
  return { pages, lines, flat: lines.join(" ").replace(/\s+/g, " ").trim(), title: (metadata.info as { Title?: string }).Title };
}

/** The text as the PDF should read it: runs of white space as one space. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
