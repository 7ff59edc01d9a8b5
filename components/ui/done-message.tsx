"use client";
// What a step just did, when its form is gone after it: the action sent the browser back to the
// page with a word in the address (?avgjort=…, ?varsel=…), and the page says it at the top. It is
// announced (role="status") and takes focus once, so a keyboard or screen-reader user starts from
// what happened instead of from the top of a changed page with the focus lost. Every such message
// is this one component.
// A page where a second step can follow the first without leaving it (a move, then its undo)
// keys the message by what it says, so the second is a new one and takes the focus again.
import { useEffect, useRef } from "react";

export function DoneMessage({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p ref={ref} tabIndex={-1} role="status" className={`mb-6 rounded-md border border-green-700 bg-green-50 p-3 text-green-900 ${className}`.trim()}>
      {children}
    </p>
  );
}
