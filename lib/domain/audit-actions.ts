/**
 * Every kind of audit entry the system writes, and how a person reads it: the audit log
 * (/veileder/logg), an intake's decision events and the innsyn export say «Søknad sendt», not
 * `application.submit`. `AuditEntry.action` (lib/server/audit.ts) is typed by this list, so an
 * entry cannot be written without its words. The codes are stored as they are: a code no longer
 * written (an older installation's) still reads as its code.
 */
export const AUDIT_ACTIONS = {
  "absence_notice.send": "Fravær meldt på forhånd",
  "absence_notice.withdraw": "Fraværsmelding trukket",

  "application.start": "Søknad påbegynt",
  "application.submit": "Søknad sendt",
  "application.withdraw": "Søknad trukket",
  "application.reopen": "Søknad åpnet for endring igjen",
  "application.qualify": "Opptaksgrunnlag vurdert",
  "document.upload": "Dokument lastet opp",
  "document.replace": "Dokument erstattet",
  "document.delete": "Dokument slettet",
  "document.verify": "Dokument kontrollert",
  "position.verify": "Stilling kontrollert mot tjenestebevis",
  "category.override": "Kategori satt av veileder",
  "category.clear": "Kategori satt tilbake til beregnet",
  "documentation.request": "Dokumentasjon etterspurt",
  "documentation.close": "Etterspørsel etter dokumentasjon lukket",
  "ranking.move": "Flyttet i rangeringen",
  "ranking.unmove": "Flytting i rangeringen angret",

  "decision.offer": "Vedtak: tilbud om plass",
  "decision.waitlist": "Vedtak: venteliste",
  "decision.refusal": "Vedtak: avslag",
  "offer.accept": "Takket ja til plassen",
  "offer.decline": "Takket nei til plassen",
  "offer.expire": "Tilbudet gikk ut (ikke besvart)",
  "waitlist.offer": "Fikk ledig plass fra ventelisten",
  "waitlist.move": "Ny plass på ventelisten",
  "waitlist.close": "Ventelisten stengt: avslag",

  "appeal.file": "Klage på opptak sendt",
  "appeal.register": "Klage på opptak registrert",
  "appeal.attach": "Vedlegg lagt til klage på opptak",
  "appeal.uphold": "Klage på opptak ikke tatt til følge",
  "appeal.reverse": "Klage på opptak tatt til følge",
  "appeal.forward": "Klage på opptak sendt til klagenemnda",
  "appeal.settle": "Klage på opptak avsluttet uten avgjørelse",
  "appeals_body.decision": "Klagenemndas avgjørelse registrert",
  "appeals_body.not_carried_out": "Klagenemndas avgjørelse ikke gjennomført",
  "appeals_body.follow_up": "Klagenemndas avgjørelse fulgt opp",

  "programme.create": "Studieprogram opprettet",
  "programme.update": "Studieprogram endret",
  "programme.update_arbeidskrav": "Programmets arbeidskrav endret",
  "cohort.create": "Kull opprettet",
  "cohort.copy": "Kull opprettet som kopi",
  "cohort.update": "Kull endret",
  "cohort.update_requirements": "Kullets krav endret",
  "cohort.capacity": "Antall plasser endret",
  "cohort.waitlist-closing": "Dato for stenging av ventelisten endret",
  "cohort.publish": "Kull publisert",
  "cohort.complete": "Kull avsluttet",
  "cohort.archive": "Kull arkivert",
  "cohort.restore": "Kull hentet fra arkivet",
  "cohort.reopen": "Kull åpnet igjen",
  "cohort.copy_plan": "Samlingsplan kopiert fra et annet kull",
  "cohort.add_teacher": "Faglærer lagt til i kullet",
  "cohort.remove_teacher": "Faglærer fjernet fra kullet",
  "cohort.set_academic_lead": "Fagansvarlig satt",
  "samling.create": "Samling opprettet",
  "samling.update": "Samling endret",
  "samling.delete": "Samling slettet",
  "samling.share": "Samling delt med et annet kull",
  "samling.unshare": "Samling tatt ut av kullet",
  "samling.add_day": "Samlingsdag lagt til",
  "samling.remove_day": "Samlingsdag fjernet",
  "basisgruppe.create": "Basisgruppe opprettet",
  "basisgruppe.update": "Basisgruppe endret",
  "arbeidskrav.create_from_template": "Arbeidskrav opprettet fra programmets mal",
  "arbeidskrav.edit_set": "Arbeidskrav endret",
  "arbeidskrav.change_set": "Sammensetningen av arbeidskrav endret",

  "enrolment.create": "Tatt opp i kullet",
  "enrolment.move_basisgruppe": "Flyttet til en annen basisgruppe",
  "enrolment.leave_start": "Permisjon begynt",
  "enrolment.transfer": "Overført til et annet kull",
  "enrolment.withdraw": "Sluttet på studiet",
  "enrolment.complete": "Fullført studiet",
  "enrolment.completion_revoked": "Fullføring trukket tilbake",
  "enrolment.completion_regraded": "Karakter for fullføring endret",
  "standing.change": "Status for eksamensadgang endret",
  "student_identity.register": "Fødselsdato og studentnummer registrert",
  "student_identity.change": "Fødselsdato eller studentnummer endret",
  "leave.grant": "Permisjon innvilget",
  "leave.refuse": "Permisjon avslått",
  "leave.cancel": "Permisjon avlyst før start",
  "leave.return": "Tilbake fra permisjon",
  "credit.attendance": "Oppmøte godkjent fra et tidligere kull",
  "credit.arbeidskrav": "Arbeidskrav godkjent fra et tidligere kull",

  "attendance.register": "Oppmøte registrert",
  "attendance.correct": "Oppmøte rettet",

  "submission.hand_in": "Arbeidskrav levert",
  "submission.resubmit": "Arbeidskrav levert på nytt",
  "submission.assess": "Arbeidskrav vurdert",
  "submission.correct": "Vurdering av arbeidskrav rettet",
  "submission.approve_after_klage": "Arbeidskrav godkjent etter klage",
  "submission.member_add": "Medlem lagt til i gruppeinnlevering",
  "submission.member_confirm": "Medlem bekreftet gruppeinnlevering",
  "submission.member_leave": "Medlem gikk ut av gruppeinnlevering",
  "submission.member_exclude": "Medlem tatt ut av gruppeinnlevering (ikke bekreftet)",
  "submission.correction_notice": "Forhåndsvarsel om retting sendt",
  "submission.correction_notice.respond": "Forhåndsvarsel om retting besvart",
  "submission.correction_notice.withdraw": "Forhåndsvarsel om retting trukket",

  "exam.create": "Eksamen opprettet",
  "exam.update": "Eksamen endret",
  "exam.delete": "Eksamen slettet",
  "exam.task": "Eksamensoppgave endret",
  "exam.task_document": "Dokument lagt til eksamensoppgaven",
  "exam.task_document_remove": "Dokument fjernet fra eksamensoppgaven",
  "exam.register": "Meldt opp til eksamen",
  "exam.withdraw": "Trukket fra eksamen",
  "exam.refuse": "Vedtak: ikke adgang til eksamen",
  "exam.defer": "Flyttet til utsatt eksamen",
  "exam.grade": "Karakter satt",
  "exam.correct_grade": "Karakter rettet",
  "exam.publish_grades": "Karakterer publisert",
  "exam_deferral.request": "Utsatt eksamen søkt",
  "exam_deferral.grant": "Utsatt eksamen innvilget",
  "exam_deferral.refuse": "Utsatt eksamen avslått",

  "student_letter.issue": "Brev til student sendt",
  "student_appeal.file": "Klage sendt av studenten",
  "student_appeal.register": "Klage registrert (kom på e-post eller post)",
  "student_appeal.uphold": "Klage ikke tatt til følge",
  "student_appeal.reverse": "Klage tatt til følge",
  "student_appeal.dismiss": "Klage avvist (for sent)",
  "student_appeal.forward": "Klage sendt til klagenemnda",
  "student_appeal.reopen": "Klage åpnet igjen",
  "student_appeal.decision_changed": "Vedtaket klagen gjelder er endret",
  "student_appeal.appeals_body_told": "Klagenemnda varslet om endret vedtak",

  "user.register": "Konto opprettet av søkeren selv",
  "user.create": "Konto opprettet",
  "user.create-admin": "Administratorkonto opprettet",
  "user.invitation-accept": "Invitasjon tatt i bruk",
  "user.invitation-renew": "Ny invitasjon sendt",
  "user.verify-email": "E-postadresse bekreftet",
  "user.email-change-request": "Bytte av e-postadresse bedt om",
  "user.email-change": "E-postadresse byttet",
  "user.password-change": "Passord byttet",
  "user.password-reset-request": "Lenke for nytt passord bedt om",
  "user.password-reset": "Nytt passord satt med lenke",
  "user.sign-out-everywhere": "Logget ut overalt",
  "user.disable": "Konto sperret",
  "user.enable": "Konto åpnet igjen",
  "calendar_feed.create": "Kalenderlenke laget",
  "calendar_feed.renew": "Ny kalenderlenke laget",
  "calendar_feed.revoke": "Kalenderlenke slått av",

  "mail.resend": "E-post sendt på nytt",
  "audit_log.view_person": "Loggen om en person lest",
  "privacy.export": "Innsyn lastet ned",
  "retention.delete_application": "Søknad slettet (lagringstiden ute)",
  "retention.delete_documents": "Dokumenter slettet (lagringstiden ute)",
  "retention.erase_absence_reason": "Fraværsgrunn slettet (lagringstiden ute)",
  "retention.erase_deferral_health_data": "Helseopplysninger i søknad om utsatt eksamen slettet",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The first part of a code («application»), and what its entries are about, for the log's filter. */
const ACTION_GROUPS: Record<string, string> = {
  absence_notice: "Fraværsmeldinger",
  application: "Søknader",
  document: "Dokumenter",
  position: "Stillinger",
  category: "Kategori",
  documentation: "Etterspurt dokumentasjon",
  ranking: "Rangering",
  decision: "Vedtak om opptak",
  offer: "Svar på tilbud",
  waitlist: "Venteliste",
  appeal: "Klager på opptak",
  appeals_body: "Klagenemnda",
  programme: "Studieprogram",
  cohort: "Kull",
  samling: "Samlinger",
  basisgruppe: "Basisgrupper",
  arbeidskrav: "Arbeidskrav i planen",
  enrolment: "Studierett",
  standing: "Eksamensadgang",
  student_identity: "Studentnummer",
  leave: "Permisjon",
  credit: "Godkjent fra tidligere kull",
  attendance: "Oppmøte",
  submission: "Innleveringer",
  exam: "Eksamen",
  exam_deferral: "Utsatt eksamen",
  student_letter: "Brev til studenter",
  student_appeal: "Klager fra studenter",
  user: "Kontoer",
  calendar_feed: "Kalenderlenker",
  mail: "E-post",
  audit_log: "Loggen",
  privacy: "Innsyn",
  retention: "Sletting",
};

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

/** What an entry's code says, in words; a code the list does not know, as it is. */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTIONS[code] : code;
}

