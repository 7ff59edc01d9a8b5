// The student's forms: absence notices and hand-ins (Norwegian messages; ids checked for shape
// before anything reaches the database).
import { z } from "zod";
import { MAX_ABSENCE_REASON_LENGTH } from "@/lib/domain/absence-notice";
import { MAX_HAND_IN_TEXT_LENGTH } from "@/lib/domain/coursework";
import { MAX_GROUP_SIZE } from "@/lib/domain/arbeidskrav";
import { isRecordId, recordId } from "@/lib/validation/ids";

export const absenceNoticeFields = z.object({
  samlingDayId: recordId("Samlingsdagen"),
  reason: z
    .string({ error: "Skriv hvorfor du er borte." })
    .trim()
    .min(1, "Skriv hvorfor du er borte.")
    .max(MAX_ABSENCE_REASON_LENGTH, `Begrunnelsen kan ha høyst ${MAX_ABSENCE_REASON_LENGTH} tegn.`),
});

export const withdrawNoticeFields = z.object({ noticeId: recordId("Fraværsmeldingen") });

/** The text fields of a hand-in (the file is read separately from the multipart body). */
export const handInFields = z.object({
  text: z
    .string()
    .max(MAX_HAND_IN_TEXT_LENGTH + 1000, `Teksten kan ha høyst ${MAX_HAND_IN_TEXT_LENGTH} tegn. Legg lengre tekst i en PDF.`)
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null)),
  /** Classmates in a group hand-in; empty selects ("ingen") are dropped. */
  members: z
    .array(z.string())
    .max(MAX_GROUP_SIZE, `En gruppe kan ha høyst ${MAX_GROUP_SIZE} deltakere.`)
    .default([])
    .transform((values) => values.filter((value) => value !== ""))
    .refine((values) => values.every(isRecordId), { message: "En av studentene du valgte finnes ikke." }),
});

/** The result of a hand-in posted without JavaScript travels back to the page in this cookie. */
export const HAND_IN_FLASH_COOKIE = "bvl-innlevering";
