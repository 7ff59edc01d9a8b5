"use server";
// Advisers' actions on a cohort's teaching team and basisgrupper (lib/server/cohorts/team.ts).
// The roles are checked here and again in the use case; faculty may read the team, not change it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { addTeacher, createBasisgruppe, moveStudent, removeTeacher, setAcademicLead, updateBasisgruppe } from "@/lib/server/cohorts/team";
import { checkbox, requiredText } from "@/lib/validation/common";
import { optionalRecordId, recordId } from "@/lib/validation/ids";

const ADVISERS = ["ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");

function refresh(id: string) {
  revalidatePath(`/kull/${id}`, "layout");
  revalidatePath("/faglaerer");
}

export const addTeacherAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, userId: recordId("Faglæreren"), academicLead: checkbox }),
  async handler({ viewer, input }) {
    const user = await addTeacher(viewer, input);
    refresh(input.cohortId);
    return { message: `${user.name} er lagt til i lærerteamet.`, values: {} };
  },
});

export const removeTeacherAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, userId: recordId("Faglæreren") }),
  async handler({ viewer, input }) {
    const user = await removeTeacher(viewer, input);
    refresh(input.cohortId);
    return { message: `${user.name} er tatt ut av lærerteamet.` };
  },
});

export const setAcademicLeadAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, userId: recordId("Faglæreren") }),
  async handler({ viewer, input }) {
    await setAcademicLead(viewer, input);
    refresh(input.cohortId);
    return { message: "Fagansvarlig er endret." };
  },
});

const groupName = requiredText("Navnet på basisgruppen", 80);

export const createBasisgruppeAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, name: groupName, supervisorId: optionalRecordId("Prosessveilederen") }),
  async handler({ viewer, input }) {
    const group = await createBasisgruppe(viewer, input);
    refresh(input.cohortId);
    return { message: `${group.name} er opprettet.`, values: {} };
  },
});

export const updateBasisgruppeAction = defineAction({
  roles: ADVISERS,
  schema: z.object({
    cohortId,
    basisgruppeId: recordId("Basisgruppen"),
    name: groupName,
    supervisorId: optionalRecordId("Prosessveilederen"),
  }),
  async handler({ viewer, input }) {
    const group = await updateBasisgruppe(viewer, input);
    refresh(input.cohortId);
    return { message: `${group.name} er lagret.` };
  },
});

export const moveStudentAction = defineAction({
  roles: ADVISERS,
  schema: z.object({ cohortId, enrolmentId: recordId("Studenten"), basisgruppeId: optionalRecordId("Basisgruppen") }),
  async handler({ viewer, input }) {
    const result = await moveStudent(viewer, input);
    refresh(input.cohortId);
    return {
      message: !result.moved
        ? `${result.name} er allerede der.`
        : result.group
          ? `${result.name} er flyttet til ${result.group}.`
          : `${result.name} er tatt ut av basisgruppen.`,
    };
  },
});
