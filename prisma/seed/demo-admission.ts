// The admission part of the demo: two intakes past their deadline.
//
// - Barnevernledelse, the cohort starting in about nine weeks: reviewed, ranked and decided six
//   days ago (30 offers, some accepted, a waiting list, refusals), with four applications still
//   pending (two waiting for documentation the adviser asked for, two not reviewed yet). The demo
//   applicant (soker@demo.no) holds an offer they can accept; soker.venteliste@demo.no is first on
//   the waiting list; soker.klage@demo.no was refused and has filed a klage the adviser can decide.
// - Institusjonsledelse, the same term, deadline two days ago, nothing decided: every review state
//   (not reviewed, qualified, not qualified) for the adviser to work through. Its ranking is
//   fixed by design: ten qualified for ten places once Kari Kontroll is reviewed, and two in
//   category 4 from one county on the waiting list, Nils Neste first. The end-to-end test of
//   admission runs here.
//
// - Barnevernledelse's open intake (deadline in three weeks): the adviser has begun reviewing
//   early. Eight applications are judged, so its ranking page shows a provisional ranking
//   ("Foreløpig rangering") and its decisions page says nothing can be sent before the deadline.
//
// The decided intake's waiting-list letters say the list closes on the kull's first samling day
// (the default; no date is set), which is weeks away, so the list still moves by itself.
//
// Letters are composed by the same pure functions the app uses (lib/domain/decision-letter.ts).
import type { Database } from "@/lib/db/client";
import type { AuditAction, AuditEntityType } from "@/lib/domain/audit-actions";
import { explainRankingPlace, rankApplicants, type RankingCandidate } from "@/lib/domain/admission";
import { admissionRequirementChecks, verifiedCategory, type ReviewPosition } from "@/lib/domain/admission-review";
import { applyRankingMoves, waitlistClosingDate } from "@/lib/domain/admission-decisions";
import { caseYearOf, formatCaseReference, type CaseReference } from "@/lib/domain/case-reference";
import { nextCaseNumber } from "@/lib/db/case-number";
import { composeDecisionLetter, letterAsText, type LetterKind } from "@/lib/domain/decision-letter";
import { APPEALS_BODY } from "@/lib/domain/klage";
import { day } from "@/lib/dates";
import { toReviewPosition } from "@/lib/to-domain";
import { DEMO_APPLICANTS } from "@/prisma/seed/demo-accounts";
import { attachPdf, createApplication, createCohort, createUser, enrol, type PositionInput } from "@/prisma/seed/factories";
import { provisionalCategoryOf, seedApplications } from "@/prisma/seed/applicant-pool";
import { addDays, at, mondayOf, termCode } from "@/prisma/seed/calendar";


interface Context {
  today: string;
  programmeId: string;
  institutionProgrammeId: string;
  adviser: { id: string; name: string };
  demoApplicant: { id: string; name: string };
  passwordHash: string;
  names: () => { name: string; email: string };
  random: () => number;
  /** Barnevernledelse's intake open today (its applications are seeded before this chapter). */
  openIntake: { cohortId: string; deadline: string };
}

/** How many of the open intake's applications the adviser has judged before the deadline. */
export const EARLY_REVIEWS = 8;

export async function seedAdmission(db: Database, context: Context): Promise<string> {
  const decided = await seedDecidedIntake(db, context);
  const open = await seedUndecidedIntake(db, context);
  const early = await seedEarlyReview(db, context);
  return `${decided}, ${open}, ${early}`;
}

/** The first applications to the open intake, reviewed and judged before its deadline. */
async function seedEarlyReview(db: Database, context: Context): Promise<string> {
  const rows = (await loadRows(db, context.openIntake.cohortId)).slice(0, EARLY_REVIEWS);
  const reviewedAt = at(addDays(context.today, -1), 15);
  for (const row of rows) await markReviewed(db, row, context.openIntake.deadline, context.adviser.id, reviewedAt);
  return `${rows.length} søknader vurdert før fristen (foreløpig rangering)`;
}

