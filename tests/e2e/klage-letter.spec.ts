// A klage taken, end to end on the demo data: Áile Ŋuolláš Čoavji-Đoallu (soker.klage@demo.no) was
// refused in barnevernledelse's decided intake and has appealed. The adviser takes the klage and
// gives a place on the waiting list (the kull is full, so not an offer; at the end of the list, so
// nobody else moves: other specs run in parallel). Áile gets a letter that says the new decision,
// the refusal is shown as no longer standing, and the PDF, read back with pdf.js, has her name as
// typed, the case's reference and the legal basis.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_APPLICANTS } from "@/prisma/seed/demo-accounts";
import { pdfText } from "../support/pdf-text";
import { expectAccessible, signIn, waitForMail } from "./helpers";

const AILE = DEMO_APPLICANTS.appellant;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a klage taken gives the applicant a letter with the new decision, in a PDF with her Sámi name as typed", async ({ browser }) => {
  test.setTimeout(120_000);
  const adviser = await signedIn(browser, "veileder@demo.no");
  await adviser.goto("/veileder/opptak/klager");
  const klage = adviser.getByRole("article").filter({ hasText: AILE.name });
  await expect(klage).toContainText("Familieavdelingen i Bergen kommune");
  await expect(klage).toContainText(/Saksnummer \d{4}\/\d{5}/);
  const reference = /Saksnummer (\d{4}\/\d{5})/.exec((await klage.textContent())!)![1]!;
  await klage.getByLabel("Ta klagen til følge: gi en bedre plass på ventelisten").check();
  // The field says how long the list is, and that a place beyond it is its end.
  await expect(klage.getByText(/^Søkeren har avslag nå\. Ventelisten har \d+ søkere; plass \d+ er sist på den\.$/)).toBeVisible();
  await klage.getByLabel("Ny plass på ventelisten").fill("999");
  await klage.getByLabel("Begrunnelse").fill("Familieavdelingen er en del av barneverntjenesten.\nStillingen er en lederstilling i barnevernet.");
  await klage.getByRole("button", { name: "Avgjør klagen" }).click();
  await expect(adviser.getByRole("article").filter({ hasText: AILE.name })).toHaveCount(0);

  const mail = await waitForMail(AILE.email, /^Plass på venteliste:/);
  expect(mail.text).toContain(`Til ${AILE.name}`);
  expect(mail.text).toMatch(/Klagen er delvis tatt til følge: du er satt på venteliste til Nasjonal videreutdanning i barnevernledelse \(30 studiepoeng\), Kull \S+, som nummer \d+\./);
  expect(mail.text).toContain(`Saksnummer: ${reference}`);

  const aile = await signedIn(browser, AILE.email);
  await aile.getByRole("link", { name: /Nasjonal videreutdanning i barnevernledelse/ }).first().click();
  await expect(aile.getByText(`Saksnummer: ${reference}`).first()).toBeVisible();
  await expect(aile.getByText(/Klagen er delvis tatt til følge: du er satt på venteliste/).first()).toBeVisible();
  // The refusal is kept as it was sent, and shown as no longer standing.
  await expect(aile.locator("summary").filter({ hasText: /^Avslag på søknad om opptak.*gjelder ikke lenger$/ })).toBeVisible();
  await expectAccessible(aile);

  // The newest letter's link (the sr-only subject is a block of its own in the accessible name).
  const href = await aile.getByRole("link", { name: /^Last ned brevet som PDF\s*: Plass på venteliste/ }).getAttribute("href");
  const response = await aile.request.get(href!);
  expect(response.status()).toBe(200);
  const pdf = await pdfText(new Uint8Array(await response.body()));
  expect(pdf.lines).toContain(`Til ${AILE.name}`);
  expect(pdf.lines).toContain(`Saksnummer: ${reference}`);
  expect(pdf.flat).toMatch(/Klagen er delvis tatt til følge: du er satt på venteliste til Nasjonal videreutdanning i barnevernledelse \(30 studiepoeng\), Kull \S+, som nummer \d+\./);
  expect(pdf.flat).toContain("forskrift om opptak til studier ved NTNU");
  expect(pdf.flat).toContain("forvaltningsloven § 2 første ledd bokstav b");
  expect(pdf.lines).toContain("Stillingen er en lederstilling i barnevernet.");
  expect(pdf.flat).not.toContain("Søknaden din er avslått");
});
