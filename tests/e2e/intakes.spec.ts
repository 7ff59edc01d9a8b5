// Programmes and kull made in the app, from nothing the demo seeded for them: the admin creates a
// programme, the adviser creates its first kull from the form, plans it and publishes it, an
// applicant sees it on the public page; then the adviser creates the next kull by copying it and
// reviews the days the copy moved off a public holiday. Labels only (no ids, no demo kull), so the
// same steps work on an empty installation with just an administrator.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/** Today in Oslo and days from it, as a date field takes them (YYYY-MM-DD). */
function osloDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

async function asPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a programme and its kull are made in the app, published, seen by applicants, and copied for the next year", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36).toUpperCase();
  const programmeName = `Videreutdanning i familievernledelse ${suffix}`;

  // ── The admin creates the programme ────────────────────────────────────────────────────────
  await signIn(page, "admin@demo.no");
  await page.goto("/veileder");
  await page.getByRole("navigation", { name: "Studieveileder" }).getByRole("link", { name: "Studieprogrammer" }).click();
  await page.getByRole("link", { name: "Nytt studieprogram" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nytt studieprogram" })).toBeVisible();
  const programmeForm = page.getByRole("form", { name: "Nytt studieprogram" });
  await programmeForm.getByLabel("Kode", { exact: true }).fill(`familievern ${suffix}`);
  await programmeForm.getByLabel("Navn", { exact: true }).fill(programmeName);
  await programmeForm.getByLabel("Beskrivelse").fill("Videreutdanning for ledere i familievernet.");
  await programmeForm.getByLabel("Emnekode i FS").fill("FVL6001");
  await programmeForm.getByLabel("Studieveileder", { exact: true }).fill("Kari Veileder");
  await programmeForm.getByLabel("E-post til studieveileder").fill("kari@familievern.example");
  await programmeForm.getByLabel("Telefon til studieveileder").fill("73 00 00 20");
  await programmeForm.getByLabel("Fagansvarlig", { exact: true }).fill("Per Fagansvarlig");
  await programmeForm.getByLabel("E-post til fagansvarlig").fill("per@familievern.example");
  await programmeForm.getByLabel("Telefon til fagansvarlig").fill("73 00 00 21");
  await programmeForm.getByLabel(/^Velkomst/).fill("Velkommen til familievernledelse!");
  await programmeForm.getByRole("button", { name: "Opprett studieprogrammet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: programmeName })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Studieprogrammet er opprettet" })).toBeVisible();
  await expect(page.getByText(`Kode FAMILIEVERN_${suffix}.`)).toBeVisible();
  await expectAccessible(page);

  // ── The adviser creates its first kull from the form ───────────────────────────────────────
  const adviser = await asPerson(browser, "veileder@demo.no");
  await adviser.goto("/veileder");
  await adviser.getByRole("link", { name: "Nytt kull" }).click();
  const intakeForm = adviser.getByRole("form", { name: "Nytt kull" });
  await intakeForm.getByLabel("Studieprogram").selectOption({ label: programmeName });
  await intakeForm.getByLabel("Kode", { exact: true }).fill("V2031");
  await intakeForm.getByLabel("Navn", { exact: true }).fill("Kull V2031");
  await intakeForm.getByLabel("Studieplasser").fill("20");
  await intakeForm.getByLabel("Opptaket åpner").fill(osloDay(-1));
  await intakeForm.getByLabel("Søknadsfrist").fill(osloDay(30));
  await intakeForm.getByLabel("Svarfrist for tilbud").fill(osloDay(60));
  await intakeForm.getByLabel("Starter").fill("2031-01-07");
  // A mistake first: the end before the start is refused at its field, and nothing typed is lost.
  await intakeForm.getByLabel("Slutter").fill("2030-11-21");
  await intakeForm.getByRole("button", { name: "Opprett kullet som kladd" }).click();
  await expect(intakeForm.getByText("Kullet kan ikke slutte før det starter.").last()).toBeVisible();
  await expect(intakeForm.getByLabel("Kode", { exact: true })).toHaveValue("V2031");
  await intakeForm.getByLabel("Slutter").fill("2031-11-21");
  await intakeForm.getByRole("button", { name: "Opprett kullet som kladd" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Kull V2031: opptak og status" })).toBeVisible();
  await expect(adviser.getByText("Før opptaket kan publiseres:")).toBeVisible();
  const intakePage = adviser.url().replace(/\?.*$/, "");

  // ── It is planned: two samlinger, the exam, the arbeidskrav from the study plan, the team ─────
  await adviser.getByRole("link", { name: "Plan: samlinger, eksamen og arbeidskrav" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Plan, Kull V2031" })).toBeVisible();
  for (const [title, days] of [
    ["Samling 1", ["2031-01-07", "2031-01-08", "2031-01-09"]],
    ["Samling 2", ["2031-05-06", "2031-05-07", "2031-05-08"]],
  ] as const) {
    const details = adviser.locator("details").filter({ has: adviser.getByText("Legg til en samling", { exact: true }) });
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.getByText("Legg til en samling", { exact: true }).click();
    const form = adviser.getByRole("form", { name: "Ny samling" });
    await form.getByLabel("Navn", { exact: true }).fill(title);
    for (const [index, date] of days.entries()) await form.getByLabel(`Dag ${index + 1}`).fill(date);
    await form.getByRole("button", { name: "Legg til samlingen" }).click();
    await expect(form.getByRole("status")).toHaveText(`${title} er lagt til i planen.`);
  }
  await adviser.getByText("Legg inn eksamen", { exact: true }).click();
  const examForm = adviser.getByRole("form", { name: "Eksamen" });
  await examForm.getByLabel("Første eksamensdag").fill("2031-11-18");
  await examForm.getByRole("button", { name: "Lagre eksamen" }).click();
  // The three-day home exam: 09:00 on the first day to 14:00 on the third (Oslo time).
  await expect(examForm.getByRole("status")).toHaveText("Eksamen er lagret: start tirsdag 18. november 2031 kl. 09.00, innlevering torsdag 20. november 2031 kl. 14.00.");
  const arbeidskrav = adviser.getByRole("form", { name: "Arbeidskrav fra studieplanen" });
  await arbeidskrav.getByRole("button", { name: "Opprett arbeidskravene" }).click();
  // The form gives way to the arbeidskrav with their due dates.
  await expect(adviser.getByRole("heading", { level: 2, name: "Arbeidskrav (5)" })).toBeVisible();
  await adviser.getByRole("navigation", { name: /: sider$/ }).getByRole("link", { name: "Team og basisgrupper", exact: true }).click();
  await adviser.getByText("Legg til en faglærer", { exact: true }).click();
  const teamForm = adviser.getByRole("form", { name: "Legg til faglærer" });
  await teamForm.getByLabel("Faglærer").selectOption({ label: "Tor Prosessveileder Bakken (tor.prosessveileder@demo.no)" });
  await teamForm.getByLabel("Fagansvarlig for kullet").check();
  await teamForm.getByRole("button", { name: "Legg til i teamet" }).click();
  await expect(teamForm.getByRole("status")).toBeVisible();

  // ── Published, and an applicant sees it on the public page ───────────────────────────────────
  await adviser.goto(intakePage);
  await expect(adviser.getByText("Neste steg: Publiser opptaket")).toBeVisible();
  await expectAccessible(adviser);
  await adviser.getByRole("button", { name: "Publiser opptaket" }).click();
  const dialog = adviser.getByRole("dialog", { name: "Publisere opptaket til Kull V2031?" });
  await dialog.getByRole("button", { name: "Publiser opptaket" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2031 er publisert." })).toBeVisible();
  await expect(adviser.getByText("Åpen for søknader", { exact: true })).toBeVisible();

  const applicant = await browser.newContext();
  const visitor = await applicant.newPage();
  await visitor.goto("/");
  const intake = visitor.getByRole("listitem").filter({ has: visitor.getByRole("heading", { name: `${programmeName} – Kull V2031` }) });
  await expect(intake).toBeVisible();
  await expect(intake.getByRole("link", { name: "Søk på Kull V2031" })).toBeVisible();
  await applicant.close();

  // ── The next kull, copied: the adviser reviews the day moved off Ascension Day ──────────────
  await adviser.goto("/veileder");
  await adviser.getByRole("link", { name: "Kopier et kull" }).click();
  await adviser.getByLabel("Kull du kopierer fra").selectOption({ label: `${programmeName}, Kull V2031 (2 samlinger, 5 arbeidskrav)` });
  await adviser.getByLabel("Kode for det nye kullet").fill("V2032");
  await adviser.getByRole("button", { name: "Vis forslaget" }).click();
  await expect(adviser.getByRole("heading", { level: 2, name: `2. Se over Kull V2032 (${programmeName})` })).toBeVisible();
  await expect(adviser.getByText("Kopi av Kull V2031, med alle datoer flyttet 52 uker.")).toBeVisible();
  await expect(adviser.getByRole("listitem").filter({ hasText: "Samling 2: torsdag 6. mai 2032 er Kristi himmelfartsdag. Dagen er flyttet til fredag 7. mai 2032." })).toBeVisible();
  const review = adviser.getByRole("form", { name: "Kopi av kull" });
  const samling2 = review.getByRole("group", { name: /^Samling 2/ });
  await expect(samling2.getByLabel("Dag 1")).toHaveValue("2032-05-04");
  await expect(samling2.getByLabel("Dag 3")).toHaveValue("2032-05-07");
  await expect(samling2.getByText("torsdag 6. mai 2032 er Kristi himmelfartsdag, så datoen er flyttet. Sjekk den.")).toBeVisible();
  await expect(review.getByLabel("Ta med lærerteamet")).toBeChecked();
  await expectAccessible(adviser);
  // The adviser would rather hold samling 2 in the week after, Tuesday to Thursday.
  await samling2.getByLabel("Dag 1").fill("2032-05-11");
  await samling2.getByLabel("Dag 2").fill("2032-05-12");
  await samling2.getByLabel("Dag 3").fill("2032-05-13");
  await review.getByRole("button", { name: "Opprett kullet som kladd" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Kull V2032: opptak og status" })).toBeVisible();
  await expect(adviser.getByRole("status").filter({ hasText: "Kull V2032 er opprettet som kladd med planen kopiert." })).toBeVisible();
  await expect(adviser.getByText("2 samlinger med 6 samlingsdager")).toBeVisible();
  await expect(adviser.getByText("Lærerteam: Tor Prosessveileder Bakken (fagansvarlig)")).toBeVisible();
  await expect(adviser.getByText("Neste steg: Publiser opptaket")).toBeVisible();
  await adviser.getByRole("link", { name: "Plan: samlinger, eksamen og arbeidskrav" }).click();
  await expect(adviser.getByRole("listitem").filter({ has: adviser.getByRole("heading", { name: /^Samling 2/ }) }).getByText("11. mai 2032 – 13. mai 2032, NTNU, Trondheim")).toBeVisible();
  await adviser.context().close();
});
