// What a first-time applicant ran into (issue 12), each kept fixed by a test: input lost on
// quick navigation, contradictory answers accepted, the category seen only after sending, error
// summaries outliving their errors, dates in ISO, and the smaller things. Chromium, nb-NO.
import { expect, test, type Dialog, type Page } from "@playwright/test";
import { makePdf } from "@/prisma/seed/pdf";
import { expectAccessible, registerAndStartApplication } from "./helpers";

const stamp = () => `${Date.now()}.${Math.floor(Math.random() * 1e6)}`;
const summary = (page: Page) => page.getByText("Det du har skrevet er lagret, men noen felt må rettes.");

/** Fills in a whole position that makes category 1, leaving out what `except` names. */
async function fillPosition(page: Page, except: string[] = []) {
  const fill = async (label: string, value: string, exact = false) => {
    if (!except.includes(label)) await page.getByLabel(label, { exact }).fill(value);
  };
  await fill("Arbeidsgiver", "Bodø kommune, barneverntjenesten", true);
  await page.getByLabel("Type arbeidsgiver").selectOption("MUNICIPAL_CWS");
  await page.getByLabel("Fylke (arbeidssted)").selectOption({ label: "Nordland" });
  await page.getByLabel("Kommune (arbeidssted)").selectOption({ label: "Bodø" });
  await fill("Stillingstittel", "Barnevernleder");
  await page.getByLabel("Lederrolle i stillingen").selectOption("LEADER");
  await fill("Stillingsprosent", "100");
  await fill("Ansvarsområde", "Hele tjenesten");
  await page.getByLabel("Jeg har fagansvar").check();
  if (!except.includes("Jeg har personalansvar")) await page.getByLabel("Jeg har personalansvar").check();
  await fill("Antall du har personalansvar for", "12");
  await fill("Stillingen til nærmeste overordnede", "Kommunalsjef");
  await fill("Startdato", "2018-02-01");
}

