"use server";
// Assessing arbeidskrav (lib/server/cohorts/assessment.ts): one submission with feedback, or the
// handed-in ledertreningsoppgaver the faculty member has read, in one confirmed step. The members'
// e-mails are queued in the same transaction; the mail job is asked to run after the commit.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { approveReadLedertrening, assessSubmission } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
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
        (result.letters > 0
          ? `Det var siste innlevering, så ${result.letters > 1 ? `de ${result.letters} i gruppen har` : "studenten har"} fått vedtaksbrev med klagefrist.`
          : result.members > 1
            ? `De ${result.members} i gruppen får e-post.`
            : "Studenten får e-post."),
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

export const correctAssessmentAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    attemptId: recordId("Innleveringen"),
    decision: z.enum(["APPROVED", "NOT_APPROVED"], { error: "Velg den rettede vurderingen." }),
    reason: z
      .string({ error: "Skriv hvorfor vurderingen rettes." })
      .trim()
      .min(1, "Skriv hvorfor vurderingen rettes. Studentene får begrunnelsen.")
      .max(4000, "Begrunnelsen kan ha høyst 4000 tegn."),
  }),
  async handler({ viewer, input }) {
    const result = await correctAssessment(viewer, input);
    revalidatePath(`/kull/${input.cohortId}`, "layout");
    revalidatePath("/faglaerer");
    revalidatePath("/student", "layout");
    return {
      message:
        `Vurderingen er rettet: ${result.title} er ${result.decision === "APPROVED" ? "godkjent" : "ikke godkjent"}. ` +
        (result.letters > 0 ? "Vedtaksbrev er sendt, og rettingen er logget med begrunnelsen." : "Studentene får e-post, og rettingen er logget med begrunnelsen."),
      values: {},
    };
  },
});
