// Every page and route of the app, walked with malformed input by every role, answers below 500.
//
// Why an end-to-end test against the demo server rather than an integration test: the failures it
// looks for happen *outside* our code as much as inside it (Next's router decoding a segment with
// broken percent-encoding, the proxy, next-auth's catch-all, the server-action endpoint), so only
// the built server, as a browser reaches it, tells the truth; and the demo data gives each role
// real records whose ids belong to someone else. The routes are read from the file system
// (app/**/page.tsx and route.ts), so a new page is walked without anyone adding it here.
//
// For each role (signed out, applicant, student, faculty, adviser):
//   - every page with each dynamic segment filled with: broken percent-encoding, an encoded NUL,
//     control characters, a well-formed id that does not exist, and ids of real records that
//     belong to others (harvested from the adviser's and student's pages);
//   - every route handler with each method it exports, the same ids, and for POST a multipart body
//     with NUL and control characters in field names and values;
//   - every form on the role's own static pages posted as a browser without JavaScript would
//     (the server-action fields kept), with NUL and control characters in every field.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";
import { expectAccessible, signIn } from "./helpers";
import { ACCOUNT_OF } from "./pages";

type Role = "public" | "applicant" | "student" | "faculty" | "adviser";
const ROLES: Role[] = ["public", "applicant", "student", "faculty", "adviser"];

interface AppRoute {
  /** e.g. /kull/[cohortId]/oppmote/[dayId] */
  pattern: string;
  kind: "page" | "route";
  methods: string[];
}

/** app/**\/page.tsx and route.ts as URL patterns: route groups "(x)" dropped, segments kept. */
function appRoutes(dir = path.join(process.cwd(), "app"), segments: string[] = []): AppRoute[] {
  const found: AppRoute[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      found.push(...appRoutes(full, next));
    } else if (entry.name === "page.tsx") {
      found.push({ pattern: `/${segments.join("/")}`, kind: "page", methods: ["GET"] });
    } else if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) =>
        new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+(const\\s+)?\\{[^}]*\\b${method}\\b`).test(source),
      );
      found.push({ pattern: `/${segments.join("/")}`, kind: "route", methods });
    }
  }
  return found;
}

const DYNAMIC = /\[\[?(?:\.\.\.)?[^\]]+\]\]?/g;

/** Already encoded for the address: each is put into the path as it stands. */
const MALFORMED_SEGMENTS = [
  "%E0%A4%A", // broken percent-encoding
  "%", // a lone percent sign
  "%00", // NUL
  "%01%1F%7F", // control characters
  "cabsent000000000000000000", // shaped like our ids, but nobody's
  "x".repeat(2000), // long
];

function fill(pattern: string, value: string): string {
  return pattern.replace(DYNAMIC, value);
}

/** A multipart body with NUL and control characters in names and values (and a tiny file). */
function hostileMultipart(): { body: Buffer; contentType: string } {
  const boundary = "----malformed-walk-boundary";
  const parts = [
    ["te\u0000xt", "v\u0000erdi"],
    ["text", "Tekst med NUL \u0000 og kontrolltegn \u0001\u0008\u001b\u007f som er lang nok til å bli lest av skjemaet."],
    ["kind", "VITNEMAL\u0000"],
    ["members", "\u0000"],
    ["positionId", "c\u0000"],
  ];
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, "utf8"));
  }
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n`, "utf8"));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Record ids (cuids) linked from a page. */
async function idsOn(page: Page, address: string): Promise<string[]> {
  await page.goto(address);
  const html = await page.content();
  return [...new Set(html.match(/\bc[a-z0-9]{24}\b/g) ?? [])];
}

const routes = appRoutes();
const pages = routes.filter((route) => route.kind === "page");
const handlers = routes.filter((route) => route.kind === "route");


/** Ids of real records, by whose pages they were found on. */
let idsOf: { adviser: string[]; student: string[] } = { adviser: [], student: [] };

test.beforeAll(async ({ browser }) => {
  // Ids of real records: the adviser's intakes and applications, the student's letters and
  // arbeidskrav. Each is someone else's for most roles (and an unknown kind of id on most routes).
  const collect = async (account: string, addresses: string[]) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, account);
    const ids: string[] = [];
    for (const address of addresses) ids.push(...(await idsOn(page, address)).slice(0, 2));
    await context.close();
    return ids;
  };
  idsOf = {
    adviser: [...new Set(await collect(ACCOUNT_OF.adviser!, ["/veileder/opptak"]))],
    student: [...new Set(await collect(ACCOUNT_OF.student!, ["/student/brev", "/student/arbeidskrav"]))],
  };
});

