/**
 * Whom a student contacts: the programme's study adviser, and the academic lead (fagansvarlig).
 * The cohort's own academic lead (marked on its teaching team) comes first; the programme's is the
 * fallback for a cohort whose team has none marked.
 */

export interface Contact {
  name: string;
  email: string;
  phone: string | null;
}

export interface StudentContacts {
  adviser: Contact;
  academicLead: Contact;
}

export function studentContacts(
  programme: { adviser: Contact; academicLead: Contact },
  cohortAcademicLead: Contact | null,
): StudentContacts {
  return { adviser: programme.adviser, academicLead: cohortAcademicLead ?? programme.academicLead };
}

/**
 * Who alone may do something in a kull (correct an assessment, change what the exam requires):
 * its fagansvarlig, named, so staff know whom to ask; a kull whose team has none marked says so,
 * and who marks one (an adviser, on the kull's team page).
 */
export function onlyAcademicLead(academicLeadName: string | null, may: string): string {
  return academicLeadName
    ? `Bare fagansvarlig for kullet, ${academicLeadName}, kan ${may}.`
    : `Bare fagansvarlig for kullet kan ${may}, og kullet har ingen ennå: en studieveileder gjør en i undervisningsteamet til fagansvarlig under «Team og basisgrupper».`;
}

/** "Ingrid Haugen (ingrid@ntnu.no, tlf. 73 00 00 01)". */
export function describeContact(contact: Contact): string {
  const phone = contact.phone?.trim();
  return `${contact.name} (${contact.email}${phone ? `, tlf. ${phone}` : ""})`;
}

/** The sentence that tells a student whom to talk to. */
export function whomToContact(contacts: StudentContacts): string {
  return (
    `Ta kontakt med studieveileder ${describeContact(contacts.adviser)} ` +
    `eller fagansvarlig ${describeContact(contacts.academicLead)}.`
  );
}
