/**
 * A cohort's requirements for exam eligibility, as data. Today's study plan (the default): at
 * least 80 % attendance, and five arbeidskrav approved — two fagnotat (at least one written alone)
 * and three ledertreningsoppgaver, one of the five also presented orally. A programme that changes
 * its study plan changes the template it copies into new cohorts; a cohort that has begun keeps
 * its own (stored on the cohort, see prisma/schema.prisma).
 */

export interface ArbeidskravComposition {
  /** All arbeidskrav, each to be approved. */
  total: number;
  fagnotat: number;
  ledertrening: number;
  /** How many are also presented orally. */
  oral: number;
  /** At least this many fagnotat are written alone. */
  individualFagnotatMin: number;
}

export interface CohortRequirements {
  /** Whole percent of all scheduled samling days, 1–100. */
  attendancePercent: number;
  arbeidskrav: ArbeidskravComposition;
}

export const DEFAULT_REQUIREMENTS: CohortRequirements = Object.freeze({
  attendancePercent: 80,
  arbeidskrav: Object.freeze({ total: 5, fagnotat: 2, ledertrening: 3, oral: 1, individualFagnotatMin: 1 }),
}) as CohortRequirements;

const MAX_ARBEIDSKRAV = 20;

function isCount(value: unknown, max = MAX_ARBEIDSKRAV): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

/** Norwegian messages for requirements that cannot be met or make no sense; empty when valid. */
export function validateRequirements(requirements: CohortRequirements): string[] {
  const messages: string[] = [];
  const { attendancePercent, arbeidskrav } = requirements;
  if (!isCount(attendancePercent, 100) || attendancePercent < 1) {
    messages.push("Oppmøtekravet må være et helt antall prosent fra 1 til 100.");
  }
  const { total, fagnotat, ledertrening, oral, individualFagnotatMin } = arbeidskrav;
  if (!isCount(total)) messages.push(`Antall arbeidskrav må være fra 0 til ${MAX_ARBEIDSKRAV}.`);
  if (!isCount(fagnotat) || !isCount(ledertrening)) {
    messages.push("Antall fagnotat og ledertreningsoppgaver må være hele tall fra 0.");
  } else if (isCount(total) && fagnotat + ledertrening !== total) {
    messages.push(`Fagnotat (${fagnotat}) og ledertreningsoppgaver (${ledertrening}) må til sammen bli ${total}.`);
  }
  if (!isCount(oral) || (isCount(total) && oral > total)) {
    messages.push("Antall arbeidskrav som legges fram muntlig kan ikke være flere enn arbeidskravene.");
  }
  if (!isCount(individualFagnotatMin) || (isCount(fagnotat) && individualFagnotatMin > fagnotat)) {
    messages.push("Antall individuelle fagnotat kan ikke være flere enn fagnotatene.");
  }
  return messages;
}

/** Throws RangeError for invalid requirements (a bug or bad data; users get validateRequirements). */
export function assertRequirements(requirements: CohortRequirements): void {
  const messages = validateRequirements(requirements);
  if (messages.length > 0) throw new RangeError(`Invalid cohort requirements: ${messages.join(" ")}`);
}

/** The requirements in one Norwegian sentence, for students and staff. */
export function describeRequirements(requirements: CohortRequirements = DEFAULT_REQUIREMENTS): string {
  const { attendancePercent, arbeidskrav } = requirements;
  return (
    `For å gå opp til eksamen må du ha minst ${attendancePercent} % oppmøte på samlingene ` +
    `og ${arbeidskrav.total} godkjente arbeidskrav.`
  );
}