test("the walk finds the app's pages and routes", () => {
  expect(pages.length).toBeGreaterThan(40);
  expect(handlers.map((route) => route.pattern)).toEqual(expect.arrayContaining(["/api/soknader/[id]/dokumenter", "/api/dokumenter/[id]"]));
  expect(handlers.every((route) => route.methods.length > 0)).toBe(true);
});

test("an address with broken percent-encoding gets a Norwegian page (400), readable and accessible", async ({ page }) => {
  const response = await page.goto("/invitasjon/%E0%A4%A");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "Ugyldig adresse" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Til forsiden" })).toBeVisible();
  await expectAccessible(page);
});

test("a form too large to send says so in Norwegian above the form and keeps everything typed", async ({ page }) => {
  await page.goto("/registrer");
  await page.getByLabel("Fullt navn").fill("Áile Čáđa Ŋuorra");
  // More than the 2 MB a server action accepts (set directly: typing it would take minutes).
  const long = `Storgata ${"x".repeat(2.2 * 1024 * 1024)}`;
  await page.getByLabel("E-postadresse").evaluate((input, value) => {
    (input as HTMLInputElement).value = value;
  }, long);
  await page.getByRole("button", { name: /Opprett|Registrer/ }).click();
  await expect(page.getByText(SERVER_ACTION_TOO_LARGE_MESSAGE)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Noe gikk galt" })).toHaveCount(0);
  await expect(page.getByLabel("Fullt navn")).toHaveValue("Áile Čáđa Ŋuorra");
  expect(await page.getByLabel("E-postadresse").inputValue()).toBe(long);
});

for (const role of ROLES) {
  test(`every page and route, signed in as «${role}», answers malformed input below 500`, async ({ page, baseURL }) => {
    test.setTimeout(600_000);
    const account = ACCOUNT_OF[role];
    if (account) await signIn(page, account);
    const request: APIRequestContext = page.request;
    const failures: string[] = [];
    const check = async (what: string, send: () => Promise<{ status(): number }>) => {
      const status = (await send()).status();
      if (status >= 500) failures.push(`${status} ${what}`);
      return status;
    };
    // Only other people's ids: the walk must never act on the role's own records (it posts forms).
    const foreign = [...(role === "adviser" ? [] : idsOf.adviser), ...(role === "student" ? [] : idsOf.student)];
    const values = [...MALFORMED_SEGMENTS, ...foreign];
    const origin = { origin: baseURL! };

    for (const route of pages) {
      const addresses = route.pattern.includes("[")
        ? values.map((value) => fill(route.pattern, value))
        : [`${route.pattern}?id=%E0%A4%A&neste=%00&side=-1`];
      for (const address of addresses) {
        await check(`GET ${address.slice(0, 120)}`, () => request.get(address, { maxRedirects: 0 }));
      }
    }

    for (const route of handlers) {
      const addresses = route.pattern.includes("[") ? values.map((value) => fill(route.pattern, value)) : [route.pattern];
      for (const address of addresses) {
        for (const method of route.methods) {
          const { body, contentType } = hostileMultipart();
          await check(`${method} ${address.slice(0, 120)}`, () =>
            request.fetch(`${address}${address.includes("?") ? "&" : "?"}tilbake=%00`, {
              method,
              maxRedirects: 0,
              headers: { ...origin, accept: "application/json", "content-type": contentType },
              data: method === "GET" ? undefined : body,
            }),
          );
        }
      }
    }

    // The forms on the role's own pages, posted without JavaScript, every field poisoned.
    for (const route of pages.filter((entry) => !/\[/.test(entry.pattern))) {
      const response = await request.get(route.pattern, { maxRedirects: 0 });
      if (response.status() !== 200) continue;
      const html = await response.text();
      for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
        const fields = [...form.matchAll(/<(?:input|textarea|select)[^>]*\bname="([^"]+)"(?:[^>]*\bvalue="([^"]*)")?/g)].map(
          ([, name, value]) => [decodeEntities(name!), decodeEntities(value ?? "")] as const,
        );
        // Only server-action forms with fields of their own: a form that is just a button (sign
        // out, publish) would simply do its work. Every value gets a trailing "x" besides the
        // control characters, so that even once they are removed no id, choice or date is valid
        // and nothing is changed by the walk.
        if (!fields.some(([name]) => name.startsWith("$ACTION"))) continue;
        if (!fields.some(([name]) => !name.startsWith("$ACTION"))) continue;
        const multipart: Record<string, string> = { "n\u0000avn": "\u0000" };
        for (const [name, value] of fields) multipart[name] = name.startsWith("$ACTION") ? value : `${value}\u0000\u0001\u001bx`;
        await check(`form post on ${route.pattern}`, () => request.post(route.pattern, { maxRedirects: 0, headers: origin, multipart }));
      }
    }

    expect(failures, failures.join("\n")).toEqual([]);
  });
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
