"use server";
// Saving one samling day's attendance list: the whole list in one request (lib/server/cohorts/
// attendance.ts). Each student's choice arrives as `status:<enrolmentId>` (PRESENT or ABSENT;
// a student with no choice is left as they are) and an optional `note:<enrolmentId>`.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_ATTENDANCE_NOTE } from "@/lib/domain/attendance-day";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { saveDayAttendance, type AttendanceRowInput } from "@/lib/server/cohorts/attendance";
import { optionalText } from "@/lib/validation/common";
import { isRecordId, recordId } from "@/lib/validation/ids";

const STAFF = ["FACULTY", "ADVISER", "ADMIN"] as const;
const MAX_NOTE = MAX_ATTENDANCE_NOTE;

const schema = z
  .object({ cohortId: recordId("Kullet"), samlingDayId: recordId("Dagen"), reason: optionalText("Begrunnelsen", 1000) })
  .catchall(z.string().max(2000))
  .transform((input, context) => {
    const rows = new Map<string, AttendanceRowInput>();
    for (const [key, value] of Object.entries(input)) {
      const match = /^(status|note):(.*)$/.exec(key);
      if (!match || typeof value !== "string") continue;
      const [, field, enrolmentId] = match as unknown as [string, "status" | "note", string];
      if (!isRecordId(enrolmentId)) {
        context.addIssue({ code: "custom", path: [key], message: "Listen inneholder en ukjent student. Last siden på nytt." });
        continue;
      }
      const row = rows.get(enrolmentId) ?? { enrolmentId, status: undefined as never, note: null };
      if (field === "status") {
        if (value !== "PRESENT" && value !== "ABSENT") {
          context.addIssue({ code: "custom", path: [key], message: "Velg til stede eller fravær." });
          continue;
        }
        row.status = value;
      } else {
        const note = value.trim();
        if (note.length > MAX_NOTE) context.addIssue({ code: "custom", path: [key], message: `Merknaden kan ha høyst ${MAX_NOTE} tegn.` });
        row.note = note || null;
      }
      rows.set(enrolmentId, row);
    }
    return {
      cohortId: input.cohortId,
      samlingDayId: input.samlingDayId,
      reason: input.reason,
      // A note alone (no choice of present/absent) is not saved: the student is left as they are.
      rows: [...rows.values()].filter((row) => row.status !== undefined),
    };
  });

export const saveDayAttendanceAction = defineAction({
  roles: STAFF,
  schema,
  async handler({ viewer, input }) {
    const result = await saveDayAttendance(viewer, input);
    revalidatePath(`/kull/${input.cohortId}`, "layout");
    revalidatePath("/faglaerer");
    // An absence can leave a student with one absence to spare, or none: the save's own refresh of
    // the standings queued that warning in its transaction, so it goes out now with the mail job.
    // (Not the notices.students sweep: it refreshes every running kull's standings under their
    // locks, and asked for after every save it queued saves of every kull behind it; issue 21.)
    if (result.told > 0 || result.notices > 0) await requestJob("mail.deliver");
    return {
      message:
        `Oppmøtet er lagret: ${result.present} til stede, ${result.absent} fraværende.` +
        (result.mode === "CORRECTION" ? " Rettingen er logget med begrunnelsen." : "") +
        (result.told > 0 ? ` ${result.told === 1 ? "Studenten" : `De ${result.told} studentene`} som fikk endret registreringen, får e-post om det.` : ""),
    };
  },
});
