"use client";
// After the app's router moves to another page with an address like ".../personalia#phone"
// (the summary's links to what is missing), it scrolls there but leaves focus on <body>: a
// keyboard or screen-reader user would have to find the field themselves. This puts focus on the
// field; when the target is a section, on its first field, else on the section itself.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";

const FIELDS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

export function FocusHashTarget() {
  const pathname = usePathname();
  // The query too: «Legg til utdanning» goes to the same step with ?ny=<id>#utdanning-<id>, and the
  // new education's fields were scrolled to but not focused (a walk). Only on dynamic pages (the
  // application's steps, the student's attendance), so no Suspense boundary is needed.
  const search = useSearchParams().toString();
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (!target || (target.contains(document.activeElement) && document.activeElement !== document.body)) return;
    const field = target.matches(FIELDS) ? target : target.querySelector<HTMLElement>(FIELDS);
    if (field) {
      field.focus();
      return;
    }
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [pathname, search]);
  return null;
}
