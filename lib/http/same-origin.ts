// Cross-site request refusal for state-changing route handlers (server actions get Next.js's own
// Origin check). A request is accepted when its Origin is the app's own; when a browser sends no
// Origin, only when Sec-Fetch-Site says same-origin or none (typed into the address bar). A
// request with neither header (curl, a test client) is let through: it carries no browser's
// cookies by accident, and the session check still applies.

export interface OriginHeaders {
  get(name: string): string | null;
}

/** True when a state-changing request may be served. `ownOrigins`: the app's origins. */
export function isSameOriginRequest(headers: OriginHeaders, ownOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return origin !== "null" && ownOrigins.includes(origin);
  const site = headers.get("sec-fetch-site");
  if (site === null) return true;
  return site === "same-origin" || site === "none";
}
