// Accounts people can recover: a forgotten password from the e-mail alone, a faculty member who
// chooses their own password from an invitation, and a form that outlives its session.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, linkIn, signIn, waitForMail } from "./helpers";

const FIRST_PASSWORD = "mitt forste passord her";
const NEW_PASSWORD = "et nytt og langt passord";

/** A fresh applicant (demo accounts are shared by parallel tests), signed in in its own browser. */
async function newApplicant(browser: Browser, prefix: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = `${prefix}.${Date.now()}@example.no`;
  await page.goto("/registrer");
  await page.getByLabel("Fullt navn").fill("Gunn Glemsk");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(FIRST_PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(FIRST_PASSWORD);
  await page.getByLabel(/Jeg har lest at NTNU behandler/).check();
  await page.getByRole("button", { name: "Opprett konto" }).click();
  // Two password hashes (register, then sign in) take a while on a busy machine.
  await expect(page).toHaveURL(/\/soker$/, { timeout: 30_000 });
  return { page, email };
}

test("an applicant who forgot the password gets back in from the e-mail alone; the old session elsewhere ends", async ({ browser }) => {
  test.setTimeout(150_000);
  const { page: elsewhere, email } = await newApplicant(browser, "glemsk");

  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Glemt passord?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Glemt passord" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByRole("button", { name: "Send lenke" }).click();
  await expect(page).toHaveURL(/\/glemt-passord\?sendt=1$/);
  await expect(page.getByRole("status")).toContainText("Hvis adressen hører til en konto hos oss, har vi sendt en lenke");

  // An address without an account gets exactly the same page.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/glemt-passord");
  await other.getByLabel("E-postadresse").fill(`finnes.ikke.${Date.now()}@example.no`);
  await other.getByRole("button", { name: "Send lenke" }).click();
  await expect(other).toHaveURL(/\/glemt-passord\?sendt=1$/);
  expect(await other.locator("main").innerText()).toBe(await page.locator("main").innerText());

  const link = linkIn(await waitForMail(email, /^Nytt passord/), "/nytt-passord");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Velg nytt passord" })).toBeVisible();
  await expect(page.getByLabel("E-postadresse")).toHaveValue(email);
  await expectAccessible(page);
  // A common password is refused, with the reason in Norwegian.
  await page.getByLabel("Nytt passord", { exact: true }).fill("Sommer2024!");
  await page.getByLabel("Gjenta passordet").fill("Sommer2024!");
  await page.getByRole("button", { name: "Lagre nytt passord" }).click();
  await expect(page.locator("#password-error")).toContainText("blant de mest brukte");
  await page.getByLabel("Nytt passord", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Lagre nytt passord" }).click();
  await expect(page).toHaveURL(/\/min-konto\?passord=nytt$/);
  await expect(page.getByRole("status").filter({ hasText: "Det nye passordet er lagret" })).toBeVisible();
  await expectAccessible(page);

  // The session in the other browser has ended.
  await elsewhere.goto("/soker");
  await expect(elsewhere).toHaveURL(/\/login/);
  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "Lenken virker ikke lenger." })).toBeVisible();
  // The old password no longer works; the new one does.
  await elsewhere.getByLabel("E-postadresse").fill(email);
  await elsewhere.getByLabel("Passord", { exact: true }).fill(FIRST_PASSWORD);
  await elsewhere.getByRole("button", { name: "Logg inn" }).click();
  await expect(elsewhere.getByRole("alert").filter({ hasText: "Feil e-postadresse eller passord." })).toBeVisible();
  await elsewhere.getByLabel("Passord", { exact: true }).fill(NEW_PASSWORD);
  await elsewhere.getByRole("button", { name: "Logg inn" }).click();
  await expect(elsewhere).toHaveURL(/\/soker/);
});