/** Nine samlinger six weeks apart from about nine weeks after `today`; exam four weeks after the last. */
export function upcomingCohortPlan(today: string, deadlineOffset: number) {
  const firstTuesday = addDays(mondayOf(addDays(today, 63)), 1);
  const starts = Array.from({ length: 9 }, (_, index) => addDays(firstTuesday, index * 42));
  const examStart = addDays(starts[8]!, 28);
  return {
    code: termCode(firstTuesday),
    applicationOpensOn: addDays(today, deadlineOffset - 120),
    applicationDeadline: addDays(today, deadlineOffset),
    samlinger: starts.map((tuesday, index) => ({ title: `Samling ${index + 1}`, days: [tuesday, addDays(tuesday, 1), addDays(tuesday, 2)] })),
    exam: { startsOn: examStart, endsOn: addDays(examStart, 2) },
  };
}

// ─── Review facts as the app computes them ──────────────────────────────────────────────────────

const REVIEW_SELECT = {
  id: true,
  fullName: true,
  submittedAt: true,
  employerCountyCode: true,
  applicant: { select: { id: true, name: true, email: true } },
  educations: { select: { institution: true, degree: true, credits: true } },
  documents: { select: { id: true, kind: true } },
  positions: {
    select: {
      id: true,
      title: true,
      employer: true,
      employerType: true,
      leaderRole: true,
      startDate: true,
      endDate: true,
      professionalResponsibility: true,
      personnelResponsibility: true,
    },
  },
} as const;

type Row = Awaited<ReturnType<typeof loadRows>>[number];

function loadRows(db: Database, cohortId: string) {
  return db.application.findMany({ where: { cohortId, status: { not: "DRAFT" } }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: REVIEW_SELECT });
}

function reviewOf(row: Row, deadline: string, verified: boolean) {
  const positions: ReviewPosition[] = row.positions.map((position) => toReviewPosition(position, verified ? "VERIFIED" : "PENDING"));
  const facts = {
    educations: row.educations,
    vitnemal: row.documents.filter((document) => document.kind === "VITNEMAL").map(() => (verified ? ("VERIFIED" as const) : ("PENDING" as const))),
    positions,
  };
  const checks = admissionRequirementChecks(facts);
  const category = verifiedCategory(positions, deadline);
  return { checks, category, qualified: checks.every((check) => check.met) };
}

/** Marks an application as fully reviewed: documents approved, positions verified, judged. */
async function markReviewed(db: Database, row: Row, deadline: string, adviserId: string, reviewedAt: Date) {
  const review = reviewOf(row, deadline, true);
  const notMet = review.checks.filter((check) => !check.met);
  await db.document.updateMany({ where: { applicationId: row.id }, data: { verificationStatus: "VERIFIED", verifiedById: adviserId, verifiedAt: reviewedAt } });
  await db.position.updateMany({ where: { applicationId: row.id }, data: { verificationStatus: "VERIFIED", verifiedById: adviserId, verifiedAt: reviewedAt } });
  await db.application.update({
    where: { id: row.id },
    data: {
      status: "UNDER_REVIEW",
      reviewStartedAt: reviewedAt,
      assessedCategory: review.category.category,
      qualified: review.qualified,
      qualificationGrounds: review.qualified ? null : notMet.map((check) => `${check.label}: ikke oppfylt. ${check.facts.join(" ")}`).join(" "),
      qualifiedById: adviserId,
      qualifiedAt: reviewedAt,
    },
  });
  return review;
}

// ─── The decided intake (barnevernledelse) ──────────────────────────────────────────────────────

