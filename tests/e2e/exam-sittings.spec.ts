// The exam beyond the first sitting, in kull H2023 of the demo (prisma/seed/demo-exams.ts): Nora,
// registered for the ny eksamen after an F, falls ill and documents it; the adviser grants utsatt
// eksamen. Fredrik, also with an F, registers for the ny eksamen himself. Neither sitting takes a
// grade before it is held, and the ordinary sitting's FS export carries the grade that counts.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";
import { makePdf } from "@/prisma/seed/pdf";
import { signIn } from "./helpers";

const h2023 = async (page: Page) => {
  await page.goto("/veileder");
  const href = await page.getByRole("link", { name: "Kull H2023" }).first().getAttribute("href");
  if (!href) throw new Error("no link to Kull H2023 on /veileder");
  return href;
};

test("a documented illness gets utsatt eksamen, an F registers for ny eksamen, and neither later sitting takes a grade before it is held", async ({ browser }) => {
  test.setTimeout(180_000);

  // Nora asks for utsatt eksamen of the ny eksamen she is registered for, with a legeerklæring.
  const nora = await (await browser.newContext()).newPage();
  await signIn(nora, DEMO_STUDENTS.resit.email);
  await nora.goto("/student/eksamen");
  const resitCard = nora.getByRole("region", { name: /^Ny eksamen:/ });
  await expect(resitCard.getByText("Meldt opp", { exact: true })).toBeVisible();
  await expect(resitCard.getByText(/kl\. 09\.00/).first()).toBeVisible();
  await resitCard.getByLabel(/^Sykdom:/).check();
  await resitCard.getByLabel("Hva skjedde, og når?").fill("Innlagt på sykehus med lungebetennelse i eksamensuken.");
  await resitCard.getByLabel("Dokumentasjon (PDF)").setInputFiles({ name: "legeerklaering.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("Legeerklæring", ["Innlagt"])) });
  await resitCard.getByRole("button", { name: "Send søknaden" }).click();
  await expect(nora.getByText("Søknaden om utsatt eksamen er sendt.")).toBeVisible();

  // Fredrik registers for the ny eksamen himself.
  const fredrik = await (await browser.newContext()).newPage();
  await signIn(fredrik, DEMO_STUDENTS.failed.email);
  await fredrik.goto("/student/eksamen");
  await fredrik.getByRole("button", { name: "Meld deg opp til ny eksamen" }).click();
  await fredrik.getByRole("dialog").getByRole("button", { name: "Meld meg opp" }).click();
  await expect(fredrik.getByRole("region", { name: /^Ny eksamen:/ }).getByText("Meldt opp", { exact: true })).toBeVisible();
  await expect(fredrik.getByRole("status").filter({ hasText: "Du er meldt opp til ny eksamen. Du får en bekreftelse på e-post." })).toBeFocused();
  // Withdrawing asks first, and says it was done; he registers again.
  await fredrik.getByRole("button", { name: /^Meld meg av/ }).click();
  await fredrik.getByRole("dialog", { name: "Melde deg av ny eksamen?" }).getByRole("button", { name: "Meld meg av" }).click();
  await expect(fredrik.getByRole("status").filter({ hasText: "Du er meldt av ny eksamen. Det teller ikke som et forsøk." })).toBeVisible();
  await fredrik.getByRole("button", { name: "Meld deg opp til ny eksamen" }).click();
  await fredrik.getByRole("dialog").getByRole("button", { name: "Meld meg opp" }).click();
  await expect(fredrik.getByRole("region", { name: /^Ny eksamen:/ }).getByText("Meldt opp", { exact: true })).toBeVisible();

  // The adviser grants Nora's request onto the utsatt eksamen.
  const adviser = await (await browser.newContext()).newPage();
  await signIn(adviser, "veileder@demo.no");
  const base = await h2023(adviser);
  await adviser.goto(`${base}/eksamen/utsatt`);
  const grant = adviser.getByRole("form", { name: `Innvilg utsatt eksamen for ${DEMO_STUDENTS.resit.name}` });
  await grant.getByRole("button", { name: "Innvilg utsatt eksamen" }).click();
  await adviser.getByRole("dialog", { name: `Innvilge utsatt eksamen for ${DEMO_STUDENTS.resit.name}?` }).getByRole("button", { name: "Ja, innvilg" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Utsatt eksamen er innvilget." })).toBeFocused();
  await expect(adviser.getByRole("row").filter({ hasText: DEMO_STUDENTS.resit.name }).getByText("Innvilget", { exact: true })).toBeVisible();

  // Nora sees the letter and her place at the utsatt eksamen.
  await nora.goto("/student/eksamen");
  await expect(nora.getByRole("region", { name: /^Utsatt eksamen:/ }).getByText("Meldt opp", { exact: true })).toBeVisible();
  await nora.goto("/student/brev");
  await expect(nora.getByRole("link", { name: /utsatt eksamen/i }).first()).toBeVisible();

  // No grade before a sitting is held: both later sittings are weeks away, so their pages say when
  // results are set instead of offering the form (the server refuses it too). Grading the later
  // sittings, and the counting grade in FS, are in lifecycle.spec.ts, which moves the clock.
  for (const [label, person] of [
    ["Ny eksamen", DEMO_STUDENTS.failed.name],
    ["Utsatt eksamen", DEMO_STUDENTS.resit.name],
  ] as const) {
    await adviser.goto(`${base}/eksamen`);
    await adviser.getByRole("navigation", { name: "Eksamener i kullet" }).getByRole("link", { name: new RegExp(`^${label}:`) }).click();
    await expect(adviser.getByRole("heading", { level: 1, name: new RegExp(`^${label}, Kull H2023`) })).toBeVisible();
    await expect(adviser.getByRole("row").filter({ hasText: person })).toContainText("Settes etter innleveringen.");
    await expect(adviser.getByLabel(`Karakter for ${person}`, { exact: true })).toHaveCount(0);
  }

  // The ordinary sitting's export carries the grade that counts: Fredrik's F, as nothing later is graded.
  await adviser.getByRole("navigation", { name: "Eksamener i kullet" }).getByRole("link", { name: /^Ordinær eksamen:/ }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: /^Eksamen, Kull H2023/ })).toBeVisible();
  const ordinaryExport = await adviser.getByRole("link", { name: /Last ned resultater for FS/ }).getAttribute("href");
  const ordinaryCsv = await (await adviser.request.get(ordinaryExport!)).text();
  expect(ordinaryCsv).toMatch(new RegExp(`^${DEMO_STUDENTS.failed.name};[^\\r\\n]*;F;[^;]*;[^;]*;F\\r?$`, "m"));
});
