// What a bad request meets before any of our use cases: the one id parser, the one form-data
// sanitiser, the check for addresses Next.js cannot decode, and the upload slots.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { refusedState, NOT_SENT_MESSAGE } from "@/components/ui/use-form-action";
import { z } from "zod";
import { formInput, formValues } from "@/lib/forms";
import { fieldErrorsFrom } from "@/lib/forms";
import { SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";
import { hasMalformedEncoding, MALFORMED_ADDRESS_MESSAGE } from "@/lib/http/request-path";
import { KeyedSlots, Slots, UploadSlots } from "@/lib/http/upload-slots";
import { isAcceptableFieldName, sanitizeFormData, sanitizeFormText } from "@/lib/validation/form-data";
import { isRecordId, optionalRecordId, parseRecordId, recordId } from "@/lib/validation/ids";
import { proxy } from "@/proxy";

const CUID = "ckabcdefghijklmnopqrstuvw";

describe("the id parser", () => {
  it("accepts our ids: 25 lower-case letters and digits starting with c", () => {
    expect(isRecordId(CUID)).toBe(true);
    expect(parseRecordId(CUID)).toBe(CUID);
    expect(parseRecordId("c000000000000000000000000")).toBe("c000000000000000000000000");
  });

  it.each([
    ["a NUL byte", `${CUID.slice(0, 24)}\u0000`],
    ["control characters", `c\u0001\u001f${"a".repeat(22)}`],
    ["invalid percent-encoding, undecoded", "%E0%A4%A"],
    ["an encoded NUL, undecoded", "%00"],
    ["upper case", CUID.toUpperCase()],
    ["one too short", CUID.slice(0, 24)],
    ["one too long", `${CUID}a`],
    ["5 000 characters", "c".repeat(5000)],
    ["a UUID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"],
    ["SQL", "' OR 1=1; --"],
    ["a lone surrogate", `c\ud800${"a".repeat(23)}`],
    ["whitespace around it", ` ${CUID} `],
    ["empty", ""],
  ])("refuses %s", (_what, value) => {
    expect(parseRecordId(value)).toBeNull();
    expect(recordId("Søknaden").safeParse(value).success).toBe(false);
  });

  it("refuses what is not a string at all", () => {
    for (const value of [null, undefined, 42, {}, [CUID]]) expect(parseRecordId(value)).toBeNull();
  });

  it("says in Norwegian what is missing or unknown, and an optional id may be empty", () => {
    expect(recordId("Søknaden").safeParse("").error?.issues[0]?.message).toBe("Søknaden mangler.");
    expect(recordId("Søknaden").safeParse("x").error?.issues[0]?.message).toBe("Søknaden finnes ikke.");
    expect(recordId("Søknaden").safeParse(undefined).error?.issues[0]?.message).toBe("Søknaden mangler.");
    expect(optionalRecordId("Stillingen").parse("")).toBeNull();
    expect(optionalRecordId("Stillingen").parse(undefined)).toBeNull();
    expect(optionalRecordId("Stillingen").safeParse("\u0000").success).toBe(false);
  });

  it("never accepts a string with anything but lower-case letters and digits (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (value) => {
        if (parseRecordId(value) !== null) expect(value).toMatch(/^c[a-z0-9]{24}$/);
      }),
    );
  });
});

