// Enrolment changes end to end on the demo data: the adviser finds Petra Permisjon (on leave in
// Kull V2026, too long to reach 80 % there) and transfers her to the next kull with her approved
// fagnotat 1 and the days she attended carried over as explicit credits; Petra gets the letter by
// e-mail and sees one history across both kull: her studieforløp, and the earlier kull's attempt
// with its feedback beside the credited item. Only Petra's data changes (specs run in parallel).
// Then a granted leave withdrawn before it begins (a pool student of Kull V2026), and a student who
// leaves the programme (Didrik Granli, institusjonsledelse).
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, waitForMail } from "./helpers";

const PETRA = "student.permisjon@demo.no";

test("the adviser transfers a student with carried-over arbeidskrav, and the student sees one history", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // First, Petra on leave: her home sends her to no absence form, and the attendance page says
  // she need not come before it is over, and takes a notice for a day after it; her hand-ins wait
  // until the leave is over.
  {
    const context = await browser.newContext();
    const onLeave = await context.newPage();
    await signIn(onLeave, PETRA);
    await expect(onLeave.getByRole("link", { name: "Se alle samlingsdagene", exact: true })).toBeVisible();
    await expect(onLeave.getByText(/[Ll]ever når permisjonen er over/).first()).toBeVisible();
    await onLeave.getByRole("link", { name: "Se alle samlingsdagene", exact: true }).click();
    // A day after the leave she may notify already (a walk found the form hidden until she was back).
    await expect(
      onLeave.getByText(/^Du har permisjon til og med .+, og skal ikke møte før den er over\. For en samlingsdag etter permisjonen kan du melde fravær allerede nå\.$/),
    ).toBeVisible();
    await expect(onLeave.getByRole("button", { name: "Send fraværsmelding" })).toHaveCount(1);
    await context.close();
  }
  await signIn(page, "veileder@demo.no");
  await page.getByRole("navigation", { name: "Studieveileder" }).getByRole("link", { name: "Studenter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studenter" })).toBeVisible();
  await page.getByLabel("Søk på navn eller e-post").fill("Permisjon");
  await page.getByRole("button", { name: "Søk" }).click();
  await page.getByRole("link", { name: "Petra Permisjon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Petra Permisjon" })).toBeVisible();
  await expect(page.getByRole("article", { name: /Kull V2026/ })).toContainText("Permisjon");
  // Her refused leave's klage deadline has passed, and the letters say so.
  await expect(page.getByRole("table", { name: /^Brev til studenten/ })).toContainText(/Klagefristen var \d+\. \p{L}+ \d{4}/u);

  await page.getByRole("link", { name: "Overfør til et senere kull" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overføring til senere kull" })).toBeVisible();
  // The next kull with free places (the one decided last has none: a transfer takes a place).
  const choice = page.getByLabel("Nytt kull");
  const label = (await choice.locator("option").filter({ hasText: /[1-9]\d* ledige plasser/ }).first().textContent())!;
  const target = label.split(":")[0]!;
  await choice.selectOption({ label });
  await page.getByRole("button", { name: "Vis hva som kan godkjennes" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `2. Hva som godkjennes i ${target}` })).toBeVisible();
  // Proposed by kind and number: her approved fagnotat 1; the rest are handed in anew.
  await expect(page.getByLabel("Fagnotat 1 (individuelt)")).toHaveValue(/.+/);
  await expect(page.getByLabel("Fagnotat 1 (individuelt)").locator("option:checked")).toHaveText("Fagnotat 1 (individuelt), Kull V2026");
  await expect(page.getByRole("checkbox", { name: /^Samling 1: 3 av 3 dager/ })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("button", { name: `Overfør til ${target}` }).click();
  const dialog = page.getByRole("dialog", { name: `Overføre studenten til ${target}?` });
  await dialog.getByRole("button", { name: "Ja, overfør og send brevet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Petra Permisjon" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Studenten er overført til ${target}.` })).toContainText("1 arbeidskrav og 12 samlingsdager er godkjent");
  await expect(page.getByRole("article", { name: /Kull V2026/ })).toContainText("Overført til senere kull");
  await expect(page.getByRole("article", { name: new RegExp(target) })).toContainText("Fagnotat 1 (individuelt): fra Kull V2026");

  // Petra: the letter by e-mail, and one history across both kull.
  const mail = await waitForMail(PETRA, new RegExp(`^Du er overført til ${target}$`));
  expect(mail.text).toContain("Fagnotat 1 (individuelt): godkjent på grunnlag av Fagnotat 1 (individuelt) i Kull V2026.");
  const context = await browser.newContext();
  const petra = await context.newPage();
  await signIn(petra, PETRA);
  await petra.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Studieforløp" }).click();
  await expect(petra.getByRole("heading", { level: 1, name: "Mitt studieforløp" })).toBeVisible();
  const kull = petra.getByRole("region", { name: "Kull" });
  await expect(kull).toContainText("Kull V2026");
  await expect(kull).toContainText(`Overført fra Kull V2026`);
  await expect(kull).toContainText("Fagnotat 1 (individuelt) er godkjent på grunnlag av Fagnotat 1 (individuelt), Kull V2026.");
  await expect(kull).toContainText("12 samlingsdager er godkjent som oppmøte fra det tidligere kullet.");
  await expectAccessible(petra);

  await petra.getByRole("navigation", { name: "Student" }).getByRole("link", { name: "Arbeidskrav" }).click();
  await expect(petra.getByText("Overført: Fagnotat 1 (individuelt), Kull V2026")).toBeVisible();
  await expect(petra.getByRole("heading", { level: 3, name: "Fra Kull V2026" })).toBeVisible();
  await petra.getByText(/^Innleveringer og tilbakemeldinger/).first().click();
  await expect(petra.getByText("Godkjent. Et godt første fagnotat.")).toBeVisible();
  await expectAccessible(petra);
  await context.close();
});

test("the adviser withdraws a granted leave that has not begun, at the student's request, and the student is told", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "veileder@demo.no");
  await page.goto("/veileder/studenter?q=demo.no");
  // A student of the running kull from the seed's pool, not one of the named demo students other
  // specs work with (specs run in parallel): only this student's data changes.
  const row = page
    .getByRole("row")
    .filter({ hasText: "barnevernledelse, Kull V2026" })
    .filter({ hasText: "Aktiv" })
    .filter({ hasNotText: /student[.@]|gruppe|Sander|Permisjon|Overført|institusjonsledelse/i })
    .last();
  const name = (await row.getByRole("link").first().textContent())!.trim();
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const kull = page.getByRole("article", { name: /Kull V2026/ });

  // Granted for a period that begins in six weeks.
  const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [from, to] = [isoIn(42), isoIn(56)];
  await kull.getByText("Permisjon: registrer og avgjør en søknad").click();
  await kull.getByLabel("Første dag").fill(from);
  await kull.getByLabel("Siste dag").fill(to);
  await kull.getByLabel("Hvorfor søker studenten permisjon?").fill("Omsorg for et sykt familiemedlem.");
  await kull.getByRole("button", { name: "Innvilg permisjonen" }).click();
  await page.getByRole("dialog", { name: "Innvilge permisjonen?" }).getByRole("button", { name: "Ja, innvilg og send brevet" }).click();
  await expect(kull).toContainText("(har ikke begynt ennå)");

  // The student asks to stay after all: withdrawn, behind a confirmation that says what follows.
  await kull.getByRole("button", { name: "Trekk tilbake permisjonen" }).click();
  const dialog = page.getByRole("dialog", { name: "Trekke tilbake permisjonen?" });
  await expect(dialog).toContainText("samlingsdagene i perioden teller som vanlig");
  await dialog.getByRole("button", { name: "Ja, trekk tilbake og send bekreftelsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "er trukket tilbake" })).toContainText("Studenten fortsetter som før");
  await expect(kull).toContainText("trukket tilbake før den begynte");
  await expect(kull).not.toContainText("(har ikke begynt ennå)");
  await expect(kull.getByRole("button", { name: "Trekk tilbake permisjonen" })).toHaveCount(0);
  await expectAccessible(page);
  // The student is told by e-mail (and under Brev): the period, and that its days count again.
  const email = (await page.locator('a[href^="mailto:"]').first().textContent())!.trim();
  const mail = await waitForMail(email, /^Permisjonen fra .+ er trukket tilbake$/);
  expect(mail.text).toContain("er trukket tilbake, slik du ba om");
});

test("the adviser registers that a student leaves the programme: a day ahead is refused at its field, then confirmed, and the student is told", async ({ page }) => {
  test.setTimeout(120_000);
  // Didrik Granli, of the institusjonsledelse kull that shares a samling with Kull V2026: no other
  // spec counts its students, so only his data changes. Its waiting list closed at its first samling.
  const DIDRIK = { name: "Didrik Granli", email: "didrik.granli@demo.no" };
  await signIn(page, "veileder@demo.no");
  // Found through his kull's list on «Studenter».
  await page.goto("/veileder/studenter");
  await page.getByLabel("Kull", { exact: true }).selectOption({ label: "Videreutdanning i institusjonsledelse, Kull V2026" });
  await page.getByRole("button", { name: "Søk" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Studenter i Videreutdanning i institusjonsledelse, Kull V2026" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: DIDRIK.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: DIDRIK.name })).toBeVisible();
  const kull = page.getByRole("article", { name: /Kull V2026/ });
  await expect(kull).toContainText("Aktiv");

  // A day that has not come is refused at the field, and the reason typed stays.
  // Oslo's today plus one calendar day (not 24 hours: the autumn's 25-hour day).
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await kull.getByText("Studenten slutter", { exact: true }).click();
  await kull.getByLabel("Slutter fra og med").fill(tomorrow);
  await kull.getByLabel("Grunn studenten har oppgitt").fill("Ny jobb i en annen kommune.");
  await kull.getByRole("button", { name: "Registrer at studenten slutter" }).click();
  const dialog = page.getByRole("dialog", { name: "Registrere at studenten slutter?" });
  await expect(dialog).toContainText("plassen går ikke videre");
  await dialog.getByRole("button", { name: "Ja, studenten slutter" }).click();
  await expect(kull.getByText("Registrer at studenten slutter når det har skjedd: datoen kan ikke være etter i dag.").first()).toBeVisible();
  await expect(kull.getByLabel("Slutter fra og med")).toHaveAttribute("aria-invalid", "true");
  await expect(kull.getByLabel("Grunn studenten har oppgitt")).toHaveValue("Ny jobb i en annen kommune.");
  await expectAccessible(page);

  // Today: done, and the page says what followed.
  await kull.getByLabel("Slutter fra og med").fill(today);
  await kull.getByRole("button", { name: "Registrer at studenten slutter" }).click();
  await dialog.getByRole("button", { name: "Ja, studenten slutter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Studenten har sluttet i Kull V2026" })).toContainText("Plassen går ikke videre");
  await expect(kull).toContainText("Sluttet");
  await expect(kull.getByText("Studenten slutter", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  const mail = await waitForMail(DIDRIK.email, /^Bekreftelse: du har sluttet på /);
  expect(mail.text).toContain("slik du ba om");
});
