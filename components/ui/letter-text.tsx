// A letter or message written as plain text (decision letters, requests for documentation):
// paragraphs and line breaks kept, its section headings («Begrunnelse», «Du kan klage») in bold as
// in its PDF (isLetterHeading), lines no longer than easy reading takes, and e-mail addresses made
// into links (which may wrap anywhere, so a long address cannot widen a phone's page), phone
// numbers too (never broken across lines: Phone). The text
// stays one flow with its blank lines, so what it says reads the same whichever way it is copied.
// With `headingLevel`, each section heading is a heading element of that level (shown inline in
// the flow, so it looks and copies the same): a screen reader lists and jumps between the
// letter's sections. The caller gives the level that follows its own headings.
import type { ReactNode } from "react";
import { isLetterHeading } from "@/lib/domain/letter";
import { Phone } from "@/components/ui/phone";

const EMAIL = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
/** A Norwegian phone number as letters write it: «73 59 00 00», «912 34 567», with or without «+47». */
const PHONE = /((?:\+47 ?)?(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}))(?![\d])/g;

function withPhones(text: string, key: string): ReactNode[] {
  return text.split(PHONE).map((part, index) => (index % 2 === 1 ? <Phone key={`${key}-${index}`} number={part} /> : part));
}

function withLinks(text: string, key: string): ReactNode[] {
  return text.split(EMAIL).flatMap((part, index) =>
    index % 2 === 1 ? (
      <a key={`${key}-${index}`} href={`mailto:${part}`}>
        {part}
      </a>
    ) : (
      withPhones(part, `${key}-${index}`)
    ),
  );
}

export function LetterText({ text, className = "", headingLevel }: { text: string; className?: string; headingLevel?: 2 | 3 | 4 | 5 }) {
  // Blocks and the blank lines between them (kept, at odd indexes).
  const parts = text.split(/(\n{2,})/);
  const Heading = headingLevel ? (`h${headingLevel}` as const) : "strong";
  return (
    <div className={`max-w-prose whitespace-pre-line ${className}`}>
      {parts.map((part, index) => {
        const block = part.trim();
        if (index % 2 === 1 || block === "" || !isLetterHeading(block)) return withLinks(part, String(index));
        // «Til Sofie Søker» is bold as in the PDF, but an address, not a section: no heading (a walk).
        const Tag = block.startsWith("Til ") ? "strong" : Heading;
        return (
          <Tag key={index} className="inline text-[length:inherit] font-semibold text-slate-900">
            {withLinks(part, String(index))}
          </Tag>
        );
      })}
    </div>
  );
}