/** The group a code belongs to («application.submit» → «application»). */
export function auditActionGroup(code: string): string {
  return code.split(".")[0]!;
}

/** What a group's entries are about («Søknader»); a group the list does not know, as it is. */
export function auditActionGroupLabel(group: string): string {
  return ACTION_GROUPS[group] ?? group;
}

/** The kinds of record an entry is about (its entityType, a model's name), in words. */
export const AUDIT_ENTITY_TYPES = {
  AbsenceNotice: "Fraværsmelding",
  Appeal: "Klage på opptak",
  Application: "Søknad",
  ArbeidskravCredit: "Godkjent arbeidskrav",
  Attendance: "Oppmøte",
  AttendanceCredit: "Godkjent oppmøte",
  Basisgruppe: "Basisgruppe",
  CalendarFeed: "Kalenderlenke",
  Cohort: "Kull",
  CorrectionNotice: "Forhåndsvarsel",
  CorrectionNoticeRecipient: "Mottaker av forhåndsvarsel",
  Decision: "Vedtak",
  Document: "Dokument",
  DocumentationRequest: "Etterspurt dokumentasjon",
  Enrolment: "Studierett",
  Exam: "Eksamen",
  ExamDeferral: "Utsatt eksamen",
  ExamRegistration: "Eksamensoppmelding",
  LeaveOfAbsence: "Permisjon",
  MailMessage: "E-post",
  Position: "Stilling",
  Programme: "Studieprogram",
  Samling: "Samling",
  SamlingDay: "Samlingsdag",
  StudentAppeal: "Klage fra student",
  StudentLetter: "Brev til student",
  Submission: "Innlevering",
  SubmissionAttempt: "Innleveringsforsøk",
  User: "Konto",
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

export function isAuditEntityType(entityType: string): entityType is AuditEntityType {
  return Object.hasOwn(AUDIT_ENTITY_TYPES, entityType);
}

/** What kind of record an entry is about, in words; a kind the list does not know, as it is. */
export function auditEntityLabel(entityType: string): string {
  return isAuditEntityType(entityType) ? AUDIT_ENTITY_TYPES[entityType] : entityType;
}
