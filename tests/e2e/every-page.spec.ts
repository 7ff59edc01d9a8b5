// Every page of every role at 375 px (a phone): nothing scrolls sideways (WCAG 1.4.10 Reflow) and
// axe finds no WCAG 2.1 A/AA violation, signed in as each role's demo account. The pages are
// listed in ./pages.ts: add yours there.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoBrokenWords, signIn } from "./helpers";
import { ACCOUNT_OF, PAGES, type Audience } from "./pages";

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

for (const audience of Object.keys(PAGES) as Audience[]) {
  test(`every page of «${audience}» at 375 px: no sideways scrolling, no axe violations`, async ({ page }) => {
    // Generous: axe on a long page (every user, as cards) takes a while on a busy shared machine.
    test.setTimeout(60_000 + PAGES[audience].length * 45_000);
    const account = ACCOUNT_OF[audience];
    if (account) await signIn(page, account);
    for (const entry of PAGES[audience]) {
      await test.step(entry.name, async () => {
        const path = typeof entry.path === "string" ? entry.path : await entry.path(page);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectNoSidewaysScroll(page);
        await expectNoBrokenWords(page);
        await expectAccessible(page);
      });
    }
  });
}

// Tables on a laptop: an ordinary table, still without a column squeezed until a word breaks.
test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false });
  const TABLE_PAGES: [Audience, string][] = [
    ["adviser", "/veileder"],
    ["adviser", "/veileder/brukere"],
    ["faculty", "/faglaerer"],
    ["student", "/student/oppmote"],
    ["admin", "/veileder/logg"],
  ];
  for (const [audience, path] of TABLE_PAGES) {
    test(`${path} shows its table without words broken mid-word`, async ({ page }) => {
      await signIn(page, ACCOUNT_OF[audience]!);
      await page.goto(path);
      await expect(page.getByRole("table").first()).toBeVisible();
      await expect(page.getByRole("columnheader").first()).toBeVisible();
      await expectNoBrokenWords(page);
      await expectNoSidewaysScroll(page);
    });
  }
});

test("the app has a favicon: every page links it, it is served, and loading a page meets no 404", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
});
