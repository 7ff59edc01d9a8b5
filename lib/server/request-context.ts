import "server-only";
// The current request's headers, for the few places that need them outside a route handler
// (server actions: the client address for rate limits, the user agent of a new session).
// (Integration tests replace this module; see tests/integration/setup-file.ts.)
import { headers } from "next/headers";
import { clientAddressFrom, type HeaderSource } from "@/lib/http/client-address";
import { trustedProxy } from "@/lib/env";

export async function requestHeaders(): Promise<HeaderSource> {
  return headers();
}

/** The client's address from the trusted proxy header, normalised; null when not configured. */
export async function requestClientAddress(): Promise<string | null> {
  return clientAddressFrom(await requestHeaders(), trustedProxy());
}
