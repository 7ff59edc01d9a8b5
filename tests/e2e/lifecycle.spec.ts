// A programme's whole first year on a new installation, with no seed data: the database holds only
// the administrator the launcher created from INITIAL_ADMIN_EMAIL. Through the screens alone, the
// administrator sets a password from the invitation, creates the programme and the staff, the
// adviser creates a kull from the form (copying nothing), publishes it, three people apply, the
// adviser admits them after the deadline, faculty register attendance and approve the arbeidskrav,
// the exam is held (one student passes, one is ill and gets a deferred sitting, one fails and
// registers for the resit), the later sittings are graded, the kull is completed, next year's
// kull is created by copying it, the three who passed get their confirmation of completion, and
// the first kull is archived (and brought back once, to correct a grade after a klage).
//
// The server runs on a clock the test moves (POST /api/test/klokke, E2E_TEST_CLOCK; see
// playwright.config.ts): every phase sets the day it happens on. A session does not survive a jump
// of weeks, so each phase signs in again in a new browser context.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addSamlinger, expectAccessible, linkIn, signIn, waitForMail as waitForAnyMail } from "./helpers";

test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 30_000 });

const ADMIN = { name: "Ada Administrator", email: process.env.E2E_LIFECYCLE_ADMIN! };
const ADVISER = { name: "Siv Studieveileder", email: "siv.studieveileder@lifecycle.example.no" };
const FACULTY = { name: "Frank Fagansvarlig", email: "frank.fagansvarlig@lifecycle.example.no" };
const PASSWORD = "et langt passord for livslopet";
const STUDENTS = {
  passes: { name: "Bente Bestått", email: "bente.bestatt@lifecycle.example.no" },
  deferred: { name: "Sindre Syk", email: "sindre.syk@lifecycle.example.no" },
  resit: { name: "Nils Nyeksamen", email: "nils.nyeksamen@lifecycle.example.no" },
} as const;
const PROGRAMME = "Videreutdanning i barnevernledelse";
const SAMLINGER = [
  { title: "Samling 1", days: ["2031-01-07", "2031-01-08", "2031-01-09"] },
  { title: "Samling 2", days: ["2031-03-11", "2031-03-12", "2031-03-13"] },
] as const;

const waitForMail = (to: string, subject?: RegExp, timeoutMs = 30_000) => waitForAnyMail(to, subject, timeoutMs, process.env.E2E_LIFECYCLE_OUTBOX_DIR!);

/** Moves the server's clock to an Oslo wall-clock time ("2031-01-09T15:00"), before anyone signs in. */
async function setClock(browser: Browser, osloLocal: string) {
  const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Oslo", timeZoneName: "longOffset" })
    .formatToParts(new Date(`${osloLocal}:00Z`))
    .find((part) => part.type === "timeZoneName")!
    .value.replace("GMT", "");
  const context = await browser.newContext();
  const response = await context.request.post("/api/test/klokke", { data: { now: `${osloLocal}:00${offset || "+00:00"}` } });
  expect(response.status(), "the lifecycle server runs with E2E_TEST_CLOCK=true").toBe(200);
  await context.close();
}

/**
 * A new browser signed in as `email` (sessions end when the clock jumps weeks ahead), by the
 * sign-in form's action (helpers.ts); the form itself is tested in auth.spec.ts.
 */
async function signedIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

/** Follows the newest invitation to `email` and chooses the password; returns the signed-in page. */
async function acceptInvitation(browser: Browser, person: { name: string; email: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(linkIn(await waitForMail(person.email, /^Du har fått en konto/), "/invitasjon"));
  await expect(page.getByRole("heading", { level: 1, name: `Velkommen, ${person.name}` })).toBeVisible();
  await page.getByLabel("Nytt passord", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(PASSWORD);
  await page.getByRole("button", { name: "Lagre passord og logg inn" }).click();
  await expect(page).not.toHaveURL(/\/invitasjon/, { timeout: 60_000 });
  return page;
}

const pdfFile = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  ),
});

