import { describe, expect, it } from "vitest";
import {
  areasFor,
  canAddDocuments,
  canCreateProgramme,
  canEditProgramme,
  canManageIntakes,
  canDisableUser,
  canEditApplication,
  canGrantRoles,
  canViewApplication,
  canReopenApplication,
  canWithdrawApplication,
  hasAnyRole,
  homePathFor,
} from "@/lib/permissions";

const applicant = { id: "a", roles: ["APPLICANT"] as const };
const other = { id: "b", roles: ["APPLICANT"] as const };
const adviser = { id: "v", roles: ["ADVISER"] as const };
const admin = { id: "x", roles: ["ADMIN", "ADVISER"] as const };
const faculty = { id: "f", roles: ["FACULTY"] as const };

describe("homes and areas", () => {
  it("sends each role to its own home, staff first for people with several roles", () => {
    expect(homePathFor(["APPLICANT"])).toBe("/soker");
    expect(homePathFor(["STUDENT"])).toBe("/student");
    expect(homePathFor(["FACULTY"])).toBe("/faglaerer");
    expect(homePathFor(["ADVISER"])).toBe("/veileder");
    expect(homePathFor(["ADMIN"])).toBe("/veileder");
    expect(homePathFor(["APPLICANT", "STUDENT"])).toBe("/student");
    expect(homePathFor([])).toBe("/");
    expect(areasFor(["STUDENT", "APPLICANT"]).map((area) => area.path)).toEqual(["/student", "/soker"]);
  });

  it("checks roles", () => {
    expect(hasAnyRole(applicant, ["ADVISER", "ADMIN"])).toBe(false);
    expect(hasAnyRole(admin, ["ADMIN"])).toBe(true);
  });
});

describe("applications", () => {
  const draft = { applicantId: "a", status: "DRAFT" };
  const submitted = { applicantId: "a", status: "SUBMITTED" };
  const decided = { applicantId: "a", status: "DECIDED" };

  it("are visible to their applicant and advisers, not to other applicants or faculty", () => {
    expect(canViewApplication(applicant, draft)).toBe(true);
    expect(canViewApplication(adviser, draft)).toBe(true);
    expect(canViewApplication(other, draft)).toBe(false);
    expect(canViewApplication(faculty, draft)).toBe(false);
    // An adviser who has applied to the same kull: her own, yes; her competitors', no.
    expect(canViewApplication(adviser, { ...draft, viewerAppliedToKull: true })).toBe(false);
    expect(canViewApplication(adviser, { ...draft, viewerAppliedToKull: false })).toBe(true);
    expect(canViewApplication(adviser, { ...draft, applicantId: adviser.id, viewerAppliedToKull: true })).toBe(true);
  });

  it("are edited only by their applicant and only as drafts", () => {
    expect(canEditApplication(applicant, draft)).toBe(true);
    expect(canEditApplication(applicant, submitted)).toBe(false);
    expect(canEditApplication(other, draft)).toBe(false);
    expect(canEditApplication(adviser, draft)).toBe(false);
  });

  it("take new documents until decided, and can be withdrawn once sent", () => {
    expect(canAddDocuments(applicant, submitted)).toBe(true);
    expect(canAddDocuments(applicant, decided)).toBe(false);
    expect(canAddDocuments(other, submitted)).toBe(false);
    expect(canWithdrawApplication(applicant, draft)).toBe(false);
    expect(canWithdrawApplication(applicant, submitted)).toBe(true);
    expect(canWithdrawApplication(other, submitted)).toBe(false);
    // Decided: only while something is open that the withdrawal gives up.
    const withDecision = (outcome: string, answer: string | null, klageWaiting = false) => ({ ...submitted, status: "DECIDED", decision: { outcome, answer }, klageWaiting });
    expect(canWithdrawApplication(applicant, withDecision("OFFER", null))).toBe(true);
    expect(canWithdrawApplication(applicant, withDecision("WAITLIST", null))).toBe(true);
    expect(canWithdrawApplication(applicant, withDecision("REFUSAL", null))).toBe(false);
    expect(canWithdrawApplication(applicant, withDecision("REFUSAL", null, true))).toBe(true);
    expect(canWithdrawApplication(applicant, withDecision("OFFER", "DECLINED"))).toBe(false);
    expect(canWithdrawApplication(applicant, withDecision("OFFER", "EXPIRED"))).toBe(false);
    expect(canWithdrawApplication(applicant, { ...submitted, status: "DECIDED" })).toBe(false);
    expect(canWithdrawApplication(other, withDecision("WAITLIST", null))).toBe(false);
  });

  it("a sent application is opened for change by its applicant, before the deadline and before the review", () => {
    expect(canReopenApplication(applicant, { ...submitted, open: true })).toBe(true);
    expect(canReopenApplication(applicant, { ...submitted, open: false })).toBe(false);
    expect(canReopenApplication(other, { ...submitted, open: true })).toBe(false);
    expect(canReopenApplication(adviser, { ...submitted, open: true })).toBe(false);
    for (const status of ["DRAFT", "UNDER_REVIEW", "DECIDED", "WITHDRAWN"]) {
      expect(canReopenApplication(applicant, { applicantId: "a", status, open: true }), status).toBe(false);
    }
  });
});

