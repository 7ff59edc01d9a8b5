"use server";
// The applicant files a klage on a refusal or a waiting-list decision (lib/server/admission/appeals.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fileAppeal } from "@/lib/server/admission/appeals";
import { defineAction } from "@/lib/server/action";
import { recordId } from "@/lib/validation/ids";

export const fileAppealAction = defineAction({
  roles: ["APPLICANT"],
  schema: z.object({
    applicationId: recordId("Søknaden"),
    text: z
      .string({ error: "Skriv hva du klager på og hvorfor." })
      .trim()
      .min(20, "Skriv hva du klager på og hvorfor (minst 20 tegn).")
      .max(10000, "Klagen kan ha høyst 10 000 tegn. Legg ved resten som PDF."),
  }),
  async handler({ viewer, input, formData }) {
    const file = formData.get("file");
    await fileAppeal(viewer, input.applicationId, { text: input.text, file: file instanceof File && file.size > 0 ? file : null });
    revalidatePath(`/soker/soknad/${input.applicationId}`, "layout");
    // The form gives way to the filed klage; the page says it was sent.
    redirect(`/soker/soknad/${input.applicationId}?klage=sendt`);
  },
});
