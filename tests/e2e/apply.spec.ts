// A new applicant finds the open intake, registers, fills in the application, uploads two PDFs,
// submits, gets the receipt and follows the status; another applicant cannot get at any of it.
import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "@/prisma/seed/pdf";
import { expectAccessible, linkIn, waitForMail } from "./helpers";

const PASSWORD = "et-godt-passord-2026";
const PHONE_MESSAGE = "Telefonnummeret kan bare ha sifre, mellomrom og + foran landskoden. Fjern «i», «k», «e», «t», «n», «u», «m», «r».";
const pdfFile = (name: string, title: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(makePdf(title, ["Testdokument"])) });

async function register(page: Page, name: string, email: string) {
  await page.getByLabel("Fullt navn").fill(name);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(PASSWORD);
  await page.getByLabel(/Jeg har lest at NTNU behandler/).check();
  await page.getByRole("button", { name: "Opprett konto" }).click();
  // Two password hashes (register, then sign in) take a while on a busy machine.
  await page.waitForURL((url) => !url.pathname.startsWith("/registrer"), { timeout: 30_000 });
}

test("a new applicant applies from start to finish, and the application stays private", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = `ny.soker.${Date.now()}@example.no`;

  // Find the open intake on the public page and start.
  await page.goto("/");
  await page.getByRole("link", { name: /^Søk på / }).first().click();
  await expect(page).toHaveURL(/\/registrer\?neste=/);
  await expect(page.getByText("For å søke trenger du en søkerkonto.")).toBeVisible();
  await expectAccessible(page);
  await register(page, "Nora Nysøker", email);
  await expect(page.getByRole("heading", { name: "Søk opptak" })).toBeVisible();
  // Told at once that the link is in her inbox, and why it matters.
  await expect(page.getByRole("region", { name: "Bekreft e-postadressen din" })).toContainText(`Vi har sendt en lenke til ${email}.`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start søknaden" }).click();

  // Personal details.
  await expect(page.getByRole("heading", { level: 1, name: "Personopplysninger" })).toBeVisible();
  const applicationUrl = page.url().replace(/\/personalia$/, "");
  await expect(page.getByLabel("Fullt navn")).toHaveValue("Nora Nysøker");
  await page.getByLabel("Fødselsdato").fill("1982-03-14");
  await page.getByLabel("Telefon").fill("ikke et nummer");
  await page.getByLabel("Adresse").fill("Kongens gate 1");
  await page.getByLabel("Postnummer").fill("7011");
  await page.getByLabel("Poststed").fill("Trondheim");
  await page.getByRole("button", { name: "Lagre og gå videre" }).click();
  // A bad field: everything stays as typed, with the message beside the field, and a summary
  // at the top whose link leads to the field.
  await expect(page.locator("#phone-error")).toHaveText(PHONE_MESSAGE);
  await expect(page.getByLabel("Telefon")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Telefon")).toHaveAttribute("aria-describedby", "phone-error");
  await page.getByRole("alert").getByRole("link", { name: PHONE_MESSAGE }).click();
  await expect(page.getByLabel("Telefon")).toBeFocused();
  await expect(page.getByLabel("Telefon")).toHaveValue("ikke et nummer");
  await expect(page.getByLabel("Adresse")).toHaveValue("Kongens gate 1");
  await expectAccessible(page);
  // …and after a reload too.
  await page.reload();
  await expect(page.getByLabel("Telefon")).toHaveValue("ikke et nummer");
  await expect(page.locator("#phone-error")).toHaveText(PHONE_MESSAGE);
  await page.getByLabel("Telefon").fill("912 34 567");
  await page.getByRole("button", { name: "Lagre og gå videre" }).click();

  // Education. The focus is on the new step's heading, not left on the page's body when the
  // button that saved was gone (NavigationFocus).
  await expect(page.getByRole("heading", { level: 1, name: "Utdanning" })).toBeFocused();
  await page.getByRole("button", { name: "Legg til utdanning" }).click();
  await page.getByLabel("Lærested").fill("Nord universitet");
  await page.getByLabel("Grad eller studium").fill("Bachelor i barnevern");
  await page.getByLabel("Studiepoeng").fill("180");
  await page.getByLabel("Fullført år").fill("2008");
  await page.getByRole("button", { name: "Lagre utdanningen" }).click();
  await expect(page.getByText("Til sammen: 180 studiepoeng – kravet er oppfylt.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Gå videre til arbeidsgiver" }).click();

  // Employer.
  await expect(page.getByRole("heading", { level: 1, name: "Arbeidsgiver" })).toBeVisible();
  await page.getByLabel("Fylke").selectOption({ label: "Nordland" });
  await page.getByLabel("Kommune").selectOption({ label: "Bodø" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Lagre og gå videre" }).click();

  // A position with every tjenestebevis field.
  await expect(page.getByRole("heading", { level: 1, name: "Stillinger" })).toBeVisible();
  await page.getByRole("button", { name: "Legg til stilling" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stilling 1" })).toBeVisible();
  await page.getByLabel("Arbeidsgiver", { exact: true }).fill("Bodø kommune, barneverntjenesten");
  // A draft survives a reload: the form saves while the applicant types.
  await expect(page.getByRole("status").filter({ hasText: "Utkastet er lagret automatisk." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Arbeidsgiver", { exact: true })).toHaveValue("Bodø kommune, barneverntjenesten");
  await page.getByLabel("Type arbeidsgiver").selectOption("MUNICIPAL_CWS");
  await page.getByLabel("Fylke (arbeidssted)").selectOption({ label: "Nordland" });
  await page.getByLabel("Kommune (arbeidssted)").selectOption({ label: "Bodø" });
  await page.getByLabel("Stillingstittel").fill("Barnevernleder");
  await page.getByLabel("Lederrolle i stillingen").selectOption("LEADER");
  await page.getByLabel("Stillingsprosent").fill("100");
  await page.getByLabel("Antall du har personalansvar for").fill("14");
  await page.getByLabel("Ansvarsområde").fill("Hele barneverntjenesten");
  await page.getByLabel("Jeg har fagansvar").check();
  await page.getByLabel("Jeg har personalansvar").check();
  await page.getByLabel("Stillingen til nærmeste overordnede").fill("Kommunalsjef for oppvekst");
  await page.getByLabel("Startdato").fill("2018-02-01");
  await page.getByLabel("Jeg er fortsatt ansatt i denne stillingen").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Lagre og gå til alle stillinger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stillinger" })).toBeVisible();
  await expect(page.getByRole("article").getByText("Utfylt")).toBeVisible();
  await page.getByRole("link", { name: "Gå videre til dokumenter" }).click();

  // Two real PDFs.
  await expect(page.getByRole("heading", { level: 1, name: "Dokumenter" })).toBeVisible();
  // Choosing a file uploads it.
  await page.getByLabel("Last opp vitnemål").setInputFiles(pdfFile("vitnemål.pdf", "Vitnemål"));
  await expect(page.getByText("«vitnemål.pdf» er lastet opp.")).toBeVisible();
  await expect(page.getByRole("link", { name: "vitnemål.pdf" })).toBeVisible();
  await page.getByLabel("Last opp tjenestebevis for Barnevernleder").setInputFiles(pdfFile("tjenestebevis-bodo.pdf", "Tjenestebevis"));
  await expect(page.getByRole("link", { name: "tjenestebevis-bodo.pdf" })).toBeVisible();
  // A file that only claims to be a PDF is refused, in Norwegian.
  await page.getByLabel("Last opp vitnemål").setInputFiles({ name: "virus.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00") });
  await expect(page.getByRole("alert").filter({ hasText: "«virus.pdf» er ikke en PDF-fil." })).toBeVisible();
  await expectAccessible(page);
  const documentHref = await page.getByRole("link", { name: "vitnemål.pdf" }).getAttribute("href");
  await page.getByRole("link", { name: "Gå videre til oppsummering" }).click();

  // Summary: complete, but the address is not verified yet, so it cannot be sent.
  await expect(page.getByRole("heading", { level: 1, name: "Oppsummering og innsending" })).toBeVisible();
  await expect(page.getByText("Alt som trengs er fylt ut.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bekreft e-postadressen din" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send søknaden" })).toBeDisabled();
  await expectAccessible(page);

  // The link from the outbox verifies the address.
  await page.goto(linkIn(await waitForMail(email, /^Bekreft e-postadressen din/), "/bekreft-epost"));
  await expect(page.getByText(`Bekreft at ${email} er din e-postadresse.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bekreft e-postadressen" }).click();
  await expect(page.getByRole("status")).toContainText(`E-postadressen ${email} er bekreftet.`);
  await expect(page.getByRole("status")).toBeFocused();
  await page.goto(`${applicationUrl}/oppsummering`);
  await expect(page.getByRole("heading", { name: "Bekreft e-postadressen din" })).toHaveCount(0);
  await page.getByLabel("Jeg bekrefter at opplysningene er riktige og at dokumentene er mine.").check();
  await page.getByRole("button", { name: "Send søknaden" }).click();

  // Status, provisional category and the receipt.
  await expect(page.getByText(`Søknaden er sendt. Vi har sendt en kvittering til ${email}.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Foreløpig prioritetskategori: 1" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" }).getByText("Søknaden ble sendt:")).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" }).getByText("Studieveilederen har ikke begynt å behandle søknaden ennå.")).toBeVisible();
  await expectAccessible(page);
  const receipt = await waitForMail(email, /^Kvittering: søknad til Nasjonal videreutdanning i barnevernledelse/);
  expect(receipt.text).toContain("Foreløpig prioritetskategori: 1");

  // The applicant can download their own document.
  const own = await page.request.get(documentHref!);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-disposition"]).toContain("attachment");
  expect((await own.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Another applicant, in another browser, gets nothing.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/registrer");
  await register(otherPage, "Annen Søker", `annen.${Date.now()}@example.no`);
  await expect(otherPage).toHaveURL(/\/soker$/);
  const response = await otherPage.goto(applicationUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  await expect(otherPage.getByText("Nora Nysøker")).toHaveCount(0);
  const download = await otherPage.request.get(documentHref!);
  expect(download.status()).toBe(404);
  expect((await download.body()).byteLength).toBe(0);
  // Ids that cannot be ours are "not found" (or a bad request), never a server error.
  for (const bad of ["%00", "c".repeat(5000), "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "%27%20OR%201%3D1"]) {
    expect([400, 404]).toContain((await otherPage.goto(`/soker/soknad/${bad}/personalia`))?.status());
    expect([400, 404]).toContain((await otherPage.request.get(`/api/dokumenter/${bad}`)).status());
  }
  // An upload from another site, without Origin, is refused.
  const applicationId = new URL(applicationUrl).pathname.split("/").at(-1)!;
  const crossSite = await otherPage.request.post(`/api/soknader/${applicationId}/dokumenter`, {
    headers: { accept: "application/json", "sec-fetch-site": "cross-site" },
    multipart: { kind: "VITNEMAL", file: pdfFile("angrep.pdf", "Angrep") },
  });
  expect(crossSite.status()).toBe(403);
  await other.close();

  // Before the deadline and before the adviser has begun, she opens the sent application to
  // correct her phone number: it is a draft again, told as not sent, until she sends it anew.
  await page.goto(applicationUrl);
  await page.getByRole("button", { name: "Endre søknaden" }).click();
  const question = page.getByRole("dialog", { name: "Åpne søknaden for endring?" });
  await expect(question).toContainText("Søknaden blir et utkast igjen og er ikke sendt før du sender den på nytt.");
  await expectAccessible(page);
  await question.getByRole("button", { name: "Ja, åpne søknaden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oppsummering og innsending" })).toBeVisible();
  await expect(page.getByText("Søknaden er åpnet for endring og er ikke sendt.")).toBeVisible();
  // Focus starts on the notice that it is not sent; the last step is not ✓ and its button sends anew.
  await expect(page.locator("#apnet-for-endring")).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Steg i søknaden" }).getByRole("link", { name: /Oppsummering og innsending \(ikke ferdig\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Send søknaden på nytt" })).toBeVisible();
  await expect(page.getByText("Åpnet for endring – ikke sendt")).toBeVisible();
  await expectAccessible(page);
  expect((await waitForMail(email, /^Søknaden din er åpnet for endring/)).text).toContain("Den blir bare vurdert hvis du sender den igjen.");
  await page.goto(`${applicationUrl}/personalia`);
  await page.getByLabel("Telefon").fill("913 45 678");
  await page.getByRole("button", { name: "Lagre og gå videre" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Utdanning" })).toBeVisible();
  await page.getByRole("link", { name: "Gå til oppsummering og innsending" }).click();
  await expect(page.getByText("913 45 678")).toBeVisible();
  await page.getByLabel("Jeg bekrefter at opplysningene er riktige og at dokumentene er mine.").check();
  await page.getByRole("button", { name: "Send søknaden på nytt" }).click();
  await expect(page.getByText(`Søknaden er sendt på nytt. Vi har sendt en kvittering til ${email}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" }).getByText("Du åpnet søknaden for endring:")).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" }).getByText("Søknaden ble sendt på nytt:")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Endre søknaden" })).toBeVisible();
  expect((await waitForMail(email, /^Kvittering: endret søknad til/)).text).toContain("Vi har mottatt den endrede søknaden din");
});