describe("the form-data sanitiser", () => {
  it("removes NUL and control characters from values, keeping tab and line breaks", () => {
    expect(sanitizeFormText("Kari\u0000 Nordmann")).toBe("Kari Nordmann");
    expect(sanitizeFormText("a\u0001b\u0008c\u000bd\u000ce\u001bf\u007fg\u0085h\u009fi")).toBe("abcdefghi");
    expect(sanitizeFormText("linje 1\r\nlinje 2\tinnrykk")).toBe("linje 1\r\nlinje 2\tinnrykk");
  });

  it("keeps every letter as typed: Sámi, Norwegian, emoji, right-to-left text", () => {
    const typed = "Ánne Čáđa Ŋŧž Øyvind Ærø Åse 👩‍👧 שלום";
    expect(sanitizeFormText(typed)).toBe(typed);
  });

  it("turns a lone surrogate (invalid UTF-16) into U+FFFD, and keeps a valid pair", () => {
    expect(sanitizeFormText("a\ud800b")).toBe("a\ufffdb");
    expect(sanitizeFormText("a\udc00")).toBe("a\ufffd");
    expect(sanitizeFormText("😀")).toBe("😀");
  });

  it("is idempotent and leaves nothing PostgreSQL would refuse (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (value) => {
        const clean = sanitizeFormText(value);
        expect(sanitizeFormText(clean)).toBe(clean);
        expect(clean).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
        expect(clean).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(clean.length).toBeLessThanOrEqual(value.length);
      }),
    );
  });

  it("drops fields whose name holds a control character, and keeps files as they are", () => {
    expect(isAcceptableFieldName("fullName")).toBe(true);
    expect(isAcceptableFieldName("full\u0000Name")).toBe(false);
    expect(isAcceptableFieldName("a\nb")).toBe(false);
    const data = new FormData();
    data.append("full\u0000Name", "Kari");
    data.append("note", "hei\u0000 på deg");
    data.append("roles", "STUDENT\u0000");
    data.append("roles", "FACULTY");
    const file = new File(["%PDF-1.4"], "vitnemål.pdf", { type: "application/pdf" });
    data.append("file", file);
    const clean = sanitizeFormData(data);
    expect([...clean.keys()]).toEqual(["note", "roles", "roles", "file"]);
    expect(clean.get("note")).toBe("hei på deg");
    expect(clean.getAll("roles")).toEqual(["STUDENT", "FACULTY"]);
    expect((clean.get("file") as File).name).toBe("vitnemål.pdf");
    expect((clean.get("file") as File).size).toBe(file.size);
  });

  it("drops fields named like a property every object has, so a form never reads «constructor» as one (found by the hostile-input test)", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) expect(isAcceptableFieldName(name)).toBe(false);
    expect(isAcceptableFieldName("status:abc")).toBe(true);
    const data = new FormData();
    data.append("constructor", "x".repeat(10));
    data.append("__proto__", "a");
    data.append("__proto__", "b");
    data.append("name", "Åse");
    expect(formInput(data)).toEqual({ name: "Åse" });
    expect(formValues(data)).toEqual({ name: "Åse" });
    expect(Object.getPrototypeOf(formInput(data))).toBe(Object.prototype);
    // And a zod issue at such a path starts its own list.
    const parsed = z.object({ constructor: z.string({ error: "Mangler." }) }).safeParse({});
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFrom(parsed.error!)).toEqual({ constructor: ["Mangler."] });
  });

  it("is what the actions read: formInput and formValues give the cleaned values", () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "");
    data.append("name\u0001", "x");
    data.append("name", "Åse\u0000");
    expect(formInput(data)).toEqual({ name: "Åse" });
    expect(formValues(data)).toEqual({ name: "Åse" });
  });
});

describe("an address Next.js cannot decode", () => {
  it("is found in any segment: broken or lone percent-encoding", () => {
    expect(hasMalformedEncoding("/kull/%E0%A4%A")).toBe(true);
    expect(hasMalformedEncoding("/kull/%E0%A4%A/oppmote")).toBe(true);
    expect(hasMalformedEncoding("/api/dokumenter/%")).toBe(true);
    expect(hasMalformedEncoding("/soker/%ZZ")).toBe(true);
    expect(hasMalformedEncoding("/soker/%C3")).toBe(true);
  });

  it("is not an ordinary or well-encoded address (an encoded NUL is left to the id check)", () => {
    for (const path of ["/", "/kull/ckabcdefghijklmnopqrstuvw/oppmote", "/bekreft-epost/%00", "/invitasjon/%C3%A5", "/a%20b"]) {
      expect(hasMalformedEncoding(path), path).toBe(false);
    }
  });

  it("is answered by the proxy with 400 and a Norwegian page, or JSON under /api, with the security headers", async () => {
    const page = await proxy(new NextRequest("http://localhost/kull/%E0%A4%A/oppmote"));
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain(MALFORMED_ADDRESS_MESSAGE);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("content-security-policy")).toBeTruthy();

    const api = await proxy(new NextRequest("http://localhost/api/dokumenter/%E0%A4%A"));
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ ok: false, message: MALFORMED_ADDRESS_MESSAGE });

    const fine = await proxy(new NextRequest("http://localhost/personvern"));
    expect(fine.status).toBe(200);
  });
});