async function namedApplication(
  db: Database,
  input: {
    userId: string;
    name: string;
    cohortId: string;
    /** The intake's deadline: the category the application states is computed as of it. */
    deadline: string;
    submittedAt: Date;
    county: string;
    municipality: string;
    place: string;
    credits: number;
    positions: PositionInput[];
  },
) {
  const application = await createApplication(db, {
    applicantId: input.userId,
    cohortId: input.cohortId,
    status: "SUBMITTED",
    submittedAt: input.submittedAt,
    fullName: input.name,
    birthDate: "1979-05-14",
    phone: "90000000",
    address: "Kongens gate 1",
    postalCode: "7011",
    postalPlace: input.place,
    employerCountyCode: input.county,
    employerMunicipalityCode: input.municipality,
    educations: [{ institution: "NTNU", degree: input.credits >= 180 ? "Bachelor i barnevern" : "Årsstudium i pedagogikk", credits: input.credits, completedYear: 2008 }],
    positions: input.positions,
    // As a real submission stores it: the list and the application page show the same category.
    ...provisionalCategoryOf(input.positions, input.deadline),
  });
  await attachPdf(db, { applicationId: application.id, uploadedById: input.userId, kind: "VITNEMAL", originalName: "vitnemal.pdf", lines: [input.name, `${input.credits} studiepoeng`] });
  for (const position of application.positions) {
    await attachPdf(db, {
      applicationId: application.id,
      uploadedById: input.userId,
      kind: "TJENESTEBEVIS",
      positionId: position.id,
      originalName: "tjenestebevis.pdf",
      lines: [input.name, position.title ?? "", position.employer ?? ""],
    });
  }
  return application;
}

function leaderPosition(today: string, overrides: Partial<PositionInput> & Pick<PositionInput, "countyCode" | "municipalityCode" | "employer">): PositionInput {
  return {
    employerType: "MUNICIPAL_CWS",
    title: "Barnevernleder",
    startDate: addDays(today, -5 * 365),
    endDate: null,
    personnelCount: 12,
    professionalResponsibility: true,
    personnelResponsibility: true,
    leaderRole: "LEADER",
    areaOfResponsibility: "Barneverntjenesten",
    superiorTitle: "Kommunalsjef for oppvekst",
    ...overrides,
  };
}

interface LetterFacts {
  kind: LetterKind;
  row: Row;
  review: ReturnType<typeof reviewOf>;
  madeAvailableOn: string;
  cohort: { name: string; capacity: number };
  programmeName: string;
  programmeCredits: number;
  adviserName: string;
  grounds: string | null;
  ranking?: { candidates: RankingCandidate[]; order: string[]; places: number };
  waitlistPosition?: number;
  answerDeadline?: string;
  refusalReason?: "NOT_QUALIFIED" | "LIST_CLOSED";
  waitlistClosesOn?: string;
  /** The kull's first samling (an offer says when the study starts). */
  firstSamling?: { days: string[]; location: string };
  /** The decision's case reference (drawn before the decision is stored: its letter states it). */
  reference: CaseReference;
}

function letterFor(facts: LetterFacts) {
  let ranking;
  if (facts.ranking) {
    const { candidates, order, places } = facts.ranking;
    const index = order.indexOf(facts.row.id);
    const result = { admitted: order.slice(0, places), waitlist: order.slice(places), rejected: [] };
    ranking = {
      rank: index + 1,
      waitlistPosition: facts.waitlistPosition ?? null,
      capacity: facts.cohort.capacity,
      qualifiedCount: candidates.length,
      reasons: explainRankingPlace(candidates, result, facts.row.id, { includePlacement: false }).reasons,
    };
  }
  const composed = composeDecisionLetter({
    kind: facts.kind,
    reference: formatCaseReference(facts.reference),
    applicantName: facts.row.fullName ?? facts.row.applicant.name,
    programmeName: facts.programmeName,
    programmeCredits: facts.programmeCredits,
    cohortName: facts.cohort.name,
    madeAvailableOn: facts.madeAvailableOn,
    category: { value: facts.review.category.category, reasons: facts.review.category.reasons },
    requirements: facts.review.checks,
    qualificationGrounds: facts.grounds,
    ranking,
    refusalReason: facts.refusalReason,
    answerDeadline: facts.answerDeadline,
    waitlistClosesOn: facts.waitlistClosesOn,
    firstSamling: facts.firstSamling,
    decidedBy: { name: facts.adviserName, title: "Studieveileder" },
    contact: { name: "Ingrid Studieveileder Haugen", email: "studieveileder@barnevernledelse.example", phone: "73 00 00 01" },
    appealsBody: APPEALS_BODY,
  });
  return { subject: composed.subject, body: letterAsText(composed), klageDeadline: composed.klageDeadline };
}

