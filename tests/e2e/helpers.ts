import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

export { DEMO_PASSWORD };

/** Fills in and sends the sign-in form, without waiting for the outcome. */
export async function attemptSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/** Signs in and waits until the browser has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** WCAG 2.1 A and AA, as axe checks them. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
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
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 20_000): Promise<OutboxMail> {
  const dir = process.env.E2E_OUTBOX_DIR!;
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
