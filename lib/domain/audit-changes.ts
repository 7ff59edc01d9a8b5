import { formatDateNb, formatInstantNb } from "@/lib/domain/format";

/**
 * The audit log's before and after, said readably: one row per field that is in either, with its
 * value before and after as short text, changed fields first. Pure; the audit viewer renders it.
 */
export interface AuditChange {
  /** The stored key ("waitlistPosition"). */
  field: string;
  /** The key in words («Plass på ventelisten»); a key the list does not know, as it is. */
  label: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const MAX_VALUE_LENGTH = 300;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A value as text: a date as a Norwegian reads it («3. desember 2026»), a moment in Oslo time
 * («3. desember 2026 kl. 10.15», stored in UTC), a stored state in words («takket ja», not
 * ACCEPTED), yes/no, a list item by item, a small record field by field in words («Side: 1»);
 * other strings as they are, the rest as compact JSON; shortened.
 */
export function formatAuditValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = readable(value, 0);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function readable(value: unknown, depth: number): string {
  if (typeof value === "string") return readableTime(value) ?? (Object.hasOwn(VALUE_WORDS, value) ? VALUE_WORDS[value]! : value);
  if (typeof value === "boolean") return value ? "ja" : "nei";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (depth === 0 && Array.isArray(value) && value.every((item) => item === null || typeof item !== "object")) {
    return value.length === 0 ? "(ingen)" : value.map((item) => (item === null ? "(tomt)" : readable(item, 1))).join(", ");
  }
  if (depth === 0 && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== null && inner !== undefined);
    if (entries.length === 0) return "(tomt)";
    return entries.map(([key, inner]) => `${auditFieldLabel(key)}: ${readable(inner, 1)}`).join("; ");
  }
  return JSON.stringify(value);
}

/**
 * The states the entries store (the schema's enums), in words. Only those that read the same
 * whatever record they are on; an unknown code is shown as it is.
 */
const VALUE_WORDS: Record<string, string> = {
  // Attendance, applications, decisions and answers.
  PRESENT: "til stede",
  ABSENT: "fravær",
  DRAFT: "utkast",
  SUBMITTED: "sendt inn",
  UNDER_REVIEW: "under behandling",
  DECIDED: "avgjort",
  WITHDRAWN: "trukket",
  OFFER: "tilbud",
  WAITLIST: "venteliste",
  REFUSAL: "avslag",
  ACCEPTED: "takket ja",
  DECLINED: "takket nei",
  EXPIRED: "gikk ut",
  VERIFIED: "godkjent",
  REJECTED: "stemte ikke",
  // Studierett, leave and standing.
  ACTIVE: "aktiv",
  ON_LEAVE: "i permisjon",
  COMPLETED: "fullført",
  TRANSFERRED: "overført",
  GRANTED: "innvilget",
  REFUSED: "avslått",
  CANCELLED: "avlyst",
  REQUESTED: "søkt",
  ELIGIBLE: "fyller kravene",
  ON_TRACK: "i rute",
  NOT_ELIGIBLE: "fyller ikke kravene",
  // Arbeidskrav and exams.
  APPROVED: "godkjent",
  NOT_APPROVED: "ikke godkjent",
  ADMITTED: "meldt opp",
  NOT_ATTENDED: "ikke møtt",
  DEFERRED: "utsatt eksamen",
  CARRIED_OUT: "gjennomført",
  ILLNESS: "sykdom",
  // Klager.
  RECEIVED: "mottatt",
  REVERSED: "tatt til følge",
  UPHELD: "ikke tatt til følge",
  SETTLED: "avsluttet uten avgjørelse",
  DISMISSED: "avvist",
  QUASHED: "opphevet",
  // Roles.
  APPLICANT: "søker",
  STUDENT: "student",
  FACULTY: "faglærer",
  ADVISER: "studieveileder",
  ADMIN: "administrator",
};

function readableTime(value: string): string | null {
  if (ISO_DATE.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? null : formatDateNb(value);
  }
  if (ISO_INSTANT.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : formatInstantNb(parsed);
  }
  return null;
}

