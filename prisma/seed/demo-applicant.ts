// The demo applicant's story beyond her draft: she applied for kull H2023 and was refused (so the
// status page of a decided application, with its letter, can be seen), and her current draft has
// a position she has not finished (so the position form, and the summary saying what the
// provisional category still needs, can be seen). Fixed dates: the same on every run.
import type { Database } from "@/lib/db/client";
import { day } from "@/lib/dates";
import { createApplication, createDecision } from "@/prisma/seed/factories";

export async function seedApplicantDemo(
  db: Database,
  input: { applicantId: string; draftId: string; earlierCohortId: string; adviserId: string },
) {
  await db.position.create({
    data: {
      applicationId: input.draftId,
      sortOrder: 0,
      employer: "Trondheim kommune, barneverntjenesten",
      employerType: "MUNICIPAL_CWS",
      countyCode: "50",
      municipalityCode: "5001",
      title: "Teamleder",
      leaderRole: "TEAM_LEAD",
      percent: 100,
      areaOfResponsibility: "Undersøkelsesteamet",
      startDate: day("2021-08-01"),
      superiorTitle: "Barnevernleder",
      professionalResponsibility: true,
      // Not answered yet: whether she still holds it, and how many she leads.
      endUnknown: true,
    },
  });
  const earlier = await createApplication(db, {
    applicantId: input.applicantId,
    cohortId: input.earlierCohortId,
    status: "DECIDED",
    submittedAt: new Date("2023-04-11T09:12:00+02:00"),
    reviewStartedAt: new Date("2023-04-20T08:30:00+02:00"),
    fullName: "Sofie Søker",
    phone: "900 00 000",
    employerCountyCode: "50",
    employerMunicipalityCode: "5001",
    provisionalCategory: 4,
    provisionalCategoryReason: "Du har ingen nåværende lederstilling i kommunalt barnevern.",
    educations: [{ institution: "NTNU", degree: "Bachelor i barnevern", credits: 180, completedYear: 2015 }],
    positions: [
      {
        employer: "Trondheim kommune, barneverntjenesten",
        employerType: "MUNICIPAL_CWS",
        countyCode: "50",
        municipalityCode: "5001",
        title: "Saksbehandler",
        startDate: "2016-01-04",
        leaderRole: "NONE",
      },
    ],
  });
  await createDecision(db, {
    applicationId: earlier.id,
    decidedById: input.adviserId,
    outcome: "REFUSAL",
    decidedAt: new Date("2023-05-12T13:00:00+02:00"),
    grounds: "Du har ikke stilling som leder i barnevernet, og det er et av opptakskravene.",
  });
}
