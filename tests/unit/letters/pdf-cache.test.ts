// The renderer remembers what is the same for every letter (the parsed fonts, the layout of each
// string; issue 21). Letters are legal documents: whatever the letter, the PDF must be the one the
// renderer without those caches makes, byte for byte (tests/unit/letters/reference-renderer.ts),
// also when letters share words and lines and when the same letter is rendered again.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { composeDecisionLetter, letterAsText, type LetterKind } from "@/lib/domain/decision-letter";
import { renderLetterPdf, type LetterForPdf } from "@/lib/server/letters/pdf";
import { referenceLetterPdf } from "./reference-renderer";

// Kerning pairs (AV, To, WA, «…»), Sámi and Norwegian letters, digits, punctuation, long compounds,
// and the ligatures «fi» and «fl» (shaped into one glyph, typed as such too: «ﬁ»).
const WORDS = ["AV", "To", "Tv", "WAVE", "Yo", "«Takk", "ja»", "Áile", "Ŋuolláš", "Čoavji-Đoallu", "Ŧuoddar", "Žaneta", "§", "29", "første", "ledd,", "jf.", "barnevernledelse", "kommunalsjef", "a", "i", "Forvaltningsloven", "videreutdanningsprogrammet", "ø", "æ", "å", "–", "“sitat”", "…", "2026/00042", "Vedtak", "kvalifiserte", "flere", "ﬁnne", "fi", "ﬂ"];
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((list) => list.join(" "));
const separator = fc.constantFrom(" ", " ", " ", "\t", "\r\n", "\n");
const paragraph = fc.array(fc.tuple(fc.constantFrom(...WORDS), separator), { minLength: 1, maxLength: 120 }).map((parts) => parts.map(([word, gap]) => word + gap).join("").trim() || "a");
const block = fc.oneof(words(1, 5), paragraph);
const letter: fc.Arbitrary<LetterForPdf> = fc.record({
  subject: words(1, 12),
  body: fc.tuple(words(1, 4), fc.array(block, { minLength: 1, maxLength: 40 })).map(([title, blocks]) => [title, ...blocks].join("\n\n")),
  madeAvailableOn: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  reference: fc.integer({ min: 1, max: 99_999 }).map((number) => `Saksnummer: 2026/${String(number).padStart(5, "0")}    Brev nr. 1`),
  programmeName: words(1, 6),
});

function decisionLetter(kind: LetterKind, name: string, index: number): LetterForPdf {
  const reference = `2026/${String(100 + index).padStart(5, "0")}`;
  const composed = composeDecisionLetter({
    kind,
    reference,
    applicantName: name,
    programmeName: "Videreutdanning i barnevernledelse",
    programmeCredits: 30,
    cohortName: "Kull H2026",
    madeAvailableOn: "2026-06-15",
    category: { value: 2, reasons: ["Du er leder i en kommunal barneverntjeneste med personalansvar."] },
    requirements: [{ label: "Bachelorgrad", met: true, facts: ["Bachelor i barnevern, NTNU, 180 studiepoeng"] }],
    qualificationGrounds: "Søkeren har lang erfaring som leder,\r\nog stillingen har fag- og personalansvar.",
    ranking: { rank: index + 1, waitlistPosition: kind === "WAITLIST" ? index + 1 : null, capacity: 40, qualifiedCount: 200, reasons: ["Lik kategori: loddtrekning."] },
    refusalReason: kind === "REFUSAL" ? "LIST_CLOSED" : undefined,
    answerDeadline: "2026-06-29",
    waitlistClosesOn: "2026-08-20",
    decidedBy: { name: "Máret Ŧuoddar", title: "Studieveileder" },
    contact: { name: "Vegard Veileder", email: "veileder@demo.no", phone: "73 00 00 00" },
    appealsBody: "Den sentrale klagenemnda ved NTNU",
  });
  return { subject: composed.subject, body: letterAsText(composed), madeAvailableOn: "2026-06-15", reference: `Saksnummer: ${reference}    Brev nr. 1`, programmeName: "Videreutdanning i barnevernledelse" };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** renderLetterPdf from a fresh copy of its module: caches empty, as in a server just started. */
async function freshRenderer() {
  vi.resetModules();
  return (await import("@/lib/server/letters/pdf")).renderLetterPdf;
}

describe("renderLetterPdf with its caches", () => {
  it("makes the reference renderer's PDF byte for byte, whatever the letter", async () => {
    await fc.assert(
      fc.asyncProperty(letter, async (input) => {
        expect(same(await renderLetterPdf(input), await referenceLetterPdf(input))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("keeps every character of a letter copyable whatever the letters before it ('A' after a letter with only 'Á')", async () => {
    // "Á" is drawn as "A" and an accent: the subset of the first letter takes the glyph "A" as a part,
    // without a character. Glyphs shared between letters then gave the next letter's "A" no
    // character in its ToUnicode map (copied, searched or read aloud, "AV" became "V").
    // In a renderer fresh from its module (empty caches): no letter before has made the glyph "A".
    const render = await freshRenderer();
    const first = { subject: "Áile", body: "Áile\n\nTil Áile Ŋuolláš", madeAvailableOn: "2026-06-15", reference: "Saksnummer: 2026/00001    Brev nr. 1", programmeName: "Áile" };
    const next = { subject: "AV", body: "AV\n\nAV", madeAvailableOn: "2020-01-01", reference: "Saksnummer: 2026/00001    Brev nr. 1", programmeName: "AV" };
    for (const input of [first, next]) expect(same(await render(input), await referenceLetterPdf(input))).toBe(true);
  });

  it("lays out a string with a character the font lacks or a default-ignorable one afresh in every letter", async () => {
    // Every character DejaVu Sans lacks shares glyph 0, and fontkit hides a default-ignorable
    // character (U+180E) by the character glyph 0 was first made for in the letter: after a letter
    // where that was "漢", a remembered layout drew "x\u180E" with a box instead of hiding it.
    const render = await freshRenderer();
    const base = { subject: "Brev", madeAvailableOn: "2026-06-15", reference: "Saksnummer: 2026/00001    Brev nr. 1", programmeName: "Brev" };
    const first = { ...base, body: "Brev\n\n漢 x\u180E" };
    const next = { ...base, body: "Brev\n\nx\u180E" };
    for (const input of [first, next, first]) expect(same(await render(input), await referenceLetterPdf(input))).toBe(true);
  });

  it("makes the same PDF for decision letters of every kind that share most of their lines, and again for the same letter", async () => {
    const names = ["Áile Ŋuolláš Čoavji-Đoallu", "Ola Nordmann", "Žaneta Šimonsen", "Ánde Ŧuoddar"];
    const letters = (["OFFER", "WAITLIST", "REFUSAL", "OFFER"] as const).map((kind, index) => decisionLetter(kind, names[index]!, index));
    for (const input of [...letters, letters[0]!]) {
      expect(same(await renderLetterPdf(input), await referenceLetterPdf(input))).toBe(true);
    }
  });
});
