"use client";
// Nothing the applicant typed or chose is lost when they leave a step, whichever way they leave:
// every form that autosaves (DraftForm) and every upload registers its pending work here.
//
// - A click on any link inside the app (step list, "← Mine søknader", "Gå videre til …", the
//   menu) while something is unsaved is held back: the pending save is sent at once, and only
//   when it is stored does the browser go on. If it cannot be stored (signed out, no network),
//   the applicant stays on the page and the form says why; a second click leaves anyway.
// - The browser's back button cannot be held back: the form sends its save as it unmounts.
// - Closing or reloading the tab: the save is sent, and `beforeunload` asks the browser to
//   warn, as the last resort, while it is still on its way.
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef } from "react";

export interface PendingWork {
  /** Something typed is not saved yet, a save is on its way, or an upload is running. */
  busy(): boolean;
  /** Sends what is unsaved now (or waits for what is on its way); true when it is stored. */
  settle(): Promise<boolean>;
}

interface Registry {
  register(work: PendingWork): () => void;
  settleAll(): Promise<boolean>;
}

const RegistryContext = createContext<Registry | null>(null);

/** Registers a form's or an upload's pending work for as long as the component is mounted. */
export function usePendingWork(work: PendingWork) {
  const registry = useContext(RegistryContext);
  const latest = useRef(work);
  useEffect(() => {
    latest.current = work;
  });
  useEffect(() => {
    if (!registry) return;
    return registry.register({ busy: () => latest.current.busy(), settle: () => latest.current.settle() });
  }, [registry]);
}

/** Where a click on this anchor would take the app's router, or null when the click is not ours. */
function routedDestination(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  // A link that keeps the form's input itself (SignInAgainLink: a save cannot succeed signed out).
  if (anchor.hasAttribute("data-keeps-input")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return null;
  // A link to a place on this same page (the error summary's links to fields) leaves nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function UnsavedChangesGuard({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const works = useRef(new Set<PendingWork>());

  const settleAll = useCallback(async () => {
    const results = await Promise.all([...works.current].map((work) => work.settle()));
    return results.every(Boolean);
  }, []);

  useEffect(() => {
    const busy = () => [...works.current].some((work) => work.busy());
    // Set when a save before leaving failed (the form says why): a second click then leaves
    // anyway, so a draft that cannot be saved (sent meanwhile, signed out) never traps anyone.
    let refused = false;
    // Capture on window runs before React's own listeners, so next/link sees defaultPrevented.
    const onClick = (event: MouseEvent) => {
      const destination = routedDestination(event);
      if (destination === null || !busy() || refused) return;
      event.preventDefault();
      void settleAll().then((saved) => {
        if (saved) router.push(destination);
        else refused = true;
      });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!busy()) return;
      void settleAll();
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = "";
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden" && busy()) void settleAll();
    };
    window.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [router, settleAll]);

  const registry = useMemo<Registry>(
    () => ({
      register(work) {
        works.current.add(work);
        return () => works.current.delete(work);
      },
      settleAll,
    }),
    [settleAll],
  );
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}
