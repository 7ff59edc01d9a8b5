// Every page of the app, by who sees it, for the checks that must hold on all of them (every page
// at 375 px: no sideways scrolling, axe WCAG 2.1 AA clean). ADD YOUR NEW PAGE HERE: a fixed
// address, or, where the address holds an id that differs per run, a link to follow from a page
// whose address is known (`linkOn`). The demo data (prisma/seed/demo*.ts) must make the page show
// real content for the role's demo account.
import type { Page } from "@playwright/test";
import { DEMO_APPLICANTS } from "@/prisma/seed/demo-accounts";

export type Audience = "public" | "applicant" | "student" | "faculty" | "adviser" | "admin";

export interface PageToCheck {
  /** What the page is, for the test's name. */
  name: string;
  /** Its address, or how to find it (the page is then opened by its address, not by a click). */
  path: string | ((page: Page) => Promise<string>);
}

/** The demo account each audience signs in as (null: signed out). */
export const ACCOUNT_OF: Record<Audience, string | null> = {
  public: null,
  applicant: "soker@demo.no",
  student: "student@demo.no",
  faculty: "faglaerer@demo.no",
  adviser: "veileder@demo.no",
  admin: "admin@demo.no",
};

/**
 * An address found once per test: several entries start from the same place (the running kull,
 * an intake, the applicant's draft), and finding it again meant loading the page it is read from
 * again, a third of the every-page walk's time. Kept per Page, so per test.
 */
const found = new WeakMap<Page, Map<string, Promise<string>>>();
function once(key: string, find: (page: Page) => Promise<string>) {
  return (page: Page) => {
    let known = found.get(page);
    if (!known) found.set(page, (known = new Map()));
    let address = known.get(key);
    if (!address) {
      address = find(page);
      known.set(key, address);
    }
    return address;
  };
}

/** The address of the first link on `from` whose accessible name matches `name`. */
export function linkOn(from: string | ((page: Page) => Promise<string>), name: string | RegExp, nth = 0) {
  return async (page: Page) => {
    await page.goto(typeof from === "string" ? from : await from(page));
    const href = await page.getByRole("link", { name }).nth(nth).getAttribute("href");
    if (!href) throw new Error(`no link ${String(name)} on ${page.url()}`);
    return href;
  };
}

/** The link of the demo applicant's application whose row shows `state` ("Utkast", "Tilbud"). */
const applicationWith = (state: RegExp) => once(`application ${state}`, async (page: Page) => {
  await page.goto("/soker");
  const href = await page.getByRole("listitem").filter({ hasText: state }).getByRole("link").first().getAttribute("href");
  if (!href) throw new Error(`no application in the state ${state} on /soker`);
  return href.replace(/\/$/, "");
});

/**
 * An intake on the adviser's list of intakes (newest deadline first), by its programme and place
 * in that list: barnevernledelse's open intake is first, the decided one second.
 */
const intake = (programme: RegExp, nth = 0) => once(`intake ${programme} ${nth}`, async (page: Page) => {
  await page.goto("/veileder/opptak");
  const row = page.getByRole("row").filter({ hasText: programme }).nth(nth);
  const href = await row.getByRole("link").first().getAttribute("href");
  if (!href) throw new Error(`no intake ${programme} on /veileder/opptak`);
  return href;
});

/** One application in the barnevernledelse intake whose decisions are sent, found by the applicant's name. */
const sentApplication = (name: string) =>
  linkOn(async (page: Page) => `${await intake(/Nasjonal videreutdanning i barnevernledelse/, 1)(page)}?q=${encodeURIComponent(name.split(" ")[0]!)}`, name);

/** The running cohort (its samling is on today in the demo): from the faculty home's link to today's attendance. */
const runningCohort = once("running cohort", async (page: Page) => {
  const today = await linkOn("/faglaerer", "Registrer oppmøte for i dag")(page);
  return today.split("/").slice(0, 3).join("/");
});
const cohortTab = (slug: string) => async (page: Page) => `${await runningCohort(page)}/${slug}`;

/** The copy of a kull with its proposal: the first kull on the copy page's list (the demo's draft). */
const copyProposal = async (page: Page) => {
  await page.goto("/veileder/kull/kopier");
  const value = await page.getByLabel("Kull du kopierer fra").locator("option").nth(1).getAttribute("value");
  if (!value) throw new Error("no kull to copy on /veileder/kull/kopier");
  return `/veileder/kull/kopier?fra=${value}`;
};

