// A letter or message written as plain text (decision letters, requests for documentation):
// paragraphs and line breaks kept, its section headings («Begrunnelse», «Du kan klage») in bold as
// in its PDF (isLetterHeading), lines no longer than easy reading takes, and e-mail addresses made
// into links (which may wrap anywhere, so a long address cannot widen a phone's page). The text
// stays one flow with its blank lines, so what it says reads the same whichever way it is copied.
import type { ReactNode } from "react";
import { isLetterHeading } from "@/lib/domain/letter";

const EMAIL = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

function withLinks(text: string, key: string): ReactNode[] {
  return text.split(EMAIL).map((part, index) =>
    index % 2 === 1 ? (
      <a key={`${key}-${index}`} href={`mailto:${part}`}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function LetterText({ text, className = "" }: { text: string; className?: string }) {
  // Blocks and the blank lines between them (kept, at odd indexes).
  const parts = text.split(/(\n{2,})/);
  return (
    <div className={`max-w-prose whitespace-pre-line ${className}`}>
      {parts.map((part, index) =>
        index % 2 === 0 && isLetterHeading(part.trim()) && part.trim() !== "" ? (
          <strong key={index} className="font-semibold text-slate-900">
            {withLinks(part, String(index))}
          </strong>
        ) : (
          withLinks(part, String(index))
        ),
      )}
    </div>
  );
}
