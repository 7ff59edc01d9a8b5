// Nobody but advisers and admins reaches admission: a student, a faculty member or an applicant
// calling any adviser action or route directly is refused, and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as rankingCsv } from "@/app/(adviser)/veileder/opptak/[cohortId]/rangering/eksport/route";
import * as adviserActions from "@/lib/actions/admission";
import { FORBIDDEN_MESSAGE } from "@/lib/server/action";
import type { Role } from "@/lib/generated/prisma/enums";
import { attachPdf, createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { db, signInAs, signOutTestSession, submit } from "./support";

let fields: Record<string, Record<string, string>>;
let cohortId: string;

beforeAll(async () => {
  const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: "2026-01-10" });
  cohortId = cohort.id;
  const adviser = await createUser(db(), { roles: ["ADVISER"] });
  const { application, user } = await createReviewedApplication(db(), { cohortId });
  const document = await attachPdf(db(), { applicationId: application.id, uploadedById: user.id, kind: "VITNEMAL", originalName: "v.pdf" });
  const position = await db().position.create({ data: { applicationId: application.id, title: "Leder" } });
  const refused = (await createReviewedApplication(db(), { cohortId, qualified: false })).application;
  const decision = await db().decision.create({
    data: {
      applicationId: refused.id,
      outcome: "REFUSAL",
      grounds: "x",
      decidedById: adviser.id,
      letters: { create: { version: 1, kind: "REFUSAL", subject: "Avslag", body: "…", madeAvailableOn: day("2026-01-20") } },
    },
    include: { letters: true },
  });
  const appeal = await db().appeal.create({ data: { applicationId: refused.id, decisionId: decision.id, letterId: decision.letters[0]!.id, text: "Jeg klager." } });
  const request = await db().documentationRequest.create({ data: { applicationId: application.id, message: "Send mer.", dueDate: day("2030-01-01"), createdById: adviser.id } });
  const move = await db().rankingMove.create({ data: { cohortId, applicationId: application.id, toRank: 1, reason: "Fordi.", createdById: adviser.id } });
  const a = application.id;
  fields = {
    reviewDocumentAction: { applicationId: a, documentId: document.id, status: "VERIFIED" },
    reviewPositionAction: { applicationId: a, positionId: position.id, status: "VERIFIED" },
    setCategoryAction: { applicationId: a, category: "1", reason: "Fordi." },
    judgeQualificationAction: { applicationId: a, qualified: "nei", grounds: "Fordi." },
    requestDocumentationAction: { applicationId: a, message: "Send mer.", dueDate: "2030-01-01" },
    closeDocumentationRequestAction: { applicationId: a, requestId: request.id },
    offerPlaceAction: { applicationId: a },
    moveCandidateAction: { cohortId, applicationId: a, toRank: "1", reason: "Fordi." },
    removeMoveAction: { cohortId, moveId: move.id },
    sendDecisionBatchAction: { cohortId, fingerprint: "0".repeat(32), confirm: "on" },
    decideAppealAction: { appealId: appeal.id, outcome: "OFFER", grounds: "Fordi." },
    markAppealForwardedAction: { appealId: appeal.id },
    registerAppealsBodyDecisionAction: { appealId: appeal.id, outcome: "REVERSED", decidedOn: "2026-01-25", reference: "", summary: "Klagenemnda ga søkeren medhold." },
    markAppealsBodyFollowedUpAction: { appealId: appeal.id, note: "Søkeren har fått plass i neste kull." },
    registerAdmissionAppealAction: { applicationId: refused.id, text: "Jeg klager på avslaget, se vitnemålet.", receivedOn: "2026-01-25", lateReason: "" },
    setWaitlistClosingDateAction: { cohortId, waitlistClosesOn: "2030-01-01" },
  };
});

/** Everything an adviser action could change, in numbers and contents. */
async function snapshot() {
  const [applications, documents, positions, decisions, letters, appeals, requests, moves, audit, mail, cohorts] = await Promise.all([
    db().application.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, qualified: true, category: true, assessedCategory: true } }),
    db().document.findMany({ orderBy: { id: "asc" }, select: { id: true, verificationStatus: true } }),
    db().position.findMany({ orderBy: { id: "asc" }, select: { id: true, verificationStatus: true } }),
    db().decision.findMany({ orderBy: { id: "asc" }, select: { id: true, outcome: true, waitlistPosition: true } }),
    db().decisionLetter.count(),
    db().appeal.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, forwardedAt: true } }),
    db().documentationRequest.findMany({ orderBy: { id: "asc" }, select: { id: true, closedAt: true } }),
    db().rankingMove.count(),
    db().auditLog.count(),
    db().mailMessage.count(),
    db().cohort.findMany({ orderBy: { id: "asc" }, select: { id: true, waitlistClosesOn: true } }),
  ]);
  return { applications, documents, positions, decisions, letters, appeals, requests, moves, audit, mail, cohorts };
}

describe("adviser actions", () => {
  it("cover every action in lib/actions/admission.ts", () => {
    expect(Object.keys(adviserActions).sort()).toEqual(Object.keys(fields).sort());
  });

  for (const role of ["STUDENT", "FACULTY", "APPLICANT"] as Role[]) {
    it(`refuse the role ${role} on every action, and nothing changes`, async () => {
      await signInAs(await createUser(db(), { roles: [role] }));
      const before = await snapshot();
      for (const [name, input] of Object.entries(fields)) {
        const action = adviserActions[name as keyof typeof adviserActions];
        const result = await submit(action, input);
        expect({ name, ok: result.ok, message: result.message }).toEqual({ name, ok: false, message: FORBIDDEN_MESSAGE });
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it("the ranking export is not found for anyone but advisers", async () => {
    const get = () => rankingCsv(new Request(`http://localhost/veileder/opptak/${cohortId}/rangering/eksport`), { params: Promise.resolve({ cohortId }) });
    signOutTestSession();
    expect((await get()).status).toBe(401);
    for (const role of ["STUDENT", "FACULTY", "APPLICANT"] as Role[]) {
      await signInAs(await createUser(db(), { roles: [role] }));
      const response = await get();
      expect(response.status).toBe(404);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    }
    await signInAs(await createUser(db(), { roles: ["ADVISER"] }));
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFPlass;Navn;Prioritetskategori;")).toBe(true);
    expect(text).toContain("\r\n1;");
  });
});
