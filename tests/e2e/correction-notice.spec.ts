// A forhåndsvarsel before an approved last hand-in is corrected to «ikke godkjent», end to end on
// the demo data (prisma/seed/demo-letters.ts): Lars Varsel has the notice on his fagnotat 1 and has
// spoken to it; he rewrites his uttalelse on the notice's page under Brev; Frida (fagansvarlig) finds it on her start
// page as ready to decide, reads what he wrote, and corrects the assessment behind the one
// confirmation, with grounds; Lars reads the decision, which says he spoke and can be appealed.
// Only Lars's data changes (other specs run in parallel).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";
import { expectAccessible, signIn, waitForMail } from "./helpers";

const LARS = DEMO_STUDENTS.notice;

async function asPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a forhåndsvarsel: the student speaks in the portal → the fagansvarlig reads it and corrects → the student has the decision", async ({ page, browser }) => {
  test.setTimeout(180_000);

  // Lars is told on his start page, whose step leads to the notice's letter; beside the arbeidskrav
  // he finds the notice and the way back to the letter, where he rewrites his uttalelse.
  await signIn(page, LARS.email);
  await page.getByRole("listitem").filter({ hasText: /Du har uttalt deg til forhåndsvarselet om Fagnotat 1/ }).getByRole("link", { name: "Les brevet" }).click();
  await expect(page.getByRole("article", { name: "Brevet" })).toContainText("Du kan uttale deg");
  await page.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Arbeidskrav" }).click();
  await page.getByRole("link", { name: /^Fagnotat 1/ }).first().click();
  const summary = page.getByRole("region", { name: "Forhåndsvarsel sendt" });
  await expect(summary).toContainText("nesten ordrett likt en publisert artikkel");
  await expectAccessible(page);
  await summary.getByRole("link", { name: "Les varselet, og se eller endre uttalelsen" }).click();
  await expect(page.getByRole("article", { name: "Brevet" })).toContainText("Du kan uttale deg");
  const notice = page.getByRole("region", { name: "Uttal deg" });
  await expect(notice).toContainText("litteraturlisten");
  await expectAccessible(page);
  const text = notice.getByLabel(/^Endre uttalelsen din/);
  await text.fill("");
  await notice.getByRole("button", { name: "Lagre endret uttalelse" }).click();
  await expect(notice.getByText("Skriv hva du vil si om saken.").first()).toBeVisible();
  await text.fill("Henvisningen til artikkelen falt ut da jeg slo sammen to utkast. Jeg legger ved utkastene, der den står.");
  await notice.getByRole("button", { name: "Lagre endret uttalelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uttalelsen er endret." })).toBeVisible();
  await expect(notice).toContainText("der den står.");

  // Frida is told by e-mail, and has it on her start page, ready to decide.
  await waitForMail("faglaerer@demo.no", /^Uttalelse til forhåndsvarsel: Fagnotat 1/);
  const frida = await asPerson(browser, "faglaerer@demo.no");
  const tasks = frida.getByRole("region", { name: "Forhåndsvarsler om retting" });
  await expect(tasks).toContainText("kan avgjøres nå");
  await tasks.getByRole("link", { name: new RegExp(`Fagnotat 1.*${LARS.name}`) }).click();
  const panel = frida.getByText("Forhåndsvarsel sendt", { exact: true }).locator("xpath=..");
  await expect(panel).toContainText("der den står.");
  await expectAccessible(frida);
  const carryOut = frida.getByRole("form", { name: "Gjennomfør rettingen" });
  // Without grounds there is nothing to confirm: the form answers at once with the field to fill in.
  await carryOut.getByRole("button", { name: "Rett til ikke godkjent" }).click();
  await expect(carryOut.getByText("Skriv begrunnelsen for vedtaket. Den skal ta stilling til det studentene har skrevet.").first()).toBeVisible();
  await expect(frida.getByRole("dialog")).toHaveCount(0);
  await carryOut.getByLabel(/^Begrunnelse for vedtaket/).fill(
    "Utkastene viser at avsnittet ble skrevet av fra artikkelen, ikke at en henvisning falt ut: det står uten anførselstegn også i første utkast.",
  );
  await carryOut.getByRole("button", { name: "Rett til ikke godkjent" }).click();
  await frida.getByRole("dialog", { name: "Rette vurderingen til ikke godkjent?" }).getByRole("button", { name: "Ja, rett og send vedtaket" }).click();
  await expect(frida.getByRole("status").filter({ hasText: "Vurderingen er rettet til ikke godkjent. Studenten har fått vedtak med klagefrist" })).toBeVisible();
  await expect(frida.getByText("Rettet etter forhåndsvarsel", { exact: true })).toBeVisible();
  await expect(frida.getByRole("form", { name: "Gjennomfør rettingen" })).toHaveCount(0);
  await expectAccessible(frida);

  // Lars has the decision: it says he spoke, and he may appeal it.
  const mail = await waitForMail(LARS.email, /^Vedtak: Fagnotat 1 \(individuelt\) er ikke godkjent$/);
  expect(mail.text).toContain("Vi fikk uttalelsen din");
  await page.goto("/student/brev");
  await page.getByRole("link", { name: "Vedtak: Fagnotat 1 (individuelt) er ikke godkjent" }).click();
  const letter = page.getByRole("article", { name: "Brevet" });
  await expect(letter).toContainText("Du fikk forhåndsvarsel");
  await expect(letter).toContainText("Fagansvarlig har rettet vurderingen av innleveringen din fra godkjent til ikke godkjent.");
  await expect(page.getByLabel("Hva klager du på, og hvorfor?")).toBeVisible();
  // The notice's page says the case is decided, and takes no more uttalelser.
  await page.goto("/student/brev");
  await page.getByRole("link", { name: /^Forhåndsvarsel: Fagnotat 1/ }).click();
  await expect(page.getByRole("region", { name: "Uttalelsen din" })).toContainText("Saken er avgjort: vurderingen er rettet");
  await expect(page.getByRole("form", { name: "Uttal deg" })).toHaveCount(0);
});
