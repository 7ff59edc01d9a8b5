/**
 * A student's schedule as calendar events: one all-day event per samling day and per exam day.
 *
 * Each event's UID comes from what it is, never from its date: the samling day's id, or the exam's
 * id and the day's place in the exam ("day 2 of 3"). When a date changes, the next fetch of the
 * feed (or a new import) carries the same UID with the new date, and Outlook and Google Calendar
 * move the event instead of adding a second one.
 */
import { addDays, compareCodeUnits, parseIsoDate } from "./dates";

/** The right-hand side of every UID (RFC 5545 suggests a domain, so UIDs never collide with others'). */
export const CALENDAR_UID_DOMAIN = "barnevernledelse.ntnu.no";

export interface CalendarCohort {
  name: string;
  programmeName: string;
  samlinger: { number: number; title: string; location: string; notes: string | null; days: { id: string; date: string }[] }[];
  exams: { id: string; title: string; startsOn: string; endsOn: string }[];
}

export interface CalendarEvent {
  uid: string;
  /** The day, "YYYY-MM-DD" (an all-day event from this day to the next). */
  date: string;
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
      const first = parseIsoDate(exam.startsOn, "exam start");
      const last = parseIsoDate(exam.endsOn, "exam end");
      if (last < first) throw new RangeError(`Exam ${exam.id} ends before it starts`);
      const length = last - first + 1;
      for (let index = 0; index < length; index += 1) {
        const uid = `eksamen-${exam.id}-dag-${index + 1}@${CALENDAR_UID_DOMAIN}`;
        events.set(uid, {
          uid,
          date: addDays(exam.startsOn, index),
          summary: `Eksamen, dag ${index + 1} av ${length} – ${cohort.programmeName}`,
          location: null,
          description: `${exam.title}. ${cohort.programmeName}, ${cohort.name}.`,
        });
      }
    }
  }
  return [...events.values()].sort((a, b) => compareCodeUnits(a.date, b.date) || compareCodeUnits(a.uid, b.uid));
}
