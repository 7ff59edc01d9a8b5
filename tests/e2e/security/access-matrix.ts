// THE ACCESS MATRIX: every server action and every route handler of the build × every persona,
// with the answer each must get. tests/e2e/access-matrix.spec.ts walks it with real HTTP requests
// against the production server and fails when the build has an action or route without a row
// here. SECURITY.md states what it covers.
//
// Outcomes of an action:
//   signin    – not signed in (a made-up session cookie, which gets past the proxy's convenience
//               redirect): the action's own "Du er ikke logget inn lenger" (nothing runs)
//   forbidden – signed in with a role the action does not take: "Du har ikke tilgang til å gjøre dette."
//   hidden    – the role may, the record is not theirs: "Fant ikke …" / "Du har ikke tilgang til dette."
//               (the data-access layer; ids reveal nothing)
//   passes    – past every access check: the probe sends each field twice, so the form does not
//               parse and nothing is written; what the owner may then do is the feature specs' job.
// Every refused probe (signin, forbidden, hidden) is sent with the row's valid input aimed at the
// target record, and the database and file store must be unchanged afterwards. Each action is
// also posted by a persona who may use it from another site and with no Origin at all: 403 from
// the proxy, unchanged.
import { NO_SUCH_ID, type Fields } from "./http";
import type { Targets } from "./targets";

export const PERSONAS = {
  anonymous: null,
  "applicant (owner)": "soker@demo.no",
  "applicant (other)": "soker.klage@demo.no",
  "student (own kull)": "student@demo.no",
  "student (other kull)": "student.ferdig@demo.no",
  "faculty (teaching the kull)": "hanne.faglaerer@demo.no",
  "faculty (not teaching it)": "faglaerer@demo.no",
  adviser: "veileder@demo.no",
  admin: "admin@demo.no",
} as const;

export type Persona = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as Persona[];
export type Outcome = "signin" | "forbidden" | "hidden" | "passes";

const row = (...outcomes: Outcome[]): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONA_NAMES.map((persona, index) => [persona, outcomes[index]!])) as Record<Persona, Outcome>;

const S: Outcome = "signin";
const F: Outcome = "forbidden";
const H: Outcome = "hidden";
const P: Outcome = "passes";

//                                 anon  owner other own  other teach not  adviser admin
export const POLICIES = {
  /** No session needed (sign-in, registration, links from e-mails). */
  public: row(P, P, P, P, P, P, P, P, P),
  /** Anyone signed in, about their own account. */
  signedIn: row(S, P, P, P, P, P, P, P, P),
  /** The applicant's own application (the target is Sofie Søker's). */
  applicantOwn: row(S, P, H, F, F, F, F, F, F),
  /** Any applicant (starting an application to an open intake). */
  applicant: row(S, P, P, F, F, F, F, F, F),
  /** A student's own record (the target is in Sander Student's kull). */
  studentOwn: row(S, F, F, P, H, F, F, F, F),
  /** Any student, about themselves. */
  student: row(S, F, F, P, P, F, F, F, F),
  /** The kull's teaching team and advisers (the target kull is taught by Hanne, not by Frida). */
  cohortStaff: row(S, F, F, F, F, P, H, P, P),
  /** Advisers and administrators. */
  advisers: row(S, F, F, F, F, F, F, P, P),
  /** Administrators only. */
  admins: row(S, F, F, F, F, F, F, F, P),
} as const;

export interface ActionRow {
  policy: keyof typeof POLICIES;
  /** The valid input aimed at the target record (what the refused personas send). */
  input?: (t: Targets) => Fields;
  /** The action takes only a form (a `<form action>`), not (previousState, formData). */
  formOnly?: true;
  /** It ends the caller's session: walked last. */
  endsSession?: true;
}

const FUTURE_DAY = "2031-03-04";
const TEXT = "En begrunnelse som er lang nok til å bli lest.";

const cohortStaff = (input: (t: Targets) => Fields): ActionRow => ({ policy: "cohortStaff", input });
const advisers: ActionRow = { policy: "advisers" };

