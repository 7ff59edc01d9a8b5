/**
 * A student's schedule as calendar events: one all-day event per samling day, and one timed
 * event per exam sitting from the start (the task is given) to the hand-in, so the calendar shows
 * both times (Oslo time: the instants are exact, so a sitting across a change to or from summer
 * time is right in every time zone).
 *
 * Each event's UID comes from what it is, never from its date: the samling day's id, or the
 * sitting's id. When a date changes, the next fetch of the feed (or a new import) carries the same
 * UID with the new date, and Outlook and Google Calendar move the event instead of adding a second
 * one.
 */
import { compareCodeUnits, parseIsoDate } from "./dates";
import { EXAM_KIND_LABELS, type ExamKind } from "./exam-sittings";
import { formatExamMomentNb, formatOsloClockNb, osloWallClock } from "./exam-time";

/** The right-hand side of every UID (RFC 5545 suggests a domain, so UIDs never collide with others'). */
export const CALENDAR_UID_DOMAIN = "barnevernledelse.ntnu.no";

export interface CalendarCohort {
  name: string;
  programmeName: string;
  samlinger: { number: number; title: string; location: string; notes: string | null; days: { id: string; date: string }[] }[];
  /** The sittings the student is to sit (the kull's ordinary one, and later ones they are registered for). */
  exams: { id: string; title: string; kind: ExamKind; startsAt: Date; handInAt: Date }[];
}

export type CalendarRegistrationStatus = "ADMITTED" | "WITHDRAWN" | "REFUSED" | "NOT_ATTENDED" | "DEFERRED";

/**
 * The sittings a student is to sit, for their calendar: the kull's ordinary sitting while nothing
 * has taken them off it (not yet registered counts as planned), and any sitting they are
 * registered for. Taken off means refused ("ikke adgang"), withdrawn ("meldt av") or deferred
 * (they sit a later utsatt sitting instead, which is then in the calendar through its own
 * registration); a later sitting without their registration is someone else's.
 */
export function sittingsInCalendar<T extends { id: string; kind: ExamKind }>(
  sittings: readonly T[],
  registrations: readonly { examId: string; status: CalendarRegistrationStatus }[],
): T[] {
  return sittings.filter((sitting) => {
    const registration = registrations.find((row) => row.examId === sitting.id);
    if (registration) return registration.status === "ADMITTED" || registration.status === "NOT_ATTENDED";
    return sitting.kind === "ORDINARY";
  });
}

export interface CalendarEvent {
  uid: string;
  /** The day, "YYYY-MM-DD": an all-day event from this day to the next, or the Oslo day a timed event starts. */
  date: string;
  /** A timed event (an exam sitting): from start to end; without it the event is all-day. */
  timed?: { start: Date; end: Date };
  summary: string;
  location: string | null;
  description: string;
}

export function studentCalendarEvents(cohorts: readonly CalendarCohort[]): CalendarEvent[] {
  const events = new Map<string, CalendarEvent>();
  for (const cohort of cohorts) {
    for (const samling of cohort.samlinger) {
      const days = [...samling.days].sort((a, b) => compareCodeUnits(a.date, b.date));
      days.forEach((day, index) => {
        parseIsoDate(day.date, `date of samling day ${day.id}`);
        const uid = `samlingsdag-${day.id}@${CALENDAR_UID_DOMAIN}`;
        events.set(uid, {
          uid,
          date: day.date,
          summary: `${samling.title}, dag ${index + 1} av ${days.length} – ${cohort.programmeName}`,
          location: samling.location,
          description: [`${cohort.programmeName}, ${cohort.name}.`, samling.notes ?? ""].filter(Boolean).join("\n"),
        });
      });
    }
    for (const exam of cohort.exams) {
      if (!(exam.handInAt.getTime() > exam.startsAt.getTime())) throw new RangeError(`Exam ${exam.id} ends before it starts`);
      const uid = `eksamen-${exam.id}@${CALENDAR_UID_DOMAIN}`;
      events.set(uid, {
        uid,
        date: osloWallClock(exam.startsAt).date,
        timed: { start: exam.startsAt, end: exam.handInAt },
        summary: `${EXAM_KIND_LABELS[exam.kind]} (innlevering kl. ${formatOsloClockNb(exam.handInAt)}) – ${cohort.programmeName}`,
        location: null,
        description: [
          `${exam.title}.`,
          `Start: ${formatExamMomentNb(exam.startsAt)}. Innlevering senest ${formatExamMomentNb(exam.handInAt)} (norsk tid).`,
          `${cohort.programmeName}, ${cohort.name}.`,
        ].join("\n"),
      });
    }
  }
  return [...events.values()].sort((a, b) => compareCodeUnits(a.date, b.date) || compareCodeUnits(a.uid, b.uid));
}