describe("user administration", () => {
  it("lets staff grant roles, but only admins grant ADMIN", () => {
    expect(canGrantRoles(adviser, ["STUDENT", "FACULTY"])).toBe(true);
    expect(canGrantRoles(adviser, ["ADMIN"])).toBe(false);
    expect(canGrantRoles(admin, ["ADMIN"])).toBe(true);
    expect(canGrantRoles(faculty, ["STUDENT"])).toBe(false);
    expect(canGrantRoles(applicant, ["APPLICANT"])).toBe(false);
  });

  it("never lets someone disable themselves, nor an adviser disable an admin", () => {
    expect(canDisableUser(adviser, adviser)).toBe(false);
    expect(canDisableUser(adviser, { id: "s", roles: ["STUDENT"] })).toBe(true);
    expect(canDisableUser(adviser, admin)).toBe(false);
    expect(canDisableUser(admin, adviser)).toBe(true);
  });
});

describe("linking Feide by e-mail", () => {
  it("links only accounts staff created, never self-registered applicants or admins", async () => {
    const { canLinkFeideByEmail } = await import("@/lib/permissions");
    expect(canLinkFeideByEmail(["STUDENT"])).toBe(true);
    expect(canLinkFeideByEmail(["FACULTY"])).toBe(true);
    expect(canLinkFeideByEmail(["ADVISER"])).toBe(true);
    expect(canLinkFeideByEmail(["APPLICANT", "STUDENT"])).toBe(false);
    expect(canLinkFeideByEmail(["APPLICANT"])).toBe(false);
    expect(canLinkFeideByEmail(["ADMIN", "ADVISER"])).toBe(false);
  });
});

describe("programmes and intakes", () => {
  it("only an admin creates a programme; advisers and admins keep its template and manage kull", () => {
    expect(canCreateProgramme(admin)).toBe(true);
    expect(canCreateProgramme({ id: "y", roles: ["ADMIN"] })).toBe(true);
    for (const viewer of [adviser, faculty, applicant]) expect(canCreateProgramme(viewer)).toBe(false);
    for (const viewer of [adviser, admin]) {
      expect(canEditProgramme(viewer)).toBe(true);
      expect(canManageIntakes(viewer)).toBe(true);
    }
    for (const viewer of [faculty, applicant, { id: "s", roles: ["STUDENT"] as const }]) {
      expect(canEditProgramme(viewer)).toBe(false);
      expect(canManageIntakes(viewer)).toBe(false);
    }
  });
});

describe("registering the klagenemnd's decision on a student's klage", () => {
  it("is the study administration's, never in her own case, and for health data not a classmate's", async () => {
    const { canRegisterAppealsBodyDecision } = await import("@/lib/permissions");
    const klage = { studentUserId: "student", aboutHealth: false, viewerIsStudentOfKull: false };
    expect(canRegisterAppealsBodyDecision(adviser, klage)).toBe(true);
    expect(canRegisterAppealsBodyDecision(admin, klage)).toBe(true);
    expect(canRegisterAppealsBodyDecision(faculty, klage)).toBe(false);
    expect(canRegisterAppealsBodyDecision({ id: "student", roles: ["ADVISER", "STUDENT"] }, klage)).toBe(false);
    expect(canRegisterAppealsBodyDecision({ id: "student", roles: ["STUDENT"] }, klage)).toBe(false);
    expect(canRegisterAppealsBodyDecision(adviser, { ...klage, aboutHealth: true })).toBe(true);
    expect(canRegisterAppealsBodyDecision(adviser, { ...klage, aboutHealth: true, viewerIsStudentOfKull: true })).toBe(false);
    expect(canRegisterAppealsBodyDecision(adviser, { ...klage, viewerIsStudentOfKull: true })).toBe(true);
  });
});

