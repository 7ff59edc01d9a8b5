import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import type axe from "axe-core";
import type { AxeResults } from "axe-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { manifestActions, postSignIn } from "./security/action-wire";

export { DEMO_PASSWORD };

/** Fills in and sends the sign-in form, without waiting for the outcome. */
export async function attemptSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/**
 * Signs in through the form and waits until the browser has left the sign-in page: its address, and
 * its title. The sign-in's redirect is a client-side navigation, so the address changes before the
 * new page's metadata has streamed in, and "Logg inn" stays the title until then. A check right
 * after sign-in (axe's "document-title") could otherwise see the moment between the two titles (CI,
 * /faglaerer). For the tests whose subject is the sign-in page; the others use `signIn`.
 */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await waitForTitle(page);
}

async function waitForTitle(page: Page) {
  await page.waitForFunction(() => document.title.trim() !== "" && !document.title.startsWith("Logg inn"));
}

let signInActionId: Promise<string> | undefined;

/**
 * Signs in as the sign-in form's button does, in one request: the form's server action (its id
 * from the build's manifest, as the security specs call actions), with the same password check,
 * rate limits and session. The session cookie goes into the browser, which then opens the page
 * the action sends it to (the role's home), as after the form. Through the form, a sign-in took
 * 1.3–1.8 s on our two cores (the sign-in page and its scripts, then a client-side navigation);
 * this way about 1 s, the browser loading one page. The form itself is signed in through for every
 * demo account in auth.spec.ts (`signInWithForm`), and by the tests of new accounts. A server the tests did not
 * build (E2E_BASE_URL) may have other action ids: there the form is used.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (process.env.E2E_BASE_URL) return signInWithForm(page, email, password);
  signInActionId ??= manifestActions().then((actions) => {
    const action = actions.get("lib/actions/sign-in.ts#signInWithPassword");
    if (!action) throw new Error("signInWithPassword is not in the build's manifest");
    return action.id;
  });
  const origin = new URL(String(test.info().project.use.baseURL)).origin;
  const { cookie, to } = await postSignIn(page.request, await signInActionId, origin, email, password);
  if (!to) throw new Error(`Signed in as ${email}, but the sign-in did not say where to go`);
  // The cookie is `Secure`: the browser, which treats localhost as secure, gets it as it is.
  const [name, ...value] = cookie.split("=");
  await page.context().addCookies([{ name: name!, value: value.join("="), domain: new URL(origin).hostname, path: "/", httpOnly: true, secure: true, sameSite: "Lax" }]);
  await page.goto(to);
  await waitForTitle(page);
}

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's minified build: the same code as `axe.source` (the unminified build, 1.5 MB) in less
 * than half the size, which the browser parses for every page it checks.
 */
