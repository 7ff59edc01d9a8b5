"use server";
// Study programmes (lib/server/programmes): admins create them; advisers and admins keep the
// template new kull copy.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LETTER_TEXT_MAX, normaliseProgrammeCode, programmeCodeProblem } from "@/lib/domain/programme";
import { defineAction } from "@/lib/server/action";
import { createProgramme, saveProgrammeArbeidskrav, updateProgramme } from "@/lib/server/programmes/template";
import { parseArbeidskravSetForm } from "@/lib/validation/arbeidskrav-set";
import { wholeNumber } from "@/lib/validation/cohort";
import { optionalText, requiredText } from "@/lib/validation/common";
import { recordId } from "@/lib/validation/ids";

const ADMINS = ["ADMIN"] as const;
const ADVISERS = ["ADVISER", "ADMIN"] as const;

const contactEmail = (label: string) =>
  z
    .string({ error: `${label} må fylles ut.` })
    .trim()
    .toLowerCase()
    .min(1, `${label} må fylles ut.`)
    .max(254, `${label} er for lang.`)
    .pipe(z.email(`${label} er ikke en gyldig e-postadresse (for eksempel navn@ntnu.no).`));

const programmeFields = {
  name: requiredText("Navnet", 200),
  description: requiredText("Beskrivelsen", 4000),
  credits: wholeNumber("Studiepoeng", 1, 120),
  // The rules of FS's formats are the domain's (fsCourseCodeProblem), checked by the use case.
  fsCourseCode: requiredText("Emnekoden i FS", 20).transform((value) => value.toUpperCase()),
  fsCourseVersion: requiredText("Versjonskoden i FS", 10).transform((value) => value.toUpperCase()),
  attendanceThresholdPercent: wholeNumber("Oppmøtekravet", 1, 100),
  adviserName: requiredText("Navnet på studieveilederen", 200),
  adviserEmail: contactEmail("E-postadressen til studieveilederen"),
  adviserPhone: requiredText("Telefonnummeret til studieveilederen", 40),
  academicLeadName: requiredText("Navnet på den fagansvarlige", 200),
  academicLeadEmail: contactEmail("E-postadressen til den fagansvarlige"),
  academicLeadPhone: requiredText("Telefonnummeret til den fagansvarlige", 40),
  offerWelcomeText: optionalText("Velkomstteksten", LETTER_TEXT_MAX),
  offerPracticalText: optionalText("Den praktiske informasjonen", LETTER_TEXT_MAX),
};

const code = z
  .string({ error: "Koden må fylles ut." })
  .transform(normaliseProgrammeCode)
  .superRefine((value, context) => {
    const problem = value.length === 0 ? "Koden må fylles ut." : programmeCodeProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

function refresh() {
  revalidatePath("/veileder/programmer", "layout");
  revalidatePath("/");
}

export const createProgrammeAction = defineAction({
  roles: ADMINS,
  schema: z.object({ code, ...programmeFields }),
  async handler({ viewer, input }) {
    const created = await createProgramme(viewer, input);
    refresh();
    redirect(`/veileder/programmer/${created.id}?opprettet=1`);
  },
});

export const updateProgrammeAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ programmeId: recordId("Studieprogrammet"), ...programmeFields }),
  async handler({ viewer, input }) {
    const result = await updateProgramme(viewer, input);
    refresh();
    return { message: `${result.name} er lagret. Endringene gjelder kull som opprettes fra nå av.` };
  },
});

export const saveProgrammeArbeidskravAction = defineAction({
  roles: ADVISERS,
  // The rows arrive as item-<row>-<field> (lib/validation/arbeidskrav-set.ts), beside the composition.
  schema: z
    .object({
      programmeId: recordId("Studieprogrammet"),
      fagnotat: wholeNumber("Antall fagnotat", 0, 20),
      ledertrening: wholeNumber("Antall ledertreningsoppgaver", 0, 20),
      oral: wholeNumber("Antall som legges fram muntlig", 0, 20),
      individualFagnotatMin: wholeNumber("Antall individuelle fagnotat", 0, 20),
    })
    .catchall(z.string().max(2000)),
  invalidMessage: "Noe må rettes før arbeidskravene kan lagres. Se feltene som er merket.",
  async handler({ viewer, input }) {
    const { items, fieldErrors } = parseArbeidskravSetForm(input, { withDueDates: false });
    if (Object.keys(fieldErrors).length > 0) {
      return { ok: false, message: "Noe må rettes før arbeidskravene kan lagres. Se feltene som er merket.", fieldErrors };
    }
    const result = await saveProgrammeArbeidskrav(viewer, {
      programmeId: input.programmeId,
      composition: { fagnotat: input.fagnotat, ledertrening: input.ledertrening, oral: input.oral, individualFagnotatMin: input.individualFagnotatMin },
      items,
    });
    refresh();
    return { message: `Arbeidskravene er lagret (${result.count}). De gjelder kull som opprettes fra nå av.` };
  },
});