test.describe("leaving a step", () => {
  test("an education typed and left at once with «Gå videre» is kept, and so is input left by a step link", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Rask Søker", `rask.${stamp()}@example.no`);

    // Personal details, then straight to another step by the step list: nothing waits for autosave.
    await page.getByLabel("Adresse").fill("Kongens gate 1");
    await page.getByLabel("Postnummer").fill("7011");
    await page.getByRole("navigation", { name: "Steg i søknaden" }).getByRole("link", { name: /Utdanning/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Utdanning" })).toBeVisible();

    await page.getByRole("button", { name: "Legg til utdanning" }).click();
    // The new education's first field has the focus (its address ends #utdanning-<id>).
    await expect(page.getByLabel("Lærested")).toBeFocused();
    await page.getByLabel("Lærested").fill("Nord universitet");
    await page.getByLabel("Grad eller studium").fill("Bachelor i barnevern");
    await page.getByLabel("Studiepoeng").fill("180");
    await page.getByLabel("Fullført år").fill("2008");
    await page.getByRole("link", { name: "Gå videre til arbeidsgiver" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Arbeidsgiver" })).toBeVisible();
    // The step list knows at once that the education step is done.
    await expect(page.getByRole("navigation", { name: "Steg i søknaden" }).getByRole("link", { name: "Utdanning (utfylt)" })).toBeVisible();

    await page.goto(`${application}/utdanning`);
    await expect(page.getByLabel("Lærested")).toHaveValue("Nord universitet");
    await expect(page.getByLabel("Fullført år")).toHaveValue("2008");
    await expect(page.getByText("Til sammen: 180 studiepoeng – kravet er oppfylt.")).toBeVisible();
    await page.goto(`${application}/personalia`);
    await expect(page.getByLabel("Adresse")).toHaveValue("Kongens gate 1");
    await expect(page.getByLabel("Postnummer")).toHaveValue("7011");

    // "← Mine søknader" saves first too.
    await page.getByLabel("Poststed").fill("Trondheim");
    await page.getByRole("link", { name: "← Mine søknader" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mine søknader" })).toBeVisible();
    await page.goto(`${application}/personalia`);
    await expect(page.getByLabel("Poststed")).toHaveValue("Trondheim");
  });

  test("saving a step that still lacks something says what is missing, not only «Lagret.»", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Halv Søker", `halv.${stamp()}@example.no`);
    await page.goto(`${application}/utdanning`);
    await page.getByRole("button", { name: "Legg til utdanning" }).click();
    await page.getByLabel("Lærested").fill("NTNU");
    await page.getByLabel("Studiepoeng").fill("180");
    await page.getByLabel("Fullført år").fill("2015");
    await page.getByRole("button", { name: "Lagre utdanningen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Utkastet er lagret." })).toContainText(
      "Før du kan sende søknaden, mangler dette: Fyll inn grad eller studium for utdanning nr. 1.",
    );
    await page.getByLabel("Grad eller studium").fill("Bachelor i barnevern");
    await page.getByRole("button", { name: "Lagre utdanningen" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Lagret\.$/ })).toBeVisible();
  });

  test("closing the tab with input not yet saved warns (the last resort), and what was typed is stored", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Lukk Søker", `lukk.${stamp()}@example.no`);
    // A real click and typing: the browser shows a leave warning only after the user has used the page.
    await page.getByLabel("Adresse").click();
    await page.keyboard.type("Fjordgata 9");
    const warning = new Promise<Dialog>((resolve) => page.once("dialog", resolve));
    await page.close({ runBeforeUnload: true });
    const dialog = await warning;
    expect(dialog.type()).toBe("beforeunload");
    // The applicant stays: the save that leaving started has stored what was typed.
    await dialog.dismiss();
    await expect(page.getByRole("status").filter({ hasText: "Utkastet er lagret automatisk." })).toBeVisible();
    await page.goto(`${application}/personalia`);
    await expect(page.getByLabel("Adresse")).toHaveValue("Fjordgata 9");
  });

  test("«Lagre og gå videre» on an empty step says what is missing, and lets the applicant go on anyway", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Tom Arbeidsgiver", `tom.${stamp()}@example.no`);
    await page.goto(`${application}/arbeidsgiver`);
    await page.getByRole("button", { name: "Lagre og gå videre" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "Dette mangler fortsatt på dette steget" });
    await expect(notice).toBeFocused();
    // Nothing was typed: the draft is saved, not «what you wrote».
    await expect(notice).toContainText("Utkastet er lagret. Dette mangler fortsatt på dette steget:");
    await expect(notice.getByRole("link", { name: "Velg fylket arbeidsgiveren din ligger i." })).toBeVisible();
    await expect(notice.getByRole("link", { name: "Velg kommunen arbeidsgiveren din ligger i." })).toBeVisible();
    await expect(page).toHaveURL(/\/arbeidsgiver$/);
    // …and at each field, as an error tied to it.
    await expect(page.getByLabel("Fylke")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Fylke")).toHaveAccessibleDescription("Velg fylket arbeidsgiveren din ligger i.");
    await expect(page.getByLabel("Kommune")).toHaveAccessibleDescription("Velg kommunen arbeidsgiveren din ligger i.");
    await expectAccessible(page);
    await notice.getByRole("link", { name: "Gå videre likevel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stillinger" })).toBeVisible();
  });

  test("«Lagre og gå videre» with a field to correct says what is missing on the step in the same list, not in a second round", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Runde Søker", `runde.${stamp()}@example.no`);
    await page.goto(`${application}/personalia`);
    await page.getByLabel("Telefon").fill("ikke et nummer");
    await page.getByRole("button", { name: "Lagre og gå videre" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "men noen felt må rettes. Noe mangler også på dette steget:" });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole("link", { name: /^Telefonnummeret kan bare ha sifre/ })).toBeVisible();
    await expect(notice.getByRole("link", { name: "Fyll inn poststed." })).toBeVisible();
    // No «Gå videre likevel» while a field is wrong, and the step stays.
    await expect(notice.getByRole("link", { name: "Gå videre likevel" })).toHaveCount(0);
    await expect(page).toHaveURL(/\/personalia$/);
    await notice.getByRole("link", { name: "Fyll inn poststed." }).click();
    await expect(page.getByLabel("Poststed")).toBeFocused();
    // The missing field is marked where it is, not only in the list; filled in, the mark goes.
    await expect(page.getByLabel("Poststed")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Poststed")).toHaveAccessibleDescription("Fyll inn poststed.");
    await page.getByLabel("Poststed").fill("Trondheim");
    await expect(page.getByRole("status").filter({ hasText: "Utkastet er lagret" })).toBeVisible();
    await expect(page.getByLabel("Poststed")).not.toHaveAttribute("aria-invalid", "true");
    // The wrong phone put right: its message goes, and what is still missing stays listed, as it stays marked.
    await page.getByLabel("Telefon").fill("41234567");
    await expect(page.getByRole("alert").filter({ hasText: "Dette mangler fortsatt på dette steget" })).toBeVisible();
    await expect(page.getByRole("alert").getByRole("link", { name: /^Telefonnummeret/ })).toHaveCount(0);
    // Come back to the step: what is still marked is listed at the top again, with the focus there.
    const marked = await page.locator('main [aria-invalid="true"]').count();
    expect(marked).toBeGreaterThan(0);
    await page.reload();
    const again = page.getByRole("alert").filter({ hasText: "Noen felt på dette steget må rettes eller fylles ut:" });
    await expect(again).toBeFocused();
    await expect(again.getByRole("link")).toHaveCount(marked);
    await expectAccessible(page);
    // Typing does not move the focus to it again.
    await page.getByLabel("Adresse").fill("Fjordgata 9");
    await expect(page.getByRole("status").filter({ hasText: "Utkastet er lagret" })).toBeVisible();
    await expect(page.getByLabel("Adresse")).toBeFocused();
  });

  test("a file is uploaded as soon as it is chosen, and its size is said the way people read it", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Fil Søker", `fil.${stamp()}@example.no`);
    await page.goto(`${application}/dokumenter`);
    await expect(page.locator("#vitnemal").getByRole("button", { name: "Last opp", exact: true })).toHaveCount(0);
    const pdf = Buffer.from(makePdf("Vitnemål", ["Fil Søker"]));
    await page.getByLabel("Last opp vitnemål").setInputFiles({ name: "vitnemal.pdf", mimeType: "application/pdf", buffer: pdf });
    await expect(page.getByRole("link", { name: "vitnemal.pdf" })).toBeVisible();
    await expect(page.getByText(`PDF, ${pdf.byteLength} byte, lastet opp`)).toBeVisible();

    // Deleting asks first, in a modal dialog that holds the focus; "Avbryt" (or Escape) keeps the
    // file and gives the focus back to the button.
    const trigger = page.getByRole("button", { name: "Slett vitnemal.pdf" });
    const question = page.getByRole("dialog", { name: "Vil du slette «vitnemal.pdf»?" });
    await trigger.click();
    await expect(question).toBeVisible();
    await expect(question).toContainText("Du kan laste den opp på nytt.");
    expect(await question.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await question.getByRole("button", { name: "Avbryt" }).click();
    await expect(question).toBeHidden();
    await expect(trigger).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(question).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(question).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(page.getByRole("link", { name: "vitnemal.pdf" })).toBeVisible();
    // Confirmed, it goes.
    await trigger.click();
    await question.getByRole("button", { name: "Ja, slett filen" }).click();
    await expect(page.getByText("«vitnemal.pdf» er slettet.")).toBeVisible();
    await expect(page.getByRole("link", { name: "vitnemal.pdf" })).toHaveCount(0);
  });
});

