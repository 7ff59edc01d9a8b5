"use server";
// Assessing arbeidskrav (lib/server/cohorts/assessment.ts): one submission with feedback, or the
// handed-in ledertreningsoppgaver the faculty member has read, in one confirmed step. The members'
// e-mails are queued in the same transaction; the mail job is asked to run after the commit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { approveReadLedertrening, assessSubmission } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { carryOutCorrection, sendCorrectionNotice, withdrawCorrectionNotice } from "@/lib/server/cohorts/correction-notices";
import { optionalText } from "@/lib/validation/common";
import { list } from "@/lib/validation/cohort";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;
const cohortId = recordId("Kullet");
const reasonText = (missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(4000, "Begrunnelsen kan ha høyst 4000 tegn.");

/** Every page that shows the attempt, its standing or the letters. */
function revalidateAssessment(cohortIdValue: string) {
  revalidatePath(`/kull/${cohortIdValue}`, "layout");
  revalidatePath("/faglaerer");
  revalidatePath("/student", "layout");
}

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
      .min(1, "Skriv hvorfor vurderingen rettes. Begrunnelsen sendes med beskjeden om rettingen.")
      .max(4000, "Begrunnelsen kan ha høyst 4000 tegn."),
  }),
  async handler({ viewer, input }) {
    const result = await correctAssessment(viewer, input);
    revalidateAssessment(input.cohortId);
    // Approved while a klage waits at the klagenemnd: the form is gone from the page after it (no
    // correction is left to make), so the page says what was done, and what follows.
    if (result.atAppealsBody) redirect(`/kull/${input.cohortId}/arbeidskrav/${result.submissionId}?varsel=rettet-klagenemnd`);
    return {
      message:
        `Vurderingen er rettet: ${result.title} er ${result.decision === "APPROVED" ? "godkjent" : "ikke godkjent"}. ` +
        (result.letters > 0 ? "Vedtaksbrev er sendt, og rettingen er logget med begrunnelsen." : "Studentene får e-post, og rettingen er logget med begrunnelsen."),
      values: {},
    };
  },
});

/**
 * Forhåndsvarsel before an approved final attempt is corrected to "ikke godkjent" (forvaltningsloven
 * § 16): sent, carried out or withdrawn, each sends the browser back to the submission's page,
 * which says what was done (its form is no longer offered there).
 */
export const sendCorrectionNoticeAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    attemptId: recordId("Innleveringen"),
    reason: reasonText("Skriv hvorfor vurderingen kan bli rettet. Studentene ser begrunnelsen i varselet."),
  }),
  async handler({ viewer, input }) {
    const result = await sendCorrectionNotice(viewer, input);
    revalidateAssessment(input.cohortId);
    // The form is no longer offered once the notice waits: the page says what was done (NOTICE_DONE).
    redirect(`/kull/${input.cohortId}/arbeidskrav/${result.submissionId}?varsel=sendt`);
  },
});

export const carryOutCorrectionAction = defineAction({
  roles: STAFF,
  schema: z.object({
    cohortId,
    noticeId: recordId("Forhåndsvarselet"),
    grounds: reasonText("Skriv begrunnelsen for vedtaket. Den skal ta stilling til det studentene har skrevet."),
    /** What the page showed of the uttalelser (responsesSeen in lib/domain/correction-notice.ts). */
    seen: z.string({ error: "Last siden på nytt." }).max(40, "Last siden på nytt."),
  }),
  async handler({ viewer, input }) {
    const result = await carryOutCorrection(viewer, input);
    revalidateAssessment(input.cohortId);
    redirect(`/kull/${input.cohortId}/arbeidskrav/${result.submissionId}?varsel=rettet`);
  },
});

export const withdrawCorrectionNoticeAction = defineAction({
  roles: STAFF,
  schema: z.object({ cohortId, noticeId: recordId("Forhåndsvarselet"), note: optionalText("Merknaden", 2000) }),
  async handler({ viewer, input }) {
    const result = await withdrawCorrectionNotice(viewer, { ...input, note: input.note ?? null });
    revalidateAssessment(input.cohortId);
    redirect(`/kull/${input.cohortId}/arbeidskrav/${result.submissionId}?varsel=trukket`);
  },
});