/** Registers, fills in and sends a whole application to the one open intake. */
async function apply(browser: Browser, person: { name: string; email: string }, startYear: number) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "Søk på Kull V2031" }).click();
  await page.getByLabel("Fullt navn").fill(person.name);
  await page.getByLabel("E-postadresse").fill(person.email);
  await page.getByLabel("Passord", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(PASSWORD);
  await page.getByLabel(/Jeg har lest at NTNU behandler/).check();
  await page.getByRole("button", { name: "Opprett konto" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/registrer"), { timeout: 60_000 });
  await page.getByRole("button", { name: "Start søknaden" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Personopplysninger" })).toBeVisible();
  const applicationUrl = page.url().replace(/\/personalia$/, "");
  await page.getByLabel("Fødselsdato").fill("1980-05-02");
  await page.getByLabel("Telefon").fill("912 34 567");
  await page.getByLabel("Adresse").fill("Kongens gate 1");
  await page.getByLabel("Postnummer").fill("7011");
  await page.getByLabel("Poststed").fill("Trondheim");
  await page.getByRole("button", { name: "Lagre og gå videre" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Utdanning" })).toBeVisible();
  await page.getByRole("button", { name: "Legg til utdanning" }).click();
  await page.getByLabel("Lærested").fill("NTNU");
  await page.getByLabel("Grad eller studium").fill("Bachelor i barnevern");
  await page.getByLabel("Studiepoeng").fill("180");
  await page.getByLabel("Fullført år").fill(String(startYear - 20));
  await page.getByRole("button", { name: "Lagre utdanningen" }).click();
  await expect(page.getByText("Til sammen: 180 studiepoeng – kravet er oppfylt.")).toBeVisible();
  await page.getByRole("link", { name: "Gå videre til arbeidsgiver" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Arbeidsgiver" })).toBeVisible();
  await page.getByLabel("Fylke").selectOption({ label: "Trøndelag" });
  await page.getByLabel("Kommune").selectOption({ label: "Trondheim - Tråante" });
  await page.getByRole("button", { name: "Lagre og gå videre" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Stillinger" })).toBeVisible();
  await page.getByRole("button", { name: "Legg til stilling" }).click();
  await page.getByLabel("Arbeidsgiver", { exact: true }).fill("Trondheim kommune, barneverntjenesten");
  await page.getByLabel("Type arbeidsgiver").selectOption("MUNICIPAL_CWS");
  await page.getByLabel("Fylke (arbeidssted)").selectOption({ label: "Trøndelag" });
  await page.getByLabel("Kommune (arbeidssted)").selectOption({ label: "Trondheim - Tråante" });
  await page.getByLabel("Stillingstittel").fill("Barnevernleder");
  await page.getByLabel("Lederrolle i stillingen").selectOption("LEADER");
  await page.getByLabel("Stillingsprosent").fill("100");
  await page.getByLabel("Antall du har personalansvar for").fill("10");
  await page.getByLabel("Ansvarsområde").fill("Hele tjenesten");
  await page.getByLabel("Jeg har fagansvar").check();
  await page.getByLabel("Jeg har personalansvar").check();
  await page.getByLabel("Stillingen til nærmeste overordnede").fill("Kommunalsjef");
  await page.getByLabel("Startdato").fill(`${startYear - 8}-01-01`);
  await page.getByLabel("Jeg er fortsatt ansatt i denne stillingen").check();
  await page.getByRole("button", { name: "Lagre og gå til alle stillinger" }).click();
  await page.getByRole("link", { name: "Gå videre til dokumenter" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dokumenter" })).toBeVisible();
  await page.getByLabel("Last opp vitnemål").setInputFiles(pdfFile("vitnemal.pdf"));
  await expect(page.getByRole("link", { name: "vitnemal.pdf" })).toBeVisible();
  await page.getByLabel("Last opp tjenestebevis for Barnevernleder").setInputFiles(pdfFile("tjenestebevis.pdf"));
  await expect(page.getByRole("link", { name: "tjenestebevis.pdf" })).toBeVisible();

  await page.goto(linkIn(await waitForMail(person.email, /^Bekreft e-postadressen din/), "/bekreft-epost"));
  await page.getByRole("button", { name: "Bekreft e-postadressen" }).click();
  await expect(page.getByRole("status")).toContainText("er bekreftet");
  await page.goto(`${applicationUrl}/oppsummering`);
  await page.getByLabel("Jeg bekrefter at opplysningene er riktige og at dokumentene er mine.").check();
  await page.getByRole("button", { name: "Send søknaden" }).click();
  await expect(page.getByText(`Søknaden er sendt. Vi har sendt en kvittering til ${person.email}.`)).toBeVisible();
  await page.context().close();
}

/** The adviser creates a later sitting (utsatt or ny eksamen) of the kull's exam. */
async function createLaterSitting(page: Page, base: string, sitting: { kind: RegExp; firstDay: string; handInDay: string; registrationClosesOn?: string }) {
  await page.goto(`${base}/eksamen/ny`);
  await page.getByRole("radio", { name: sitting.kind }).check();
  await page.getByLabel("Første eksamensdag").fill(sitting.firstDay);
  await page.getByLabel("Innleveringsdag").fill(sitting.handInDay);
  if (sitting.registrationClosesOn) await page.getByLabel("Oppmeldingsfrist (ny eksamen)").fill(sitting.registrationClosesOn);
  await page.getByRole("button", { name: "Opprett eksamen" }).click();
  await expect(page.getByRole("navigation", { name: "Eksamener i kullet" }).getByRole("link", { name: sitting.kind })).toBeVisible();
}

/** The address of the kull's staff pages (/kull/<id>), as the fagansvarlig finds it from home. */
let cohortBase = "";
async function kullPages(page: Page): Promise<string> {
  if (!cohortBase) {
    await page.goto("/faglaerer");
    const href = await page.getByRole("link", { name: "Kull V2031", exact: true }).first().getAttribute("href");
    cohortBase = href!.match(/^\/kull\/[^/]+/)![0];
  }
  return cohortBase;
}

test("the administrator sets a password, creates the programme and invites the staff", async ({ browser }) => {
  test.setTimeout(180_000);
  // The launcher made the administrator with an invitation and no password: the only way in.
  await (await acceptInvitation(browser, ADMIN)).context().close();
  await setClock(browser, "2030-11-04T10:00");
  const page = await signedIn(browser, ADMIN.email);

  await page.goto("/veileder/programmer");
  await expect(page.getByText("Det er ingen studieprogrammer ennå.", { exact: false })).toBeVisible();
  await page.getByRole("link", { name: "Nytt studieprogram" }).click();
  const form = page.getByRole("form", { name: "Nytt studieprogram" });
  await form.getByLabel("Kode", { exact: true }).fill("barnevern");
  await form.getByLabel("Navn", { exact: true }).fill(PROGRAMME);
  await form.getByLabel("Beskrivelse").fill("Nasjonal videreutdanning for ledere i barnevernet, 30 studiepoeng.");
  await form.getByLabel("Emnekode i FS").fill("BVL6001");
  await form.getByLabel("Studieveileder", { exact: true }).fill(ADVISER.name);
  await form.getByLabel("E-post til studieveileder").fill(ADVISER.email);
  await form.getByLabel("Telefon til studieveileder").fill("73 59 00 00");
  await form.getByLabel("Fagansvarlig", { exact: true }).fill(FACULTY.name);
  await form.getByLabel("E-post til fagansvarlig").fill(FACULTY.email);
  await form.getByLabel("Telefon til fagansvarlig").fill("73 59 00 01");
  await form.getByRole("button", { name: "Opprett studieprogrammet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROGRAMME })).toBeVisible();

  for (const [person, role] of [
    [ADVISER, "Studieveileder"],
    [FACULTY, "Faglærer / prosessveileder"],
  ] as const) {
    await page.goto("/veileder/brukere");
    await page.getByLabel("Navn", { exact: true }).fill(person.name);
    await page.getByLabel("E-postadresse").fill(person.email);
    await page.getByRole("checkbox", { name: role, exact: true }).check();
    await page.getByRole("button", { name: "Opprett bruker" }).click();
    await expect(page.getByRole("status")).toContainText("Vi har sendt en invitasjon");
    await (await acceptInvitation(browser, person)).context().close();
  }
  await page.context().close();
});

test("the adviser creates the first kull from the form, plans it and publishes it", async ({ browser }) => {
  test.setTimeout(180_000);
  const adviser = await signedIn(browser, ADVISER.email);
  await adviser.goto("/veileder");
  await adviser.getByRole("link", { name: "Nytt kull" }).click();
  const intakeForm = adviser.getByRole("form", { name: "Nytt kull" });
  await intakeForm.getByLabel("Studieprogram").selectOption({ label: PROGRAMME });
  await intakeForm.getByLabel("Kode", { exact: true }).fill("V2031");
  await intakeForm.getByLabel("Navn", { exact: true }).fill("Kull V2031");
  await intakeForm.getByLabel("Studieplasser").fill("20");
  await intakeForm.getByLabel("Opptaket åpner").fill("2030-11-03");
  await intakeForm.getByLabel("Søknadsfrist").fill("2030-11-15");
  await intakeForm.getByLabel("Svarfrist for tilbud").fill("2030-11-29");
  await intakeForm.getByLabel("Starter").fill("2031-01-07");
  await intakeForm.getByLabel("Slutter").fill("2031-06-20");
  await intakeForm.getByRole("button", { name: "Opprett kullet som kladd" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Kull V2031: opptak og status" })).toBeVisible();
  const intakePage = adviser.url().replace(/\?.*$/, "");

  await adviser.getByRole("link", { name: "Plan: samlinger, eksamen og arbeidskrav" }).click();
  // Read the address once the plan has opened (on a busy machine the click's navigation lags).
  await adviser.waitForURL(/\/kull\/[^/]+\/plan$/);
  cohortBase = new URL(adviser.url()).pathname.replace(/\/plan$/, "");
  await addSamlinger(adviser, SAMLINGER);
  await adviser.getByText("Legg inn eksamen", { exact: true }).click();
  const examForm = adviser.getByRole("form", { name: "Eksamen" });
  await examForm.getByLabel("Første eksamensdag").fill("2031-05-27");
  await examForm.getByRole("button", { name: "Lagre eksamen" }).click();
  await expect(examForm.getByRole("status")).toHaveText("Eksamen er lagret: start tirsdag 27. mai 2031 kl. 09.00, innlevering torsdag 29. mai 2031 kl. 14.00.");
  await adviser.getByRole("form", { name: "Arbeidskrav fra studieplanen" }).getByRole("button", { name: "Opprett arbeidskravene" }).click();
  await expect(adviser.getByRole("heading", { level: 2, name: "Arbeidskrav (5)" })).toBeVisible();
  await adviser.getByRole("navigation", { name: /: sider$/ }).getByRole("link", { name: "Team og basisgrupper", exact: true }).click();
  await adviser.getByText("Legg til en faglærer", { exact: true }).click();
  const teamForm = adviser.getByRole("form", { name: "Legg til faglærer" });
  await teamForm.getByLabel("Faglærer").selectOption({ label: `${FACULTY.name} (${FACULTY.email})` });
  await teamForm.getByLabel("Fagansvarlig for kullet").check();
  await teamForm.getByRole("button", { name: "Legg til i teamet" }).click();
  await expect(adviser.getByRole("table", { name: "Lærerteamet" }).getByRole("row", { name: new RegExp(`^${FACULTY.name} .* Fagansvarlig`) })).toBeVisible();

  await adviser.goto(intakePage);
  await adviser.getByRole("button", { name: "Publiser opptaket" }).click();
  await adviser.getByRole("dialog", { name: "Publisere opptaket til Kull V2031?" }).getByRole("button", { name: "Publiser opptaket" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er publisert." })).toBeVisible();
  await expectAccessible(adviser);
  await adviser.context().close();
});

test("three people apply before the deadline", async ({ browser }) => {
  test.setTimeout(300_000);
  for (const person of Object.values(STUDENTS)) await apply(browser, person, 2031);
});

test("after the deadline the adviser reviews, ranks and admits; the three accept their places", async ({ browser }) => {
  test.setTimeout(300_000);
  await setClock(browser, "2030-11-18T10:00");
  const adviser = await signedIn(browser, ADVISER.email);
  await adviser.goto("/veileder/opptak");
  await adviser.getByRole("row").filter({ hasText: PROGRAMME }).getByRole("link", { name: "Kull V2031", exact: true }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: /^Opptak: / })).toBeVisible();
  const admissionPage = adviser.url();
  for (const person of Object.values(STUDENTS)) {
    await adviser.goto(admissionPage);
    await adviser.getByRole("link", { name: person.name }).first().click();
    await expect(adviser.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    // Each choice is saved as it is made: after a reload they stand.
    const checks = [
      adviser.getByRole("group", { name: "Kontroll av vitnemal.pdf" }).getByRole("radio", { name: "Godkjent", exact: true }),
      adviser.getByRole("group", { name: "Kontroll av tjenestebevis.pdf" }).getByRole("radio", { name: "Godkjent", exact: true }),
      adviser.getByRole("group", { name: "Stemmer stillingen med tjenestebeviset?" }).getByRole("radio", { name: "Kontrollert", exact: true }),
    ];
    for (const radio of checks) {
      if (await radio.isChecked()) continue;
      await radio.check();
      await expect(radio.locator("xpath=ancestor::fieldset[1]/..").getByRole("status")).toHaveText(/lagret|Lagret/);
    }
    await adviser.reload();
    for (const radio of checks) await expect(radio).toBeChecked();
    await adviser.getByRole("group", { name: "Oppfyller søkeren opptakskravene?" }).getByRole("radio", { name: "Kvalifisert", exact: true }).check();
    await adviser.getByRole("button", { name: "Lagre vurderingen" }).click();
    await expect(adviser.getByText("Lagret: oppfyller opptakskravene.")).toBeVisible();
  }
  await adviser.goto(admissionPage);
  await adviser.getByRole("link", { name: "Vedtak" }).click();
  await expect(adviser.getByText("Sendes nå: 3 tilbud, 0 ventelisteplasser og 0 avslag.", { exact: false })).toBeVisible();
  await adviser.getByLabel("Jeg har lest forhåndsvisningen og vil sende 3 vedtak nå.").check();
  await adviser.getByRole("button", { name: "Send 3 vedtak" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Vedtakene er sendt: 3 tilbud" })).toBeVisible();
  await adviser.context().close();

  for (const person of Object.values(STUDENTS)) {
    await waitForMail(person.email, /^Tilbud om studieplass/);
    const page = await signedIn(browser, person.email);
    await page.getByRole("link", { name: new RegExp(PROGRAMME) }).first().click();
    // "Takk ja" asks first (a click before hydration does nothing: try until the dialog opens).
    const dialog = page.getByRole("dialog", { name: "Ta imot studieplassen?" });
    await expect(async () => {
      await page.getByRole("button", { name: "Takk ja til studieplassen" }).click();
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await dialog.getByRole("button", { name: "Ja, jeg tar imot plassen" }).click();
    await expect(page.getByRole("region", { name: "Status" }).getByText(/^Du takket ja/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Kvittering for svaret ditt" })).toContainText("Du takket ja til studieplassen");
    await waitForMail(person.email, /^Kvittering: du har takket ja til studieplass/);
    await page.context().close();
  }
});

test("during the year faculty register attendance, the students hand in, and the fagansvarlig approves", async ({ browser }) => {
  test.setTimeout(400_000);
  // Each day is registered on the day (a later registration is a correction, with a reason).
  for (const day of SAMLINGER.flatMap((samling) => samling.days)) {
    await setClock(browser, `${day}T15:00`);
    const faculty = await signedIn(browser, FACULTY.email);
    await faculty.getByRole("link", { name: "Registrer oppmøte for i dag" }).click();
    await expect(faculty.getByRole("heading", { level: 1, name: /^Oppmøte / })).toBeVisible();
    // A click before the page has hydrated does nothing: try until the count says all three.
    await expect(async () => {
      await faculty.getByRole("button", { name: "Alle til stede" }).click();
      await expect(faculty.getByText("3 til stede, 0 fravær", { exact: false })).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await faculty.getByRole("button", { name: "Lagre oppmøtet" }).click();
    await expect(faculty.getByRole("status").filter({ hasText: "Oppmøtet er lagret: 3 til stede, 0 fraværende." })).toBeVisible();
    await faculty.context().close();
  }

  for (const person of Object.values(STUDENTS)) {
    const student = await signedIn(browser, person.email);
    await student.goto("/student/arbeidskrav");
    const titles = (await student.getByRole("main").getByRole("link").allTextContents()).map((text) => text.trim()).filter((text) => /^(Fagnotat|Ledertreningsoppgave)/.test(text));
    expect(titles).toHaveLength(5);
    for (const title of titles) {
      await student.goto("/student/arbeidskrav");
      await student.getByRole("link", { name: title, exact: true }).click();
      await student.getByRole("textbox", { name: /^Tekst/ }).fill(`${person.name}: ${title}, levert som tekst.`);
      await student.getByRole("button", { name: "Lever", exact: true }).click();
      await expect(student.getByRole("status").filter({ hasText: "Innleveringen er mottatt." })).toBeVisible();
    }
    await student.context().close();
  }

  const faculty = await signedIn(browser, FACULTY.email);
  for (let assessed = 0; assessed < 15; assessed += 1) {
    await faculty.goto(`${await kullPages(faculty)}/arbeidskrav`);
    await faculty.getByRole("link", { name: /^Vurder / }).first().click();
    await faculty.getByRole("radio", { name: "Godkjent", exact: true }).check();
    await faculty.getByLabel(/^Tilbakemelding/).fill("Godt koblet til egen praksis.");
    await faculty.getByRole("button", { name: "Lagre vurderingen" }).click();
    await expect(faculty.getByRole("status").filter({ hasText: "er godkjent" })).toBeVisible();
  }
  await faculty.goto(`${await kullPages(faculty)}/arbeidskrav`);
  await expect(faculty.getByRole("link", { name: /^Vurder / })).toHaveCount(0);
  await faculty.context().close();

  const bente = await signedIn(browser, STUDENTS.passes.email);
  await expect(bente.getByRole("region", { name: "Rett til å gå opp til eksamen" }).getByText("Du kan gå opp til eksamen", { exact: true })).toBeVisible();
  await bente.context().close();
});

test("the eligible are registered for the exam; one falls ill and gets utsatt eksamen, the ordinary sitting is graded and published", async ({ browser }) => {
  test.setTimeout(300_000);
  await setClock(browser, "2031-05-03T10:00");
  const faculty = await signedIn(browser, FACULTY.email);
  await faculty.goto(`${await kullPages(faculty)}/eksamen`);
  await faculty.getByRole("button", { name: "Meld opp alle som fyller kravene (3)" }).click();
  await faculty.getByRole("dialog", { name: "Melde opp 3 studenter?" }).getByRole("button", { name: "Meld opp 3" }).click();
  await expect(faculty.getByRole("status").filter({ hasText: "3 studenter som fyller kravene er meldt opp til eksamen." })).toBeVisible();
  await faculty.context().close();

  // The day before the home exam, Sindre is ill; he asks for utsatt eksamen with a legeerklæring.
  await setClock(browser, "2031-05-26T12:00");
  const sindre = await signedIn(browser, STUDENTS.deferred.email);
  await sindre.goto("/student/eksamen");
  const ordinary = sindre.getByRole("region", { name: /^Ordinær eksamen:/ });
  await expect(ordinary.getByText("tirsdag 27. mai 2031 kl. 09.00", { exact: false })).toBeVisible();
  await expect(ordinary.getByText("torsdag 29. mai 2031 kl. 14.00", { exact: false })).toBeVisible();
  await ordinary.getByLabel(/^Sykdom:/).check();
  await ordinary.getByLabel("Hva skjedde, og når?").fill("Innlagt med lungebetennelse fra 25. mai.");
  await ordinary.getByLabel("Dokumentasjon (PDF)").setInputFiles(pdfFile("legeerklaering.pdf"));
  await ordinary.getByRole("button", { name: "Send søknaden" }).click();
  await expect(sindre.getByText("Søknaden om utsatt eksamen er sendt.")).toBeVisible();
  await sindre.context().close();

  // The adviser sets up the utsatt eksamen in August and grants the request onto it.
  const adviser = await signedIn(browser, ADVISER.email);
  const base = await kullPages(adviser);
  await createLaterSitting(adviser, base, { kind: /^Utsatt eksamen:/, firstDay: "2031-08-12", handInDay: "2031-08-14" });
  await adviser.goto(`${base}/eksamen/utsatt`);
  await adviser.getByRole("form", { name: `Innvilg utsatt eksamen for ${STUDENTS.deferred.name}` }).getByRole("button", { name: "Innvilg utsatt eksamen" }).click();
  await adviser.getByRole("dialog", { name: `Innvilge utsatt eksamen for ${STUDENTS.deferred.name}?` }).getByRole("button", { name: "Ja, innvilg" }).click();
  await expect(adviser.getByRole("row").filter({ hasText: STUDENTS.deferred.name }).getByText("Innvilget", { exact: true })).toBeVisible();
  await adviser.context().close();

  // After the exam: Bente passes, Nils fails; the grades are published.
  await setClock(browser, "2031-06-10T10:00");
  const staff = await signedIn(browser, FACULTY.email);
  await staff.goto(`${base}/eksamen`);
  for (const [person, grade] of [
    [STUDENTS.passes, "B"],
    [STUDENTS.resit, "F"],
  ] as const) {
    await staff.getByLabel(`Karakter for ${person.name}`, { exact: true }).selectOption(grade);
    await staff.getByRole("button", { name: `Lagre karakter for ${person.name}` }).click();
    await expect(staff.getByRole("status").filter({ hasText: `Karakteren ${grade} er lagret.` })).toBeVisible();
    // The focus stays where she was (the button, disabled while saving, took it back), not on <body>.
    await expect(staff.getByRole("button", { name: `Lagre karakter for ${person.name}` })).toBeFocused();
  }
  await staff.getByRole("button", { name: "Publiser karakterene" }).click();
  await staff.getByRole("dialog", { name: "Publisere karakterene?" }).getByRole("button", { name: "Publiser" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Karakterene er publisert." })).toBeVisible();
  await staff.context().close();
});

test("the one who failed registers for ny eksamen; the later sittings are graded, the counting grade goes to FS, and the kull is completed", async ({ browser }) => {
  test.setTimeout(300_000);
  await setClock(browser, "2031-06-12T10:00");
  const adviser = await signedIn(browser, ADVISER.email);
  const base = await kullPages(adviser);
  await createLaterSitting(adviser, base, { kind: /^Ny eksamen:/, firstDay: "2031-08-19", handInDay: "2031-08-21", registrationClosesOn: "2031-08-01" });
  await adviser.context().close();

  const nils = await signedIn(browser, STUDENTS.resit.email);
  await nils.goto("/student/eksamen");
  await nils.getByRole("button", { name: "Meld deg opp til ny eksamen" }).click();
  await nils.getByRole("dialog").getByRole("button", { name: "Meld meg opp" }).click();
  await expect(nils.getByRole("region", { name: /^Ny eksamen:/ }).getByText("Meldt opp", { exact: true })).toBeVisible();
  await nils.context().close();

  // Late August: both later sittings are graded and published.
  await setClock(browser, "2031-08-25T10:00");
  const staff = await signedIn(browser, ADVISER.email);
  for (const [label, person, grade] of [
    ["Utsatt eksamen", STUDENTS.deferred, "C"],
    ["Ny eksamen", STUDENTS.resit, "D"],
  ] as const) {
    await staff.goto(`${base}/eksamen`);
    await staff.getByRole("navigation", { name: "Eksamener i kullet" }).getByRole("link", { name: new RegExp(`^${label}:`) }).click();
    await expect(staff.getByRole("heading", { level: 1, name: new RegExp(`^${label}, Kull V2031`) })).toBeVisible();
    await staff.getByLabel(`Karakter for ${person.name}`, { exact: true }).selectOption(grade);
    await staff.getByRole("button", { name: `Lagre karakter for ${person.name}` }).click();
    await expect(staff.getByText(`Karakteren ${grade} er lagret.`)).toBeVisible();
    await staff.getByRole("button", { name: "Publiser karakterene" }).click();
    await staff.getByRole("dialog", { name: "Publisere karakterene?" }).getByRole("button", { name: "Publiser" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Karakterene er publisert." })).toBeVisible();
    // This sitting's FS file carries the grade that counts: the best of F and D is D.
    const csv = await (await staff.request.get((await staff.getByRole("link", { name: /Last ned resultater for FS/ }).getAttribute("href"))!)).text();
    expect(csv).toMatch(new RegExp(`^${person.name};[^\\r\\n]*;BVL6001;[^\\r\\n]*;${grade};\\d{2}\\.\\d{2}\\.\\d{4};${label}[^;]*;${grade}\\r?$`, "m"));
  }
  // The ordinary sitting's file: Nils's F there, and D counting.
  await staff.goto(`${base}/eksamen`);
  const ordinaryCsv = await (await staff.request.get((await staff.getByRole("link", { name: /Last ned resultater for FS/ }).getAttribute("href"))!)).text();
  expect(ordinaryCsv).toMatch(new RegExp(`^${STUDENTS.resit.name};[^\\r\\n]*;D;[^;]*;[^;]*;F\\r?$`, "m"));
  expect(ordinaryCsv).toMatch(new RegExp(`^${STUDENTS.passes.name};[^\\r\\n]*;B;[^;]*;[^;]*;B\\r?$`, "m"));

  // Nils sees his history and the grade that counts.
  const nilsAfter = await signedIn(browser, STUDENTS.resit.email);
  await nilsAfter.goto("/student/eksamen");
  const counting = nilsAfter.getByRole("region", { name: "Karakteren som teller" });
  await expect(counting).toContainText("D (");
  await expect(counting).toContainText("fra ny eksamen");
  await expect(counting).toContainText("Du har brukt 2 av 3 forsøk");
  await nilsAfter.context().close();

  // Every result is in and published: the adviser completes the kull.
  await staff.goto(`${base}`);
  await staff.getByRole("link", { name: "Opptak og status" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Kull V2031: opptak og status" })).toBeVisible();
  await staff.getByRole("button", { name: "Fullfør kullet" }).click();
  await staff.getByRole("dialog", { name: "Fullføre Kull V2031?" }).getByRole("button", { name: "Fullfør kullet" }).click();
  await expect(staff.getByText("Fullført", { exact: true }).first()).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();
});

test("next year's kull is created by copying the first, reviewed and published", async ({ browser }) => {
  test.setTimeout(180_000);
  await setClock(browser, "2031-08-15T10:00");
  const adviser = await signedIn(browser, ADVISER.email);
  await adviser.goto("/veileder");
  await adviser.getByRole("link", { name: "Kopier et kull" }).click();
  await adviser.getByLabel("Kull du kopierer fra").selectOption({ label: `${PROGRAMME}, Kull V2031 (2 samlinger, 5 arbeidskrav)` });
  await adviser.getByLabel("Kode for det nye kullet").fill("V2032");
  await adviser.getByRole("button", { name: "Vis forslaget" }).click();
  await expect(adviser.getByRole("heading", { level: 2, name: `2. Se over Kull V2032 (${PROGRAMME})` })).toBeVisible();
  await expect(adviser.getByText("Kopi av Kull V2031, med alle datoer flyttet 52 uker.")).toBeVisible();
  const review = adviser.getByRole("form", { name: "Kopi av kull" });
  await expect(review.getByRole("group", { name: /^Samling 1/ }).getByLabel("Dag 1")).toHaveValue("2032-01-06");
  await expect(review.getByRole("group", { name: /^Samling 2/ }).getByLabel("Dag 3")).toHaveValue("2032-03-11");
  await expectAccessible(adviser);
  await review.getByRole("button", { name: "Opprett kullet som kladd" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Kull V2032: opptak og status" })).toBeVisible();
  await expect(adviser.getByText("2 samlinger med 6 samlingsdager")).toBeVisible();
  await expect(adviser.getByText(`Lærerteam: ${FACULTY.name} (fagansvarlig)`)).toBeVisible();
  await adviser.getByRole("button", { name: "Publiser opptaket" }).click();
  await adviser.getByRole("dialog", { name: "Publisere opptaket til Kull V2032?" }).getByRole("button", { name: "Publiser opptaket" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2032 er publisert." })).toBeVisible();
  await adviser.context().close();

  // Applicants see next year's intake on the public page once its application window opens.
  await setClock(browser, "2031-11-05T10:00");
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await expect(visitor.getByRole("link", { name: "Søk på Kull V2032" })).toBeVisible();
  await visitor.context().close();
});

test("the three who passed get their confirmation; the kull is archived and closed to changes; a grade klage brings it back, and it is archived again", async ({ browser }) => {
  test.setTimeout(180_000);
  await setClock(browser, "2031-11-10T10:00");
  const adviser = await signedIn(browser, ADVISER.email);
  const base = await kullPages(adviser);
  await adviser.goto(base);
  await adviser.getByRole("link", { name: "Opptak og status" }).click();
  // Not before each of the three who passed has the confirmation of completion.
  await expect(adviser.getByText("Før kullet kan arkiveres:")).toBeVisible();
  await expect(adviser.getByText(/^3 studenter har bestått, men er ikke registrert som fullført/)).toBeVisible();
  await expect(adviser.getByRole("button", { name: "Arkiver kullet" })).toHaveCount(0);
  // A completed kull is history: its places and dates stand, each shown read-only with why (the
  // waiting list with the day it closed, though none was set); the name may still be put right.
  await expect(adviser.getByText("Kullet er fullført, så plassene og datoene står fast. Navnet kan rettes; endringen logges. Er noe annet feil, åpner du kullet igjen under «Status».")).toBeVisible();
  await expect(adviser.getByLabel("Slutter", { exact: true })).toHaveAttribute("readonly", "");
  await expect(adviser.getByLabel("Studieplasser")).toHaveAttribute("readonly", "");
  await expect(adviser.getByLabel("Ventelisten stenger")).toHaveValue(SAMLINGER[0].days[0]);
  // …while the form sends back the day as set (none: the default), so a rename changes nothing else.
  await expect(adviser.locator('input[type="hidden"][name="waitlistClosesOn"]')).toHaveValue("");
  await expect(adviser.getByLabel("Navn", { exact: true })).not.toHaveAttribute("readonly", "");
  await expectAccessible(adviser);
  const intakePage = adviser.url();
  // The plan stands too: it says why, and offers no change.
  await adviser.goto(`${base}/plan`);
  await expect(adviser.getByText(/^Kullet ble fullført .+, så planen står fast: oppmøtet og eksamen ble avgjort på den\. Må noe rettes, åpner en studieveileder kullet igjen under «Opptak og status»\.$/)).toBeVisible();
  await expect(adviser.locator("summary", { hasText: /^(Endre|Legg til|Legg inn)/ })).toHaveCount(0);
  // What completion fixed is corrected by opening the kull again, with a reason, and completing it
  // once more: the plan opens its change folds again in between.
  await adviser.goto(intakePage);
  await adviser.getByText("Åpne kullet igjen for å rette noe").click();
  const reopen = adviser.getByRole("form", { name: "Åpne kullet igjen" });
  await reopen.getByRole("button", { name: "Åpne kullet igjen" }).click();
  await expect(reopen.getByText("Begrunnelsen må fylles ut.").first()).toBeVisible();
  await reopen.getByLabel("Hva må rettes?").fill("Sluttdatoen må kontrolleres, sak 2031/00007.");
  await reopen.getByRole("button", { name: "Åpne kullet igjen" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er åpnet igjen og kan rettes. Fullfør kullet igjen når du er ferdig." })).toBeVisible();
  await expect(adviser.getByLabel("Slutter", { exact: true })).not.toHaveAttribute("readonly", "");
  await adviser.goto(`${base}/plan`);
  await expect(adviser.getByText(/så planen står fast/)).toHaveCount(0);
  await expect(adviser.locator("summary", { hasText: /^Endre/ }).first()).toBeVisible();
  await adviser.goto(intakePage);
  await adviser.getByRole("button", { name: "Fullfør kullet" }).click();
  await adviser.getByRole("dialog", { name: "Fullføre Kull V2031?" }).getByRole("button", { name: "Fullfør kullet" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er fullført." })).toBeVisible();
  await expect(adviser.getByLabel("Slutter", { exact: true })).toHaveAttribute("readonly", "");
  // The overview says so too, and leads to the kull's page with the list.
  await adviser.goto("/veileder");
  await expect(adviser.getByRole("link", { name: "Kullet kan arkiveres når det som står åpent, er avsluttet. (Kull V2031)" })).toBeVisible();
  for (const [person, grade] of [
    [STUDENTS.passes, "B"],
    [STUDENTS.deferred, "C"],
    [STUDENTS.resit, "D"],
  ] as const) {
    await adviser.goto(`/veileder/studenter?q=${encodeURIComponent(person.email)}`);
    await adviser.getByRole("link", { name: person.name, exact: true }).click();
    await adviser.getByRole("button", { name: "Registrer at studenten har fullført" }).click();
    await adviser.getByRole("dialog", { name: "Registrere at studenten har fullført?" }).getByRole("button", { name: "Ja, fullført" }).click();
    // The button gives way to the page's own word for it, and the confirmation among the letters.
    await expect(adviser.getByRole("status").filter({ hasText: `Studenten har fullført Kull V2031 med karakteren ${grade}. Bekreftelsen er sendt` })).toBeVisible();
    await expect(adviser.getByRole("link", { name: /^Bekreftelse: du har fullført/ })).toBeVisible();
    await expect(adviser.getByRole("button", { name: "Registrer at studenten har fullført" })).toHaveCount(0);
  }
  // The exam page, open in another tab from before the kull is archived.
  const stale = await adviser.context().newPage();
  await stale.goto(`${base}/eksamen`);
  // Nothing is open now: the overview's next step is to archive it.
  await adviser.goto("/veileder");
  await adviser.getByRole("link", { name: "Arkiver kullet (Kull V2031)" }).click();
  await adviser.getByRole("button", { name: "Arkiver kullet" }).click();
  await adviser.getByRole("dialog", { name: "Arkivere Kull V2031?" }).getByRole("button", { name: "Arkiver kullet" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er arkivert." })).toBeVisible();

  // A change from the page opened before is refused with the way back named, and what was typed stays.
  const correct = async (page: typeof adviser, grade: string) => {
    await page.getByLabel(`Karakter for ${STUDENTS.passes.name}`, { exact: true }).selectOption(grade);
    await page.getByLabel(`Begrunnelse for endringen for ${STUDENTS.passes.name}`).fill("Klage på karakter: sensuren er gjort om.");
    await page.getByRole("button", { name: `Lagre karakter for ${STUDENTS.passes.name}` }).click();
  };
  await correct(stale, "A");
  await expect(stale.getByText(/^Kullet er arkivert, og ingenting i det kan endres\./)).toBeVisible();
  await expect(stale.getByLabel(`Begrunnelse for endringen for ${STUDENTS.passes.name}`)).toHaveValue("Klage på karakter: sensuren er gjort om.");
  await expectAccessible(stale);
  await stale.close();
  // Every page of the kull says it is closed, and offers no change: its values are there, its controls disabled.
  await adviser.goto(`${base}/eksamen`);
  await expect(adviser.getByText("Kullet er arkivert. Sidene kan leses, men ingenting i kullet kan endres.")).toBeVisible();
  await expect(adviser.getByLabel(`Karakter for ${STUDENTS.passes.name}`, { exact: true })).toBeDisabled();
  await expect(adviser.getByRole("button", { name: `Lagre karakter for ${STUDENTS.passes.name}` })).toBeDisabled();
  await expectAccessible(adviser);
  // The plan is there to read; the folds that would open onto disabled forms («Endre …», «Legg til …») are not.
  await adviser.goto(`${base}/plan`);
  await expect(adviser.getByRole("heading", { name: /^Samlinger \(\d+\)$/ })).toBeVisible();
  await expect(adviser.getByRole("table", { name: "Arbeidskravene med frister" })).toBeVisible();
  await expect(adviser.locator("summary", { hasText: /^(Endre|Legg til|Legg inn)/ })).toHaveCount(0);
  await expectAccessible(adviser);

  // Brought back from the archive, with the reason required and logged.
  await adviser.getByRole("link", { name: "Opptak og status" }).click();
  const restore = adviser.getByRole("form", { name: "Hent kullet fram fra arkivet" });
  await restore.getByRole("button", { name: "Hent kullet fram fra arkivet" }).click();
  await expect(restore.getByText("Begrunnelsen må fylles ut.").first()).toBeVisible();
  await restore.getByLabel("Hvorfor må kullet endres?").fill("Klage på karakter tatt til følge, sak 2031/00007.");
  await restore.getByRole("button", { name: "Hent kullet fram fra arkivet" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er hentet fram fra arkivet og kan rettes." })).toBeVisible();
  await expectAccessible(adviser);

  await adviser.goto(`${base}/eksamen`);
  await correct(adviser, "A");
  // She had completed with B: the new grade that counts replaces her confirmation, by letter.
  await expect(
    adviser.getByText("Resultatet er endret til A. Endringen er logget med begrunnelsen. Studenten har fått brev som erstatter bekreftelsen på fullført, med karakteren som nå teller.", { exact: true }),
  ).toBeVisible();

  await adviser.goto(base);
  await adviser.getByRole("link", { name: "Opptak og status" }).click();
  await adviser.getByRole("button", { name: "Arkiver kullet" }).click();
  await adviser.getByRole("dialog", { name: "Arkivere Kull V2031?" }).getByRole("button", { name: "Arkiver kullet" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er arkivert." })).toBeVisible();
  await adviser.context().close();
});
