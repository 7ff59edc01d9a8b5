// A final "ikke godkjent" is an enkeltvedtak, end to end on the demo data: Frida marks Siri
// Sjanse's second and last hand-in of ledertreningsoppgave 1 "ikke godkjent"; Siri reads the letter
// (and its PDF) under Brev and files a klage within the deadline; Frida, who decided, may not
// decide the klage; Hanne, on the teaching team, takes it; Siri sees the arbeidskrav approved and
// the letter on the outcome. Only Siri's data changes (other specs run in parallel).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn, waitForMail } from "./helpers";

const SIRI = "student.sjanse@demo.no";

async function asPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function openRunningCohort(page: Page, tab: string) {
  await page.goto("/faglaerer");
  await page.getByRole("navigation", { name: "Faglærer" }).getByRole("link", { name: "Kull V2026", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kull V2026" })).toBeVisible();
  await page.getByRole("navigation", { name: /: sider$/ }).getByRole("link", { name: tab, exact: true }).click();
}

test("a final 'ikke godkjent' → the student reads the letter and appeals → another staff member takes the klage → the arbeidskrav is approved", async ({ page, browser }) => {
  test.setTimeout(240_000);

  // Frida assesses the last hand-in.
  await signIn(page, "faglaerer@demo.no");
  await openRunningCohort(page, "Arbeidskrav");
  await page.getByRole("link", { name: "Vurder Ledertreningsoppgave 1 fra Siri Sjanse" }).click();
  await expect(page.getByText(/Dette er siste innlevering studieplanen gir \(2 av 2\)\. «Ikke godkjent» er da et vedtak \(enkeltvedtak\): studenten får brev/)).toBeVisible();
  // The feedback is the vedtak's begrunnelse, and nothing more can be handed in: not «skriv hva som må endres».
  await expect(page.locator("#feedback-hint")).toContainText("Det er begrunnelsen i vedtaket, og det kan ikke leveres på nytt.");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Ikke godkjent", exact: true }).check();
  await page.getByLabel(/^Tilbakemelding/).fill("Refleksjonen over de to personalmøtene er for kort til å vise hva du gjorde annerledes.");
  await page.getByRole("button", { name: "Lagre vurderingen" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Det var siste innlevering, så studenten har fått vedtaksbrev med klagefrist." });
  await expect(saved).toBeVisible();
  // The form is gone with its button: the focus is on what was done, not on the page (a walk).
  await expect(saved).toBeFocused();
  // The page says where Siri's klage stands: none yet, and until when she may make one.
  await expect(page.getByText(/^Ingen klage ennå; klagefristen er \d+\. \p{L}+ \d{4}\.$/u)).toBeVisible();

  // Siri gets the letter by e-mail and reads it under Brev.
  const mail = await waitForMail(SIRI, /^Vedtak: Ledertreningsoppgave 1 er ikke godkjent$/);
  expect(mail.text).toContain("Refleksjonen over de to personalmøtene er for kort");
  expect(mail.text).toMatch(/Vedtaket kan påklages til og med \d+\. \p{L}+ \d{4}\./u);
  const siri = await asPerson(browser, SIRI);
  await expect(siri.getByRole("region", { name: "Rett til å gå opp til eksamen" })).toContainText("Ledertreningsoppgave 1 er ikke godkjent etter siste innlevering.");
  await siri.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Brev" }).click();
  await expect(siri.getByRole("heading", { level: 1, name: "Brev" })).toBeVisible();
  // A letter she has not opened is «Ny» until she does.
  const listed = (subject: string) => siri.getByRole("listitem").filter({ has: siri.getByRole("link", { name: subject, exact: true }) });
  await expect(listed("Vedtak: Ledertreningsoppgave 1 er ikke godkjent").getByText("Ny", { exact: true })).toBeVisible();
  // Her menu counts the letters she has not opened; opening one takes it off.
  const brevLink = siri.getByRole("navigation", { name: "Student" }).getByRole("link", { name: /^Brev/ });
  const unopened = Number((await brevLink.textContent())!.match(/\d+/)?.[0] ?? 0);
  expect(unopened).toBeGreaterThan(0);
  await siri.getByRole("link", { name: "Vedtak: Ledertreningsoppgave 1 er ikke godkjent" }).click();
  await expect(siri.getByRole("heading", { level: 1, name: "Vedtak: Ledertreningsoppgave 1 er ikke godkjent" })).toBeVisible();
  await expect(brevLink).toHaveText(unopened === 1 ? "Brev" : new RegExp(`^Brev${unopened - 1} nye?$`));
  const letter = siri.getByRole("article", { name: "Brevet" });
  await expect(letter).toContainText("Arbeidskravet er derfor endelig ikke godkjent.");
  await expect(letter).toContainText("universitets- og høyskoleloven");
  await expect(letter).toContainText(/klagefristen er derfor \d+\. \p{L}+ \d{4}/u);
  const pdf = await siri.request.get((await siri.getByRole("link", { name: "Last ned brevet som PDF" }).getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectAccessible(siri);

  // She appeals; a short klage is refused with its message, and what she typed stays.
  const klage = siri.getByLabel("Hva klager du på, og hvorfor?");
  await klage.fill("For kort.");
  await siri.getByRole("button", { name: "Send klagen" }).click();
  await expect(siri.getByText("Skriv hva du klager på og hvorfor (minst 20 tegn).").first()).toBeVisible();
  await expect(klage).toHaveValue("For kort.");
  await klage.fill("Refleksjonen står på side 2 og 3: jeg beskriver begge møtene og hva jeg gjorde annerledes.");
  await siri.getByRole("button", { name: "Send klagen" }).click();
  await expect(siri.getByRole("status").filter({ hasText: "Klagen er sendt." })).toBeVisible();
  await expect(siri.getByRole("region", { name: "Klagen din" })).toContainText("Klagen er under behandling.");
  await expectAccessible(siri);
  await waitForMail(SIRI, /^Vi har mottatt klagen din$/);

  // Frida decided, so she may not decide the klage. Her submission page says it waits.
  await page.reload();
  await expect(page.getByText("Har klaget; klagen venter på behandling under Klager.")).toBeVisible();
  await page.getByRole("link", { name: "Gå til Klager" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klager, Kull V2026" })).toBeVisible();
  const fridasView = page.getByRole("article").filter({ hasText: "Siri Sjanse" });
  await expect(fridasView).toContainText("Du fattet vedtaket, så klagen må avgjøres av en faglærer i kullets undervisningsteam (helst fagansvarlig) som ikke var med på det.");
  await expect(fridasView.getByRole("button", { name: "Avgjør klagen" })).toHaveCount(0);

  // Hanne, on the team, takes it. (Any number: klage-dismissal.spec files one in this kull too.)
  const hanne = await asPerson(browser, "hanne.faglaerer@demo.no");
  // She teaches two kull named V2026 (barnevernledelse and institusjonsledelse): told apart by the course code.
  await hanne.getByRole("link", { name: /^Kull V2026 \(BVL6001\): (1 klage fra en student|\d+ klager fra studenter)/ }).click();
  await expect(hanne.getByRole("heading", { level: 1, name: "Klager, Kull V2026" })).toBeVisible();
  await expectAccessible(hanne);
  const case_ = hanne.getByRole("article").filter({ hasText: "Siri Sjanse" });
  await case_.getByRole("radio", { name: "Ta klagen til følge: arbeidskravet godkjennes" }).check();
  await case_.getByLabel(/^Begrunnelse/).fill("Refleksjonen på side 2 og 3 viser hva hun gjorde annerledes. Arbeidskravet godkjennes.");
  await case_.getByRole("button", { name: "Avgjør klagen" }).click();
  await expect(hanne.getByRole("status").filter({ hasText: "Klagen er tatt til følge, og vedtaket er endret. Studenten har fått brev." })).toBeVisible();
  await hanne.context().close();

  // Siri sees the arbeidskrav approved and the letter on the outcome.
  await waitForMail(SIRI, /^Klagen din er tatt til følge: Ledertreningsoppgave 1$/);
  await siri.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Arbeidskrav" }).click();
  await expect(siri.getByRole("row").filter({ hasText: "Ledertreningsoppgave 1" })).toContainText("Godkjent");
  await siri.getByRole("link", { name: "Ledertreningsoppgave 1" }).click();
  await expect(siri.getByRole("region", { name: "Innleveringer" })).toContainText("Klage på vedtaket tatt til følge");
  await siri.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Brev" }).click();
  await expect(listed("Klagen din er tatt til følge: Ledertreningsoppgave 1").getByText("Ny", { exact: true })).toBeVisible();
  await expect(listed("Vedtak: Ledertreningsoppgave 1 er ikke godkjent").getByText("Ny", { exact: true })).toHaveCount(0);
  await siri.getByRole("link", { name: "Klagen din er tatt til følge: Ledertreningsoppgave 1" }).click();
  await expect(siri.getByRole("article", { name: "Brevet" })).toContainText("Ledertreningsoppgave 1 er godkjent.");
  await expectAccessible(siri);
  await siri.context().close();
});

test("the fagansvarlig corrects an assessment with a reason, and refuses a student who can no longer reach the attendance requirement the exam", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const FRANK = "student.fravaer@demo.no";
  await signIn(page, "faglaerer@demo.no");

  // Frank's fagnotat 1 was not approved on his first hand-in; Frida, the fagansvarlig, corrects it.
  await openRunningCohort(page, "Arbeidskrav");
  // The badge's name: its status as seen, then which arbeidskrav and whose.
  await page.getByRole("link", { name: /^Ikke godkjent – Fagnotat 1 \(individuelt\), Frank Fravær$/ }).click();
  const correction = page.getByRole("form", { name: "Rett vurderingen" });
  await expect(correction).toBeVisible();
  await expectAccessible(page);
  await correction.getByRole("button", { name: "Rett til godkjent" }).click();
  await expect(correction.getByText("Skriv hvorfor vurderingen rettes. Begrunnelsen sendes med beskjeden om rettingen.").first()).toBeVisible();
  await expect(correction.getByLabel(/^Hvorfor rettes vurderingen\?/)).toHaveAttribute("aria-invalid", "true");
  await correction.getByLabel(/^Hvorfor rettes vurderingen\?/).fill("Problemstillingen er avgrenset på side 1; den ble oversett.");
  await correction.getByRole("button", { name: "Rett til godkjent" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vurderingen er rettet: Fagnotat 1 (individuelt) er godkjent." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: /^Innleveringer/ })).toContainText(/Rettet \d+\. \p{L}+ \d{4} kl\. \d{2}\.\d{2} av [^:]+: ikke godkjent → godkjent\./u);
  await expect(page.getByRole("region", { name: /^Innleveringer/ })).toContainText("Problemstillingen er avgrenset på side 1");
  // Who assessed it first, without the correction's time as if it were hers.
  await expect(page.getByRole("region", { name: /^Innleveringer/ })).toContainText(/Vurdert av [^\d]+\n?/);
  const told = await waitForMail(FRANK, /^Vurderingen er rettet: Fagnotat 1 \(individuelt\) er godkjent$/);
  expect(told.text).toContain("Problemstillingen er avgrenset på side 1; den ble oversett.");

  // Frank can no longer reach 80 %: «Ikke adgang» is offered for him, behind a confirmation.
  await page.getByRole("navigation", { name: /: sider$/ }).getByRole("link", { name: "Eksamen", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: "Frank Fravær" });
  await row.getByRole("button", { name: "Ikke adgang til eksamen for Frank Fravær" }).click();
  const dialog = page.getByRole("dialog", { name: "Vedta at Frank Fravær ikke får gå opp til eksamen?" });
  await expect(dialog).toContainText("kravet kan ikke lenger nås");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Ja, send vedtaket" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Frank Fravær" })).toContainText("Ikke adgang (vedtak)");
  await expectAccessible(page);

  const vedtak = await waitForMail(FRANK, /^Vedtak: ikke adgang til eksamen/);
  expect(vedtak.text).toContain("Oppmøte: Du har vært til stede");
  const frank = await asPerson(browser, FRANK);
  await frank.goto("/student/brev");
  await frank.getByRole("link", { name: /^Vedtak: ikke adgang til eksamen/ }).click();
  await expect(frank.getByRole("article", { name: "Brevet" })).toContainText("Du får ikke adgang til eksamen");
  await expect(frank.getByRole("region", { name: "Klag på vedtaket" })).toBeVisible();
  await expectAccessible(frank);
  await frank.context().close();
});