describe("deciding a student's klage", () => {
  it("is never for the one who made the decision, whatever their role", async () => {
    const { canDecideStudentAppeal } = await import("@/lib/permissions");
    const lead = { id: "lead", roles: ["FACULTY"] as const };
    const adviserAndFaculty = { id: "both", roles: ["ADVISER", "FACULTY"] as const };
    expect(canDecideStudentAppeal(lead, { handler: "TEACHING_TEAM", decidedById: "lead", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false })).toBe(false);
    expect(canDecideStudentAppeal(adviserAndFaculty, { handler: "ADVISER", decidedById: "both", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false })).toBe(false);
    expect(canDecideStudentAppeal(adviserAndFaculty, { handler: "TEACHING_TEAM", decidedById: "both", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false })).toBe(false);
  });

  it("gives a klage on an arbeidskrav to faculty on the cohort's teaching team, and one on the exam to advisers and admins", async () => {
    const { canDecideStudentAppeal } = await import("@/lib/permissions");
    const onTeam = { handler: "TEACHING_TEAM" as const, decidedById: "decider", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false };
    const offTeam = { ...onTeam, viewerOnTeachingTeam: false };
    const exam = { handler: "ADVISER" as const, decidedById: "decider", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false };
    const faculty = { id: "f", roles: ["FACULTY"] as const };
    expect(canDecideStudentAppeal(faculty, onTeam)).toBe(true);
    expect(canDecideStudentAppeal(faculty, offTeam)).toBe(false);
    expect(canDecideStudentAppeal(adviser, onTeam)).toBe(false);
    expect(canDecideStudentAppeal(faculty, exam)).toBe(false);
    expect(canDecideStudentAppeal(adviser, exam)).toBe(true);
    expect(canDecideStudentAppeal(admin, exam)).toBe(true);
    expect(canDecideStudentAppeal({ id: "s", roles: ["STUDENT"] }, exam)).toBe(false);
  });

  it("is never for the student who filed it, though she is staff too (forvaltningsloven § 6)", async () => {
    const { canDecideStudentAppeal, isOwnCase } = await import("@/lib/permissions");
    const herself = { id: "student", roles: ["ADVISER", "FACULTY", "STUDENT"] as const };
    expect(canDecideStudentAppeal(herself, { handler: "ADVISER", decidedById: "decider", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false })).toBe(false);
    expect(canDecideStudentAppeal(herself, { handler: "TEACHING_TEAM", decidedById: "decider", studentUserId: "student", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false })).toBe(false);
    expect(canDecideStudentAppeal(herself, { handler: "ADVISER", decidedById: "decider", studentUserId: "someone else", viewerOnTeachingTeam: true, aboutHealth: false, viewerIsStudentOfKull: false })).toBe(true);
    expect(isOwnCase(herself, ["a", "student"])).toBe(true);
    expect(isOwnCase(herself, ["a", "b"])).toBe(false);
  });

  it("knows when nobody at all may decide it: the only fagansvarlig decided, or every adviser is barred", async () => {
    const { canDecideStudentAppeal, someoneMayDecideStudentAppeal } = await import("@/lib/permissions");
    const lead = { id: "lead", roles: ["FACULTY"] as const, onTeachingTeam: true, studentOfKull: false };
    const colleague = { id: "colleague", roles: ["FACULTY"] as const, onTeachingTeam: true, studentOfKull: false };
    const elsewhere = { id: "elsewhere", roles: ["FACULTY"] as const, onTeachingTeam: false, studentOfKull: false };
    const vegard = { id: "vegard", roles: ["ADVISER"] as const, onTeachingTeam: false, studentOfKull: false };
    const ada = { id: "ada", roles: ["ADMIN", "ADVISER"] as const, onTeachingTeam: false, studentOfKull: false };
    const arbeidskrav = { handler: "TEACHING_TEAM" as const, decidedById: "lead", studentUserId: "student", aboutHealth: false };
    expect(someoneMayDecideStudentAppeal([lead, elsewhere, vegard, ada], arbeidskrav)).toBe(false);
    expect(someoneMayDecideStudentAppeal([lead, colleague, elsewhere], arbeidskrav)).toBe(true);
    // A klage on an avvisning (a health case): neither its decider nor the one whose decision the avvist klage was on.
    const avvisning = { handler: "ADVISER" as const, decidedById: "vegard", studentUserId: "student", aboutHealth: true };
    expect(someoneMayDecideStudentAppeal([lead, vegard, ada], { ...avvisning, barredId: "ada" })).toBe(false);
    expect(canDecideStudentAppeal(ada, { ...avvisning, barredId: "ada", viewerOnTeachingTeam: false, viewerIsStudentOfKull: false })).toBe(false);
    expect(canDecideStudentAppeal(ada, { ...avvisning, barredId: "vegard", viewerOnTeachingTeam: false, viewerIsStudentOfKull: false })).toBe(true);
    expect(someoneMayDecideStudentAppeal([lead, vegard, ada], avvisning)).toBe(true);
    // An adviser who is a student of the kull does not decide a health case; the student never her own.
    expect(someoneMayDecideStudentAppeal([vegard, { ...ada, studentOfKull: true }], avvisning)).toBe(false);
    expect(someoneMayDecideStudentAppeal([vegard, { ...ada, id: "student" }], { ...avvisning, aboutHealth: false })).toBe(false);
    expect(someoneMayDecideStudentAppeal([], arbeidskrav)).toBe(false);
  });
});