const AXE_SOURCE = readFileSync(path.join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");
const axeAtStart = new WeakSet<BrowserContext>();

async function withAxeAtStart(page: Page) {
  const context = page.context();
  if (axeAtStart.has(context)) return;
  axeAtStart.add(context);
  await context.addInitScript(AXE_SOURCE);
}

/**
 * axe-core's own `axe.run` in the page (put there as the context's pages start, withAxeAtStart),
 * reporting violations in full (passes and the rest one node each: `resultTypes`). @axe-core/playwright's default instead runs
 * the rules in parts and merges them in a second, blank page it opens and fills with axe again: on
 * our 2-core machine that took 2.0–14.5 s a page (the users list the most) against 0.7–1.9 s this
 * way, with the same violations, node for node (compared on the demo's pages and on a page with
 * nine planted violations; tests/e2e/auth.spec.ts keeps one planted). A page with frames still
 * goes through AxeBuilder, which runs axe in each frame; the app has none today. Both use our own
 * axe-core (package.json), newer than the one AxeBuilder asks for (package.json's `overrides` gives
 * it ours, so only one is installed): it checks WCAG 2.5.3 Label in Name
 * (label-content-name-mismatch), which found buttons whose aria-label reworded their text
 * (components/ui/button-context.tsx).
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(WCAG_21_AA).analyze();
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!loaded) {
    await page.evaluate(AXE_SOURCE);
    // From now on every document this browser context loads gets axe as it starts (a script that
    // runs before the page's own, defines only window.axe, and is not subject to its CSP): a
    // context that checked one page checks more. Evaluated for each page instead, axe cost
    // 0.3–0.6 s a page, as much as the checks themselves; as a script at document start it is
    // compiled once and costs about 0.04 s a load.
    await withAxeAtStart(page);
  }
  return page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG_21_AA,
  );
}

/** WCAG 2.1 A and AA, as axe checks them. */
export async function expectAccessible(page: Page) {
  // Next.js streams a page's metadata: just after a client-side navigation (a sign-in's redirect)
  // the document can be a moment without its <title>, and axe then reports "document-title" for a
  // page that has one (seen once in CI on /faglaerer). Wait for the title (and the load) first; a
  // page that really has none is still reported once the wait is over. (The old page's title can
  // also still be there when the wait starts: signIn waits for "Logg inn" to go.)
  await page
    .waitForFunction(() => document.readyState === "complete" && document.title.trim() !== "", undefined, { timeout: 10_000 })
    .catch(() => {});
  let results = await runAxe(page);
  if (results.violations.some((violation) => violation.id === "document-title")) {
    // The wait above can be met by the previous page's title just before a client-side navigation
    // removes it; the new one streams in a moment later. Once more, after waiting for it again: a
    // page that really has no title fails the same way.
    await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 10_000 }).catch(() => {});
    results = await runAxe(page);
  }
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
  expect(summary, `axe found violations on ${page.url()}`).toEqual([]);
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/**
 * The newest e-mail to `to` (whose subject matches, when given) in the server's outbox folder.
 * Mail is delivered by the background job a moment after the change, so this waits for it.
 */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 20_000, dir = process.env.E2E_OUTBOX_DIR!): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).sort().reverse();
    for (const name of names) {
      const mail = JSON.parse(await readFile(path.join(dir, name), "utf8")) as OutboxMail;
      if (mail.to === to && (!subject || subject.test(mail.subject))) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No e-mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a mail that starts with the app's address and `pathPrefix` ("/tilbakestill"). */
export function linkIn(mail: OutboxMail, pathPrefix: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/.?]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`No link to ${pathPrefix} in: ${mail.text}`);
  return match[0];
}

/**
 * No word on the page is split across two lines (as "Samli/ng" or "Studente/r" were): each run of
 * letters between spaces and hyphens must sit on one line. E-mail addresses and file names, which
 * carry `wrap-anywhere` on purpose (every mailto link does, app/globals.css) so they cannot widen
 * the page, are left out.
 */
export async function expectNoBrokenWords(page: Page, scope = "main") {
  const broken = await page.evaluate((selector) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.wrap-anywhere, a[href^="mailto:"], pre, code, .sr-only, [hidden]')) continue;
        if (parent.getClientRects().length === 0) continue;
        // Text on a single line has no word broken across lines: only wrapped text is looked at word by word.
        const whole = document.createRange();
        whole.selectNodeContents(node);
        const wholeLines = new Set([...whole.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)));
        if (wholeLines.size <= 1) continue;
        for (const match of (node.textContent ?? "").matchAll(/[^\s\-–/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)));
          if (lines.size > 1) found.push(match[0]);
        }
      }
    }
    return found;
  }, scope);
  expect(broken, `words broken across lines on ${page.url()}`).toEqual([]);
}

/** Registers a new applicant and starts an application to the open intake; returns the application's address. */
export async function registerAndStartApplication(page: Page, name: string, email: string, password = "et-godt-passord-2026") {
  await page.goto("/registrer");
  await page.getByLabel("Fullt navn").fill(name);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(password);
  await page.getByLabel("Gjenta passordet").fill(password);
  await page.getByLabel(/Jeg har lest at NTNU behandler/).check();
  await page.getByRole("button", { name: "Opprett konto" }).click();
  await page.waitForURL(/\/soker$/);
  await page.getByRole("link", { name: "Start søknad" }).first().click();
  await page.getByRole("button", { name: "Start søknaden" }).click();
  await page.waitForURL(/\/personalia$/);
  return page.url().replace(/\/personalia$/, "");
}

/** On a kull's plan page: adds each samling with its days through the "Ny samling" form. */
export async function addSamlinger(page: Page, samlinger: readonly { title: string; days: readonly string[] }[]) {
  for (const { title, days } of samlinger) {
    const details = page.locator("details").filter({ has: page.getByText("Legg til en samling", { exact: true }) });
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.getByText("Legg til en samling", { exact: true }).click();
    const form = page.getByRole("form", { name: "Ny samling" });
    await form.getByLabel("Navn", { exact: true }).fill(title);
    for (const [index, date] of days.entries()) await form.getByLabel(`Dag ${index + 1}`).fill(date);
    await form.getByRole("button", { name: "Legg til samlingen" }).click();
    await expect(form.getByRole("status")).toHaveText(`${title} er lagt til i planen.`);
  }
}