async function seedDecidedIntake(db: Database, context: Context): Promise<string> {
  const { today, adviser, names, random, passwordHash } = context;
  const plan = upcomingCohortPlan(today, -10);
  const offerAnswerDeadline = addDays(today, 8);
  const { cohort } = await createCohort(db, {
    programmeId: context.programmeId,
    code: plan.code,
    capacity: 30,
    applicationOpensOn: plan.applicationOpensOn,
    applicationDeadline: plan.applicationDeadline,
    offerAnswerDeadline,
    samlinger: plan.samlinger,
    exam: plan.exam,
  });
  const programme = await db.programme.findUniqueOrThrow({ where: { id: context.programmeId }, select: { name: true, credits: true } });
  await seedApplications(db, { cohortId: cohort.id, opensOn: plan.applicationOpensOn, deadline: plan.applicationDeadline, today, names, random, total: 48 });

  const early = at(addDays(plan.applicationOpensOn, 4), 9.5);
  await namedApplication(db, {
    userId: context.demoApplicant.id,
    name: context.demoApplicant.name,
    cohortId: cohort.id,
    deadline: plan.applicationDeadline,
    submittedAt: early,
    county: "50",
    municipality: "5001",
    place: "Trondheim",
    credits: 180,
    positions: [leaderPosition(today, { countyCode: "50", municipalityCode: "5001", employer: "Trondheim kommune, barneverntjenesten" })],
  });
  const waiting = await createUser(db, { ...DEMO_APPLICANTS.waitlisted, roles: ["APPLICANT"], passwordHash });
  await namedApplication(db, {
    userId: waiting.id,
    name: waiting.name,
    cohortId: cohort.id,
    deadline: plan.applicationDeadline,
    submittedAt: at(addDays(plan.applicationDeadline, -1), 21),
    county: "18",
    municipality: "1804",
    place: "Bodø",
    credits: 180,
    positions: [
      leaderPosition(today, { countyCode: "18", municipalityCode: "1804", employer: "Bodø kommune, barneverntjenesten", title: "Fagleder", leaderRole: "PROFESSIONAL_LEAD", personnelResponsibility: false, personnelCount: 0, startDate: addDays(today, -400) }),
    ],
  });
  const appellant = await createUser(db, { ...DEMO_APPLICANTS.appellant, roles: ["APPLICANT"], passwordHash });
  await namedApplication(db, {
    userId: appellant.id,
    name: appellant.name,
    cohortId: cohort.id,
    deadline: plan.applicationDeadline,
    submittedAt: at(addDays(plan.applicationOpensOn, 30), 13),
    county: "46",
    municipality: "4601",
    place: "Bergen",
    credits: 180,
    positions: [
      leaderPosition(today, { countyCode: "46", municipalityCode: "4601", employer: "Bergen kommune, familieavdelingen", employerType: "OTHER", title: "Avdelingsleder" }),
    ],
  });

  // Review: all but four (two wait for documentation, two are not reviewed yet).
  const rows = await loadRows(db, cohort.id);
  const reviewedAt = at(addDays(today, -8), 11);
  const pendingIds = new Set(rows.filter((row) => ![context.demoApplicant.id, waiting.id, appellant.id].includes(row.applicant.id)).slice(-4).map((row) => row.id));
  const reviews = new Map<string, ReturnType<typeof reviewOf>>();
  let requestIndex = 0;
  for (const row of rows) {
    if (!pendingIds.has(row.id)) {
      reviews.set(row.id, await markReviewed(db, row, plan.applicationDeadline, adviser.id, reviewedAt));
      continue;
    }
    if (requestIndex < 2) {
      // Waiting for documentation: the vitnemål is approved, a tjenestebevis was rejected.
      const tjenestebevis = row.documents.find((document) => document.kind === "TJENESTEBEVIS");
      await db.document.updateMany({ where: { applicationId: row.id, kind: "VITNEMAL" }, data: { verificationStatus: "VERIFIED", verifiedById: adviser.id, verifiedAt: reviewedAt } });
      if (tjenestebevis) {
        await db.document.update({
          where: { id: tjenestebevis.id },
          data: { verificationStatus: "REJECTED", verificationNote: "Tjenestebeviset mangler stillingsprosent og startdato.", verifiedById: adviser.id, verifiedAt: reviewedAt },
        });
      }
      await db.application.update({ where: { id: row.id }, data: { status: "UNDER_REVIEW", reviewStartedAt: reviewedAt } });
      await db.documentationRequest.create({
        data: {
          applicationId: row.id,
          message: "Tjenestebeviset du har lastet opp, mangler stillingsprosent og startdato. Last opp et nytt tjenestebevis fra arbeidsgiveren din som viser begge.",
          dueDate: day(addDays(today, 5)),
          createdById: adviser.id,
          createdAt: reviewedAt,
        },
      });
    }
    requestIndex += 1;
  }

  // Ranking and decisions, sent six days ago. The adviser moved Vera Venteliste to the first
  // waiting-list place (a reason written down, as the app requires).
  const places = cohort.capacity;
  const candidates: RankingCandidate[] = rows
    .filter((row) => reviews.get(row.id)?.qualified)
    .map((row) => ({
      id: row.id,
      qualified: true,
      category: reviews.get(row.id)!.category.category,
      county: row.employerCountyCode ?? "",
      submittedAt: row.submittedAt!.toISOString(),
    }));
  const proposal = rankApplicants(candidates, places);
  const waitingRow = rows.find((row) => row.applicant.id === waiting.id)!;
  const demoRow = rows.find((row) => row.applicant.id === context.demoApplicant.id)!;
  const moves = [{ id: waitingRow.id, toRank: places + 1 }];
  await db.rankingMove.create({
    data: {
      cohortId: cohort.id,
      applicationId: waitingRow.id,
      toRank: places + 1,
      reason: "Lang erfaring som fagleder med ansvar for undersøkelsesteamet, dokumentert i tilleggsbrev fra kommunalsjefen. Satt først på ventelisten etter samlet vurdering.",
      createdById: adviser.id,
      createdAt: at(addDays(today, -7), 14),
    },
  });
  const order = applyRankingMoves([...proposal.admitted, ...proposal.waitlist], moves);
  if (order.indexOf(demoRow.id) >= places) throw new Error("demo: the demo applicant must be among the offers");

  const madeAvailableOn = addDays(today, -6);
  const decidedAt = at(madeAvailableOn, 10);
  const audits: { actorId: string; action: AuditAction; entityType: AuditEntityType; entityId: string; after: object; at: Date }[] = [];
  const decide = async (row: Row, outcome: "OFFER" | "WAITLIST" | "REFUSAL", extra: { waitlistPosition?: number }) => {
    const review = reviews.get(row.id)!;
    const reference = { year: caseYearOf(madeAvailableOn), number: await nextCaseNumber(db) };
    const letter = letterFor({
      reference,
      kind: outcome,
      row,
      review,
      madeAvailableOn,
      cohort: { name: cohort.name, capacity: places },
      programmeName: programme.name,
      programmeCredits: programme.credits,
      adviserName: adviser.name,
      grounds: outcome === "REFUSAL" ? review.checks.filter((check) => !check.met).map((check) => `${check.label}: ikke oppfylt.`).join(" ") : null,
      ranking: outcome === "REFUSAL" ? undefined : { candidates, order, places },
      waitlistPosition: extra.waitlistPosition,
      answerDeadline: outcome === "OFFER" ? offerAnswerDeadline : undefined,
      firstSamling: { days: plan.samlinger[0]!.days, location: "NTNU, Trondheim" }, // the factory's location
      refusalReason: outcome === "REFUSAL" ? "NOT_QUALIFIED" : undefined,
      // The default closing day: the kull's first samling day (lib/domain/admission-decisions.ts).
      waitlistClosesOn: outcome === "WAITLIST" ? waitlistClosingDate({ waitlistClosesOn: null, startsOn: plan.samlinger[0]!.days[0]!, samlingDays: plan.samlinger.flatMap((samling) => samling.days) }) : undefined,
    });
    const decision = await db.decision.create({
      data: {
        applicationId: row.id,
        caseYear: reference.year,
        caseNumber: reference.number,
        outcome,
        waitlistPosition: extra.waitlistPosition ?? null,
        answerDeadline: outcome === "OFFER" ? day(offerAnswerDeadline) : null,
        grounds: { OFFER: "Oppfyller opptakskravene og er rangert innenfor antall studieplasser.", WAITLIST: "Oppfyller opptakskravene, men er rangert utenfor antall studieplasser.", REFUSAL: "Oppfyller ikke opptakskravene." }[outcome],
        decidedById: adviser.id,
        decidedAt,
        sentAt: decidedAt,
        letters: {
          create: {
            version: 1,
            kind: outcome,
            subject: letter.subject,
            body: letter.body,
            madeAvailableOn: day(madeAvailableOn),
            klageDeadline: letter.klageDeadline ? day(letter.klageDeadline) : null,
            answerDeadline: outcome === "OFFER" ? day(offerAnswerDeadline) : null,
            createdById: adviser.id,
            createdAt: decidedAt,
          },
        },
      },
      select: { id: true, letters: { select: { id: true } } },
    });
    await db.application.update({ where: { id: row.id }, data: { status: "DECIDED" } });
    audits.push({ actorId: adviser.id, action: `decision.${outcome.toLowerCase() as Lowercase<typeof outcome>}`, entityType: "Decision", entityId: decision.id, after: { outcome, ...extra }, at: decidedAt });
    return decision;
  };

  const byId = new Map(rows.map((row) => [row.id, row]));
  const offers: { row: Row; decisionId: string }[] = [];
  for (const [index, id] of order.entries()) {
    const row = byId.get(id)!;
    if (index < places) offers.push({ row, decisionId: (await decide(row, "OFFER", {})).id });
    else await decide(row, "WAITLIST", { waitlistPosition: index - places + 1 });
  }
  let appealDecision: { id: string; letterId: string } | null = null;
  for (const row of rows) {
    const review = reviews.get(row.id);
    if (!review || review.qualified) continue;
    const decision = await decide(row, "REFUSAL", {});
    if (row.applicant.id === appellant.id) appealDecision = { id: decision.id, letterId: decision.letters[0]!.id };
  }

  // Six of the offers accepted (not the demo applicant's: they can answer it themselves).
  const acceptedAt = at(addDays(today, -3), 20);
  for (const { row, decisionId } of offers.filter((offer) => offer.row.id !== demoRow.id).slice(0, 6)) {
    await db.decision.update({ where: { id: decisionId }, data: { answer: "ACCEPTED", answeredAt: acceptedAt } });
    await db.user.update({ where: { id: row.applicant.id }, data: { roles: { set: ["APPLICANT", "STUDENT"] } } });
    await enrol(db, { userId: row.applicant.id, cohortId: cohort.id, applicationId: row.id });
    audits.push({ actorId: row.applicant.id, action: "offer.accept", entityType: "Decision", entityId: decisionId, after: { answer: "ACCEPTED" }, at: acceptedAt });
  }
  await db.auditLog.createMany({ data: audits });

  // Áile's klage, two days ago.
  if (!appealDecision) throw new Error("demo: the appellant must be refused");
  await db.appeal.create({
    data: {
      applicationId: rows.find((row) => row.applicant.id === appellant.id)!.id,
      decisionId: appealDecision.id,
      letterId: appealDecision.letterId,
      filedAt: at(addDays(today, -2), 16),
      text:
        "Jeg klager på avslaget. Familieavdelingen i Bergen kommune er en del av barneverntjenesten etter omorganiseringen i 2022, " +
        "og jeg har vært avdelingsleder med fag- og personalansvar der i fem år. Jeg ber om at stillingen vurderes som lederstilling i barnevernet.",
    },
  });
  return `${cohort.code} barnevernledelse med ${rows.length} søknader og vedtak`;
}

