"use client";
/** Opens the browser's print dialog (the page's print styles hide menus and buttons). */
export function PrintButton({ label = "Skriv ut" }: { label?: string }) {
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
