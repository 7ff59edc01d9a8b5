// The steps of the application form, and where each missing item (lib/domain/application-
// requirements) is fixed, so the step list and the summary link to the same places.

export const APPLICATION_STEPS = [
  { slug: "personalia", title: "Personopplysninger" },
  { slug: "utdanning", title: "Utdanning" },
  { slug: "arbeidsgiver", title: "Arbeidsgiver" },
  { slug: "stillinger", title: "Stillinger" },
  { slug: "dokumenter", title: "Dokumenter" },
  { slug: "oppsummering", title: "Oppsummering og innsending" },
] as const;

export type StepSlug = (typeof APPLICATION_STEPS)[number]["slug"];

const PERSONAL = new Set(["fullName", "birthDate", "phone", "address", "postalCode", "postalPlace"]);

export function stepOfField(field: string): StepSlug {
  if (PERSONAL.has(field)) return "personalia";
  if (field.startsWith("employer")) return "arbeidsgiver";
  if (field.startsWith("educations")) return "utdanning";
  if (field === "vitnemal" || /^positions\.\d+\.tjenestebevis$/.test(field)) return "dokumenter";
  return "stillinger";
}

/** The address of the field to fix: its page and the id of its input. */
export function linkForField(
  field: string,
  application: { id: string; educations: readonly { id: string }[]; positions: readonly { id: string }[] },
): string {
  const base = `/soker/soknad/${application.id}`;
  const [list, index, name] = field.split(".");
  if (list === "educations" && index !== undefined && name) {
    const education = application.educations[Number(index)];
    return education ? `${base}/utdanning#education-${education.id}-${name}` : `${base}/utdanning`;
  }
  if (list === "positions" && index !== undefined && name) {
    const position = application.positions[Number(index)];
    if (!position) return `${base}/stillinger`;
    return name === "tjenestebevis"
      ? `${base}/dokumenter#tjenestebevis-${position.id}`
      : `${base}/stillinger/${position.id}#${name}`;
  }
  if (field === "educations") return `${base}/utdanning#utdanninger`;
  if (field === "positions") return `${base}/stillinger#stillinger`;
  if (field === "vitnemal") return `${base}/dokumenter#vitnemal`;
  return `${base}/${stepOfField(field)}#${field}`;
}

/**
 * What one step still lacks, named by the field of the step's form ("phone", or for a position
 * "title"), for the notice a step shows when the applicant asks to go on without it. A position's
 * tjenestebevis belongs to the Dokumenter step, which comes after.
 */
export function gapsOnStep(
  missing: readonly { field: string; message: string }[],
  step: StepSlug,
  positionIndex?: number,
): { field: string; message: string }[] {
  return missing
    .filter((item) => stepOfField(item.field) === step)
    .flatMap((item) => {
      if (positionIndex === undefined) return [item];
      const match = /^positions\.(\d+)\.(.+)$/.exec(item.field);
      return match && Number(match[1]) === positionIndex ? [{ field: match[2]!, message: item.message }] : [];
    });
}

/**
 * A step's field messages once the applicant has asked to go on from it: what is wrong, and for
 * a field with nothing wrong but missing, what the step lacks (gapsOnStep), so each field is
 * marked where it is and not only in the summary above the form. Before she asks, an empty field
 * is not an error.
 */
export function fieldMessagesAfterContinue(
  errors: Record<string, string[] | undefined>,
  gaps: readonly { field: string; message: string }[],
): Record<string, string[] | undefined> {
  const marked: Record<string, string[] | undefined> = { ...errors };
  for (const gap of gaps) {
    if (errors[gap.field]?.length) continue;
    marked[gap.field] = [...(marked[gap.field] ?? []), gap.message];
  }
  return marked;
}
