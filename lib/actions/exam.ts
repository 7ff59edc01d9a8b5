"use server";
// Exam registration, grades and publication (lib/server/exams/). Registration re-decides
// eligibility inside its transaction: whatever a form sends, only ELIGIBLE students are registered.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { GRADES } from "@/lib/domain/exam";
import { countNoun } from "@/lib/domain/format";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { publishGrades, setGrade } from "@/lib/server/exams/grades";
import { refuseExamAdmission } from "@/lib/server/exams/refusal";
import { registerForExam, withdrawFromExam } from "@/lib/server/exams/registration";
import { optionalText } from "@/lib/validation/common";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");

function refresh(id: string) {
  revalidatePath(`/kull/${id}`, "layout");
  revalidatePath("/faglaerer");
}

export const registerEligibleAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId }),
  async handler({ viewer, input }) {
    const result = await registerForExam(viewer, { cohortId: input.cohortId });
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message:
        result.registered > 0
          ? `${countNoun(result.registered, "student", "studenter")} som fyller kravene er meldt opp til eksamen.`
          : "Alle som fyller kravene, er allerede meldt opp.",
    };
  },
});

export const registerStudentAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, enrolmentId: recordId("Studenten") }),
  async handler({ viewer, input }) {
    const result = await registerForExam(viewer, { cohortId: input.cohortId, enrolmentIds: [input.enrolmentId] });
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return { message: result.registered > 0 ? "Studenten er meldt opp til eksamen." : "Studenten var allerede meldt opp." };
  },
});

export const withdrawFromExamAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, enrolmentId: recordId("Studenten") }),
  async handler({ viewer, input }) {
    const result = await withdrawFromExam(viewer, input);
    refresh(input.cohortId);
    return { message: `${result.name} er meldt av eksamen.` };
  },
});

export const setGradeAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    enrolmentId: recordId("Studenten"),
    grade: z.enum(GRADES, { error: "Velg en karakter fra A til F." }),
    reason: optionalText("Begrunnelsen", 1000),
  }),
  async handler({ viewer, input }) {
    const result = await setGrade(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message: !result.changed
        ? `Karakteren er allerede ${result.grade}.`
        : result.corrected
          ? `Karakteren er endret til ${result.grade}. Endringen er logget med begrunnelsen.`
          : `Karakteren ${result.grade} er lagret.`,
      values: {},
    };
  },
});

export const publishGradesAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId }),
  async handler({ viewer, input }) {
    const result = await publishGrades(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return { message: `Karakterene er publisert. ${countNoun(result.published, "student får", "studenter får")} beskjed på e-post.` };
  },
});

/** "Ikke adgang til eksamen" for exactly the students that were previewed (one, or all not eligible). */
export const refuseExamAdmissionAction = defineAction({
  roles: STAFF,
  // The previewed students, comma-separated (one hidden field; the preview lists them by name).
  schema: z.object({
    cohortId,
    enrolmentIds: z
      .string({ error: "Velg minst én student." })
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(recordId("Studenten")).min(1, "Velg minst én student.")),
  }),
  async handler({ viewer, input }) {
    const result = await refuseExamAdmission(viewer, input);
    await requestJob("mail.deliver");
    refresh(input.cohortId);
    return {
      message:
        result.refused === 1
          ? `${result.names[0]} har fått vedtak om ikke adgang til eksamen, med klagefrist.`
          : `${result.refused} studenter har fått vedtak om ikke adgang til eksamen, med klagefrist.`,
    };
  },
});
