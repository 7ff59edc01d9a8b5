"use client";
// A form the page offers only while its step is open (a notice to decide, a correction to make):
// the submit that closes the step makes the server stop offering it, and without this the form,
// and its answer, would vanish with the re-rendered page, leaving the user at the top with no
// word of what happened. Wrapped in KeptAfterSubmit, a form the page no longer offers stays where
// it was after a submit here, as its answer alone: ActionForm reads `useFormOffered()` and shows
// the message without the fields. A form the page does not offer, and nobody here submitted, is
// not shown. The server must keep rendering the wrapper (with offered={false}) so React keeps
// its state.
import { createContext, useContext, useState } from "react";

const FormOffered = createContext(true);

/** Whether the page still offers the form (ActionForm shows only its answer when not). */
export function useFormOffered(): boolean {
  return useContext(FormOffered);
}

export function KeptAfterSubmit({ offered, children }: { offered: boolean; children: React.ReactNode }) {
  const [submitted, setSubmitted] = useState(false);
  if (!offered && !submitted) return null;
  return (
    <div onSubmitCapture={() => setSubmitted(true)}>
      <FormOffered.Provider value={offered}>{children}</FormOffered.Provider>
    </div>
  );
}
