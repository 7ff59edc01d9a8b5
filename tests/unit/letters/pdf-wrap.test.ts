// A letter's lines are broken greedily by the width the PDF draws (issue 21 made the measuring
// cheaper: words are measured once and a line exactly only near the margin). Whatever the words,
// every line fits, no word is lost or moved, and no line could have taken the next line's first word.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import fc from "fast-check";
import { PDFDocument, type PDFFont } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { wrapLines } from "@/lib/server/letters/pdf";

const WIDTH = 595.28 - 2 * 70;
let font: PDFFont;

beforeAll(async () => {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  font = await pdf.embedFont(readFileSync(path.join(process.cwd(), "lib/server/letters/fonts/DejaVuSans.ttf")), { subset: true });
});

// Words with kerning pairs (AV, To, Tv, WA, «…»), Sámi letters, digits and long compounds.
const WORDS = ["AV", "To", "Tv", "WAVE", "Yo", "LT", "«Takk", "ja»", "Áile", "Ŋuolláš", "Čoavji-Đoallu", "§", "29", "første", "ledd,", "jf.", "barnevernledelse", "kommunalsjef", "a", "i", "Forvaltningsloven", "videreutdanningsprogrammet"];

describe("wrapLines", () => {
  it("breaks greedily by the drawn width, keeping every word in order", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(9, 10.5, 12, 14), (paragraphs, size) => {
        const text = paragraphs.map((words) => words.join(" ")).join("\n");
        const lines = wrapLines(text, font, size, WIDTH);
        expect(lines.join(" ").split(" ")).toEqual(paragraphs.flat());
        let start = 0;
        for (const words of paragraphs) {
          let taken = 0;
          let index = start;
          while (taken < words.length) {
            const line = lines[index]!;
            const count = line.split(" ").length;
            if (count > 1) expect(font.widthOfTextAtSize(line, size)).toBeLessThanOrEqual(WIDTH);
            taken += count;
            const next = words[taken];
            if (next !== undefined) expect(font.widthOfTextAtSize(`${line} ${next}`, size)).toBeGreaterThan(WIDTH);
            index += 1;
          }
          start = index;
        }
        expect(start).toBe(lines.length);
      }),
      { numRuns: 200 },
    );
  });
});
