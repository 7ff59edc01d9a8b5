"use client";
// After the app's router moves to another page, the element that had the focus (the button that
// saved, a link in a closed menu) is often gone, and the browser leaves the focus on <body>: a
// keyboard or screen-reader user starts again from the top of the document, behind the header, not
// knowing the page changed (a walk: after «Lagre og gå videre» and «Bekreft e-postadressen»). This
// puts it on the new page's heading, as a full page load reads from the top of the content. It
// does nothing when something on the page already took the focus (a DoneMessage, a field named in
// the address by FocusHashTarget, an error) or kept it (a tab in a layout that stayed): their
// effects run before this one, which sits in the root layout.
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function NavigationFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const main = document.getElementById("innhold");
    const heading = main?.querySelector<HTMLElement>("h1") ?? null;
    const target = heading ?? main;
    if (!target) return;
    if (target === heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    // The router has scrolled already; focus must not move the page again.
    target.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