test.describe("a position", () => {
  test("«still employed» is not assumed; an end date before the start is an error that survives a reload", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Dato Søker", `dato.${stamp()}@example.no`);
    await page.goto(`${application}/stillinger`);
    await page.getByRole("button", { name: "Legg til stilling" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stilling 1" })).toBeVisible();

    const stillEmployed = page.getByLabel("Jeg er fortsatt ansatt i denne stillingen");
    const endDate = page.getByLabel("Sluttdato");
    await expect(stillEmployed).not.toBeChecked();
    // The box comes before the date it switches off.
    const boxTop = (await stillEmployed.boundingBox())!.y;
    expect((await endDate.boundingBox())!.y).toBeGreaterThan(boxTop);
    await stillEmployed.check();
    await expect(endDate).toBeDisabled();
    await stillEmployed.uncheck();
    await expect(endDate).toBeEnabled();

    await page.getByLabel("Startdato").fill("2020-05-01");
    await endDate.fill("2019-01-31");
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await expect(page.locator("#endDate-error")).toHaveText("Sluttdatoen kan ikke være før startdatoen.");
    await page.reload();
    await expect(page.getByLabel("Sluttdato")).toHaveValue("2019-01-31");
    await expect(page.locator("#endDate-error")).toHaveText("Sluttdatoen kan ikke være før startdatoen.");
    await expect(page.getByLabel("Jeg er fortsatt ansatt i denne stillingen")).not.toBeChecked();
  });

  test("contradictory personnel answers get a message at the field, and the summary goes once they are corrected", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Motsi Søker", `motsi.${stamp()}@example.no`);
    await page.goto(`${application}/stillinger`);
    await page.getByRole("button", { name: "Legg til stilling" }).click();
    await fillPosition(page, ["Jeg har personalansvar", "Antall du har personalansvar for"]);
    await page.getByLabel("Antall du har personalansvar for").fill("6");
    await page.getByLabel("Jeg er fortsatt ansatt i denne stillingen").check();
    await page.getByRole("button", { name: "Lagre utkast" }).click();

    const message =
      "Du har skrevet at du har personalansvar for 6 personer, men ikke krysset av for «Jeg har personalansvar». " +
      "Kryss av for personalansvar, eller skriv 0 hvis du ikke har det.";
    await expect(page.locator("#personnelCount-error")).toHaveText(message);
    await expect(page.getByLabel("Antall du har personalansvar for")).toHaveAttribute("aria-invalid", "true");
    await expect(summary(page)).toBeVisible();
    await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
    await expectAccessible(page);

    // Corrected: the autosave stores it, and the summary and the field's message go with the error.
    await page.getByLabel("Jeg har personalansvar").check();
    await expect(page.getByRole("status").filter({ hasText: "Utkastet er lagret automatisk." })).toBeVisible();
    await expect(summary(page)).toHaveCount(0);
    await expect(page.locator("#personnelCount-error")).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Antall du har personalansvar for")).toHaveValue("6");
    await expect(page.locator("#personnelCount-error")).toHaveCount(0);
  });

  test("the summary shows the provisional category, and why, before sending", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Kategori Søker", `kategori.${stamp()}@example.no`);
    await page.goto(`${application}/oppsummering`);
    const section = page.getByRole("region", { name: "Foreløpig prioritetskategori" });
    await expect(section).toContainText("Legg inn stillingene dine");

    await page.goto(`${application}/stillinger`);
    await page.getByRole("button", { name: "Legg til stilling" }).click();
    await fillPosition(page);
    // Whether the position has ended is not answered yet: going on says so, at the field.
    await page.getByRole("button", { name: "Lagre og gå til alle stillinger" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "Dette mangler fortsatt på dette steget" });
    await expect(notice.getByRole("link", { name: /^Fyll inn sluttdato for stillingen «Barnevernleder, Bodø kommune/ })).toBeVisible();
    await expect(page).toHaveURL(/\/stillinger\/\w+$/);

    // …and the category says it needs that.
    await page.goto(`${application}/oppsummering`);
    await expect(page.getByRole("region", { name: "Foreløpig prioritetskategori" })).toContainText(
      "Stilling 1 («Barnevernleder»): sluttdato eller «fortsatt ansatt».",
    );
    await page.goto(`${application}/stillinger`);
    await page.getByRole("link", { name: "Rediger stilling 1" }).click();
    await page.getByLabel("Jeg er fortsatt ansatt i denne stillingen").check();
    await page.getByRole("button", { name: "Lagre og gå til alle stillinger" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stillinger" })).toBeVisible();

    await page.goto(`${application}/oppsummering`);
    await expect(page.getByRole("heading", { name: "Foreløpig prioritetskategori: 1" })).toBeVisible();
    await expect(page.getByText("Leder eller stedfortreder i kommunalt barnevern med fagansvar og personalansvar")).toBeVisible();
    await expect(
      page.getByText("Du har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Send søknaden" })).toBeDisabled(); // nothing is sent yet
    await expectAccessible(page);

    // The list of what is missing leads to the field, with focus on it.
    await page.getByRole("link", { name: "Fyll inn telefonnummer." }).click();
    await expect(page.getByLabel("Telefon")).toBeFocused();
  });
});

