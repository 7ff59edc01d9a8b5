// Cross-site request refusal for state-changing route handlers (server actions get Next.js's own
// Origin check). A request is accepted only when
// - its Origin is one of the app's own, or
// - it has no Origin (some browsers leave it out of same-origin form posts) and Sec-Fetch-Site
//   says same-origin, or none (typed into the address bar, a bookmark).
// Everything else is refused with 403: another site's Origin, Origin "null" (sandboxed frames,
// privacy redirects), Sec-Fetch-Site cross-site or same-site (a sibling subdomain is another
// party), and a request with neither header. Every browser in use sends at least one of them on a
// POST, so a request with neither is not a browser's, and a script that wants to upload can say
// where it comes from.

export interface OriginHeaders {
  get(name: string): string | null;
}

/** True when a state-changing request may be served. `ownOrigins`: the app's origins. */
export function isSameOriginRequest(headers: OriginHeaders, ownOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return origin !== "null" && ownOrigins.some((own) => sameOrigin(own, origin));
  const site = headers.get("sec-fetch-site");
  return site === "same-origin" || site === "none";
}

/**
 * The app's own origins for a request: the one it was addressed to (Next.js builds the URL from
 * the Host header, which a browser cannot set for another site) and APP_URL's.
 */
export function appOrigins(requestUrl: string, appUrl: string): string[] {
  return [...new Set([new URL(requestUrl).origin, new URL(appUrl).origin])];
}

function sameOrigin(own: string, origin: string): boolean {
  try {
    return new URL(own).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
