"use server";
// The student's server actions: absence notices, the calendar feed, and their place in a group
// hand-in (confirm, leave, add a classmate). Each names its fields in
// a zod schema and calls its use case in lib/server/students, which checks that what is changed
// is the viewer's own. (Hand-ins go through a route handler, for upload progress.)
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formatDateNb } from "@/lib/domain/format";
import { defineAction } from "@/lib/server/action";
import { sendAbsenceNotice, withdrawAbsenceNotice } from "@/lib/server/students/absence-notices";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/server/students/calendar";
import { addGroupMember, confirmGroupMembership, leaveGroup } from "@/lib/server/students/group";
import { respondToCorrectionNotice } from "@/lib/server/cohorts/correction-notices";
import { isRecordId, recordId } from "@/lib/validation/ids";
import { absenceNoticeFields, withdrawNoticeFields } from "@/lib/validation/student";

const STUDENT = ["STUDENT"] as const;

export const sendAbsenceNoticeAction = defineAction({
  roles: STUDENT,
  schema: absenceNoticeFields,
  async handler({ viewer, input }) {
    const notice = await sendAbsenceNotice(viewer, input);
    revalidatePath("/student", "layout");
    return { message: `Fraværsmeldingen for ${formatDateNb(notice.date)} er sendt. Faglærerne ser den på oppmøtelisten for dagen.` };
  },
});

export const withdrawAbsenceNoticeAction = defineAction({
  roles: STUDENT,
  schema: withdrawNoticeFields,
  async handler({ viewer, input }) {
    const notice = await withdrawAbsenceNotice(viewer, input.noticeId);
    revalidatePath("/student", "layout");
    // Its button goes with the notice, so the page says it (a walk: nothing said it was withdrawn,
    // and the form's «… er sendt» stayed on the screen).
    // The notice's id makes each withdrawal a new address: the form below starts afresh (its key).
    redirect(`/student/oppmote?trukket=${notice.date}&melding=${input.noticeId}`);
  },
});

export const createCalendarFeedAction = defineAction({
  roles: STUDENT,
  schema: z.object({}),
  async handler({ viewer }) {
    const urls = await createCalendarFeed(viewer);
    revalidatePath("/student/timeplan");
    // The URL is shown this once (only its hash is stored); the form displays it from `values`.
    return { message: "Kalenderlenken er laget. Kopier den nå: av sikkerhetshensyn vises den bare denne ene gangen.", values: { feedUrl: urls.https, webcalUrl: urls.webcal } };
  },
});

export const revokeCalendarFeedAction = defineAction({
  roles: STUDENT,
  schema: z.object({}),
  async handler({ viewer }) {
    await revokeCalendarFeed(viewer);
    revalidatePath("/student/timeplan");
    return { message: "Kalenderlenken er slettet. Kalendere som abonnerte på den, får ikke flere oppdateringer." };
  },
});

const submissionId = recordId("Innleveringen");

export const confirmGroupMembershipAction = defineAction({
  roles: STUDENT,
  schema: z.object({ submissionId }),
  async handler({ viewer, input }) {
    const result = await confirmGroupMembership(viewer, input.submissionId);
    revalidatePath("/student", "layout");
    return { message: `Du har bekreftet at du er med i gruppen for ${result.title}.` };
  },
});

export const leaveGroupAction = defineAction({
  roles: STUDENT,
  schema: z.object({ submissionId }),
  async handler({ viewer, input }) {
    const result = await leaveGroup(viewer, input.submissionId);
    revalidatePath("/student", "layout");
    return { message: `Du har gått ut av gruppen for ${result.title}. Du leverer arbeidskravet selv.` };
  },
});

export const addGroupMemberAction = defineAction({
  roles: STUDENT,
  schema: z.object({
    submissionId,
    enrolmentId: z
      .string({ error: "Velg hvem du vil legge til." })
      .min(1, "Velg hvem du vil legge til.")
      .pipe(z.string().refine(isRecordId, { message: "Studenten finnes ikke." })),
  }),
  async handler({ viewer, input }) {
    const result = await addGroupMember(viewer, input.submissionId, input.enrolmentId);
    revalidatePath("/student", "layout");
    return { message: `${result.name} er lagt til i gruppen og må bekrefte det selv. Alle i gruppen får e-post.`, values: {} };
  },
});

/** The student's uttalelse to a forhåndsvarsel (lib/server/cohorts/correction-notices.ts). */
export const respondToCorrectionNoticeAction = defineAction({
  roles: STUDENT,
  schema: z.object({
    noticeId: recordId("Forhåndsvarselet"),
    text: z.string({ error: "Skriv uttalelsen din." }).trim().min(1, "Skriv hva du vil si om saken.").max(8000, "Uttalelsen kan ha høyst 8000 tegn."),
  }),
  async handler({ viewer, input }) {
    const result = await respondToCorrectionNotice(viewer, input);
    revalidatePath("/student", "layout");
    return {
      message: `${result.updated ? "Uttalelsen er endret" : "Uttalelsen er sendt"}. Fagansvarlig leser den før saken avgjøres. Du kan endre den til saken er avgjort.`,
    };
  },
});