describe("requests for utsatt eksamen (health data)", () => {
  it("are handled by advisers and admins, not by one who is herself a student of the kull, and never by faculty", async () => {
    const { canHandleHealthCases } = await import("@/lib/permissions");
    const faculty = { id: "f", roles: ["FACULTY"] as const };
    expect(canHandleHealthCases(adviser, { viewerIsStudentOfKull: false })).toBe(true);
    expect(canHandleHealthCases(admin, { viewerIsStudentOfKull: false })).toBe(true);
    expect(canHandleHealthCases(adviser, { viewerIsStudentOfKull: true })).toBe(false);
    expect(canHandleHealthCases(admin, { viewerIsStudentOfKull: true })).toBe(false);
    expect(canHandleHealthCases(faculty, { viewerIsStudentOfKull: false })).toBe(false);
  });

  it("and so is a klage on a refusal of one: a classmate on the staff decides it not, another adviser does", async () => {
    const { canDecideStudentAppeal } = await import("@/lib/permissions");
    const deferralKlage = { handler: "ADVISER" as const, decidedById: "decider", studentUserId: "student", viewerOnTeachingTeam: false, aboutHealth: true, viewerIsStudentOfKull: false };
    expect(canDecideStudentAppeal(adviser, deferralKlage)).toBe(true);
    expect(canDecideStudentAppeal(adviser, { ...deferralKlage, viewerIsStudentOfKull: true })).toBe(false);
    // A classmate on the staff still decides a klage on another kind of decision in the kull.
    expect(canDecideStudentAppeal(adviser, { ...deferralKlage, aboutHealth: false, viewerIsStudentOfKull: true })).toBe(true);
    expect(canDecideStudentAppeal(adviser, { ...deferralKlage, decidedById: adviser.id })).toBe(false);
  });
});

describe("a student's FS identity", () => {
  it("is read by the student and the study administration, never by faculty on their lists", async () => {
    const { canReadStudentIdentity, canEditStudentIdentity } = await import("@/lib/permissions");
    const student = { id: "s", roles: ["STUDENT"] as const };
    const other = { id: "o", roles: ["STUDENT"] as const };
    const faculty = { id: "f", roles: ["FACULTY"] as const };
    const adviser = { id: "a", roles: ["ADVISER"] as const };
    const admin = { id: "x", roles: ["ADMIN"] as const };
    const applicant = { id: "p", roles: ["APPLICANT"] as const };
    expect(canReadStudentIdentity(student, "s")).toBe(true);
    expect(canReadStudentIdentity(other, "s")).toBe(false);
    expect(canReadStudentIdentity(faculty, "s")).toBe(false);
    expect(canReadStudentIdentity(applicant, "s")).toBe(false);
    expect(canReadStudentIdentity(adviser, "s")).toBe(true);
    expect(canReadStudentIdentity(admin, "s")).toBe(true);
    expect(canEditStudentIdentity(student, "s")).toBe(true);
    expect(canEditStudentIdentity(other, "s")).toBe(false);
    expect(canEditStudentIdentity(faculty, "s")).toBe(false);
    expect(canEditStudentIdentity(adviser, "s")).toBe(true);
    // An applicant account with the same id has not enrolled: no student role, no editing.
    expect(canEditStudentIdentity({ id: "s", roles: ["APPLICANT"] }, "s")).toBe(false);
  });
});

describe("privacy: innsyn and the audit log", () => {
  it("lets a person export their own data and an administrator anyone's, nobody else", async () => {
    const { canExportPersonalData, canReadAuditLog } = await import("@/lib/permissions");
    expect(canExportPersonalData(applicant, "a")).toBe(true);
    expect(canExportPersonalData(other, "a")).toBe(false);
    expect(canExportPersonalData(adviser, "a")).toBe(false);
    expect(canExportPersonalData({ id: "f", roles: ["FACULTY"] }, "a")).toBe(false);
    expect(canExportPersonalData(admin, "a")).toBe(true);
    expect(canReadAuditLog(admin)).toBe(true);
    expect(canReadAuditLog(adviser)).toBe(false);
    expect(canReadAuditLog(applicant)).toBe(false);
  });
});
