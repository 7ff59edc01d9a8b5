"use client";
// Tells the server, once, that the student has opened this letter (markLetterOpenedAction), so
// it is no longer «ny» on her list and start page. Rendered only while it is still «ny». Sent from
// the browser that shows the letter, never from a prefetch; a failure is of no consequence (the
// letter stays «ny» and is marked next time).
import { useEffect } from "react";
import { markLetterOpenedAction } from "@/lib/actions/student-letters";
import { initialActionState } from "@/lib/forms";

export function LetterOpened({ letterId }: { letterId: string }) {
  useEffect(() => {
    const data = new FormData();
    data.set("letterId", letterId);
    void markLetterOpenedAction(initialActionState, data).catch(() => undefined);
  }, [letterId]);
  return null;
}
