"use client";
// THE form element of every form that writes (ActionForm, ActionButton, the confirm buttons, the
// upload form and the kull's own forms). On the pages of an archived kull (the kull layout says
// so with <ClosedRecord>), its controls are disabled: the values stay readable, nothing can be
// sent, and the page does not offer what the database would refuse (migration
// *_archived_kull_closed_to_writes). Everywhere else it is a plain <form>. Forms that only read
// (a GET filter) stay <form> and keep working in the archive.
import { createContext, useContext } from "react";

const ClosedRecordContext = createContext(false);

/** Marks everything inside as a closed record (an archived kull's pages). */
export function ClosedRecord({ closed, children }: { closed: boolean; children: React.ReactNode }) {
  return <ClosedRecordContext.Provider value={closed}>{children}</ClosedRecordContext.Provider>;
}

/** Whether the page shows a closed record. */
export function useRecordClosed(): boolean {
  return useContext(ClosedRecordContext);
}

/**
 * A <form> that writes. Closed, it keeps its place and its fields but wraps them in a disabled
 * fieldset that takes the form's classes (the form itself is `display: contents`), so the layout
 * is the same as when it is open.
 */
export function RecordForm({ className, children, ...props }: React.ComponentProps<"form">) {
  const closed = useRecordClosed();
  if (!closed) {
    return (
      <form className={className} {...props}>
        {children}
      </form>
    );
  }
  return (
    <form className="contents" {...props}>
      <fieldset disabled className={`m-0 min-w-0 border-0 p-0 ${className ?? ""}`}>
        {children}
      </fieldset>
    </form>
  );
}