/** Kull H2025, about to sit the exam: from the faculty's navigation. */
const finishingCohort = once("finishing cohort", async (page: Page) => {
  await page.goto("/faglaerer");
  // At 375 px the menu is closed behind «Meny» (its links hidden from the accessibility tree): read the href from the markup.
  const href = await page.locator('nav[aria-label="Faglærer"] a').filter({ hasText: /^Kull H2025$/ }).first().getAttribute("href");
  if (!href) throw new Error("no link to Kull H2025 on /faglaerer");
  return href;
});

/** Kull H2023 (sat its exam; ny eksamen and utsatt eksamen ahead): from the adviser's list of kull. */
const h2023Cohort = once("H2023", linkOn("/veileder", "Kull H2023"));
const h2023 = (slug: string) => async (page: Page) => `${await h2023Cohort(page)}/${slug}`;

/** The applicant's draft (the demo applicant's application to the open intake). */
const draft = applicationWith(/Utkast/);
const step = (slug: string) => async (page: Page) => `${await draft(page)}/${slug}`;

export const PAGES: Record<Audience, readonly PageToCheck[]> = {
  public: [
    { name: "forsiden", path: "/" },
    { name: "innlogging", path: "/login" },
    { name: "innlogging før søknad", path: "/login?neste=%2Fsoker%2Fny" },
    { name: "registrering", path: "/registrer" },
    { name: "personvernerklæringen", path: "/personvern" },
    { name: "ingen tilgang", path: "/ingen-tilgang" },
    { name: "logg ut", path: "/logg-ut" },
    { name: "siden finnes ikke", path: "/finnes-ikke" },
  ],
  applicant: [
    { name: "mine søknader", path: "/soker" },
    { name: "personopplysninger", path: step("personalia") },
    { name: "utdanning", path: step("utdanning") },
    { name: "arbeidsgiver", path: step("arbeidsgiver") },
    { name: "stillinger", path: step("stillinger") },
    { name: "en stilling", path: linkOn(step("stillinger"), /^Rediger/) },
    { name: "dokumenter", path: step("dokumenter") },
    { name: "oppsummering", path: step("oppsummering") },
    { name: "en avgjort søknad", path: linkOn("/soker", /Kull H2023/) },
    { name: "et tilbud om studieplass med vedtaksbrev", path: applicationWith(/Tilbud om studieplass/) },
    { name: "ingen tilgang", path: "/ingen-tilgang" },
  ],
  student: [
    { name: "mine studier", path: "/student" },
    { name: "oppmøte", path: "/student/oppmote" },
    { name: "arbeidskrav", path: "/student/arbeidskrav" },
    { name: "ett arbeidskrav med innlevering", path: linkOn("/student/arbeidskrav", /Ledertreningsoppgave 1/) },
    { name: "timeplan og kalender", path: "/student/timeplan" },
    { name: "eksamen: tider, resultater, ny og utsatt eksamen", path: "/student/eksamen" },
    { name: "brev", path: "/student/brev" },
    { name: "et vedtak med klage som er tatt til følge", path: linkOn("/student/brev", /^Vedtak: Fagnotat 1/) },
    { name: "brevet om utfallet av klagen", path: linkOn("/student/brev", /^Klagen din er tatt til følge/) },
    { name: "studieforløp", path: "/student/studieforlop" },
  ],
  faculty: [
    { name: "oversikt", path: "/faglaerer" },
    { name: "et kull", path: runningCohort },
    { name: "plan", path: cohortTab("plan") },
    { name: "team og basisgrupper", path: cohortTab("team") },
    { name: "oppmøteoversikten", path: cohortTab("oppmote") },
    { name: "oppmøte for i dag", path: linkOn("/faglaerer", "Registrer oppmøte for i dag") },
    { name: "arbeidskrav", path: cohortTab("arbeidskrav") },
    { name: "en innlevering til vurdering", path: linkOn(cohortTab("arbeidskrav"), /^Vurder Fagnotat 2/) },
    { name: "eksamen", path: cohortTab("eksamen") },
    { name: "klager (alle)", path: async (page) => `${await cohortTab("klager")(page)}?alle=1` },
    { name: "eksamen med vedtak om ikke adgang", path: async (page) => `${await finishingCohort(page)}/eksamen` },
    { name: "klager som venter på studieveileder", path: async (page) => `${await finishingCohort(page)}/klager` },
  ],
  adviser: [
    { name: "oversikt", path: "/veileder" },
    { name: "opptak", path: "/veileder/opptak" },
    { name: "ett opptak: oversikt og søknader", path: intake(/institusjonsledelse/) },
    { name: "en søknad til vurdering", path: linkOn(intake(/institusjonsledelse/), DEMO_APPLICANTS.toReview.name) },
    { name: "rangering", path: async (page) => `${await intake(/institusjonsledelse/)(page)}/rangering` },
    { name: "vedtak (før utsending)", path: async (page) => `${await intake(/institusjonsledelse/)(page)}/vedtak` },
    { name: "vedtak (etter utsending)", path: async (page) => `${await intake(/Nasjonal videreutdanning i barnevernledelse/, 1)(page)}/vedtak` },
    { name: "foreløpig rangering (før søknadsfristen)", path: async (page) => `${await intake(/Nasjonal videreutdanning i barnevernledelse/)(page)}/rangering` },
    { name: "vedtak (før søknadsfristen)", path: async (page) => `${await intake(/Nasjonal videreutdanning i barnevernledelse/)(page)}/vedtak` },
    { name: "klager", path: "/veileder/opptak/klager" },
    { name: "registrer klage på opptak fra e-post eller brev", path: linkOn(sentApplication(DEMO_APPLICANTS.waitlisted.name), "Registrer klage fra e-post eller brev") },
    { name: "registrer klage på opptak: klagen er alt registrert", path: linkOn(sentApplication(DEMO_APPLICANTS.appellant.name), "Registrer klage fra e-post eller brev") },
    { name: "studieprogrammer", path: "/veileder/programmer" },
    { name: "et studieprogram med malen", path: linkOn("/veileder/programmer", "Nasjonal videreutdanning i barnevernledelse") },
    { name: "nytt kull", path: "/veileder/kull/ny" },
    { name: "kopier et kull: datoene til gjennomsyn", path: copyProposal },
    { name: "et kull som kladd: opptak og status", path: linkOn("/veileder", /^Publiser opptaket/) },
    { name: "et fullført kull: opptak og status, og hva som står åpent før det kan arkiveres", path: linkOn("/veileder", /^Kullet kan arkiveres når/) },
    { name: "arkiverte kull", path: "/veileder/kull/arkiv" },
    { name: "et arkivert kull: opptak og status, med «Hent kullet fram fra arkivet»", path: linkOn("/veileder/kull/arkiv", /^Opptak og status/) },
    { name: "et arkivert kull: kullets side, som sier at ingenting kan endres", path: linkOn("/veileder/kull/arkiv", /^Kull H2023/) },
    { name: "eksamen med ny og utsatt eksamen (H2023)", path: h2023("eksamen") },
    { name: "ny eksamen: oppmelding, resultater og oppgave", path: linkOn(h2023("eksamen"), /^Ny eksamen:/) },
    { name: "utsatt eksamen", path: linkOn(h2023("eksamen"), /^Utsatt eksamen:/) },
    { name: "eksamensprotokoll for ny eksamen", path: linkOn(linkOn(h2023("eksamen"), /^Ny eksamen:/), "Eksamensprotokoll for utskrift") },
    { name: "søknader om utsatt eksamen", path: h2023("eksamen/utsatt") },
    { name: "ny sitting av eksamen", path: h2023("eksamen/ny") },
    { name: "en klage fra en student å avgjøre", path: linkOn("/veileder", /^Kull H2025: 1 klage fra en student/) },
    { name: "brukere", path: "/veileder/brukere" },
    { name: "studenter (med permisjon nå)", path: "/veileder/studenter" },
    { name: "søk etter studenter", path: "/veileder/studenter?q=demo.no" },
    { name: "en student med overføring og godkjente arbeidskrav", path: linkOn("/veileder/studenter?q=Overf%C3%B8rt", "Olav Overført") },
    { name: "overføring til senere kull: hva som kan godkjennes", path: async (page) => {
      const student = await linkOn("/veileder/studenter?q=Vedtak", "Vilde Vedtak")(page);
      const start = await linkOn(student, "Overfør til et senere kull")(page);
      await page.goto(start);
      const value = await page.getByLabel("Nytt kull").locator("option").filter({ hasText: /[1-9]\d* ledige plasser/ }).first().getAttribute("value");
      return `${start}&til=${value}`;
    } },
    { name: "ingen tilgang (med råd for ansatte)", path: "/ingen-tilgang" },
  ],
  admin: [
    { name: "oversikt", path: "/veileder" },
    { name: "nytt studieprogram", path: "/veileder/programmer/ny" },
    { name: "brukere", path: "/veileder/brukere" },
    { name: "brukere, side 2", path: "/veileder/brukere?side=2" },
    { name: "e-post sendt fra appen", path: "/utvikler/e-post" },
    { name: "logg", path: "/veileder/logg" },
    { name: "e-post som ikke kom fram", path: "/veileder/e-post" },
    { name: "logg om én person", path: "/veileder/logg?person=soker%40demo.no" },
  ],
};
