"use server";
// Assessing arbeidskrav (lib/server/cohorts/assessment.ts): one submission with feedback, or the
// handed-in ledertreningsoppgaver the faculty member has read, in one confirmed step. The members'
// e-mails are queued in the same transaction; the mail job is asked to run after the commit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { approveReadLedertrening, assessSubmission } from "@/lib/server/cohorts/assessment";
import { optionalText } from "@/lib/validation/common";
import { list } from "@/lib/validation/cohort";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");

export const assessSubmissionAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    attemptId: recordId("Innleveringen"),
    decision: z.enum(["APPROVED", "NOT_APPROVED"], { error: "Velg godkjent eller ikke godkjent." }),
    feedback: optionalText("Tilbakemeldingen", 5000),
  }),
  async handler({ viewer, input }) {
    const result = await assessSubmission(viewer, input);
    await requestJob("mail.deliver");
    revalidatePath(`/kull/${input.cohortId}`, "layout");
    revalidatePath("/faglaerer");
    return {
      message:
        `${result.title} er ${result.decision === "APPROVED" ? "godkjent" : "ikke godkjent"}. ` +
        (result.members > 1 ? `De ${result.members} i gruppen får e-post.` : "Studenten får e-post."),
    };
  },
});

export const approveReadLedertreningAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, attemptIds: list(recordId("Innleveringen")) }),
  async handler({ viewer, input }) {
    const result = await approveReadLedertrening(viewer, input);
    await requestJob("mail.deliver");
    revalidatePath(`/kull/${input.cohortId}`, "layout");
    revalidatePath("/faglaerer");
    return { message: `${result.approved} ledertreningsoppgaver er godkjent. Studentene får e-post.` };
  },
});
