// A letter or message written as plain text (decision letters, requests for documentation):
// paragraphs and line breaks kept, e-mail addresses made into links (which may wrap anywhere,
// so a long address cannot widen a phone's page).
const EMAIL = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function LetterText({ text, className = "" }: { text: string; className?: string }) {
  const parts = text.split(EMAIL);
  return (
    <div className={`whitespace-pre-line ${className}`}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={`mailto:${part}`}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </div>
  );
}
