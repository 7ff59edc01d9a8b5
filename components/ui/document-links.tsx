// Stored documents as a list of download links (/api/dokumenter/<id>, which checks who may read
// each): one pattern wherever a page lists files to fetch, with what an item shows beside its
// link (its size, a button to remove it). Nothing when there are none.
import type { ReactNode } from "react";

export function DocumentLinks<D extends { id: string; originalName: string }>({
  documents,
  className,
  itemClassName,
  extra,
}: {
  documents: readonly D[];
  className?: string;
  itemClassName?: string;
  /** Shown after the link, in the same item. */
  extra?: (document: D) => ReactNode;
}) {
  if (documents.length === 0) return null;
  return (
    <ul className={className}>
      {documents.map((document) => (
        <li key={document.id} className={itemClassName}>
          <a href={`/api/dokumenter/${document.id}`} download>
            {document.originalName}
          </a>
          {extra ? extra(document) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * One stored document opened in the browser's own viewer, in a new tab (the reader keeps the page
 * she is working on). The link says so to a screen reader (WCAG 3.2.5 / G201); what it reads before
 * that is the visible text, or the file's name.
 */
export function DocumentViewLink({
  document,
  children,
  className,
  onClick,
}: {
  document: { id: string; originalName: string };
  /** The visible text; the file's name when absent. */
  children?: ReactNode;
  className?: string;
  onClick?: () => void;
}) {
  return (
    <a href={`/api/dokumenter/${document.id}?visning=inline`} target="_blank" rel="noopener" className={className} onClick={onClick}>
      {children ?? document.originalName}
      <span className="sr-only"> (åpnes i ny fane)</span>
    </a>
  );
}