export const ACTIONS: Record<string, ActionRow> = {
  // ── Public: sign-in, registration, one-time links ──
  "lib/actions/sign-in.ts#signInWithPassword": { policy: "public", input: () => [["email", "ingen@demo.no"], ["password", "feil-passord-123"]] },
  "lib/actions/sign-in.ts#signInWithFeide": { policy: "public", formOnly: true },
  "lib/actions/register-applicant.ts#registerApplicantAccount": { policy: "public" },
  "lib/actions/account.ts#requestPasswordResetAction": { policy: "public" },
  "lib/actions/account.ts#resetPasswordAction": { policy: "public", input: () => [["token", "x".repeat(43)], ["password", "Et-langt-passord-2026"]] },
  "lib/actions/account.ts#acceptInvitationAction": { policy: "public", input: () => [["token", "x".repeat(43)], ["password", "Et-langt-passord-2026"]] },
  "lib/actions/account.ts#verifyEmailAction": { policy: "public", input: () => [["token", "x".repeat(43)]] },
  "lib/actions/account.ts#confirmEmailChangeAction": { policy: "public", input: () => [["token", "x".repeat(43)]] },

  // ── Anyone signed in, about their own account ──
  "lib/actions/account.ts#resendVerificationAction": { policy: "signedIn" },
  "lib/actions/account.ts#changePasswordAction": { policy: "signedIn" },
  "lib/actions/account.ts#requestEmailChangeAction": { policy: "signedIn" },
  "lib/actions/account.ts#signOutEverywhereAction": { policy: "signedIn", endsSession: true },
  "lib/actions/sign-out.ts#signOutEverywhereHere": { policy: "public", formOnly: true, endsSession: true },

  // ── Applicants ──
  "lib/actions/application.ts#startApplicationAction": { policy: "applicant", input: (t) => [["cohortId", t.openIntake]] },
  "lib/actions/application.ts#savePersonalDetailsAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["fullName", "Kaprer Kaprersen"]] },
  "lib/actions/application.ts#saveEmployerAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application]] },
  "lib/actions/application.ts#addEducationAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application]] },
  "lib/actions/application.ts#saveEducationAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["educationId", t.education]] },
  "lib/actions/application.ts#removeEducationAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["educationId", t.education]] },
  "lib/actions/application.ts#addPositionAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application]] },
  "lib/actions/application.ts#savePositionAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["positionId", t.position]] },
  "lib/actions/application.ts#removePositionAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["positionId", t.position]] },
  "lib/actions/application.ts#deleteDocumentAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["documentId", t.document]] },
  "lib/actions/application.ts#submitApplicationAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["confirm", "on"]] },
  "lib/actions/application.ts#withdrawApplicationAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application], ["confirm", "on"]] },
  "lib/actions/application.ts#reopenApplicationAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.application]] },
  "lib/actions/application.ts#answerOfferAction": { policy: "applicantOwn", input: (t) => [["applicationId", t.offeredApplication], ["answer", "DECLINED"]] },

  // ── Students ──
  "lib/actions/student.ts#sendAbsenceNoticeAction": { policy: "studentOwn", input: (t) => [["samlingDayId", t.comingDay], ["reason", TEXT]] },
  "lib/actions/student.ts#withdrawAbsenceNoticeAction": { policy: "studentOwn", input: (t) => [["noticeId", t.absenceNotice]] },
  "lib/actions/student.ts#createCalendarFeedAction": { policy: "student" },
  "lib/actions/student.ts#revokeCalendarFeedAction": { policy: "student" },
  "lib/actions/student.ts#confirmGroupMembershipAction": { policy: "studentOwn", input: (t) => [["submissionId", t.groupSubmission]] },
  "lib/actions/student.ts#leaveGroupAction": { policy: "studentOwn", input: (t) => [["submissionId", t.groupSubmission]] },
  "lib/actions/student.ts#addGroupMemberAction": { policy: "studentOwn", input: (t) => [["submissionId", t.groupSubmission], ["enrolmentId", t.studentEnrolment]] },
  // Sander's kull, Lars's notice: Sander passes the role check, and the use case finds only a
  // notice sent to the viewer (the integration test has that refusal); another kull's student is told it does not exist.
  "lib/actions/student.ts#respondToCorrectionNoticeAction": { policy: "studentOwn", input: (t) => [["noticeId", t.studentNotice], ["text", TEXT]] },
  "lib/actions/student-letters.ts#fileStudentAppealAction": { policy: "studentOwn", input: (t) => [["letterId", t.studentLetter], ["text", TEXT]] },
  "lib/actions/student-letters.ts#markLetterOpenedAction": { policy: "studentOwn", input: (t) => [["letterId", t.studentLetter]] },
  "lib/actions/enrolments.ts#saveOwnIdentityAction": { policy: "student" },
  "lib/actions/exam.ts#registerForResitAction": { policy: "studentOwn", input: (t) => [["examId", t.resit]] },
  "lib/actions/exam.ts#withdrawFromResitAction": { policy: "studentOwn", input: (t) => [["examId", t.resit]] },

  // ── The kull's teaching team (and advisers) ──
  "lib/actions/cohort-plan.ts#addSamlingAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["title", "Kapret samling"], ["location", "Et sted"], ["days", FUTURE_DAY]]),
  "lib/actions/cohort-plan.ts#updateSamlingAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["samlingId", t.staffSamling], ["title", "Kapret"], ["location", "Et sted"]]),
  "lib/actions/cohort-plan.ts#addSamlingDayAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["samlingId", t.staffSamling], ["date", FUTURE_DAY]]),
  "lib/actions/cohort-plan.ts#removeSamlingDayAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["samlingDayId", t.staffDay]]),
  "lib/actions/cohort-plan.ts#removeSamlingAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["samlingId", t.staffSamling]]),
  "lib/actions/cohort-plan.ts#copyPlanAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["fromCohortId", t.otherCohort], ["weeks", "52"]]),
  "lib/actions/cohort-plan.ts#setExamDaysAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["firstDay", FUTURE_DAY], ["title", "Kapret eksamen"]]),
  "lib/actions/cohort-plan.ts#createArbeidskravFromTemplateAction": cohortStaff((t) => [["cohortId", t.staffCohort]]),
  "lib/actions/cohort-plan.ts#saveArbeidskravSetAction": cohortStaff((t) => [["cohortId", t.staffCohort]]),
  "lib/actions/assessment.ts#assessSubmissionAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["attemptId", t.staffAttempt], ["decision", "NOT_APPROVED"]]),
  "lib/actions/assessment.ts#approveReadLedertreningAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["attemptIds", t.staffAttempt]]),
  "lib/actions/assessment.ts#correctAssessmentAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["attemptId", t.staffAttempt], ["decision", "NOT_APPROVED"], ["reason", TEXT]]),
  "lib/actions/assessment.ts#sendCorrectionNoticeAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["attemptId", t.staffAttempt], ["reason", TEXT]]),
  "lib/actions/assessment.ts#carryOutCorrectionAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["noticeId", t.staffNotice], ["grounds", TEXT], ["seen", "0:0"]]),
  "lib/actions/assessment.ts#withdrawCorrectionNoticeAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["noticeId", t.staffNotice]]),
  "lib/actions/attendance.ts#saveDayAttendanceAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["samlingDayId", t.staffDay], [`status:${t.staffEnrolment}`, "ABSENT"]]),
  "lib/actions/exam.ts#registerEligibleAction": cohortStaff((t) => [["cohortId", t.staffCohort]]),
  "lib/actions/exam.ts#registerStudentAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["enrolmentId", t.staffEnrolment]]),
  "lib/actions/exam.ts#withdrawFromExamAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["enrolmentId", t.staffEnrolment]]),
  "lib/actions/exam.ts#setGradeAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["enrolmentId", t.staffEnrolment], ["grade", "F"]]),
  "lib/actions/exam.ts#publishGradesAction": cohortStaff((t) => [["cohortId", t.staffCohort]]),
  "lib/actions/exam.ts#refuseExamAdmissionAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["enrolmentIds", t.staffEnrolment]]),
  "lib/actions/exam.ts#saveLaterSittingAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["kind", "RESIT"], ["title", "Kapret"], ["firstDay", FUTURE_DAY]]),
  // staffExam is the ordinary sitting (the first by date), which is never deleted: the matrix deletes nothing.
  "lib/actions/exam.ts#deleteLaterSittingAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["examId", t.staffExam]]),
  "lib/actions/exam.ts#setSittingTaskAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["examId", t.staffExam], ["taskTitle", "Kapret"]]),
  "lib/actions/exam.ts#removeTaskDocumentAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["examId", t.staffExam], ["documentId", t.staffExamDocument]]),
  "lib/actions/student-letters.ts#decideStudentAppealAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["appealId", t.staffAppeal], ["outcome", "UPHOLD"], ["grounds", TEXT]]),
  "lib/actions/student-letters.ts#markStudentAppealForwardedAction": cohortStaff((t) => [["cohortId", t.staffCohort], ["appealId", t.staffAppeal]]),
  "lib/actions/student-letters.ts#markStudentAppealsBodyToldAction": {
    policy: "advisers",
    input: (t) => [["cohortId", t.staffCohort], ["appealId", t.staffAppeal]],
  },
  "lib/actions/student-letters.ts#markStudentAppealsBodyFollowedUpAction": {
    policy: "advisers",
    input: (t) => [["cohortId", t.staffCohort], ["appealId", t.staffAppeal], ["note", TEXT]],
  },
  "lib/actions/student-letters.ts#registerStudentAppealsBodyDecisionAction": {
    policy: "advisers",
    input: (t) => [["cohortId", t.staffCohort], ["appealId", t.staffAppeal], ["outcome", "REVERSED"], ["decidedOn", "2026-01-05"], ["summary", TEXT]],
  },

  // ── User accounts ──
  "lib/actions/student-letters.ts#registerStudentAppealAction": {
    policy: "advisers",
    input: (t) => [["letterId", t.studentLetter], ["userId", t.bystander], ["text", TEXT], ["receivedOn", "2026-01-05"], ["lateReason", TEXT]],
  },
  "lib/actions/manage-users.ts#createUser": { policy: "advisers", input: () => [["name", "Kaprer Kaprersen"], ["email", "kaprer@demo.no"], ["roles", "ADMIN"]] },
  "lib/actions/manage-users.ts#renewInvitationAction": { policy: "advisers", input: (t) => [["userId", t.bystander]] },
  "lib/actions/manage-users.ts#changeUserAccess": { policy: "advisers", input: (t) => [["userId", t.bystander], ["disabled", "true"]] },

  // ── Advisers: admission ──
  "lib/actions/admission.ts#reviewDocumentAction": advisers,
  "lib/actions/admission.ts#reviewPositionAction": advisers,
  "lib/actions/admission.ts#setCategoryAction": advisers,
  "lib/actions/admission.ts#judgeQualificationAction": advisers,
  "lib/actions/admission.ts#requestDocumentationAction": advisers,
  "lib/actions/admission.ts#closeDocumentationRequestAction": advisers,
  "lib/actions/admission.ts#offerPlaceAction": advisers,
  "lib/actions/admission.ts#moveCandidateAction": advisers,
  "lib/actions/admission.ts#removeMoveAction": advisers,
  "lib/actions/admission.ts#sendDecisionBatchAction": advisers,
  "lib/actions/admission.ts#decideAppealAction": advisers,
  "lib/actions/admission.ts#registerAdmissionAppealAction": {
    policy: "advisers",
    input: (t) => [["applicationId", t.application], ["text", TEXT], ["receivedOn", "2026-01-05"], ["lateReason", TEXT]],
  },
  "lib/actions/admission.ts#markAppealForwardedAction": advisers,
  "lib/actions/admission.ts#registerAppealsBodyDecisionAction": advisers,
  "lib/actions/admission.ts#markAppealsBodyFollowedUpAction": advisers,
  "lib/actions/admission.ts#setWaitlistClosingDateAction": advisers,

  // ── Advisers: kull, team, requirements, students, exam decisions, programmes ──
  "lib/actions/cohort-plan.ts#shareSamlingAction": advisers,
  "lib/actions/cohort-plan.ts#updateRequirementsAction": advisers,
  "lib/actions/cohort-team.ts#addTeacherAction": advisers,
  "lib/actions/cohort-team.ts#removeTeacherAction": advisers,
  "lib/actions/cohort-team.ts#setAcademicLeadAction": advisers,
  "lib/actions/cohort-team.ts#createBasisgruppeAction": advisers,
  "lib/actions/cohort-team.ts#updateBasisgruppeAction": advisers,
  "lib/actions/cohort-team.ts#moveStudentAction": advisers,
  "lib/actions/enrolments.ts#decideLeaveAction": advisers,
  "lib/actions/enrolments.ts#registerReturnAction": advisers,
  "lib/actions/enrolments.ts#cancelLeaveAction": advisers,
  "lib/actions/enrolments.ts#withdrawStudentAction": advisers,
  "lib/actions/enrolments.ts#completeStudentAction": advisers,
  "lib/actions/enrolments.ts#transferStudentAction": advisers,
  "lib/actions/enrolments.ts#saveIdentityAction": advisers,
  "lib/actions/exam.ts#registerStudentForResitAction": advisers,
  "lib/actions/exam.ts#grantDeferralAction": advisers,
  "lib/actions/exam.ts#refuseDeferralAction": advisers,
  "lib/actions/intakes.ts#createIntakeAction": advisers,
  "lib/actions/intakes.ts#copyIntakeAction": advisers,
  "lib/actions/intakes.ts#updateIntakeAction": advisers,
  "lib/actions/intakes.ts#publishIntakeAction": advisers,
  "lib/actions/intakes.ts#completeCohortAction": advisers,
  "lib/actions/intakes.ts#archiveCohortAction": advisers,
  "lib/actions/intakes.ts#restoreCohortAction": advisers,
  "lib/actions/intakes.ts#reopenCohortAction": advisers,
  "lib/actions/programmes.ts#updateProgrammeAction": advisers,
  "lib/actions/programmes.ts#saveProgrammeArbeidskravAction": advisers,
  "lib/actions/programmes.ts#createProgrammeAction": { policy: "admins" },
  "lib/actions/mail-admin.ts#resendMailAction": { policy: "admins", input: (t) => [["mailId", t.undeliveredMail]] },
};

