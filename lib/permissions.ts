// Who may do what: pure functions of the viewer and the record, with their own unit tests.
// The data-access layer (lib/server) calls these; pages use them only to hide what the viewer
// could not use anyway.
import type { Role } from "@/lib/generated/prisma/enums";

export interface RoleHolder {
  id: string;
  roles: readonly Role[];
}

export const ROLE_LABELS: Record<Role, string> = {
  APPLICANT: "Søker",
  STUDENT: "Student",
  FACULTY: "Faglærer",
  ADVISER: "Studieveileder",
  ADMIN: "Administrator",
};

/** The areas of the app, one per audience, in the order a person with several roles sees them. */
export const AREAS = [
  { path: "/veileder", label: "Studieveileder", roles: ["ADVISER", "ADMIN"] },
  { path: "/faglaerer", label: "Faglærer", roles: ["FACULTY"] },
  { path: "/student", label: "Student", roles: ["STUDENT"] },
  { path: "/soker", label: "Søknader", roles: ["APPLICANT"] },
] as const satisfies readonly { path: string; label: string; roles: readonly Role[] }[];

export function hasAnyRole(viewer: RoleHolder, roles: readonly Role[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}

export function areasFor(roles: readonly Role[]) {
  return AREAS.filter((area) => area.roles.some((role) => roles.includes(role)));
}

/** Where a person lands after signing in: the first area they have. */
export function homePathFor(roles: readonly Role[]): string {
  return areasFor(roles)[0]?.path ?? "/";
}

export function isStaff(viewer: RoleHolder): boolean {
  return hasAnyRole(viewer, ["ADVISER", "ADMIN"]);
}

/**
 * Only an administrator adds a study programme to the installation; advisers and admins keep a
 * programme's template (contacts, letters, requirements and arbeidskrav for new kull).
 */
export function canCreateProgramme(viewer: RoleHolder): boolean {
  return viewer.roles.includes("ADMIN");
}

export function canEditProgramme(viewer: RoleHolder): boolean {
  return isStaff(viewer);
}

/** Advisers and admins create, copy, change, publish, complete and archive kull. */
export function canManageIntakes(viewer: RoleHolder): boolean {
  return isStaff(viewer);
}

/** Advisers and admins create staff and student accounts; only an admin makes another admin. */
export function canGrantRoles(viewer: RoleHolder, roles: readonly Role[]): boolean {
  if (!isStaff(viewer)) return false;
  return !roles.includes("ADMIN") || viewer.roles.includes("ADMIN");
}

/** Nobody disables their own account (they would lock themselves out mid-task). */
export function canDisableUser(viewer: RoleHolder, target: { id: string; roles: readonly Role[] }): boolean {
  if (viewer.id === target.id) return false;
  return canGrantRoles(viewer, target.roles);
}

export interface ApplicationAccess {
  applicantId: string;
  status: string;
}

/**
 * The applicant who owns it, and advisers; but not an adviser who has applied to the same kull
 * herself (`viewerAppliedToKull`: a sent application of hers there, not withdrawn). She is a party
 * to its one competition for places (OWN_INTAKE_MESSAGE), and her competitors' applications are
 * not hers to read: a colleague handles them.
 */
export function canViewApplication(viewer: RoleHolder, application: ApplicationAccess & { viewerAppliedToKull?: boolean }): boolean {
  return application.applicantId === viewer.id || (isStaff(viewer) && application.viewerAppliedToKull !== true);
}

/** Only its applicant, and only while it is a draft. */
export function canEditApplication(viewer: RoleHolder, application: ApplicationAccess): boolean {
  return application.applicantId === viewer.id && application.status === "DRAFT";
}

/**
 * The applicant opens her sent application to change it (it becomes a draft, not sent until she
 * sends it again): only while the application window is `open` (isApplicationOpen: until the end
 * of the deadline day) and before the adviser has begun the review (status SUBMITTED, not
 * UNDER_REVIEW). Once the review has begun, the adviser works on what was sent; more documents
 * may still be added (canAddDocuments), and anything else goes through the adviser.
 */
export function canReopenApplication(viewer: RoleHolder, application: ApplicationAccess & { open: boolean }): boolean {
  return application.applicantId === viewer.id && application.status === "SUBMITTED" && application.open;
}

/** Documents may be added until a decision is made (DOMAIN: "can still add documents"). */
export function canAddDocuments(viewer: RoleHolder, application: ApplicationAccess): boolean {
  return (
    application.applicantId === viewer.id &&
    ["DRAFT", "SUBMITTED", "UNDER_REVIEW"].includes(application.status)
  );
}

export interface ApplicationWithdrawal extends ApplicationAccess {
  /** The decision on it, if any. */
  decision?: { outcome: string; answer: string | null } | null;
  /** A klage on the decision waits for its decision (Appeal RECEIVED): withdrawing closes it. */
  klageWaiting?: boolean;
}

/**
 * The applicant withdraws her own application while it is sent or under review, and once decided
 * only while something is still open that the withdrawal gives up: an offer not answered, a place
 * on the waiting list, or a klage waiting for its decision. A decided case with nothing open (a
 * refusal whose klage period passed, a declined or expired offer) is not withdrawn: that rewrote
 * the record, its statistics and its status three years on (a walk withdrew a refusal from 2023).
 */
export function canWithdrawApplication(viewer: RoleHolder, application: ApplicationWithdrawal): boolean {
  if (application.applicantId !== viewer.id) return false;
  if (application.status === "SUBMITTED" || application.status === "UNDER_REVIEW") return true;
  if (application.status !== "DECIDED" || !application.decision) return false;
  const { outcome, answer } = application.decision;
  return (outcome === "OFFER" && answer === null) || (outcome === "WAITLIST" && answer === null) || application.klageWaiting === true;
}

/**
 * A first Feide sign-in may link to an existing account by e-mail only when staff created that
 * account (so staff typed its address) and it is not an admin; see lib/server/auth/index.ts.
 * An account that began as a self-registered applicant keeps an unverified address, also after
 * it became a student.
 */
export function canLinkFeideByEmail(roles: readonly Role[]): boolean {
  if (roles.includes("ADMIN") || roles.includes("APPLICANT")) return false;
  return roles.some((role) => role === "STUDENT" || role === "FACULTY" || role === "ADVISER");
}

/**
 * Nobody decides a case about themselves (forvaltningsloven § 6 first paragraph a: a party to the
 * case is disqualified): a staff member who is also a student decides nothing about herself: not
 * her hand-in, attendance, grade, admission to the exam, klage, utsatt eksamen, leave, withdrawal,
 * transfer or completion (the README lists where each is checked).
 */
export const OWN_CASE_MESSAGE = "Saken gjelder deg selv, så du kan ikke avgjøre den (forvaltningsloven § 6). En kollega må gjøre det.";

/** What an adviser who has applied to a kull is told where its applications would be shown. */
export const OWN_INTAKE_READ_MESSAGE =
  "Du har selv søkt opptak til dette kullet, så du kan ikke se eller behandle søknadene til det (forvaltningsloven § 6). En kollega gjør det.";

/**
 * Admission to a kull is one competition for its places: an adviser who has applied to it herself
 * is a party to every decision in it (who is qualified, ranked, offered, moved), not only to her own.
 */
export const OWN_INTAKE_MESSAGE =
  "Du har selv søkt opptak til dette kullet, så du kan ikke behandle søknadene til det (forvaltningsloven § 6). En kollega må gjøre det.";

/** Whether the case concerns the viewer: she is one of its parties. */
export function isOwnCase(viewer: { id: string }, partyUserIds: readonly string[]): boolean {
  return partyUserIds.includes(viewer.id);
}

/** What an adviser who is herself a student of a kull is told where its requests for utsatt eksamen or leave would be handled. */
export const CLASSMATE_HEALTH_MESSAGE =
  "Du er selv student i dette kullet. Søknader om utsatt eksamen og permisjon kan ha helseopplysninger om medstudentene dine, så en kollega behandler dem (forvaltningsloven § 6 andre ledd).";

/**
 * Health cases: requests for utsatt eksamen carry health data (the student's account, a
 * legeerklæring), and a leave's reason often does (illness, a sick child, with a legeerklæring as
 * its documentation); so do their letters and the klager on their refusal (HEALTH_CASE_ABOUT and
 * carriesHealthData in lib/domain/student-letter.ts). Read and decided by the study administration
 * (advisers, admins), never by the teaching team. Not by an adviser who is herself a student of the
 * kull (any enrolment in it): her classmates' health is not hers to know, and deciding on it would
 * weaken the trust in her impartiality (forvaltningsloven § 6 second paragraph). A colleague does.
 */
export function canHandleHealthCases(viewer: RoleHolder, kull: { viewerIsStudentOfKull: boolean }): boolean {
  return isStaff(viewer) && !kull.viewerIsStudentOfKull;
}

export interface StudentAppealAccess {
  /** Who handles this kind of klage (lib/domain/student-letter.ts KLAGE_HANDLER). */
  handler: "TEACHING_TEAM" | "ADVISER";
  /** Who made the decision the klage is about. */
  decidedById: string;
  /** The student who filed it (a party: never its decider). */
  studentUserId: string;
  /** Whether the viewer is on the teaching team of the student's cohort. */
  viewerOnTeachingTeam: boolean;
  /** The decision was about a request for utsatt eksamen (health data: canHandleHealthCases). */
  aboutHealth: boolean;
  /** Whether the viewer is herself a student of the student's cohort. */
  viewerIsStudentOfKull: boolean;
  /**
   * A klage on an avvisning: the one whose decision the avvist klage was on. Upholding the
   * avvisning would keep the klage on her own decision from being heard, so she may not decide it.
   */
  barredId?: string | null;
}

/**
 * A klage on a student's enkeltvedtak is decided by someone other than the one who made the
 * decision (also a CHECK in the database): a klage on an arbeidskrav by a faculty member of the
 * cohort's teaching team (the fagansvarlig first of all), a klage on admission to the exam by an
 * adviser or admin.
 */
export function canDecideStudentAppeal(viewer: RoleHolder, appeal: StudentAppealAccess): boolean {
  if (viewer.id === appeal.decidedById || viewer.id === appeal.barredId || isOwnCase(viewer, [appeal.studentUserId])) return false;
  if (appeal.aboutHealth) return canHandleHealthCases(viewer, appeal);
  if (appeal.handler === "ADVISER") return isStaff(viewer);
  return appeal.viewerOnTeachingTeam && viewer.roles.includes("FACULTY");
}

/** Someone who might decide a student's klage, with their ties to its kull. */
export interface AppealDeciderCandidate extends RoleHolder {
  onTeachingTeam: boolean;
  studentOfKull: boolean;
}

/**
 * Whether anyone at all may decide a waiting klage: canDecideStudentAppeal for each candidate
 * (every staff and faculty account that can sign in). Nobody, when the kull's only fagansvarlig
 * made the decision, or a klage on an avvisning has the decider and the one who avviste as the only
 * advisers: then the klager list says what must change, instead of each reader being told only
 * that it is not theirs.
 */
export function someoneMayDecideStudentAppeal(
  candidates: readonly AppealDeciderCandidate[],
  appeal: Omit<StudentAppealAccess, "viewerOnTeachingTeam" | "viewerIsStudentOfKull">,
): boolean {
  return candidates.some(
    (candidate) =>
      canDecideStudentAppeal(candidate, { ...appeal, viewerOnTeachingTeam: candidate.onTeachingTeam, viewerIsStudentOfKull: candidate.studentOfKull }),
  );
}

/** Said on the klager list when nobody may decide a waiting klage (someoneMayDecideStudentAppeal). */
export const NOBODY_MAY_DECIDE_MESSAGE: Record<StudentAppealAccess["handler"], string> = {
  TEACHING_TEAM:
    "Ingen kan avgjøre klagen nå: ingen andre faglærere i kullets undervisningsteam enn den som fattet vedtaket. Legg til en faglærer som ikke var med på vedtaket, under Team.",
  ADVISER:
    "Ingen kan avgjøre klagen nå: alle studieveiledere og administratorer har vært med på saken eller er utelukket fra den. En administrator må gi rollen studieveileder til en kollega som ikke har vært med på saken.",
};

/**
 * Who registers the klagenemnd's decision on a student's klage, and so carries it out: the study
 * administration, which sends the klager there and gets its letters back (advisers, admins); never
 * in her own case, and for a klage on health data only those who handle health cases. The one who
 * decided the klage may: nothing is left to judge, the klagenemnd has decided.
 */
export function canRegisterAppealsBodyDecision(viewer: RoleHolder, appeal: Pick<StudentAppealAccess, "studentUserId" | "aboutHealth" | "viewerIsStudentOfKull">): boolean {
  if (isOwnCase(viewer, [appeal.studentUserId])) return false;
  if (appeal.aboutHealth) return canHandleHealthCases(viewer, appeal);
  return isStaff(viewer);
}

/**
 * A student's FS identity (fødselsdato, studentnummer, FS-personløpenummer): the student, and the
 * study administration (advisers, admins). Faculty see it only where FS needs it — the exam
 * protocol and the FS export of a cohort they teach (lib/server/exams/results.ts, behind
 * requireCohortStaff) — never on their lists of students.
 */
export function canReadStudentIdentity(viewer: RoleHolder, studentUserId: string): boolean {
  return viewer.id === studentUserId || isStaff(viewer);
}

/** The same people may register or correct it (every change is audited). */
export function canEditStudentIdentity(viewer: RoleHolder, studentUserId: string): boolean {
  return (viewer.id === studentUserId && viewer.roles.includes("STUDENT")) || isStaff(viewer);
}

/**
 * Innsyn (GDPR art. 15): a person downloads everything held about themselves; an administrator
 * exports it for anyone (a request by letter, a data-protection officer's case). Advisers
 * neither: they see what their work needs, not whole files of people. Every export is audited.
 */
export function canExportPersonalData(viewer: RoleHolder, subjectUserId: string): boolean {
  return viewer.id === subjectUserId || viewer.roles.includes("ADMIN");
}

/** The audit log is read by administrators only (it names every person and every change). */
export function canReadAuditLog(viewer: RoleHolder): boolean {
  return viewer.roles.includes("ADMIN");
}
