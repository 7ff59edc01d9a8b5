import "server-only";
// Reminders to applicants whose application is not sent as the deadline nears: a draft never sent,
// or a sent one she opened for change and has not sent again. Queued by the hourly
// `applications.reminders` job, each once for all time per application, deadline and reminder
// (`draft-reminder:<applicationId>:<deadline>:<kind>`: a moved deadline reminds again for the new
// date). The rule for when is dueDraftReminder (lib/domain/application-deadline.ts).
import { dueDraftReminder, formatDeadline, osloDate, type DraftReminder } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { formatInstantNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";
import { queueMails, type QueuedMail } from "@/lib/server/mail-queue";
import { isoDate } from "@/lib/to-domain";

const WHEN: Record<DraftReminder, string> = {
  THREE_DAYS_BEFORE: "om tre dager",
  DEADLINE_DAY: "i dag",
};

/** Queues every reminder that is due and not queued before; returns how many were queued. */
export async function remindUnsentApplications(options: { now?: Date; client?: Database } = {}): Promise<number> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const today = osloDate(now);
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const drafts = await client.application.findMany({
    where: {
      status: "DRAFT",
      applicant: { disabledAt: null },
      cohort: { applicationDeadline: { gte: day(today), lte: day(addDays(today, 3)) }, applicationOpensOn: { lte: day(today) } },
    },
    select: {
      id: true,
      fullName: true,
      reopenedAt: true,
      applicant: { select: { id: true, name: true, email: true } },
      cohort: { select: { name: true, applicationDeadline: true, programme: { select: { name: true } } } },
    },
  });
  const mails: QueuedMail[] = [];
  for (const draft of drafts) {
    const deadline = isoDate(draft.cohort.applicationDeadline);
    const kind = dueDraftReminder(deadline, now);
    if (!kind) continue;
    const what = `${draft.cohort.programme.name}, ${draft.cohort.name}`;
    mails.push({
      dedupeKey: `draft-reminder:${draft.id}:${deadline}:${kind}`,
      userId: draft.applicant.id,
      to: draft.applicant.email,
      subject: `Påminnelse: søknaden din er ikke sendt, og fristen er ${WHEN[kind]}`,
      text: [
        `Hei ${draft.fullName ?? draft.applicant.name},`,
        "",
        draft.reopenedAt
          ? `Du åpnet søknaden din til ${what} for endring ${formatInstantNb(draft.reopenedAt)}, og den er ikke sendt igjen.`
          : `Søknaden din til ${what} er ikke sendt.`,
        `Søknadsfristen er ${formatDeadline(deadline)}. En søknad som ikke er sendt innen fristen, blir ikke vurdert.`,
        "",
        `Se hva som eventuelt mangler, og send søknaden her: ${appUrl}/soker/soknad/${draft.id}/oppsummering`,
        "",
        "Vil du ikke søke likevel, trenger du ikke gjøre noe.",
        "",
        "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
      ].join("\n"),
    });
  }
  return queueMails(client, mails);
}