describe("a form the server refused before the action ran", () => {
  const posted = () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "");
    data.append("text", "Alt jeg skrev");
    data.append("currentPassword", "hemmelig");
    return data;
  };

  it("keeps what was typed (not passwords) with the proxy's Norwegian message for a body over 2 MB", () => {
    const state = refusedState(new Error(SERVER_ACTION_TOO_LARGE_MESSAGE), posted());
    expect(state).toMatchObject({ ok: false, message: SERVER_ACTION_TOO_LARGE_MESSAGE, values: { text: "Alt jeg skrev" } });
    expect(state.values).not.toHaveProperty("currentPassword");
    expect(state.at).toEqual(expect.any(Number));
  });

  it("says the form did not arrive for any other failure (network, an unexpected answer)", () => {
    expect(refusedState(new TypeError("Failed to fetch"), posted())).toMatchObject({ ok: false, message: NOT_SENT_MESSAGE, values: { text: "Alt jeg skrev" } });
  });
});

describe("upload slots", () => {
  it("let `limit` run, queue up to `queueLimit`, and refuse the rest at once", async () => {
    const slots = new Slots(2, 1);
    const first = await slots.acquire();
    const second = await slots.acquire();
    expect(first && second).toBeTruthy();
    let thirdGot: unknown = "waiting";
    const third = slots.acquire().then((release) => (thirdGot = release));
    expect(await slots.acquire()).toBeNull(); // the queue is full
    expect(slots.waiting).toBe(1);
    first!();
    await third;
    expect(typeof thirdGot).toBe("function");
    expect(slots.active).toBe(2); // the freed slot went straight to the one waiting
    first!(); // releasing twice frees nothing more
    expect(slots.active).toBe(2);
    second!();
    (thirdGot as () => void)();
    expect(slots.active).toBe(0);
  });

  it("serve the queue first come, first served", async () => {
    const slots = new Slots(1);
    const release = await slots.acquire();
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => slots.acquire().then((next) => {
      order.push(n);
      next!();
    }));
    release!();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
    expect(slots.active).toBe(0);
  });

  it("per user: one person's burst never takes another person's slots, and a user with nothing left is forgotten", async () => {
    const keyed = new KeyedSlots(1, 0);
    const ada = await keyed.acquire("ada");
    expect(await keyed.acquire("ada")).toBeNull();
    const bo = await keyed.acquire("bo");
    expect(bo).toBeTruthy();
    ada!();
    bo!();
    expect(keyed.size).toBe(0);
  });

  it("never run more than the limits, whatever the order of arrivals and releases (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.boolean()), { maxLength: 40 }), async (events) => {
        const limits = { PER_USER: 2, QUEUE_PER_USER: 2, ALL: 3 };
        const slots = new UploadSlots(limits);
        const running = new Map<string, number>();
        let total = 0;
        let refused = 0;
        const held: { user: string; release: () => void }[] = [];
        const pending: Promise<void>[] = [];
        for (const [user, releaseOne] of events) {
          if (releaseOne && held.length > 0) {
            const { user: owner, release } = held.shift()!;
            running.set(owner, running.get(owner)! - 1);
            total -= 1;
            release();
          }
          pending.push(
            slots.acquire(user).then((release) => {
              if (!release) {
                refused += 1;
                return;
              }
              running.set(user, (running.get(user) ?? 0) + 1);
              total += 1;
              expect(running.get(user)).toBeLessThanOrEqual(limits.PER_USER);
              expect(total).toBeLessThanOrEqual(limits.ALL);
              held.push({ user, release });
            }),
          );
          await Promise.resolve();
        }
        // Let everything drain: release whatever holds a slot until all have been served.
        for (;;) {
          await new Promise((resolve) => setImmediate(resolve));
          if (held.length === 0) break;
          while (held.length > 0) {
            const { user, release } = held.shift()!;
            running.set(user, running.get(user)! - 1);
            total -= 1;
            release();
          }
        }
        await Promise.all(pending);
        expect(total).toBe(0);
        expect(refused).toBeLessThanOrEqual(events.length);
      }),
      { numRuns: 200 },
    );
  });
});
