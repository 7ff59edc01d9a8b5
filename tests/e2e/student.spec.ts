// Three seeded students see the right verdict and what to do next: Eva may sit the exam, Sander is
// on track with absences left, Frank can no longer reach the attendance requirement. Sander then
// hands in fagnotat 2 for a group of three, hands in a not-approved ledertreningsoppgave again and
// sends (and withdraws) an absence notice; Frank subscribes to the calendar feed. Every page passes
// axe and works at 320 px without sideways scrolling.
//
// Other specs run in parallel against the same seeded server: these tests change only Sander's
// and Frank's own data (and two classmates chosen for Sander's group, none of Anne, Bjørn and
// Cecilie), and Sander's steps run in one test so their order is fixed.
import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "@/prisma/seed/pdf";
import { expectAccessible, signIn, waitForMail } from "./helpers";

const pdfFile = (name: string, title: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(makePdf(title, ["Testinnlevering"])) });

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/**
 * At 320 px wide nothing scrolls sideways, and axe finds nothing (the phone layout is the harder
 * one: tables become cards). `desktop` also runs axe at the default width.
 */
async function checkPage(page: Page, options: { desktop?: boolean } = {}) {
  if (options.desktop) await expectAccessible(page);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  if (size) await page.setViewportSize(size);
}

const verdict = (page: Page) => page.getByRole("region", { name: "Rett til å gå opp til eksamen" });

test("Eva has met every requirement: she may sit the exam, and every page says so", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "student.ferdig@demo.no");
  await expect(page).toHaveURL(/\/student$/);
  await expect(verdict(page).getByText("Du kan gå opp til eksamen", { exact: true })).toBeVisible();
  await expect(verdict(page)).toContainText("Du har rett til å gå opp til eksamen.");
  // faculty.spec registers every eligible student of Kull H2025, Eva too, in parallel with this
  // test: her next step is one of the two states of that work (the exam's days follow the demo's
  // today; no grade is set before the exam).
  await expect(verdict(page)).toContainText(/Du har rett til å gå opp til eksamen\..*(Faglærer melder deg opp|Du er meldt opp til eksamen \d+\.(–\d+\.)? \p{L}+)/u);
  await expect(page.getByRole("region", { name: "Eksamen", exact: true })).toContainText(
    /Du har rett til å gå opp\. Faglærer melder deg opp|Du er meldt opp til eksamen\./,
  );
  await expect(page.getByRole("region", { name: "Basisgruppe og kontakter" })).toContainText("Studieveileder");
  await checkPage(page, { desktop: true });

  for (const [link, heading] of [
    ["Oppmøte", "Oppmøte"],
    ["Arbeidskrav", "Arbeidskrav"],
    ["Timeplan", "Timeplan"],
  ] as const) {
    await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await checkPage(page, { desktop: true });
  }
  await expect(page.getByRole("table", { name: /^Samlinger i / })).toBeVisible();

  // An approved arbeidskrav has no form: there is nothing to hand in.
  await page.goto("/student/arbeidskrav");
  await page.getByRole("link", { name: "Ledertreningsoppgave 1" }).click();
  await expect(page.getByRole("region", { name: "Lever", exact: true })).toContainText("Arbeidskravet er godkjent.");
  await expect(page.getByRole("button", { name: "Lever" })).toHaveCount(0);
  await checkPage(page);
});

