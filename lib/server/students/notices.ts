import "server-only";
// The students' e-mail notices, sent once each for all time by the `notices.students` job:
// - a reminder from three days before an arbeidskrav is due, to students who have not handed it in
//   (`reminder:<arbeidskravId>:<enrolmentId>`);
// - the attendance warnings, which follow the state and are sent by the standings' refresh
//   (lib/server/standings/refresh.ts) inside the transaction that registers or corrects
//   attendance; this sweep refreshes every running cohort's standings as a safety net (facts
//   written outside a use case, such as the demo seed, get their notices here);
// - a safety net for "ikke godkjent": the assessment (the faculty's use case) queues that e-mail in
//   its own transaction with the key `arbeidskrav-assessed:<attemptId>:<enrolmentId>`; this sweep
//   queues the same key for not-approved attempts that have none (seeded or older data), so the
//   e-mail goes once whichever comes first. Not for a final attempt: "ikke godkjent" then is an
//   enkeltvedtak, and its letter's e-mail (student-letter:<letterId>) carries the news.
//
// It is a sweep: it looks at the database and queues what is due, so running it twice, or on two
// instances at once, queues each message once (the dedupe key is unique). Only cohorts that are
// still running (their end date, the exam's last day, not passed) and active students are
// considered: a cohort that finished years ago gets no notices about its history.
import { osloDate } from "@/lib/domain/application-deadline";
import { isFinalAttempt, reminderDue, resubmissionDeadline, REMINDER_DAYS_BEFORE } from "@/lib/domain/coursework";
import { addDays } from "@/lib/domain/dates";
import { countNoun, formatDateNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { db } from "@/lib/server/db";
import { queueMail, type QueuedMail } from "@/lib/server/mail";
import { isoDate } from "@/lib/to-domain";

const SIGNATURE = "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU";

/** Queues every student notice that is due and not queued before; returns how many were queued. */
export async function sweepStudentNotices(options: { now?: Date; client?: Database } = {}): Promise<number> {
  const client = options.client ?? db();
  const today = osloDate(options.now ?? new Date());
  const appUrl = env().APP_URL.replace(/\/$/, "");

  const cohorts = await client.cohort.findMany({
    where: { endsOn: { gte: day(today) }, enrolments: { some: { status: "ACTIVE" } } },
    select: {
      id: true,
      name: true,
      arbeidskrav: {
        where: { dueDate: { gte: day(today), lte: day(addDays(today, REMINDER_DAYS_BEFORE)) } },
        select: { id: true, title: true, dueDate: true },
      },
    },
  });
  if (cohorts.length === 0) return 0;
  const cohortIds = cohorts.map((cohort) => cohort.id);
  const dueSoonIds = cohorts.flatMap((cohort) => cohort.arbeidskrav.map((definition) => definition.id));

  let noticesFromStandings = 0;
  for (const cohort of cohorts) {
    const changes = await client.$transaction((tx) =>
      refreshStandings(tx, { cohortId: cohort.id }, { actorId: null, cause: "Statusen er kontrollert", now: options.now }),
    );
    noticesFromStandings += changes.filter((change) => change.notice !== null).length;
  }

  const [students, notApproved] = await Promise.all([
    client.enrolment.findMany({
      where: { cohortId: { in: cohortIds }, status: "ACTIVE", user: { disabledAt: null } },
      select: {
        id: true,
        cohortId: true,
        user: { select: { id: true, name: true, email: true } },
        submissionMembers: { where: { arbeidskravId: { in: dueSoonIds } }, select: { arbeidskravId: true } },
      },
    }),
    client.submissionAttempt.findMany({
      where: { status: "NOT_APPROVED", submission: { status: "NOT_APPROVED", arbeidskrav: { cohortId: { in: cohortIds } } } },
      select: {
        id: true,
        attempt: true,
        feedback: true,
        assessedAt: true,
        submission: {
          select: {
            _count: { select: { attempts: true } },
            arbeidskrav: { select: { id: true, title: true, dueDate: true, maxAttempts: true } },
            members: {
              where: { enrolment: { status: "ACTIVE", user: { disabledAt: null } } },
              select: { enrolmentId: true, enrolment: { select: { user: { select: { id: true, name: true, email: true } } } } },
            },
          },
        },
      },
    }),
  ]);

  const candidates: QueuedMail[] = [];
  cohorts.forEach((cohort) => {
    for (const student of students.filter((row) => row.cohortId === cohort.id)) {
      const { user } = student;
      const greeting = `Hei ${user.name},`;
      for (const definition of cohort.arbeidskrav) {
        const dueDate = isoDate(definition.dueDate);
        if (!reminderDue(dueDate, today) || student.submissionMembers.some((row) => row.arbeidskravId === definition.id)) continue;
        const daysLeft = Math.round((day(dueDate).getTime() - day(today).getTime()) / 86_400_000);
        candidates.push({
          dedupeKey: `reminder:${definition.id}:${student.id}`,
          userId: user.id,
          to: user.email,
          subject: `Påminnelse: ${definition.title} skal leveres ${formatDateNb(dueDate)}`,
          text: [
            greeting,
            "",
            `Fristen for ${definition.title} (${cohort.name}) er ${formatDateNb(dueDate)} kl. 23.59` +
              (daysLeft === 0 ? ", i dag." : `, om ${countNoun(daysLeft, "dag", "dager")}.`),
            "Vi finner ingen innlevering fra deg ennå. Leverer dere i gruppe, leverer én av dere for hele gruppen.",
            "",
            `Lever her: ${appUrl}/student/arbeidskrav/${definition.id}`,
            "",
            SIGNATURE,
          ].join("\n"),
        });
      }
    }
  });

  for (const attempt of notApproved) {
    const { submission } = attempt;
    // Only the latest attempt (attempts are numbered 1, 2, …), and only once it is assessed.
    if (attempt.attempt !== submission._count.attempts || !attempt.assessedAt) continue;
    const definition = submission.arbeidskrav;
    if (isFinalAttempt(attempt.attempt, definition.maxAttempts)) continue;
    const deadline = resubmissionDeadline(isoDate(definition.dueDate), osloDate(attempt.assessedAt));
    for (const member of submission.members) {
      const { user } = member.enrolment;
      candidates.push({
        dedupeKey: `arbeidskrav-assessed:${attempt.id}:${member.enrolmentId}`,
        userId: user.id,
        to: user.email,
        subject: `${definition.title} er ikke godkjent`,
        text: [
          `Hei ${user.name},`,
          "",
          `${definition.title} er vurdert til ikke godkjent.`,
          attempt.feedback ? `\nTilbakemelding:\n${attempt.feedback}\n` : "",
          `Du kan levere på nytt innen ${formatDateNb(deadline)}: ${appUrl}/student/arbeidskrav/${definition.id}`,
          "",
          SIGNATURE,
        ].join("\n"),
      });
    }
  }

  if (candidates.length === 0) return noticesFromStandings;
  const already = new Set(
    (await client.mailMessage.findMany({ where: { dedupeKey: { in: candidates.map((mail) => mail.dedupeKey) } }, select: { dedupeKey: true } })).map(
      (row) => row.dedupeKey,
    ),
  );
  const fresh = candidates.filter((mail) => !already.has(mail.dedupeKey));
  if (fresh.length === 0) return noticesFromStandings;
  return client.$transaction(async (tx) => {
    let queued = noticesFromStandings;
    for (const mail of fresh) if (await queueMail(tx, mail)) queued += 1;
    return queued;
  });
}
