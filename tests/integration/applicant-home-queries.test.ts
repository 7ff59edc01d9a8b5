// The applicant's home (/soker) costs the same number of statements for one application as for
// three, and its two reads run one after the other: together they held five pool connections
// (issue 21).
import { describe, expect, it } from "vitest";
import { listMyApplications } from "@/lib/server/applications/queries";
import { listOpenCohorts } from "@/lib/server/cohorts/queries";
import { inOrder } from "@/lib/server/in-order";
import { resolveViewer } from "@/lib/server/viewer";
import { createApplication, createOpenCohort } from "@/prisma/seed/factories";
import { measureRequest } from "./request-cost";
import { signInAsNew, signInAs, db } from "./support";

describe("the applicant's home", () => {
  it("is the same number of statements for one application and three, on at most 3 connections", async () => {
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    const viewer = (await resolveViewer(await signInAs(applicant)))!;
    const cohorts = [await createOpenCohort(db()), await createOpenCohort(db()), await createOpenCohort(db())];
    await createApplication(db(), { applicantId: applicant.id, cohortId: cohorts[0]!.cohort.id });
    const home = () => inOrder(() => listMyApplications(viewer), () => listOpenCohorts());
    const one = await measureRequest(home);
    for (const { cohort } of cohorts.slice(1)) await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, status: "SUBMITTED" });
    const three = await measureRequest(home);
    expect(three.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(11);
    expect(Math.max(one.peakConnections, three.peakConnections)).toBeLessThanOrEqual(3);
    const [applications, open] = three.result;
    expect(applications.map((application) => application.status).sort()).toEqual(["DRAFT", "SUBMITTED", "SUBMITTED"]);
    expect(open.map((cohort) => cohort.id)).toEqual(expect.arrayContaining(cohorts.map(({ cohort }) => cohort.id)));
  }, 60_000);
});
