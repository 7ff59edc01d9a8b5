// A klage that came by e-mail long after the deadline, avvist as the adviser registers it
// (forvaltningsloven § 33 andre ledd): Petra Permisjon's request for leave for samling 4 was
// refused by Ingrid, the programme's adviser (the demo), and she did not klage in time. Vegard
// registers her klage with the avvisning's grounds; Petra gets the avvisning as a vedtak of its
// own and klager on it, and Ada, who made neither decision, may decide that klage. Only Petra's
// refused leave changes (enrolments.spec transfers her, in parallel: the letter and the klage stay
// with her first kull).
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, waitForMail } from "./helpers";

const PETRA = "student.permisjon@demo.no";
const REFUSAL = "Vedtak: søknaden om permisjon er avslått";
const DISMISSAL = "Vedtak: klagen din på vedtaket om permisjon er avvist";

test("a late klage by e-mail is registered and avvist; the student gets the avvisning as a vedtak she can klage on", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "veileder@demo.no");
  await page.goto("/veileder/studenter?q=Permisjon");
  await page.getByRole("link", { name: "Petra Permisjon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Petra Permisjon" })).toBeVisible();
  const refusal = page.getByRole("row").filter({ hasText: REFUSAL });
  await refusal.getByRole("link", { name: "Registrer klage fra e-post eller brev" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrer klage" })).toBeVisible();

  // Registered as it came (today), with no reason either way: the message says both ways, and the
  // text stays.
  const text = "Jeg klager på avslaget på permisjon. Jeg har nå legeerklæring for min mor, og ber om at saken vurderes på nytt.";
  await page.getByRole("textbox", { name: "Klagen", exact: true }).fill(text);
  await page.getByRole("button", { name: "Registrer klagen" }).click();
  await expect(page.getByText(/Klagen kom etter klagefristen .*, eller hvorfor den avvises\./).first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Klagen", exact: true })).toHaveValue(text);
  await expectAccessible(page);

  const grounds = "Klagen kom mer enn fire uker etter fristen, og det er ikke oppgitt noen grunn til at den kom sent. Du har fått permisjon etter en ny søknad.";
  await page.getByLabel(/^Eller: hvorfor klagen avvises/).fill(grounds);
  await page.getByRole("button", { name: "Registrer klagen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klage på vedtaket" })).toBeVisible();
  // The form is gone: what was done is said at the top, with the focus there.
  await expect(page.getByRole("status").filter({ hasText: "Klagen er registrert og avvist. Studenten har fått vedtaket om avvisningen som brev." })).toBeFocused();
  const registered = page.getByRole("region", { name: "Klagen er registrert" });
  await expect(registered).toContainText("Den er avvist fordi den kom for sent, og studenten har fått vedtaket om avvisningen.");
  await expect(registered).toContainText(`Begrunnelse for avvisningen: ${grounds}`);
  await expectAccessible(page);

  // Her record: the refusal's klage avvist, and the avvisning with a klage deadline of its own.
  await page.getByRole("link", { name: "← Petra Permisjon" }).click();
  await expect(page.getByRole("row").filter({ hasText: REFUSAL })).toContainText("Klage: avvist (kom for sent)");
  await expect(page.getByRole("row").filter({ hasText: DISMISSAL })).toContainText(/Klagefrist \d+\. \p{L}+ \d{4}/u);

  // Petra: by e-mail, and under Brev, with her right to klage on the avvisning.
  const mail = await waitForMail(PETRA, new RegExp(`^${DISMISSAL}$`));
  expect(mail.text).toContain("Klagen er derfor avvist: vi tar ikke stilling til det du klager på.");
  const context = await browser.newContext();
  const petra = await context.newPage();
  await signIn(petra, PETRA);
  await petra.goto("/student/brev");
  await petra.getByRole("link", { name: DISMISSAL, exact: true }).click();
  await expect(petra.getByRole("heading", { level: 1, name: DISMISSAL })).toBeVisible();
  const letter = petra.getByRole("article", { name: "Brevet" });
  await expect(letter).toContainText("Vedtaket du klaget på, gjelder som før.");
  await expect(letter).toContainText("Forvaltningsloven §§ 29, 31 og 33 andre ledd");
  await expect(petra.getByRole("heading", { level: 2, name: "Klag på vedtaket" })).toBeVisible();
  await expectAccessible(petra);
  // She klager on the avvisning.
  await petra.getByLabel("Hva klager du på, og hvorfor?").fill("Jeg var på sykehus med mor i hele januar og kunne ikke klage i tide. Legeerklæringen sender jeg til studieveilederen.");
  await petra.getByRole("button", { name: "Send klagen" }).click();
  await expect(petra.getByRole("status").filter({ hasText: "Klagen er sendt." })).toBeVisible();
  await petra.goto("/student/brev");
  await petra.getByRole("link", { name: REFUSAL, exact: true }).click();
  await expect(petra.getByRole("region", { name: "Klagen din" })).toContainText("Klagen er avvist fordi den kom for sent: vi har ikke tatt stilling til det du klaget på.");
  await context.close();

  // Vegard avviste, so he does not decide the klage on it; Ada, who made neither decision, does.
  const kullKlager = async (who: typeof page) => {
    await who.goto("/veileder");
    await who.getByRole("link", { name: /^Kull V2026: (1 klage fra en student|\d+ klager fra studenter)/ }).click();
    return who.getByRole("article").filter({ hasText: "Petra Permisjon" }).filter({ hasText: "Vedtak om avvisning av klage" });
  };
  await expect((await kullKlager(page)).getByRole("button", { name: "Avgjør klagen" })).toHaveCount(0);
  const adaContext = await browser.newContext();
  const ada = await adaContext.newPage();
  await signIn(ada, "admin@demo.no");
  const onDismissal = await kullKlager(ada);
  await expect(onDismissal.getByRole("radio", { name: /^Ta klagen til følge: klagen som ble avvist, tas under behandling/ })).toBeVisible();
  await expectAccessible(ada);
  await adaContext.close();
});