test("on a phone the student's menu is one button that says which page she is on, and closes when she goes on", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, "student.fravaer@demo.no");
  const menu = page.getByRole("navigation", { name: "Student" });
  await expect(menu.getByRole("link", { name: "Oppmøte" })).toHaveCount(0); // closed: one line, not seven buttons
  await menu.getByText("Meny: Oversikt").click();
  await expect(menu.getByRole("link", { name: "Oversikt" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  // Escape closes it, focus on its button; Enter opens it again.
  await page.keyboard.press("Escape");
  await expect(menu.getByRole("link", { name: "Oppmøte" })).toHaveCount(0);
  await expect(menu.locator("summary")).toBeFocused();
  await page.keyboard.press("Enter");
  await menu.getByRole("link", { name: "Oppmøte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oppmøte" })).toBeVisible();
  await expect(menu.getByText("Meny: Oppmøte")).toBeVisible();
  await expect(menu.getByRole("link", { name: "Oversikt" })).toHaveCount(0);
  // At full width the same menu is a row of links, the page marked.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu.getByRole("link", { name: "Oppmøte" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Oversikt" })).not.toHaveAttribute("aria-current", "page");
  // With one area, the band of areas under the header is shown only outside it, as the way back.
  const areas = page.getByRole("navigation", { name: "Hovedmeny" });
  await expect(areas).toHaveCount(0);
  await page.goto("/min-konto");
  await areas.getByRole("link", { name: "Student" }).click();
  await expect(page).toHaveURL(/\/student$/);
  await expect(areas).toHaveCount(0);
});

test("Frank can no longer reach the attendance requirement and is told whom to contact; he subscribes to his schedule", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, "student.fravaer@demo.no");
  await expect(verdict(page).getByText("Du kan ikke lenger nå kravet til oppmøte", { exact: true })).toBeVisible();
  await expect(verdict(page)).toContainText(/Du kan ikke lenger nå kravet om 80 % oppmøte i dette kullet\. Ta kontakt med studieveileder .* eller fagansvarlig /);
  await checkPage(page);

  await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Oppmøte" }).click();
  await expect(page.getByText(/^Du har vært til stede \d+ av \d+ dager så langt\.$/)).toBeVisible();
  await expect(page.getByText(/^Du kan ikke lenger nå kravet, selv om du møter alle de \d+ gjenstående dagene\.$/)).toBeVisible();
  // His notice for the day he was ill is shown beside that day, and the one for the first day he
  // missed, months ago, says its reason has been erased (lib/domain/retention.ts).
  await expect(page.getByRole("cell", { name: /Meldt: Syk \(feber\)\./ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Meldt: begrunnelsen er slettet/ })).toBeVisible();
  await checkPage(page);
  // On a phone each samling's caption spans its stacked list (a caption left as a table caption
  // was as narrow as its longest word, one word a line).
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const caption = await page.locator("caption", { hasText: /^Samling 1 ·/ }).boundingBox();
  const table = await page.getByRole("table", { name: /^Samling 1 ·/ }).boundingBox();
  expect(caption!.width).toBeGreaterThan(table!.width * 0.9);
  await page.setViewportSize(size);

  // The calendar feed: make a link, read it without a session, renew it (the old one is gone), delete it.
  await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Timeplan" }).click();
  await page.getByRole("button", { name: "Lag kalenderlenke" }).click();
  const link = page.getByLabel("Din kalenderlenke");
  await expect(link).toHaveValue(/\/api\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
  await checkPage(page);
  const first = await link.inputValue();
  const feed = await request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART;VALUE=DATE:\d{8}/);

  await page.getByRole("button", { name: "Lag ny kalenderlenke" }).click();
  await expect(link).not.toHaveValue(first);
  const second = await link.inputValue();
  expect((await request.get(first)).status()).toBe(404);
  expect((await request.get(second)).status()).toBe(200);
  await page.getByRole("button", { name: "Slett kalenderlenken" }).click();
  await page.getByRole("dialog", { name: "Vil du slette kalenderlenken?" }).getByRole("button", { name: "Ja, slett lenken" }).click();
  await expect(page.getByText("Kalenderlenken er slettet.", { exact: false }).first()).toBeVisible();
  expect((await request.get(second)).status()).toBe(404);

  // The one-off download needs the session (the page's cookies).
  const download = await page.request.get("/api/student/kalender");
  expect(download.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
});

