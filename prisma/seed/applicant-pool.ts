// A pool of sent applications for an intake, with their PDFs, across every county and the four
// priority categories: what the open and the decided intakes of the demo are filled with. A
// factory, not a chapter: chapters call it and never import each other.
import { explainPriorityCategory } from "@/lib/domain/admission";
import { MUNICIPALITIES, municipalitiesInCounty } from "@/lib/data/norway-places";
import type { Database } from "@/lib/db/client";
import type { EmployerType, LeaderRole } from "@/lib/generated/prisma/enums";
import { toDomainPosition } from "@/lib/to-domain";
import { addDays, dayDifference } from "@/prisma/seed/calendar";
import { attachPdf, createApplication, createUser, day, type PositionInput } from "@/prisma/seed/factories";

export interface PoolContext {
  names: () => { name: string; email: string };
  random: () => number;
}

const EMPLOYERS_BY_TYPE: Record<EmployerType, (municipality: string) => string> = {
  MUNICIPAL_CWS: (municipality) => `${municipality} kommune, barneverntjenesten`,
  INSTITUTION: (municipality) => `${municipality} barnevernsinstitusjon`,
  OTHER: (municipality) => `${municipality} kommune, familieavdelingen`,
};

/** Heavier in the populous counties, but every county appears. */
const COUNTY_WEIGHTS: [string, number][] = [
  ["03", 6], ["50", 6], ["46", 5], ["32", 4], ["11", 3], ["42", 3], ["18", 3], ["34", 3],
  ["15", 2], ["33", 2], ["55", 2], ["31", 2], ["39", 1], ["40", 1], ["56", 1],
];

/**
 * The category a sent application states as of the deadline, from the positions as given: what
 * the app computes when the applicant sends it (lib/server/applications/submission.ts).
 */
export function provisionalCategoryOf(positions: PositionInput[], deadline: string) {
  const explanation = explainPriorityCategory(positions.map((position) => toDomainPosition({
    startDate: day(position.startDate),
    endDate: position.endDate ? day(position.endDate) : null,
    employerType: position.employerType,
    leaderRole: position.leaderRole ?? "LEADER",
    professionalResponsibility: position.professionalResponsibility ?? false,
    personnelResponsibility: position.personnelResponsibility ?? false,
  })), deadline);
  return { provisionalCategory: explanation.category, provisionalCategoryReason: explanation.reasons.join(" ") };
}

/** Sent applications with their PDFs, across counties and categories; returns their ids in order. */
export async function seedApplications(
  db: Database,
  context: PoolContext & { cohortId: string; opensOn: string; deadline: string; today: string; total?: number },
): Promise<string[]> {
  const { cohortId, opensOn, deadline, today, names, random } = context;
  const counties = COUNTY_WEIGHTS.flatMap(([code, weight]) => Array<string>(weight).fill(code));
  const total = context.total ?? 44;
  const ids: string[] = [];
  // Sent between the opening and today, or the deadline when it has passed.
  const lastDay = dayDifference(today, deadline) < 0 ? deadline : today;
  for (let index = 0; index < total; index += 1) {
    const person = names();
    const countyCode = index < COUNTY_WEIGHTS.length ? COUNTY_WEIGHTS[index]![0] : counties[Math.floor(random() * counties.length)]!;
    const candidates = municipalitiesInCounty(countyCode);
    const municipality = candidates[Math.floor(random() * candidates.length)] ?? MUNICIPALITIES[0]!;
    const profile = (["cat1", "cat1", "cat2", "cat3", "cat4", "cat1", "cat3", "cat4"] as const)[index % 8]!;
    const positions = positionsFor(profile, municipality.name, countyCode, municipality.code, today, random);
    const daysOpen = Math.max(1, dayDifference(opensOn, lastDay));
    const submittedOn = addDays(opensOn, Math.floor(random() * daysOpen));
    const submittedAt = new Date(`${submittedOn}T${String(8 + Math.floor(random() * 12)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00+01:00`);
    const explanation = provisionalCategoryOf(positions, deadline);
    const credits = index % 11 === 10 ? 120 : 180 + Math.floor(random() * 3) * 30;
    const user = await createUser(db, { ...person, roles: ["APPLICANT"] });
    const birthYear = 1968 + Math.floor(random() * 25);
    const application = await createApplication(db, {
      applicantId: user.id,
      cohortId,
      status: index % 5 === 0 ? "UNDER_REVIEW" : "SUBMITTED",
      submittedAt,
      reviewStartedAt: index % 5 === 0 ? new Date(submittedAt.getTime() + 3 * 86_400_000) : undefined,
      fullName: person.name,
      birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      phone: `9${String(Math.floor(random() * 1e7)).padStart(7, "0")}`,
      address: `Storgata ${1 + Math.floor(random() * 90)}`,
      postalCode: String(1000 + Math.floor(random() * 8000)),
      postalPlace: municipality.name,
      employerCountyCode: countyCode,
      employerMunicipalityCode: municipality.code,
      ...explanation,
      educations: [
        {
          institution: ["NTNU", "OsloMet", "Universitetet i Agder", "UiT Norges arktiske universitet", "Høgskulen på Vestlandet"][index % 5]!,
          degree: ["Bachelor i barnevern", "Bachelor i sosialt arbeid", "Bachelor i vernepleie"][index % 3]!,
          credits,
          // At 22 to 31: a year the completion rule (application-requirements) finds plausible.
          completedYear: Math.min(birthYear + 22 + (index % 10), 2024),
        },
      ],
      positions,
    });
    ids.push(application.id);
    const submittedAtText = submittedAt.toISOString();
    await attachPdf(db, {
      applicationId: application.id,
      uploadedById: user.id,
      kind: "VITNEMAL",
      originalName: "vitnemal.pdf",
      lines: [person.name, `${credits} studiepoeng`, `Lastet opp ${submittedAtText.slice(0, 10)}`],
    });
    for (const position of application.positions) {
      await attachPdf(db, {
        applicationId: application.id,
        uploadedById: user.id,
        kind: "TJENESTEBEVIS",
        positionId: position.id,
        originalName: `tjenestebevis-${slug(position.employer ?? "arbeidsgiver")}.pdf`,
        lines: [person.name, position.title ?? "", position.employer ?? "", `Stillingsprosent ${position.percent}`],
      });
    }
  }
  return ids;
}