test.describe("Norwegian input", () => {
  test("dates are typed as dd.mm.åååå; a phone number too short says so", async ({ page }) => {
    await registerAndStartApplication(page, "Norsk Søker", `norsk.${stamp()}@example.no`);
    // The labels mark only the optional fields; the step says what the unmarked ones are.
    await expect(page.getByText("Felt merket «(valgfritt)» kan stå tomme. De andre må være fylt ut før du kan sende søknaden.")).toBeVisible();
    const birthDate = page.getByLabel("Fødselsdato");
    // The hint gives an example, not an order of digits: the field is the browser's own, in the
    // browser's language (an English one shows mm/dd/yyyy, and «dd.mm.åååå» would mislead).
    await expect(page.locator("#birthDate-hint")).toHaveText("For eksempel 14. mars 1982.");
    // Chromium in Norwegian shows the date field as dd.mm.åååå: the digits go in day first.
    expect(await page.evaluate(() => navigator.language)).toBe("nb-NO");
    await page.getByLabel("Fullt navn").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.type("14031982");
    await expect(birthDate).toHaveValue("1982-03-14");

    await birthDate.fill("1920-01-01");
    await page.getByLabel("Telefon").fill("12 34");
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await expect(page.locator("#birthDate-error")).toHaveText("Fødselsdatoen må være mellom 01.01.1930 og 31.12.2010.");
    await expect(page.locator("#phone-error")).toHaveText("Telefonnummeret har 4 sifre. Et norsk nummer har 8 sifre, for eksempel 912 34 567.");
  });

  test("municipalities are listed by their Norwegian names", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Kommune Søker", `kommune.${stamp()}@example.no`);
    await page.goto(`${application}/arbeidsgiver`);
    await page.getByLabel("Fylke").selectOption({ label: "Nordland" });
    const nordland = await page.getByLabel("Kommune").locator("option").allTextContents();
    expect(nordland.slice(nordland.indexOf("Hadsel"), nordland.indexOf("Hemnes") + 1)).toEqual([
      "Hadsel",
      "Hamarøy - Hábmer",
      "Hattfjelldal - Aarborte",
      "Hemnes",
    ]);
    await page.getByLabel("Fylke").selectOption({ label: "Finnmark" });
    const finnmark = await page.getByLabel("Kommune").locator("option").allTextContents();
    expect(finnmark.filter((name) => name.startsWith("D"))).toEqual([]);
    expect(finnmark.indexOf("Tana - Deatnu")).toBeGreaterThan(finnmark.indexOf("Sør-Varanger"));
  });
});