test("a faculty member created by an adviser chooses their own password from the invitation", async ({ browser }) => {
  test.setTimeout(150_000);
  const adviser = await (await browser.newContext()).newPage();
  await signIn(adviser, "veileder@demo.no");
  await adviser.goto("/veileder/brukere");
  // The list shows 50 a page (the demo has well over 100 users): the pager's links go on and back.
  const pager = adviser.getByRole("navigation", { name: "Sider" });
  await expect(adviser.getByText(/^1–50 av \d+ brukere, etter navn\.$/)).toBeVisible();
  await pager.getByRole("link", { name: "Neste side →" }).click();
  await expect(adviser.getByText(/^51–100 av \d+ brukere, etter navn\.$/)).toBeVisible();
  await expect(pager).toContainText("Side 2 av");
  await pager.getByRole("link", { name: "← Forrige side" }).click();
  await expect(adviser.getByText(/^1–50 av \d+ brukere, etter navn\.$/)).toBeVisible();
  const email = `ny.faglaerer.${Date.now()}@demo.no`;
  await adviser.getByLabel("Navn", { exact: true }).fill("Frode Invitert");
  await adviser.getByLabel("E-postadresse").fill(email);
  await adviser.getByLabel("Faglærer / prosessveileder").check();
  await expect(adviser.getByLabel(/passord/i)).toHaveCount(0); // staff never type a password
  await adviser.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(adviser.getByRole("status")).toContainText("Vi har sendt en invitasjon");
  const first = linkIn(await waitForMail(email, /^Du har fått en konto/), "/invitasjon");

  // Not used yet: the list says so, and the adviser can send a new link.
  await adviser.goto(`/veileder/brukere?q=${encodeURIComponent(email)}`);
  await expect(adviser.getByRole("row", { name: /Frode Invitert/ })).toContainText("Invitert, har ikke valgt passord");
  await expectAccessible(adviser);
  await adviser.getByRole("button", { name: "Send ny invitasjon til Frode Invitert" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Ny invitasjon sendt" })).toBeVisible();
  await expect.poll(async () => linkIn(await waitForMail(email, /^Du har fått en konto/), "/invitasjon")).not.toBe(first);
  const second = linkIn(await waitForMail(email, /^Du har fått en konto/), "/invitasjon");

  const faculty = await (await browser.newContext()).newPage();
  await faculty.goto(first);
  await expect(faculty.getByRole("alert").filter({ hasText: "Invitasjonen virker ikke lenger." })).toBeVisible();
  await faculty.goto(second);
  await expect(faculty.getByRole("heading", { level: 1, name: "Velkommen, Frode Invitert" })).toBeVisible();
  await expectAccessible(faculty);
  await faculty.getByLabel("Nytt passord", { exact: true }).fill(NEW_PASSWORD);
  await faculty.getByLabel("Gjenta passordet").fill(NEW_PASSWORD);
  await faculty.getByRole("button", { name: "Lagre passord og logg inn" }).click();
  await expect(faculty).toHaveURL(/\/faglaerer$/);
  await expect(faculty.getByRole("banner")).toContainText("Frode Invitert");

  await adviser.reload();
  await expect(adviser.getByRole("row", { name: /Frode Invitert/ })).toContainText("Aktiv");
});

test("a form sent after the session ended keeps what was typed, and sign-in brings it back to the page", async ({ browser }) => {
  test.setTimeout(150_000);
  const { page, email } = await newApplicant(browser, "utlogget");
  await page.getByRole("link", { name: "Start søknad" }).first().click();
  await page.getByRole("button", { name: "Start søknaden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personopplysninger" })).toBeVisible();
  const personalia = new URL(page.url()).pathname;

  // Elsewhere, the applicant signs out of every device (as if this one had been idle too long).
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, email, FIRST_PASSWORD);
  await phone.goto("/min-konto");
  await expectAccessible(phone);
  await phone.getByRole("button", { name: "Logg ut på alle enheter" }).click();
  await expect(phone).toHaveURL(/\/login\?utlogget=alle$/);

  await page.getByLabel("Adresse").fill("Storgata 5");
  await page.getByLabel("Postnummer").fill("9008");
  await page.getByRole("button", { name: "Lagre utkast" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Du er ikke logget inn lenger." }).first();
  await expect(alert).toBeVisible();
  await expect(page.getByLabel("Adresse")).toHaveValue("Storgata 5");
  await expect(page.getByLabel("Postnummer")).toHaveValue("9008");

  await alert.getByRole("link", { name: "Logg inn på nytt" }).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?neste=${encodeURIComponent(personalia).replace(/[.]/g, "\\.")}$`));
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(new RegExp(`${personalia}$`));
  await expect(page.getByRole("status").filter({ hasText: "Vi har fylt inn det du skrev" })).toBeVisible();
  await expect(page.getByLabel("Adresse")).toHaveValue("Storgata 5");
  await expect(page.getByLabel("Postnummer")).toHaveValue("9008");
  await page.getByRole("button", { name: "Lagre utkast" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lagret." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Adresse")).toHaveValue("Storgata 5");
});

test("Min konto: a new password with the current one, and a new address that takes effect from its link", async ({ browser }) => {
  test.setTimeout(150_000);
  const { page, email } = await newApplicant(browser, "minkonto");
  await page.getByRole("link", { name: "Min konto" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min konto" })).toBeVisible();
  await expect(page.getByText("Ikke bekreftet")).toBeVisible();

  await page.getByLabel("Nåværende passord").fill("ikke-passordet-mitt");
  await page.getByLabel("Nytt passord", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Bytt passord" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText("Feil passord.");
  await page.getByLabel("Nåværende passord").fill(FIRST_PASSWORD);
  await page.getByLabel("Nytt passord", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Bytt passord" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Passordet er endret." })).toBeVisible();
  await expect((await waitForMail(email, /^Passordet ditt er endret/)).text).toContain("Alle andre pålogginger er avsluttet.");

  const newEmail = `flyttet.${Date.now()}@example.no`;
  await page.getByLabel("Ny e-postadresse").fill(newEmail);
  await page.getByLabel("Passordet ditt").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Send lenke til ny adresse" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Vi har sendt en lenke til ${newEmail}.` })).toBeVisible();
  expect((await waitForMail(email, /^Noen har bedt om å endre e-postadressen/)).text).toContain(newEmail);
  await page.reload();
  await expect(page.getByText(`Vi venter på at du åpner lenken vi sendte til ${newEmail}`)).toBeVisible();
  await expectAccessible(page);

  await page.goto(linkIn(await waitForMail(newEmail, /^Bekreft den nye e-postadressen/), "/bekreft-ny-epost"));
  await expect(page.getByRole("heading", { level: 1, name: "Bekreft ny e-postadresse" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bekreft ny e-postadresse" }).click();
  await expect(page.getByRole("status").filter({ hasText: `E-postadressen for kontoen din er nå ${newEmail}.` })).toBeVisible();
  await page.getByRole("link", { name: "Til Min konto" }).click();
  await expect(page.getByRole("definition").filter({ hasText: newEmail })).toContainText("Bekreftet");
  await waitForMail(email, /^E-postadressen for kontoen din er endret/);
});
