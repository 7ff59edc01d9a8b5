// The request edge: the client address from the trusted proxy only, same-origin checks for
// state-changing routes, and how a download is named.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clientAddressFrom, normalizeAddress } from "@/lib/http/client-address";
import { attachmentDisposition, downloadFileName } from "@/lib/http/content-disposition";
import { appOrigins, isSameOriginRequest } from "@/lib/http/same-origin";
import { retryAtText } from "@/lib/domain/format";

const headers = (values: Record<string, string>) => new Headers(values);

describe("client address", () => {
  const behindOneProxy = { header: "x-forwarded-for", hops: 1 };

  it("is unknown unless a trusted proxy header is configured, whatever the client sends", () => {
    expect(clientAddressFrom(headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" }), { header: undefined, hops: 1 })).toBeNull();
  });

  it("takes the entry our own proxies wrote (from the right), never what the client put first", () => {
    const spoofed = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddressFrom(spoofed, behindOneProxy)).toBe("203.0.113.9");
    expect(clientAddressFrom(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), { header: "x-forwarded-for", hops: 2 })).toBe("203.0.113.9");
    // Fewer entries than proxies: it did not pass through all of them.
    expect(clientAddressFrom(headers({ "x-forwarded-for": "203.0.113.9" }), { header: "x-forwarded-for", hops: 2 })).toBeNull();
    expect(clientAddressFrom(headers({ "x-real-ip": "198.51.100.4" }), { header: "x-real-ip", hops: 1 })).toBe("198.51.100.4");
    expect(clientAddressFrom(headers({}), behindOneProxy)).toBeNull();
    expect(clientAddressFrom(headers({ "x-forwarded-for": "not an address" }), behindOneProxy)).toBeNull();
  });

  it("normalises addresses into one key per client: IPv4, mapped IPv4, an IPv6 /64, without ports", () => {
    expect(normalizeAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:db8:1:2::7]:443")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:DB8:1:2::8")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });

  it("never throws on any header value", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const address = clientAddressFrom(headers({ "x-forwarded-for": value.replace(/[\r\n\0]/g, "") }), behindOneProxy);
        expect(address === null || typeof address === "string").toBe(true);
      }),
    );
  });
});

describe("same-origin check for state-changing routes", () => {
  const own = appOrigins("http://localhost:3000/api/soknader/x/dokumenter", "https://bvl.ntnu.no");

  it("knows the app's origins from the request and APP_URL", () => {
    expect(own).toEqual(["http://localhost:3000", "https://bvl.ntnu.no"]);
  });

  it("accepts the app's own Origin, and without Origin only Sec-Fetch-Site same-origin or none", () => {
    expect(isSameOriginRequest(headers({ origin: "https://bvl.ntnu.no" }), own)).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "http://localhost:3000" }), own)).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin" }), own)).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "none" }), own)).toBe(true);
  });

  it("refuses everything else", () => {
    expect(isSameOriginRequest(headers({ origin: "https://evil.example" }), own)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null" }), own)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://bvl.ntnu.no.evil.example" }), own)).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "cross-site" }), own)).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-site" }), own)).toBe(false);
    expect(isSameOriginRequest(headers({}), own)).toBe(false);
    // A cross-site Origin wins over a claim of same-origin.
    expect(isSameOriginRequest(headers({ origin: "https://evil.example", "sec-fetch-site": "same-origin" }), own)).toBe(false);
  });
});

describe("download names", () => {
  it("always ends in .pdf", () => {
    expect(downloadFileName("vitnemål.pdf")).toBe("vitnemål.pdf");
    expect(downloadFileName("Vitnemål.PDF")).toBe("Vitnemål.PDF");
    expect(downloadFileName("skann")).toBe("skann.pdf");
    expect(downloadFileName("rapport.pdf.exe")).toBe("rapport.pdf.exe.pdf");
    expect(downloadFileName("")).toBe("dokument.pdf");
    expect(downloadFileName("...")).toBe("dokument.pdf");
  });

  it("strips bidi controls and other control characters", () => {
    const rlo = "faktura\u202efdp.exe";
    expect(downloadFileName(rlo)).toBe("fakturafdp.exe.pdf");
    for (const control of ["\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085"]) {
      expect(downloadFileName(`a${control}b.pdf`)).toBe("ab.pdf");
    }
    expect(downloadFileName("linje\r\nSet-Cookie: x.pdf")).toBe("linjeSet-Cookie_ x.pdf");
  });

  it("puts the same clean name in filename and filename*", () => {
    const header = attachmentDisposition("tjeneste\u202ebevis «Bodø» (2019)\u2066.pdf");
    expect(header).toBe(`attachment; filename="tjenestebevis _Bod__ (2019).pdf"; filename*=UTF-8''tjenestebevis%20%C2%ABBod%C3%B8%C2%BB%20%282019%29.pdf`);
    expect(attachmentDisposition("vitnemål.pdf")).toBe(`attachment; filename="vitnem_l.pdf"; filename*=UTF-8''vitnem%C3%A5l.pdf`);
  });

  it("never lets a control or bidi character through, for any name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        const header = attachmentDisposition(name);
        expect(header).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        const [, star] = header.split("filename*=UTF-8''");
        expect(decodeURIComponent(star!)).toMatch(/\.pdf$/i);
        expect(decodeURIComponent(star!)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe("when to try again", () => {
  const now = new Date("2026-12-01T12:00:00Z"); // 13.00 in Oslo
  it("says the time of day in Oslo, rounded up to the minute, and the date when it is another day", () => {
    expect(retryAtText(new Date("2026-12-01T12:14:01Z"), now)).toBe("kl. 13.15");
    expect(retryAtText(new Date("2026-12-01T12:15:00Z"), now)).toBe("kl. 13.15");
    expect(retryAtText(new Date("2026-12-02T08:00:00Z"), now)).toBe("2. desember 2026 kl. 09.00");
  });
});