function fields(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { verdi: value };
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const old = fields(before);
  const next = fields(after);
  const names = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const rows = names.map((field) => {
    const was = formatAuditValue(old[field]);
    const is = formatAuditValue(next[field]);
    return { field, label: auditFieldLabel(field), before: was, after: is, changed: was !== is };
  });
  // Changed fields first (in the order they were written), then the unchanged ones.
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}

/** The keys of the entries' before and after (lib/server/**: audit calls), in words. */
const FIELD_LABELS: Record<string, string> = {
  about: "Gjelder",
  accountErased: "Redegjørelsen om sykdom slettet",
  actor: "Utført av",
  aboutId: "Gjelder (id)",
  aboutType: "Gjelder (type)",
  academicLead: "Fagansvarlig",
  account: "Konto",
  added: "Lagt til",
  answer: "Svar",
  answerDeadline: "Svarfrist",
  appealId: "Klage (id)",
  appealsBodyToldAt: "Klagenemnda varslet",
  applicationId: "Søknad (id)",
  applicationStatus: "Søknadens status",
  approvedAfterTransfer: "Godkjent etter overføringen",
  arbeidskrav: "Arbeidskrav",
  arbeidskravCredits: "Arbeidskrav godkjent fra tidligere kull",
  arbeidskravId: "Arbeidskrav (id)",
  attempt: "Forsøk",
  attemptId: "Forsøk (id)",
  attempts: "Forsøk",
  attemptsUsed: "Forsøk brukt",
  attendanceCredits: "Oppmøtedager godkjent fra tidligere kull",
  basisgruppeId: "Basisgruppe (id)",
  batch: "Utsendelse",
  by: "Av",
  capacity: "Plasser",
  category: "Kategori",
  categoryReason: "Begrunnelse for kategorien",
  cause: "Årsak",
  changeId: "Endring (id)",
  clientAddress: "IP-adresse",
  closedAt: "Lukket",
  closedOn: "Lukket",
  closesOn: "Stenger",
  code: "Kode",
  cohortId: "Kull (id)",
  computed: "Beregnet",
  confirmed: "Bekreftet",
  created: "Opprettet",
  createdAt: "Opprettet",
  date: "Dato",
  decidedOn: "Avgjort",
  decision: "Avgjørelse",
  decisionChangedAt: "Vedtaket endret",
  decisionId: "Vedtak (id)",
  deferralId: "Utsatt eksamen (id)",
  description: "Beskrivelse",
  disabledAt: "Sperret",
  documentId: "Dokument (id)",
  documentIds: "Dokumenter (id)",
  documentation: "Dokumentasjon",
  documentationRequests: "Etterspurt dokumentasjon",
  documents: "Dokumenter",
  dueDate: "Frist",
  dueDates: "Frister",
  dueOn: "Frist",
  educations: "Utdanninger",
  effectiveOn: "Gjelder fra",
  eligibility: "Eksamensadgang",
  email: "E-post",
  emailVerified: "E-post bekreftet",
  emailVerifiedAt: "E-post bekreftet",
  endedBecause: "Avsluttet fordi",
  endedCalendarLinks: "Kalenderlenker slått av",
  endedOn: "Sluttet",
  endedSessions: "Innlogginger avsluttet",
  endedWithoutReturn: "Avsluttet uten at studenten kom tilbake",
  ending: "Avslutning",
  endsOn: "Slutter",
  enkeltvedtak: "Enkeltvedtak",
  enrolmentId: "Studierett (id)",
  enrolmentStatus: "Studierettens status",
  examFirstDay: "Eksamens første dag",
  examId: "Eksamen (id)",
  examWithdrawn: "Trukket fra eksamen",
  expiresAt: "Utløper",
  explanationLength: "Forklaringens lengde (tegn)",
  failedAt: "Feilet",
  feedback: "Tilbakemelding",
  files: "Filer",
  final: "Siste forsøk",
  followedUp: "Fulgt opp",
  followedUpAt: "Fulgt opp",
  forwarded: "Sendt videre",
  forwardedAt: "Sendt til klagenemnda",
  from: "Fra",
  fromCohortId: "Fra kull (id)",
  grade: "Karakter",
  graded: "Karakter satt",
  gradesPublishedAt: "Karakterer publisert",
  grounds: "Begrunnelse",
  hadPassword: "Hadde passord",
  handInAt: "Levert",
  id: "Id",
  improvement: "Forbedring",
  kind: "Type",
  klageDeadline: "Klagefrist",
  lastError: "Siste feil",
  lateReason: "Hvorfor en for sen klage tas opp",
  leave: "Permisjon",
  leaveEnded: "Permisjon avsluttet",
  left: "Gått ut",
  letterId: "Brev (id)",
  location: "Sted",
  manual: "Manuelt",
  members: "Medlemmer",
  message: "Melding",
  moveId: "Flytting (id)",
  name: "Navn",
  newEnrolmentId: "Ny studierett (id)",
  notCarriedOut: "Ikke gjennomført fordi",
  note: "Merknad",
  notes: "Merknader",
  noticeId: "Varsel (id)",
  number: "Nummer",
  offerAnswer: "Svar på tilbudet",
  originalName: "Filnavn",
  outcome: "Utfall",
  outcomeLetterId: "Brev med utfallet (id)",
  page: "Side",
  phase: "Fase",
  phone: "Telefon",
  placeReleased: "Plassen frigjort",
  placedRegistrationId: "Oppmelding (id)",
  positions: "Stillinger",
  provisionalCategory: "Foreløpig kategori",
  publishedAt: "Publisert",
  qualificationGrounds: "Begrunnelse for opptaksgrunnlaget",
  qualified: "Har opptaksgrunnlag",
  rank: "Plass i rangeringen",
  reason: "Begrunnelse",
  reasonErased: "Fraværsgrunnen slettet",
  reasonLength: "Begrunnelsens lengde (tegn)",
  reasons: "Grunner",
  receivedOn: "Mottatt",
  reference: "Referanse",
  refusalReason: "Grunn til avslag",
  registrationId: "Oppmelding (id)",
  removed: "Fjernet",
  reopened: "Åpnet igjen",
  reopenedAt: "Åpnet igjen",
  requestedEmail: "Ny e-postadresse (bedt om)",
  requestedOn: "Bedt om",
  requirements: "Krav",
  response: "Svar",
  returnedOn: "Tilbake",
  revokedAt: "Slått av",
  roles: "Roller",
  rule: "Regel",
  samlingDay: "Samlingsdag",
  samlingDayId: "Samlingsdag (id)",
  samlingDays: "Samlingsdager",
  samlingId: "Samling (id)",
  sendingSince: "Under sending siden",
  sentOn: "Sendt",
  sha256: "Sjekksum (SHA-256)",
  sharedWith: "Delt med kull (id)",
  sittingId: "Eksamen (id)",
  size: "Størrelse (byte)",
  sourceAttendanceId: "Oppmøte i tidligere kull (id)",
  sourceSubmissionId: "Innlevering i tidligere kull (id)",
  started: "Begynt",
  startsAt: "Begynner",
  startsOn: "Begynner",
  state: "Tilstand",
  status: "Status",
  subject: "Emne",
  submissionId: "Innlevering (id)",
  submittedAt: "Sendt",
  summary: "Sammendrag",
  supervisedGroups: "Basisgrupper som veileder",
  supervisorId: "Veileder (id)",
  taskTextLength: "Oppgavetekstens lengde (tegn)",
  taskTitle: "Oppgavens tittel",
  team: "Team",
  template: "Mal",
  title: "Tittel",
  to: "Til",
  toCohortId: "Til kull (id)",
  toRank: "Til plass",
  transferredFromId: "Overført fra studierett (id)",
  type: "Type",
  updatedAt: "Endret",
  userId: "Bruker (id)",
  verdi: "Verdi",
  via: "Via",
  voidedEmailChanges: "Bytter av e-post gjort ugyldige",
  voidedLinks: "Lenker gjort ugyldige",
  waitlistClosesOn: "Ventelisten stenger",
  waitlistPosition: "Plass på ventelisten",
  weeks: "Uker",
  withdrawnAt: "Trukket",
  yearPassed: "Fullført år",
};

export function auditFieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]! : field;
}
