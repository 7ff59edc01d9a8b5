// The privacy duties on screen: a student downloads her own data from Min konto (a zip with her
// account and files), and an administrator filters the audit log by person, type and period,
// sees before → after, and downloads that person's data from there.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expectAccessible, signIn } from "./helpers";

async function downloadZip(page: Page, link: RegExp) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  expect(download.suggestedFilename()).toMatch(/^innsyn-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  return { entries, data: JSON.parse(strFromU8(entries["innsyn.json"]!)) };
}

test("a student downloads everything held about her from Min konto", async ({ page }) => {
  await signIn(page, "student.vedtak@demo.no");
  await page.goto("/min-konto");
  await expect(page.getByRole("heading", { name: "Dine opplysninger (innsyn)" })).toBeVisible();
  const { data, entries } = await downloadZip(page, /^Last ned opplysningene mine$/);
  expect(data.account.email).toBe("student.vedtak@demo.no");
  expect(data.enrolments.length).toBeGreaterThan(0);
  expect(data.enrolments[0].letters.length).toBeGreaterThan(0);
  // Every file the JSON names is in the zip.
  const named = JSON.stringify(data).match(/filer\/[^"]+\.pdf/g) ?? [];
  for (const path of named) expect(entries[path], path).toBeDefined();
});

test("an administrator filters the log by person, type and period, and the look is logged", async ({ page }) => {
  await signIn(page, "admin@demo.no");
  await page.goto("/veileder");
  await page.getByRole("link", { name: "Logg", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Loggoppføringer/ }).getByRole("row").nth(1)).toBeVisible();

  // A date that is not one: the message is at the field, and what was typed stays.
  await page.getByLabel("Fra og med").fill("31.02.2026");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByText("Skriv datoen som dd.mm.åååå, for eksempel 03.12.2026.")).toBeVisible();
  await expect(page.getByLabel("Fra og med")).toHaveValue("31.02.2026");
  await expect(page.getByLabel("Fra og med")).toHaveAttribute("aria-invalid", "true");
  // No list for a filter she did not ask for: it waits for the date.
  await expect(page.getByText("Rett datoen som er merket i filteret, så vises oppføringene.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Loggoppføringer/ })).toHaveCount(0);
  // …nor a count of it.
  await expect(page.getByRole("heading", { name: "Oppføringer", exact: true })).toBeVisible();

  // The person: Sofie Søker, found by her e-mail; her admission is in the demo's log.
  await page.getByLabel("Fra og med").fill("");
  await page.getByLabel("Person det gjelder").fill("soker@demo.no");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("heading", { name: /^Oppføringer om Sofie Søker \(\d+\)$/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Loggoppføringer om Sofie Søker, nyeste først" });
  // Newest first: the look itself, in words (the stored code beneath, for support).
  await expect(table.getByRole("row").nth(1)).toContainText("Loggen om en person lest");
  await expect(table.getByRole("row").nth(1)).toContainText("Konto");
  await expect(table.getByRole("row").nth(1)).toContainText("audit_log.view_person");
  await expect(table.getByRole("row").nth(1)).toContainText("Ada");
  await expectAccessible(page);

  // Narrowed to one kind: every row is of it.
  // The kinds are listed in words, under what they are about.
  await expect(page.getByLabel("Type").locator("optgroup[label='Vedtak om opptak'] option", { hasText: "Vedtak: tilbud om plass" })).toHaveCount(1);
  await page.getByLabel("Type").selectOption({ label: "Vedtak: tilbud om plass" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("heading", { name: /^Oppføringer om Sofie Søker \([1-9]\d*\)$/ })).toBeVisible();
  const rows = table.getByRole("row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let index = 1; index < count; index += 1) await expect(rows.nth(index)).toContainText("Vedtak: tilbud om plass");
  // Before → after in words too: «Utfall: OFFER», not «outcome: OFFER».
  await expect(rows.nth(1).getByRole("term").filter({ hasText: "Utfall" })).toBeVisible();
  // And whom it is about: the decision's applicant, not only the decision's id.
  await expect(rows.nth(1).getByRole("cell", { name: "Sofie Søker", exact: true })).toHaveCount(1);

  // A period long ago: nothing.
  await page.getByLabel("Fra og med").fill("01.01.2001");
  await page.getByLabel("Til og med").fill("31.12.2001");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByText("Ingen oppføringer passer med filteret.")).toBeVisible();

  // Her data, from here.
  const { data } = await downloadZip(page, /^Last ned alt vi har om Sofie Søker/);
  expect(data.account.email).toBe("soker@demo.no");
  expect(data.applications.length).toBeGreaterThan(1);
  expect(data.auditEntries.some((entry: { action: string }) => entry.action === "audit_log.view_person")).toBe(true);
});

test("an administrator sends again an e-mail the mail server never took, behind a confirmation, and it is logged", async ({ page }) => {
  await signIn(page, "admin@demo.no");
  await page.goto("/veileder");
  await expect(page.getByRole("navigation", { name: "Studieveileder" }).getByRole("link", { name: "E-post", exact: true })).toBeVisible();
  // The administrator's to-do list says so (an adviser's does not: tests/integration/smtp-delivery).
  await page.getByRole("region", { name: "Å gjøre" }).getByRole("link", { name: /e-post(er)? kom ikke fram$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-post som ikke kom fram" })).toBeVisible();
  // The demo's notice to Sofie Søker, given up during an outage (other tests may add none of these).
  const row = page.getByRole("row").filter({ hasText: "Passordet ditt er endret" });
  await expect(row).toContainText("Gitt opp");
  await expect(row).toContainText("421 4.7.0");
  await expectAccessible(page);

  await row.getByRole("button", { name: "Send på nytt «Passordet ditt er endret» til soker@demo.no" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("legges i køen igjen og sendes til soker@demo.no");
  await dialog.getByRole("button", { name: "Send på nytt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "E-posten er lagt i køen igjen" })).toBeVisible();
  await expect(page).toHaveURL(/\/veileder\/e-post\?sendt=1$/);
  await expect(page.getByRole("row").filter({ hasText: "Passordet ditt er endret" })).toHaveCount(0);

  await page.goto("/veileder/logg?type=mail.resend");
  await expect(page.getByRole("table", { name: /Loggoppføringer/ })).toContainText("mail.resend");
});