test.describe("smaller things", () => {
  test("signed out, «Søk på» leads to registration, which says an account comes first and links the privacy statement", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /^Søk på / }).first().click();
    await expect(page).toHaveURL(/\/registrer\?neste=/);
    await expect(page.getByText("For å søke trenger du en søkerkonto.")).toBeVisible();
    const privacy = page.getByRole("link", { name: /personvernerklæringen/ });
    await expect(privacy).toHaveAttribute("href", "/personvern");
    await page.goto("/personvern");
    for (const heading of ["Hva vi lagrer", "Hvorfor, og med hvilken rett", "Hvor lenge vi lagrer opplysningene", "Dine rettigheter", "Kontakt"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    // The periods are the job's own (lib/env.ts retentionPeriods), the health data of utsatt eksamen's among them.
    const periods = page.getByRole("region", { name: "Hvor lenge vi lagrer opplysningene" });
    await expect(periods.getByRole("listitem").filter({ hasText: "Får du ikke studieplass" })).toContainText("seks måneder etter det endelige vedtaket");
    await expect(periods.getByRole("listitem").filter({ hasText: "Søker du om utsatt eksamen" })).toContainText(
      "slettes forklaringen din og dokumentasjonen (for eksempel legeerklæringen) tre måneder etter at søknaden er endelig avgjort",
    );
    await expect(periods.getByRole("listitem").filter({ hasText: "Sender du en fraværsmelding" })).toContainText(
      "slettes begrunnelsen du skrev tre måneder etter samlingsdagen den gjaldt",
    );
    await expectAccessible(page);
  });

  test("stand-alone links are at least 24 × 24 px", async ({ page }) => {
    const application = await registerAndStartApplication(page, "Mål Søker", `maal.${stamp()}@example.no`);
    await page.goto(`${application}/oppsummering`);
    for (const link of [page.getByRole("link", { name: "← Mine søknader" }), page.getByRole("link", { name: "Endre personopplysninger" })]) {
      const box = (await link.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
  });

  test("on a phone the step list is one line that opens, so the first field is in view", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await registerAndStartApplication(page, "Telefon Søker", `mobil.${stamp()}@example.no`);
    const steps = page.getByRole("navigation", { name: "Steg i søknaden" });
    const toggle = steps.locator("summary");
    await expect(toggle).toBeVisible();
    // The summary is no step to fill in: five are left.
    await expect(toggle).toContainText("Steg 1 av 6: Personopplysninger · 5 steg igjen å fylle ut");
    await expect(steps.getByRole("link", { name: /Utdanning/ })).toBeHidden();
    await expect(page.getByLabel("Fullt navn")).toBeInViewport();
    await toggle.click();
    await expect(steps.getByRole("link", { name: /Utdanning/ })).toBeVisible();
  });

  test("an adviser without access is told to ask an administrator, not the study adviser", async ({ page }) => {
    const { signIn } = await import("./helpers");
    await signIn(page, "veileder@demo.no");
    await page.goto("/student");
    await expect(page).toHaveURL(/\/ingen-tilgang/);
    await expect(page.getByText("kontakt en administrator")).toBeVisible();
    await expect(page.getByText("kontakt studieveilederen")).toHaveCount(0);
  });
});
