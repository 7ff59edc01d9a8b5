// The whole application can be completed with the keyboard alone, on a 320 px wide screen:
// every control is reached with Tab and used with typing, Space and Enter; nothing scrolls sideways.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { makePdf } from "@/prisma/seed/pdf";
import { linkIn, waitForMail } from "./helpers";

test.use({ viewport: { width: 320, height: 720 }, hasTouch: false });

const PASSWORD = "tastatur-passord-2026";

/** Presses Tab (up to `limit` times) until `target` has focus: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await handle!.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with Tab`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

async function press(page: Page, target: Locator, key = "Enter") {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/**
 * Types a date into a native date field. The order of its day/month/year segments follows the
 * browser's own language (dd.mm.åååå for Norwegian users), so try day-first and, if the field
 * reads the digits otherwise, type them again month-first.
 */
async function typeDate(page: Page, target: Locator, iso: string) {
  const [year, month, day] = iso.split("-");
  await tabTo(page, target);
  await page.keyboard.type(`${day}${month}${year}`);
  if ((await target.inputValue()) === iso) return;
  // Typing stopped in the last segment; Shift+Tab steps back through the field's own segments.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.type(`${month}${day}${year}`);
  await expect(target).toHaveValue(iso);
}

/** Native selects take typed letters on Chromium; the test checks the choice landed. */
async function choose(page: Page, target: Locator, optionText: string, value: string) {
  await tabTo(page, target);
  await page.keyboard.type(optionText);
  await expect(target).toHaveValue(value);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** Choosing the file uploads it: there is no second button to find. */
async function uploadByKeyboard(page: Page, input: Locator, name: string) {
  await tabTo(page, input);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles({ name, mimeType: "application/pdf", buffer: Buffer.from(makePdf("Dokument", [name])) });
  await expect(page.getByRole("link", { name })).toBeVisible();
}

test("an applicant completes the application with the keyboard alone at 320 px", async ({ page }) => {
  test.setTimeout(150_000);
  const email = `tastatur.${Date.now()}@example.no`;
  await page.goto("/registrer");
  await expectNoSidewaysScroll(page);
  await typeInto(page, page.getByLabel("Fullt navn"), "Tore Tastatur");
  await typeInto(page, page.getByLabel("E-postadresse"), email);
  await typeInto(page, page.getByLabel("Passord", { exact: true }), PASSWORD);
  await typeInto(page, page.getByLabel("Gjenta passordet"), PASSWORD);
  await press(page, page.getByLabel(/Jeg har lest at NTNU behandler/), "Space");
  await press(page, page.getByRole("button", { name: "Opprett konto" }));
  await expect(page).toHaveURL(/\/soker$/, { timeout: 30_000 });
  await expectNoSidewaysScroll(page);

  await press(page, page.getByRole("link", { name: "Start søknad" }).first());
  await expect(page.getByRole("heading", { name: "Søk opptak" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await press(page, page.getByRole("button", { name: "Start søknaden" }));

  await expect(page.getByRole("heading", { level: 1, name: "Personopplysninger" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await typeDate(page, page.getByLabel("Fødselsdato"), "1982-03-14");
  await typeInto(page, page.getByLabel("Telefon"), "48 12 34 56");
  await typeInto(page, page.getByLabel("Adresse"), "Storgata 5");
  await typeInto(page, page.getByLabel("Postnummer"), "9008");
  await typeInto(page, page.getByLabel("Poststed"), "Tromsø");
  await press(page, page.getByRole("button", { name: "Lagre og gå videre" }));

  await expect(page.getByRole("heading", { level: 1, name: "Utdanning" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await press(page, page.getByRole("button", { name: "Legg til utdanning" }));
  await typeInto(page, page.getByLabel("Lærested"), "UiT Norges arktiske universitet");
  await typeInto(page, page.getByLabel("Grad eller studium"), "Bachelor i sosialt arbeid");
  await typeInto(page, page.getByLabel("Studiepoeng"), "180");
  await typeInto(page, page.getByLabel("Fullført år"), "2010");
  await press(page, page.getByRole("button", { name: "Lagre utdanningen" }));
  await expect(page.getByText("Til sammen: 180 studiepoeng – kravet er oppfylt.")).toBeVisible();
  await press(page, page.getByRole("link", { name: "Gå videre til arbeidsgiver" }));

  await expect(page.getByRole("heading", { level: 1, name: "Arbeidsgiver" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await choose(page, page.getByLabel("Fylke"), "Troms", "55");
  await choose(page, page.getByLabel("Kommune"), "Tromsø", "5501");
  await press(page, page.getByRole("button", { name: "Lagre og gå videre" }));

  await expect(page.getByRole("heading", { level: 1, name: "Stillinger" })).toBeVisible();
  await press(page, page.getByRole("button", { name: "Legg til stilling" }));
  await expect(page.getByRole("heading", { level: 1, name: "Stilling 1" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await typeInto(page, page.getByLabel("Arbeidsgiver", { exact: true }), "Tromsø kommune, barneverntjenesten");
  await choose(page, page.getByLabel("Type arbeidsgiver"), "Kommunalt", "MUNICIPAL_CWS");
  await choose(page, page.getByLabel("Fylke (arbeidssted)"), "Troms", "55");
  await choose(page, page.getByLabel("Kommune (arbeidssted)"), "Tromsø", "5501");
  await typeInto(page, page.getByLabel("Stillingstittel"), "Fagleder");
  await choose(page, page.getByLabel("Lederrolle i stillingen"), "Fagleder", "PROFESSIONAL_LEAD");
  await typeInto(page, page.getByLabel("Stillingsprosent"), "100");
  await typeInto(page, page.getByLabel("Ansvarsområde"), "Tiltak");
  await press(page, page.getByLabel("Jeg har fagansvar"), "Space");
  await typeInto(page, page.getByLabel("Antall du har personalansvar for"), "0");
  await typeInto(page, page.getByLabel("Stillingen til nærmeste overordnede"), "Barnevernleder");
  await typeDate(page, page.getByLabel("Startdato"), "2022-09-01");
  await press(page, page.getByLabel("Jeg er fortsatt ansatt i denne stillingen"), "Space");
  await expect(page.getByLabel("Sluttdato")).toBeDisabled();
  await press(page, page.getByRole("button", { name: "Lagre og gå til alle stillinger" }));
  await expect(page.getByRole("article").getByText("Utfylt")).toBeVisible();
  await press(page, page.getByRole("link", { name: "Gå videre til dokumenter" }));

  await expect(page.getByRole("heading", { level: 1, name: "Dokumenter" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await uploadByKeyboard(page, page.getByLabel("Last opp vitnemål"), "vitnemal-uit.pdf");
  await uploadByKeyboard(page, page.getByLabel("Last opp tjenestebevis for Fagleder"), "tjenestebevis-tromso.pdf");
  // The address is verified from the e-mail link, by keyboard too.
  const documents = page.url();
  await page.goto(linkIn(await waitForMail(email, /^Bekreft e-postadressen din/), "/bekreft-epost"));
  await expectNoSidewaysScroll(page);
  await press(page, page.getByRole("button", { name: "Bekreft e-postadressen" }));
  await expect(page.getByRole("status")).toContainText("er bekreftet");
  await page.goto(documents);
  await press(page, page.getByRole("link", { name: "Gå videre til oppsummering" }));

  await expect(page.getByRole("heading", { level: 1, name: "Oppsummering og innsending" })).toBeVisible();
  await expect(page.getByText("Alt som trengs er fylt ut.")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await press(page, page.getByLabel("Jeg bekrefter at opplysningene er riktige og at dokumentene er mine."), "Space");
  await press(page, page.getByRole("button", { name: "Send søknaden" }));
  await expect(page.getByText(`Søknaden er sendt. Vi har sendt en kvittering til ${email}.`)).toBeVisible();
  // A fagleder in municipal barnevern since 2022, with fagansvar but no personalansvar: not
  // category 1, but more than two years of leadership, so category 2.
  await expect(page.getByRole("heading", { name: "Foreløpig prioritetskategori: 2" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
