// The client's network address, for per-address rate limits. A Next.js server cannot see the
// socket, and any client can send any header, so the address is read ONLY from the header that
// the deployment's own reverse proxy sets, named in TRUSTED_PROXY_HEADER (README: "Client address
// and rate limits"). Without that setting the address is unknown (null) and per-address limits are
// left out; a guessed header would let every attacker pick a fresh address per request.
//
// X-Forwarded-For is a list that every proxy appends to; entries to the left of our own proxies'
// were written by the client and prove nothing. So with TRUSTED_PROXY_HOPS=n the address is the
// n-th entry from the right (1: one proxy, e.g. nginx with $proxy_add_x_forwarded_for). A header
// that the proxy overwrites with one address (X-Real-IP, CF-Connecting-IP) is read with hops 1.
import { isIP } from "node:net";

export interface HeaderSource {
  get(name: string): string | null;
}

export interface TrustedProxy {
  /** Lower-case header name, e.g. "x-forwarded-for"; undefined: no trusted proxy configured. */
  header: string | undefined;
  /** For list headers: how many trusted proxies append to the list (≥ 1). */
  hops: number;
}

/** The address as the trusted proxy reports it, normalised; null when unknown or malformed. */
export function clientAddressFrom(headers: HeaderSource, proxy: TrustedProxy): string | null {
  if (!proxy.header) return null;
  const raw = headers.get(proxy.header);
  if (!raw) return null;
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: the request did not come through all of our proxies.
  const chosen = entries[entries.length - proxy.hops];
  return chosen ? normalizeAddress(chosen) : null;
}

/**
 * An address as one key for rate limits: IPv4 as is; IPv4-mapped IPv6 as IPv4; other IPv6 cut to
 * its /64 network, since one subscriber usually holds a whole /64 and could otherwise rotate.
 * Ports and brackets ("[2001:db8::1]:443", "203.0.113.7:5100") are removed. Null when malformed.
 */
export function normalizeAddress(value: string): string | null {
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, ""); // zone index ("fe80::1%eth0")
  const version = isIP(text);
  if (version === 4) return text;
  if (version !== 6) return null;
  const groups = expandIpv6(text.toLowerCase());
  if (!groups) return null;
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return "::1"; // loopback: a local test or proxy
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

function expandIpv6(text: string): number[] | null {
  // An embedded IPv4 tail ("::ffff:192.0.2.1") becomes two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  let body = text;
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    body = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail].map((group) => parseInt(group, 16));
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}
