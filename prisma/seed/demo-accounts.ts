// The demo accounts (one per role). The password is published in the README and shown on the
// sign-in page in development only; `npm start` against an external database never seeds them
// unless SEED_DEMO_DATA=true.
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "Demo-passord-2026";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; roles: Role[]; description: string }[] = [
  { email: "soker@demo.no", name: "Sofie Søker", roles: ["APPLICANT"], description: "Søker med tilbud om studieplass og en påbegynt søknad" },
  { email: "student@demo.no", name: "Sander Student", roles: ["STUDENT"], description: "Student i kullet som pågår" },
  { email: "faglaerer@demo.no", name: "Frida Faglærer", roles: ["FACULTY"], description: "Faglærer og prosessveileder" },
  { email: "veileder@demo.no", name: "Vegard Veileder", roles: ["ADVISER"], description: "Studieveileder" },
  { email: "admin@demo.no", name: "Ada Administrator", roles: ["ADMIN", "ADVISER"], description: "Administrator" },
];

/**
 * Students of the demo story who can sign in (same password), so each situation can be tried:
 * the running cohort's group of three that handed in fagnotat 2 early, a student who can no longer
 * reach the attendance requirement, a student of the cohort about to sit the exam who has met
 * every requirement, one with a letter of every kind (prisma/seed/demo-letters.ts) and one whose
 * last hand-in waits. Other seeded people cannot sign in.
 */
export const DEMO_STUDENTS = {
  groupA: { email: "anne.gruppe@demo.no", name: "Anne Gruppe" },
  groupB: { email: "bjorn.gruppe@demo.no", name: "Bjørn Gruppe" },
  groupC: { email: "cecilie.gruppe@demo.no", name: "Cecilie Gruppe" },
  absent: { email: "student.fravaer@demo.no", name: "Frank Fravær" },
  finished: { email: "student.ferdig@demo.no", name: "Eva Eksamen" },
  /** The cohort about to sit the exam: a letter of every kind, and a klage on "ikke adgang" the adviser can decide. */
  decisions: { email: "student.vedtak@demo.no", name: "Vilde Vedtak" },
  /** The running cohort: her second and last hand-in of ledertreningsoppgave 1 waits for assessment. */
  lastChance: { email: "student.sjanse@demo.no", name: "Siri Sjanse" },
  /** Kull H2023: failed the ordinary exam (F), registered for the ny eksamen by the adviser (prisma/seed/demo-exams.ts). */
  resit: { email: "student.nyeksamen@demo.no", name: "Nora Ny-Eksamen" },
  /** Kull H2023: failed the ordinary exam (F), may register for the ny eksamen himself. */
  failed: { email: "student.forsok@demo.no", name: "Fredrik Forsøk" },
  /** Kull H2023: ill in the exam week, granted utsatt eksamen (a letter), registered for it. */
  deferred: { email: "student.utsatt@demo.no", name: "Ulla Utsatt" },
  /** The running cohort: on leave (permisjon) since before samling 5 (prisma/seed/demo-enrolments.ts). */
  onLeave: { email: "student.permisjon@demo.no", name: "Petra Permisjon" },
  /** The running cohort: a forhåndsvarsel that his approved fagnotat 1 may be corrected; he has spoken, the deadline has passed. */
  notice: { email: "student.varsel@demo.no", name: "Lars Varsel" },
  /** Moved from the cohort about to sit the exam to the running one, with credited arbeidskrav and days. */
  transferred: { email: "student.overfort@demo.no", name: "Olav Overført" },
} as const;

/** Faculty of the story besides the demo faculty account who can sign in (same password). */
export const DEMO_FACULTY = {
  /** Fagansvarlig of the cohort about to sit the exam; on the running cohort's team too. */
  lead: { email: "hanne.faglaerer@demo.no", name: "Hanne Faglærer Moen" },
} as const;

/**
 * Applicants of the admission story who can sign in (same password): the intake decided six days
 * ago (barnevernledelse) and the intake waiting for decisions (institusjonsledelse).
 */
export const DEMO_APPLICANTS = {
  /** Barnevernledelse: first on the waiting list. */
  waitlisted: { email: "soker.venteliste@demo.no", name: "Vera Venteliste" },
  /** Barnevernledelse: refused (no leader position in barnevern), has filed a klage. A Sámi name: letters and PDFs show it as typed. */
  appellant: { email: "soker.klage@demo.no", name: "Áile Ŋuolláš Čoavji-Đoallu" },
  /** Institusjonsledelse: ranked first, gets an offer when the decisions are sent. */
  offered: { email: "soker.tilbud@demo.no", name: "Tina Tilbud" },
  /** Institusjonsledelse: first on the waiting list once the decisions are sent. */
  next: { email: "soker.neste@demo.no", name: "Nils Neste" },
  /** Institusjonsledelse: judged not qualified (120 studiepoeng), refused when decisions are sent. */
  refused: { email: "soker.avslag@demo.no", name: "Anders Avslag" },
  /** Institusjonsledelse: not reviewed yet. */
  toReview: { email: "soker.kontroll@demo.no", name: "Kari Kontroll" },
} as const;