// ─── Route handlers ──────────────────────────────────────────────────────────────────────────────

export interface RouteProbe {
  method: "GET" | "POST";
  path: (t: Targets) => string;
  /** A POST's body for the refused personas: a real one-page PDF with the fields the form sends. */
  upload?: Record<string, string>;
  /** The status each persona gets (several: any of them). */
  expect: Record<Persona, number | readonly number[]>;
  /** Statuses that mean "refused": the database and the files must be unchanged after them. */
  refused?: readonly number[];
  /** A POST from another site or without Origin (by the owner): 403 unless the route says otherwise. */
  crossSite?: number;
  /** The route audits each allowed read (it writes): only the refused personas are checked unchanged. */
  auditsReads?: true;
}

const status = (...codes: (number | readonly number[])[]): Record<Persona, number | readonly number[]> =>
  Object.fromEntries(PERSONA_NAMES.map((persona, index) => [persona, codes[index]!])) as Record<Persona, number | readonly number[]>;

//                                                       anon owner other own  other teach not  adviser admin
export const ROUTES: Record<string, RouteProbe[]> = {
  "/api/health": [{ method: "GET", path: () => "/api/health", expect: status(200, 200, 200, 200, 200, 200, 200, 200, 200) }],
  "/api/auth/[...nextauth]": [
    { method: "GET", path: () => "/api/auth/session", expect: status(200, 200, 200, 200, 200, 200, 200, 200, 200) },
    // next-auth's own CSRF token is missing: refused with a redirect to its error page, never a 5xx
    // (next-auth checks its double-submit token, not Origin).
    { method: "POST", path: () => "/api/auth/callback/credentials", expect: status(302, 302, 302, 302, 302, 302, 302, 302, 302), refused: [302], crossSite: 302 },
  ],
  // The test clock exists only on a server started with E2E_TEST_CLOCK (the lifecycle server).
  "/api/test/klokke": [
    { method: "GET", path: () => "/api/test/klokke", expect: status(404, 404, 404, 404, 404, 404, 404, 404, 404) },
    { method: "POST", path: () => "/api/test/klokke", expect: status(404, 404, 404, 404, 404, 404, 404, 404, 404), refused: [404], crossSite: 404 },
  ],
  // Exists only on a server started with BENCH_QUERY_STATS (npm run bench).
  "/api/bench/stats": [{ method: "GET", path: () => "/api/bench/stats", expect: status(404, 404, 404, 404, 404, 404, 404, 404, 404) }],
  // Everything held about Sofie: for herself and for an administrator only (advisers too are refused).
  "/api/innsyn/[userId]": [
    { method: "GET", path: (t) => `/api/innsyn/${t.applicantUser}`, expect: status(401, 200, 404, 404, 404, 404, 404, 404, 200), auditsReads: true },
  ],
  "/api/kalender/[token]": [{ method: "GET", path: () => `/api/kalender/${"a".repeat(43)}.ics`, expect: status(404, 404, 404, 404, 404, 404, 404, 404, 404) }],
  "/api/dokumenter/[id]": [{ method: "GET", path: (t) => `/api/dokumenter/${t.document}`, expect: status(401, 200, 404, 404, 404, 404, 404, 200, 200) }],
  "/api/vedtak/[id]": [{ method: "GET", path: (t) => `/api/vedtak/${t.decisionLetter}`, expect: status(401, 200, 404, 404, 404, 404, 404, 200, 200) }],
  "/api/soknader/[id]/dokumenter": [
    {
      method: "POST",
      path: (t) => `/api/soknader/${t.application}/dokumenter`,
      upload: { kind: "VITNEMAL" },
      expect: status(401, 400, 404, 403, 403, 403, 403, 403, 403),
      refused: [401, 403, 404],
    },
  ],
  "/api/soknader/[id]/klage": [
    {
      method: "POST",
      path: (t) => `/api/soknader/${t.refusedApplication}/klage`,
      upload: { text: TEXT },
      expect: status(401, 400, 404, 403, 403, 403, 403, 403, 403),
      refused: [401, 403, 404],
    },
  ],
  // An adviser attaches the klage as it came; she is sent an empty form (no file: 400).
  "/api/opptak/klager/[id]/vedlegg": [
    {
      method: "POST",
      path: (t) => `/api/opptak/klager/${t.admissionAppeal}/vedlegg`,
      upload: {},
      expect: status(401, 403, 403, 403, 403, 403, 403, 400, 400),
      refused: [401, 403, 404],
    },
  ],
  // The letter is Sander's; the staff of his kull may read it, and both demo faculty teach it (no
  // demo letter sits in a kull Frida does not teach).
  "/api/student/brev/[id]": [{ method: "GET", path: (t) => `/api/student/brev/${t.studentLetter}`, expect: status(401, 404, 404, 200, 404, 200, 200, 200, 200) }],
  "/api/student/kalender": [{ method: "GET", path: () => "/api/student/kalender", expect: status(401, 403, 403, 200, 200, 403, 403, 403, 403) }],
  "/api/student/arbeidskrav/[id]/innlevering": [
    {
      method: "POST",
      path: (t) => `/api/student/arbeidskrav/${t.arbeidskrav}/innlevering`,
      upload: { text: TEXT },
      expect: status(401, 403, 403, 422, 404, 403, 403, 403, 403),
      refused: [401, 403, 404],
    },
  ],
  "/api/student/eksamen/[examId]/utsettelse": [
    {
      method: "POST",
      path: (t) => `/api/student/eksamen/${t.studentExam}/utsettelse`,
      upload: { reason: "ILLNESS", explanation: TEXT },
      expect: status(401, 403, 403, 400, 404, 403, 403, 403, 403),
      refused: [401, 403, 404],
    },
  ],
  "/api/eksamen/[examId]/oppgave": [
    {
      method: "POST",
      path: (t) => `/api/eksamen/${t.staffExam}/oppgave`,
      expect: status(401, 403, 403, 403, 403, 400, 404, 400, 400),
      refused: [401, 403, 404],
    },
  ],
  "/veileder/opptak/[cohortId]/rangering/eksport": [
    { method: "GET", path: (t) => `/veileder/opptak/${t.decidedIntake}/rangering/eksport`, expect: status(401, 404, 404, 404, 404, 404, 404, 200, 200) },
  ],
  "/kull/[cohortId]/oppmote/eksport": [
    { method: "GET", path: (t) => `/kull/${t.staffCohort}/oppmote/eksport`, expect: status(401, 404, 404, 404, 404, 200, 404, 200, 200) },
  ],
  "/kull/[cohortId]/eksamen/fs-eksport": [
    { method: "GET", path: (t) => `/kull/${t.staffCohort}/eksamen/fs-eksport`, expect: status(401, 404, 404, 404, 404, 200, 404, 200, 200) },
  ],
};

export { NO_SUCH_ID };