// ─── The undecided intake (institusjonsledelse) ─────────────────────────────────────────────────

async function seedUndecidedIntake(db: Database, context: Context): Promise<string> {
  const { today, adviser, names, passwordHash } = context;
  const plan = upcomingCohortPlan(today, -2);
  const { cohort } = await createCohort(db, {
    programmeId: context.institutionProgrammeId,
    code: plan.code,
    capacity: 10,
    applicationOpensOn: plan.applicationOpensOn,
    applicationDeadline: plan.applicationDeadline,
    offerAnswerDeadline: addDays(today, 20),
    samlinger: plan.samlinger.slice(0, 4),
  });
  const opens = plan.applicationOpensOn;
  const places: [string, string, string][] = [
    ["50", "5001", "Trondheim"], ["03", "0301", "Oslo"], ["46", "4601", "Bergen"], ["11", "1103", "Stavanger"], ["42", "4204", "Kristiansand"],
    ["18", "1804", "Bodø"], ["55", "5501", "Tromsø"], ["34", "3403", "Hamar"], ["15", "1507", "Ålesund"],
  ];
  const person = async (account: { email: string; name: string } | null) =>
    account
      ? createUser(db, { ...account, roles: ["APPLICANT"], passwordHash })
      : createUser(db, { ...names(), roles: ["APPLICANT"] });
  const created: { row: { id: string }; review: "QUALIFIED" | "NOT_QUALIFIED" | "NONE" }[] = [];
  const add = async (
    account: { email: string; name: string } | null,
    day: number,
    place: [string, string, string],
    kind: "cat1" | "cat2" | "cat3" | "cat4" | "short",
    review: "QUALIFIED" | "NOT_QUALIFIED" | "NONE",
  ) => {
    const user = await person(account);
    const [county, municipality, name] = place;
    const positions: PositionInput[] =
      kind === "cat3"
        ? [leaderPosition(today, { countyCode: county, municipalityCode: municipality, employer: `${name} barnevernsinstitusjon`, employerType: "INSTITUTION", title: "Institusjonsleder" })]
        : kind === "cat4"
          ? [leaderPosition(today, { countyCode: county, municipalityCode: municipality, employer: `${name} kommune, barneverntjenesten`, title: "Fagleder", leaderRole: "PROFESSIONAL_LEAD", personnelResponsibility: false, personnelCount: 0, startDate: addDays(today, -500) })]
          : kind === "cat2"
            ? [
                leaderPosition(today, { countyCode: county, municipalityCode: municipality, employer: `${name} kommune, barneverntjenesten`, title: "Teamleder", leaderRole: "TEAM_LEAD", personnelResponsibility: false, startDate: addDays(today, -6 * 365), endDate: addDays(today, -2 * 365) }),
                { ...leaderPosition(today, { countyCode: county, municipalityCode: municipality, employer: `${name} kommune, familieavdelingen`, employerType: "OTHER", title: "Rådgiver", leaderRole: "NONE", professionalResponsibility: false, personnelResponsibility: false, personnelCount: 0 }), startDate: addDays(today, -2 * 365 + 1) },
              ]
            : [leaderPosition(today, { countyCode: county, municipalityCode: municipality, employer: `${name} kommune, barneverntjenesten` })];
    const application = await namedApplication(db, {
      userId: user.id,
      name: user.name,
      cohortId: cohort.id,
    deadline: plan.applicationDeadline,
      submittedAt: at(addDays(opens, day), 10 + (day % 7)),
      county,
      municipality,
      place: name,
      credits: kind === "short" ? 120 : 180,
      positions,
    });
    created.push({ row: application, review });
  };
  await add(DEMO_APPLICANTS.offered, 1, places[0]!, "cat1", "QUALIFIED");
  const profiles = ["cat1", "cat2", "cat3", "cat1", "cat2", "cat3", "cat1", "cat2"] as const;
  for (const [index, profile] of profiles.entries()) await add(null, 5 + index * 7, places[(index + 1) % places.length]!, profile, "QUALIFIED");
  await add(DEMO_APPLICANTS.next, 20, places[5]!, "cat4", "QUALIFIED");
  await add(null, 60, places[5]!, "cat4", "QUALIFIED");
  await add(DEMO_APPLICANTS.refused, 33, places[2]!, "short", "NOT_QUALIFIED");
  await add(DEMO_APPLICANTS.toReview, 80, places[7]!, "cat1", "NONE");
  await add(null, 90, places[8]!, "cat1", "NONE");

  const rows = await loadRows(db, cohort.id);
  const reviewedAt = at(addDays(today, -1), 13);
  for (const { row, review } of created) {
    if (review === "NONE") continue;
    await markReviewed(db, rows.find((candidate) => candidate.id === row.id)!, plan.applicationDeadline, adviser.id, reviewedAt);
  }
  return `${cohort.code} institusjonsledelse med ${rows.length} søknader uten vedtak`;
}