test("Sander is on track; he hands in again, hands in for a group of three, and reports an absence", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "student@demo.no");

  // The verdict and his next steps.
  await expect(verdict(page).getByText("Underveis – kravene er ikke oppfylt ennå")).toBeVisible();
  const steps = verdict(page);
  await expect(steps).toContainText(/Du kan være borte høyst \d+ dager til\./);
  await expect(steps).toContainText(/Ledertreningsoppgave 1 er ikke godkjent: lever på nytt innen \d+\. \p{L}+/u);
  await expect(steps).toContainText(/Fagnotat 2 \(gruppe eller individuelt\) skal leveres innen /);
  // Samling 6 is today and tomorrow in the demo story: one week, or two when today is a Sunday.
  await expect(steps).toContainText(/Samling 6: felles samling med institusjonsledelse pågår nå: .+ \(uke \d+(–\d+)?\), NTNU, Trondheim\./);
  await expect(page.getByRole("region", { name: "Oppmøte" })).toContainText(/Du har vært til stede \d+ av \d+ dager så langt\. Du må ha minst \d+ av \d+ dager totalt/);
  await checkPage(page);

  // Hand in the not-approved ledertreningsoppgave 1 again, from the next step's link.
  await steps.getByRole("link", { name: "Gå til arbeidskravet" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ledertreningsoppgave 1" })).toBeVisible();
  await expect(page.getByText("Treningsmålet er for generelt.", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Lever på nytt" })).toBeVisible();
  // Told before, not after, that it is the last hand-in (a walk).
  await expect(page.getByRole("region", { name: "Lever på nytt" })).toContainText(
    "Dette er den siste av 2 innleveringer: blir den ikke godkjent, kan du ikke levere på nytt, og du fyller ikke kravene til eksamen.",
  );
  await checkPage(page);
  await page.getByRole("textbox", { name: /^Tekst/ }).fill("Nytt treningsmål: å ta opp én konkret situasjon i hvert teammøte.");
  await page.getByLabel(/^PDF-fil/).setInputFiles(pdfFile("ledertrening-1-ny.pdf", "Ledertreningsoppgave 1"));
  await page.getByRole("button", { name: "Lever på nytt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Innlevering nr. 2 er mottatt." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" }).getByText("Levert – venter på vurdering")).toBeVisible();
  // The deadline the new hand-in was measured against stays in view, beside the first one.
  await expect(page.getByRole("region", { name: "Status" }).getByText("Frist for siste innlevering")).toBeVisible();
  // The focus is on what was done: the form it was sent from is gone.
  await expect(page.getByRole("status").filter({ hasText: "Innlevering nr. 2 er mottatt." })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Innlevering 2" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Innlevering 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ledertrening-1-ny.pdf" })).toBeVisible();
  const receipt = await waitForMail("student@demo.no", /^Kvittering: Ledertreningsoppgave 1 er levert$/);
  expect(receipt.text).toContain("innlevering nr. 2");
  await checkPage(page);

  // Hand in fagnotat 2 for a group of three. Anne is already in another group: refused, with her name.
  await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Arbeidskrav" }).click();
  await checkPage(page);
  await page.getByRole("link", { name: "Fagnotat 2 (gruppe eller individuelt)" }).click();
  await checkPage(page);
  const member2 = page.getByLabel("Gruppemedlem 2");
  const member3 = page.getByLabel("Gruppemedlem 3");
  await member2.selectOption({ label: "Anne Gruppe" });
  await page.getByLabel(/^PDF-fil/).setInputFiles(pdfFile("fagnotat-2.pdf", "Fagnotat 2"));
  await page.getByRole("button", { name: "Lever", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Anne Gruppe er allerede med i en annen innlevering" })).toBeVisible();
  await expectAccessible(page);

  const classmates = (await member2.locator("option").allTextContents()).filter(
    (name) => name !== "Ingen" && !name.endsWith(" Gruppe") && name !== "Frank Fravær",
  );
  const [first, second] = classmates;
  await member2.selectOption({ label: first! });
  await member3.selectOption({ label: second! });
  await page.getByRole("textbox", { name: /^Tekst/ }).fill("Vi skriver om samarbeid med skolen i bekymringssaker.");
  await page.getByRole("button", { name: "Lever", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Innleveringen er mottatt." })).toContainText("Alle i gruppen får en kvittering på e-post.");
  const status = page.getByRole("region", { name: "Status" });
  await expect(status.getByText("Levert – venter på vurdering")).toBeVisible();
  for (const name of ["Sander Student (deg)", first!, second!]) await expect(status).toContainText(name);
  await expect(page.getByRole("region", { name: "Lever", exact: true })).toContainText("Innleveringen venter på vurdering.");
  await waitForMail("student@demo.no", /^Kvittering: Fagnotat 2/);
  await checkPage(page);

  // Report an absence for a day of samling 7, then withdraw it (the day has not come).
  await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Oppmøte" }).click();
  await expect(page.getByRole("cell", { name: /Meldt: Skal møte i fylkesnemnda/ })).toBeVisible();
  await checkPage(page);
  const day = page.getByLabel("Dag", { exact: true });
  const option = (await day.locator("option").allTextContents()).find((label) => /– Samling 7$/.test(label))!;
  expect(option).toBeTruthy();
  await day.selectOption({ label: option });
  await page.getByLabel("Hvorfor er du borte?").fill("Barnet mitt skal opereres.");
  await page.getByRole("button", { name: "Send fraværsmelding" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Fraværsmeldingen for .* er sendt\./ })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Barnet mitt skal opereres." });
  await expect(row).toBeVisible();
  await checkPage(page);
  await row.getByRole("button", { name: /^Trekk tilbake fraværsmeldingen for / }).click();
  await expect(page.getByRole("row").filter({ hasText: "Barnet mitt skal opereres." })).toHaveCount(0);
  // Said at the top, with the focus, and the form's «… er sendt» is gone (a walk: it stayed, alone).
  await expect(page.getByRole("status").filter({ hasText: /^Fraværsmeldingen for .+ er trukket tilbake\.$/ })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: /er sendt\./ })).toHaveCount(0);
  // Every coming day has its «Meld fravær»: the visible words first, the day after them.
  const dayLink = page.getByRole("link", { name: /^Meld fravær for \d{1,2}\. \p{L}+ \d{4}$/u }).first();
  await expect(dayLink).toBeVisible();
  // Followed, it chooses the day in the form and puts the focus there, not on the link far below.
  await dayLink.click();
  await expect(day).toBeFocused();
  await expect(day).not.toHaveValue("");
  // An empty reason gets the app's message beside the field (not the browser's bubble).
  await page.getByRole("button", { name: "Send fraværsmelding" }).click();
  await expect(page.locator("#fravaer-reason-error")).toBeVisible();

  // Back home: the next steps have moved on.
  await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Oversikt" }).click();
  await expect(verdict(page)).toContainText("Ledertreningsoppgave 1 er levert og venter på vurdering.");
  await expect(verdict(page)).toContainText("Fagnotat 2 (gruppe eller individuelt) er levert og venter på vurdering.");
});

test("a student gets nothing of another cohort's arbeidskrav or someone else's file by changing an id", async ({ page }) => {
  await signIn(page, "student.ferdig@demo.no");
  // Eva's cohort is not Sander's: Sander's arbeidskrav pages and files are not found for her.
  const response = await page.goto("/student/arbeidskrav/c000000000000000000000000");
  expect(response?.status()).toBe(404);
  expect((await page.goto("/student/arbeidskrav/not-an-id"))?.status()).toBe(404);
  const post = await page.request.post("/api/student/arbeidskrav/c000000000000000000000000/innlevering", {
    headers: { accept: "application/json", origin: new URL(page.url()).origin },
    multipart: { text: "Forsøk" },
  });
  expect(post.status()).toBe(404);
  const crossSite = await page.request.post("/api/student/arbeidskrav/c000000000000000000000000/innlevering", {
    headers: { accept: "application/json", origin: "https://angriper.example" },
    multipart: { text: "Forsøk" },
  });
  expect(crossSite.status()).toBe(403);
});