function positionsFor(
  profile: "cat1" | "cat2" | "cat3" | "cat4",
  municipality: string,
  countyCode: string,
  municipalityCode: string,
  today: string,
  random: () => number,
): PositionInput[] {
  const base = { countyCode, municipalityCode, superiorTitle: "Kommunalsjef for oppvekst" };
  const yearsAgo = (years: number) => addDays(today, -Math.round(years * 365));
  const position = (employerType: EmployerType, leaderRole: LeaderRole, both: boolean, start: string, end: string | null, title: string): PositionInput => ({
    ...base,
    employer: EMPLOYERS_BY_TYPE[employerType](municipality),
    employerType,
    leaderRole,
    title,
    startDate: start,
    endDate: end,
    percent: 100,
    personnelCount: both ? 4 + Math.floor(random() * 20) : 0,
    professionalResponsibility: both || leaderRole === "PROFESSIONAL_LEAD",
    personnelResponsibility: both,
    areaOfResponsibility: leaderRole === "TEAM_LEAD" ? "Undersøkelsesteamet" : "Barneverntjenesten",
    superiorTitle: employerType === "INSTITUTION" ? "Regionsjef" : base.superiorTitle,
  });
  switch (profile) {
    case "cat1":
      return [position("MUNICIPAL_CWS", random() < 0.5 ? "LEADER" : "DEPUTY", true, yearsAgo(1 + random() * 6), null, "Barnevernleder")];
    case "cat2":
      return [
        position("MUNICIPAL_CWS", "TEAM_LEAD", false, yearsAgo(6), yearsAgo(2.5), "Teamleder"),
        position("OTHER", "NONE", false, yearsAgo(2.5), null, "Rådgiver"),
      ];
    case "cat3":
      return [position("INSTITUTION", "LEADER", true, yearsAgo(1 + random() * 5), null, "Institusjonsleder")];
    case "cat4":
      return [position("MUNICIPAL_CWS", "PROFESSIONAL_LEAD", false, yearsAgo(0.5 + random()), null, "Fagleder")];
  }
}

const FIRST_NAMES = [
  "Anne", "Bjørn", "Camilla", "Dag", "Eli", "Fredrik", "Guro", "Håkon", "Ida", "Jon", "Kristin", "Lars",
  "Marte", "Nils", "Oda", "Pål", "Ragnhild", "Sindre", "Tone", "Ulrik", "Vilde", "Øystein", "Åse", "Linnea",
  "Mona", "Geir", "Hilde", "Knut", "Siri", "Trond", "Randi", "Espen", "Solveig", "Aslak", "Berit", "Torunn",
];
const LAST_NAMES = [
  "Aasen", "Berg", "Dahl", "Eide", "Fjeld", "Gundersen", "Haugland", "Isaksen", "Jensen", "Kvam", "Lie",
  "Moe", "Nygård", "Olsen", "Pedersen", "Rønning", "Solberg", "Tangen", "Ulvik", "Vik", "Wold", "Øien", "Ås",
  "Sara", "Mikkelsen", "Strand", "Holm", "Brekke", "Hagen", "Lunde",
];

export function nameGenerator(random: () => number): () => { name: string; email: string } {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
      const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
      const name = `${first} ${last}`;
      if (used.has(name)) continue;
      used.add(name);
      return { name, email: `${slug(first)}.${slug(last)}@demo.no` };
    }
  };
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

