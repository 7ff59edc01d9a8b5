// An adviser admits the institusjonsledelse intake from the demo: reviews Kari Kontroll's
// application by keyboard (documents, position, the category explained and overridden with a
// reason, qualified), ranks, previews and sends the decisions; applicants read their letters and
// download the PDF; Tina Tilbud declines and Nils Neste, first on the waiting list, receives the
// offer without anyone acting; Anders Avslag files a klage and the adviser decides it.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_APPLICANTS } from "@/prisma/seed/demo-accounts";
import { makePdf } from "@/prisma/seed/pdf";
import { expectAccessible, signIn, waitForMail } from "./helpers";

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in page order. */
async function tabTo(page: Page, target: Locator, limit = 400) {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} by keyboard`);
}

async function openIntake(page: Page) {
  await page.goto("/veileder/opptak");
  await expect(page.getByRole("heading", { level: 1, name: "Opptak" })).toBeVisible();
  await expectAccessible(page);
  const row = page.getByRole("row").filter({ hasText: "Videreutdanning i institusjonsledelse" });
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Opptak: Videreutdanning i institusjonsledelse/ })).toBeVisible();
}

test("an adviser reviews an application by keyboard, with the category explained and overridden", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "veileder@demo.no");
  await openIntake(page);
  await expectAccessible(page);
  await expect(page.getByRole("figure", { name: "Etter prioritetskategori" })).toBeVisible();

  await page.getByLabel("Kvalifisert").selectOption("ikke-vurdert");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^2 søknader/ })).toBeVisible();
  await page.getByRole("link", { name: DEMO_APPLICANTS.toReview.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_APPLICANTS.toReview.name })).toBeVisible();
  await expect(page.getByText("Søknad 1 av 2")).toBeVisible();
  await expectAccessible(page);

  // Documents and the position, approved by keyboard; each choice is saved once the arrow keys
  // stop, not at every step on the way: stepping past «Avvist» and back never sends «Avvist».
  const sentChoices: string[] = [];
  page.on("request", (request) => {
    const body = request.method() === "POST" ? request.postData() : null;
    const choice = body?.match(/name="(?:_?\d+_)?status"\r\n\r\n([A-Z]+)/)?.[1];
    if (choice) sentChoices.push(choice);
  });
  const vitnemal = page.getByRole("group", { name: "Kontroll av vitnemal.pdf" });
  await tabTo(page, vitnemal.getByRole("radio", { name: "Ikke kontrollert" }));
  await page.keyboard.press("ArrowRight"); // radio groups move with the arrow keys
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  await expect(vitnemal.getByRole("radio", { name: "Godkjent" })).toBeChecked();
  await expect(page.getByText("Godkjent og lagret.").first()).toBeVisible();
  expect(sentChoices).not.toContain("REJECTED");
  expect(sentChoices.at(-1)).toBe("VERIFIED");

  const tjenestebevis = page.getByRole("group", { name: "Kontroll av tjenestebevis.pdf" });
  await tabTo(page, tjenestebevis.getByRole("radio", { name: "Ikke kontrollert" }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Godkjent og lagret.")).toHaveCount(2);

  const position = page.getByRole("group", { name: "Stemmer stillingen med tjenestebeviset?" });
  await tabTo(page, position.getByRole("radio", { name: "Ikke kontrollert" }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Lagret. Beregnet kategori er nå 1.")).toBeVisible();

  // A comment typed just before a link is followed is stored before the page goes (its save waits
  // 0.9 s for more typing; the page waits for it), and is there when the application is opened again.
  const review = page.url();
  const note = "Vitnemålet er kontrollert mot Vitnemålsportalen.";
  await page.getByLabel(/^Kommentar til søkeren/).first().fill(note);
  await page.getByRole("link", { name: "← Alle søknader" }).click();
  await expect(page.getByRole("link", { name: DEMO_APPLICANTS.toReview.name })).toBeVisible();
  await page.goto(review);
  await expect(page.getByLabel(/^Kommentar til søkeren/).first()).toHaveValue(note);

  // Qualified: the judgement comes first on the page, under the requirement checks.
  await page.reload();
  await expect(page.getByText(/dokumentert/).first()).toBeVisible();
  const judgement = page.getByRole("group", { name: "Oppfyller søkeren opptakskravene?" });
  await tabTo(page, judgement.getByRole("radio", { name: "Ikke vurdert ennå" })); // a radio group is one tab stop
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(judgement.getByRole("radio", { name: "Kvalifisert", exact: true })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Lagre vurderingen" }), 5);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Lagret: oppfyller opptakskravene.")).toBeVisible();

  // The explanation of the category, then an override with a reason.
  const category = page.getByRole("region", { name: /Prioritetskategori: 1/ });
  await expect(category.getByText("Søkeren har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar.")).toBeVisible();
  const select = page.getByLabel("Kategori som brukes i rangeringen");
  await tabTo(page, select);
  await select.selectOption("2");
  await tabTo(page, page.getByLabel("Begrunnelse for en annen kategori"), 3);
  await page.keyboard.insertText("Personalansvaret gjelder bare vikarer; vurdert som kategori 2 etter samtale med arbeidsgiver.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Lagre kategori" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Kategori 2 er satt, med begrunnelse.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Prioritetskategori: 2 (satt av studieveileder)" })).toBeVisible();
  await expectAccessible(page);

  // Judged, she has left the "not judged" queue, and "Neste" goes on to the one left in it.
  await page.getByRole("link", { name: "Neste →" }).click();
  await expect(page.getByText("Søknad 1 av 1")).toBeVisible();
});

/** "YYYY-MM-DD" plus whole days. */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test("before the application deadline the ranking is provisional and no decision can be sent", async ({ page }) => {
  await signIn(page, "veileder@demo.no");
  await page.goto("/veileder/opptak");
  // The newest deadline first: barnevernledelse's intake that is open today.
  await page.getByRole("row").filter({ hasText: "Nasjonal videreutdanning i barnevernledelse" }).first().getByRole("link").first().click();
  await expect(page.getByRole("status").filter({ hasText: /^Søknadsfristen .* er ikke ute\./ })).toBeVisible();
  await page.getByRole("link", { name: "Rangering" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Foreløpig rangering: / })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Vedtak kan ikke sendes før søknadsfristen \d{1,2}\. \p{L}+ \d{4} er ute\./u })).toBeVisible();
  await expect(page.getByRole("table", { name: /Rangering for 30 plasser/ }).getByRole("row")).not.toHaveCount(1); // judged early: some are ranked
  await expectAccessible(page);

  // Move the last one ranked to the top with a reason, then take it back: each time the page says
  // what was done, with the focus (the row's form, and then its button, go with the change).
  const ranked = page.getByRole("table", { name: /Rangering for 30 plasser/ }).getByRole("row");
  const last = ranked.last();
  const name = (await last.getByRole("rowheader").getByRole("link").textContent())!.trim();
  await last.locator("summary", { hasText: "Flytt" }).click();
  await last.getByLabel("Ny plass").fill("1");
  await last.getByLabel("Begrunnelse").fill("Eneste søker fra en tjeneste uten leder i fylket.");
  await last.getByRole("button", { name: "Flytt" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} er flyttet til plass 1.` })).toBeFocused();
  const moved = ranked.filter({ hasText: name });
  await expect(moved).toContainText("Flyttet til plass 1 av Vegard Veileder: «Eneste søker fra en tjeneste uten leder i fylket.»");
  await moved.getByRole("button", { name: /^Angre flyttingen/ }).click();
  await expect(page.getByRole("status").filter({ hasText: new RegExp(`^Flyttingen av ${name} er tatt tilbake: plass \\d+ etter reglene\\.$`) })).toBeFocused();
  await expect(ranked.filter({ hasText: name })).not.toContainText("Flyttet til plass");
  await page.getByRole("link", { name: "Vedtak" }).click();
  await expect(page.getByText(/Vedtak kan ikke sendes før søknadsfristen .* er ute\./)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Send \d+ vedtak$/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("the adviser sets the day the waiting list closes, after the application deadline", async ({ page }) => {
  await signIn(page, "veileder@demo.no");
  await openIntake(page);
  await expect(page.getByText(/\(standard: første samlingsdag\)/)).toBeVisible();
  const field = page.getByLabel(/^Ventelisten stenger/);
  const earliest = (await field.getAttribute("min"))!;
  await field.fill(plusDays(earliest, -1)); // the application deadline itself
  await page.getByRole("button", { name: "Lagre datoen" }).click();
  await expect(page.getByText(/^Ventelisten kan ikke stenge før søknadsfristen .* er ute\. Velg .* eller senere\.$/).first()).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(plusDays(earliest, -1)); // what was typed stays
  await expectAccessible(page);
  await field.fill(plusDays(earliest, 14));
  await page.getByRole("button", { name: "Lagre datoen" }).click();
  await expect(page.getByText(/^Ventelisten stenger \d{1,2}\. \p{L}+ \d{4}\.$/u).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(/\(datoen er satt for dette opptaket\)/)).toBeVisible();
});

test("the adviser ranks, tries another number of places, and sends the decisions after a preview", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "veileder@demo.no");
  await openIntake(page);
  await page.getByRole("link", { name: "Rangering" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Rangering/ })).toBeVisible();
  await expectAccessible(page);
  const rows = page.getByRole("table", { name: /Rangering for 10 plasser/ }).getByRole("row");
  await expect(rows).toHaveCount(13); // the header and twelve qualified
  // Anders, judged not qualified: one applicant, in the singular.
  await expect(page.getByText(/\b1 søker oppfyller ikke opptakskravene\./)).toBeVisible();
  await expect(rows.filter({ hasText: DEMO_APPLICANTS.next.name })).toContainText("Venteliste");
  await expect(rows.filter({ hasText: DEMO_APPLICANTS.toReview.name })).toContainText("Innenfor");
  await rows.filter({ hasText: DEMO_APPLICANTS.next.name }).locator("summary", { hasText: `Forklaring for ${DEMO_APPLICANTS.next.name}` }).click();
  await expect(rows.filter({ hasText: DEMO_APPLICANTS.next.name }).getByText(/i høyere prioritetskategorier er rangert foran søkeren/)).toBeVisible();

  await page.getByLabel("Antall plasser").fill("11");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByText("Du ser et regneeksempel med 11 plasser.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Rangering for 11 plasser/ }).getByRole("row").filter({ hasText: DEMO_APPLICANTS.next.name })).toContainText("Innenfor");
  const csv = await page.request.get(await page.getByRole("link", { name: "Last ned som CSV" }).getAttribute("href").then((href) => href!));
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect((await csv.text()).split("\r\n")[0]).toContain("Plass;Navn;Prioritetskategori");

  await page.getByRole("link", { name: "Vedtak" }).click();
  await expect(page.getByText("Sendes nå: 10 tilbud, 2 ventelisteplasser og 1 avslag.")).toBeVisible();
  await expect(page.getByText("1 søknad er ikke vurdert mot opptakskravene ennå og får ikke vedtak nå.")).toBeVisible();
  await page.getByText(/^Tilbud: brevet til/).click();
  await expect(page.getByText(/Du kan klage på vedtaket innen tre uker/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send 13 vedtak" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kryss av for at du har lest forhåndsvisningen." })).toBeVisible();
  await page.getByLabel("Jeg har lest forhåndsvisningen og vil sende 13 vedtak nå.").check();
  await page.getByRole("button", { name: "Send 13 vedtak" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vedtakene er sendt: 10 tilbud, 2 ventelisteplasser og 1 avslag." })).toBeVisible();
  await expect(page.getByText("Det er ingen vurderte søknader uten vedtak.")).toBeVisible();
  // Nothing left to preview: no empty lists, no waiting-list choice that would change nothing.
  await expect(page.getByRole("heading", { name: "Tilbud (0)" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Oppdater forhåndsvisningen" })).toHaveCount(0);
  // The events name what happened in words.
  await expect(page.getByRole("table", { name: "Hendelser i opptaket" })).toContainText("Vedtak: tilbud om plass");
});

test("applicants read their letters; a declined offer goes to the first on the waiting list by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const tina = await signedIn(browser, DEMO_APPLICANTS.offered.email);
  await tina.getByRole("link", { name: /Videreutdanning i institusjonsledelse/ }).first().click();
  await expect(tina.getByRole("heading", { level: 2, name: "Vedtak", exact: true })).toBeVisible();
  await expect(tina.getByText("Du får tilbud om studieplass på Videreutdanning i institusjonsledelse")).toBeVisible();
  await expectAccessible(tina);
  const pdf = await tina.request.get((await tina.getByRole("link", { name: /Last ned brevet som PDF/ }).first().getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const mail = await waitForMail(DEMO_APPLICANTS.offered.email, /^Tilbud om studieplass: Videreutdanning i institusjonsledelse/);
  expect(mail.text).toContain("Du må svare på tilbudet i søknadsportalen innen");

  // The open offer is the first thing on the page, with its deadline.
  const offerSection = tina.getByRole("region", { name: /^Du har fått tilbud om studieplass/ });
  await expect(tina.getByRole("main").getByRole("region").first()).toHaveAccessibleName(/^Du har fått tilbud om studieplass/);
  await expect(offerSection.getByText(/^Svarfrist: /)).toBeVisible();
  // "Takk nei" asks first and says what it means; nothing happens before the second button.
  const dialog = tina.getByRole("dialog", { name: "Takke nei til studieplassen?" });
  await expect(async () => {
    await tina.getByRole("button", { name: "Takk nei" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(dialog).toContainText("Plassen går til neste på ventelisten, og svaret kan ikke angres.");
  await expectAccessible(tina);
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await expect(dialog).toBeHidden();
  await expect(offerSection).toBeVisible();
  await tina.getByRole("button", { name: "Takk nei" }).click();
  await dialog.getByRole("button", { name: "Ja, jeg takker nei" }).click();
  await expect(tina.getByRole("region", { name: "Status" }).getByText(/^Du takket nei/)).toBeVisible();
  const receipt = tina.getByRole("region", { name: "Kvittering for svaret ditt" });
  await expect(receipt).toContainText("Du takket nei til studieplassen");
  await expect(receipt).toContainText(`Kvitteringen er også sendt på e-post til ${DEMO_APPLICANTS.offered.email}.`);
  const receiptMail = await waitForMail(DEMO_APPLICANTS.offered.email, /^Kvittering: du har takket nei til studieplass/);
  expect(receiptMail.text).toContain("Plassen går til neste på ventelisten, og svaret kan ikke angres.");

  // Nobody acts: the waiting-list job gives Nils the place and writes to him.
  const offer = await waitForMail(DEMO_APPLICANTS.next.email, /^Tilbud om studieplass fra ventelisten/, 30_000);
  expect(offer.text).toContain("Det har blitt ledig en studieplass, og du står først på ventelisten.");
  const nils = await signedIn(browser, DEMO_APPLICANTS.next.email);
  await nils.getByRole("link", { name: /Videreutdanning i institusjonsledelse/ }).first().click();
  await expect(nils.getByRole("button", { name: "Takk ja til studieplassen" })).toBeVisible();
  await expect(nils.locator("summary").filter({ hasText: "Plass på venteliste" })).toBeVisible(); // the earlier letter is kept
});

test("a refused applicant files a klage; the adviser decides it", async ({ browser }) => {
  test.setTimeout(120_000);
  const anders = await signedIn(browser, DEMO_APPLICANTS.refused.email);
  await anders.getByRole("link", { name: /Videreutdanning i institusjonsledelse/ }).first().click();
  await expect(anders.getByText("Søknaden din er avslått.")).toBeVisible();
  await anders.getByLabel("Hva klager du på, og hvorfor?").fill("Jeg har 60 studiepoeng fra Nord universitet som ikke kom med. Vitnemålet ligger ved.");
  await anders.getByRole("button", { name: "Send klagen" }).click();
  await expect(anders.getByRole("status").filter({ hasText: "Klagen er sendt. Vi har sendt deg en bekreftelse på e-post." })).toBeVisible();
  await expect(anders.getByText(/^Klage sendt .*: under behandling$/)).toBeVisible();
  await waitForMail(DEMO_APPLICANTS.refused.email, /^Vi har mottatt klagen din/);
  await expectAccessible(anders);

  const adviser = await signedIn(browser, "veileder@demo.no");
  await adviser.goto("/veileder/opptak/klager");
  await expectAccessible(adviser);
  const klage = adviser.getByRole("article").filter({ hasText: DEMO_APPLICANTS.refused.name });
  await expect(klage).toContainText("60 studiepoeng fra Nord universitet");
  await klage.getByLabel("Ikke ta klagen til følge: send den til klagenemnda").check();
  await klage.getByLabel("Begrunnelse").fill("Vitnemålet fra Nord universitet gjelder et årsstudium som allerede er regnet med.");
  await klage.getByLabel("Saken er sendt til klagenemnda nå").check();
  await klage.getByRole("button", { name: "Avgjør klagen" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Klagen er ikke tatt til følge." })).toBeVisible();

  await anders.reload();
  await expect(anders.getByText(/ikke tatt til følge, sendt til klagenemnda/)).toBeVisible();
  await expect(anders.getByText(/Klagen din sendes til klagenemnda/).first()).toBeVisible();

  // It waits at the klagenemnd, on the list with the form for its decision; when the letter comes,
  // the adviser registers it (a wrong date is said at its field, and nothing typed is lost).
  const atBody = adviser.getByRole("article").filter({ hasText: DEMO_APPLICANTS.refused.name });
  await expect(atBody.getByText("Hos klagenemnda")).toBeVisible();
  await expectAccessible(adviser);
  await atBody.getByLabel(/^Klagen tas ikke til følge/).check();
  await atBody.getByLabel("Datoen på klagenemndas vedtak").fill("2020-01-01");
  await atBody.getByLabel("Klagenemndas saksnummer").fill("26/01234");
  await atBody.getByLabel("Klagenemndas begrunnelse, kort").fill("Årsstudiet er regnet med, og opptakskravet er ikke oppfylt.");
  await atBody.getByRole("button", { name: "Registrer klagenemndas vedtak" }).click();
  await expect(atBody.locator('[id$="-decidedOn-error"]')).toContainText("Datoen er før klagen ble sendt til klagenemnda.");
  await expect(atBody.getByLabel("Klagenemndas saksnummer")).toHaveValue("26/01234");
  await atBody.getByLabel("Datoen på klagenemndas vedtak").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" }));
  await atBody.getByRole("button", { name: "Registrer klagenemndas vedtak" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Klagenemndas vedtak er registrert: vedtaket står" })).toBeVisible();
  const answered = adviser.getByRole("article").filter({ hasText: DEMO_APPLICANTS.refused.name });
  await expect(answered.getByText("Stadfestet av klagenemnda")).toBeVisible();
  await expectAccessible(adviser);

  await anders.reload();
  await expect(anders.getByText(/\(saksnummer 26\/01234\): Klagen ble ikke tatt til følge\. Vedtaket står, og det er endelig\./)).toBeVisible();
});

test("a klage that came by post is registered, and the letter it came as is attached to it", async ({ browser }) => {
  const adviser = await signedIn(browser, "veileder@demo.no");
  // The decided intake, through Áile's klage; there, a refused applicant who has not klaget.
  await adviser.goto("/veileder/opptak/klager?alle=1");
  await adviser.getByRole("article").filter({ hasText: DEMO_APPLICANTS.appellant.name }).getByRole("link", { name: `Åpne søknaden fra ${DEMO_APPLICANTS.appellant.name}`, exact: true }).click();
  await expect(adviser).toHaveURL(/\/veileder\/opptak\/[^/]+\/soknad\/[^/]+$/);
  const cohortId = new URL(adviser.url()).pathname.split("/")[3]!;
  await adviser.goto(`/veileder/opptak/${cohortId}?status=DECIDED&kvalifisert=nei`);
  const refused = adviser.locator("main table").getByRole("link").filter({ hasNotText: DEMO_APPLICANTS.appellant.name }).last();
  const name = (await refused.textContent())!.trim();
  await refused.click();
  await adviser.getByRole("link", { name: "Registrer klage fra e-post eller brev" }).click();
  await adviser.getByLabel("Klagen", { exact: true }).fill("Jeg klager på avslaget. Jeg har vært leder i barnevernet i seks år, se vedlagt attest.");
  await adviser.getByRole("button", { name: "Registrer klagen" }).click();
  await expect(adviser.getByRole("heading", { name: "Klagen er registrert" })).toBeVisible();
  await expect(adviser.getByRole("status").filter({ hasText: "Klagen er registrert. Søkeren har fått kvittering på e-post." })).toBeFocused();

  // The letter itself, scanned: attached with a progress bar; the page then says so and links it.
  const scan = { name: "klage-fra-posten.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("Klage", ["Jeg klager på avslaget."])) };
  await expectAccessible(adviser);
  await adviser.getByRole("button", { name: "Legg ved klagen" }).click();
  await expect(adviser.getByRole("alert").filter({ hasText: "Velg en fil å laste opp." })).toBeVisible();
  await adviser.getByLabel("Klagen som PDF").setInputFiles(scan);
  await adviser.getByRole("button", { name: "Legg ved klagen" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Klagen slik den kom, er lagt ved: «klage-fra-posten.pdf»." })).toBeFocused();
  await expect(adviser.getByRole("link", { name: "klage-fra-posten.pdf (åpnes i ny fane)", exact: true })).toBeVisible();
  await expect(adviser.getByRole("button", { name: "Legg ved klagen" })).toHaveCount(0);
  await expectAccessible(adviser);
  const pdf = await adviser.request.get((await adviser.getByRole("link", { name: "klage-fra-posten.pdf" }).getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");

  // The klage list shows it with the klage.
  await adviser.goto("/veileder/opptak/klager");
  await expect(adviser.getByRole("article").filter({ hasText: name }).getByRole("link", { name: "klage-fra-posten.pdf" })).toBeVisible();
});
