import "server-only";
// The student's schedule in their own calendar: a personal iCalendar feed to subscribe to, and a
// one-off .ics download. Events and their stable UIDs come from lib/domain/calendar.ts; the file
// is written by ical-generator.
//
// The feed is read by calendar servers (Google, Outlook) without a session, so its URL carries a
// random secret: 32 bytes from the system's CSPRNG, base64url. Only the SHA-256 of the secret is
// stored, so a leaked database does not leak working URLs; the price is that the URL can be shown
// only once, when it is made. Renewing makes a new URL and revokes the old one; a revoked or
// unknown URL, or one whose owner is no longer an active student, answers 404.
import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import { sittingsInCalendar, studentCalendarEvents } from "@/lib/domain/calendar";
import { addDays } from "@/lib/domain/dates";
import { day } from "@/lib/dates";
import { env } from "@/lib/env";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The secret of a feed URL segment ("<token>" or "<token>.ics"), or null when it cannot be one of ours. */
export function parseFeedToken(segment: unknown): string | null {
  if (typeof segment !== "string") return null;
  const token = segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
  return TOKEN.test(token) ? token : null;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function feedUrls(token: string) {
  const https = `${env().APP_URL.replace(/\/$/, "")}/api/kalender/${token}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//, "webcal://") };
}

function requireStudent(viewer: Viewer) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
}

/** Whether the viewer has an active feed, and when a calendar last fetched it. */
export async function getCalendarFeedStatus(viewer: Viewer) {
  requireStudent(viewer);
  const feed = await db().calendarFeed.findFirst({
    where: { userId: viewer.id, revokedAt: null },
    select: { createdAt: true, lastReadAt: true },
  });
  return { active: feed };
}

/**
 * Makes a new feed URL for the viewer, revoking the one they had (if any). Returns the URL: this
 * is the only time it can be shown.
 */
export async function createCalendarFeed(viewer: Viewer, now = new Date()) {
  requireStudent(viewer);
  const token = randomBytes(32).toString("base64url");
  await db().$transaction(async (tx) => {
    // One feed change per student at a time (the partial unique index backs this up).
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${viewer.id} FOR UPDATE`;
    const previous = await tx.calendarFeed.findFirst({ where: { userId: viewer.id, revokedAt: null }, select: { id: true, createdAt: true } });
    if (previous) await tx.calendarFeed.update({ where: { id: previous.id }, data: { revokedAt: now } });
    const feed = await tx.calendarFeed.create({
      data: { userId: viewer.id, tokenHash: hashToken(token), createdAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: previous ? "calendar_feed.renew" : "calendar_feed.create",
      entityType: "CalendarFeed",
      entityId: feed.id,
      before: previous ? { id: previous.id, createdAt: previous.createdAt } : undefined,
      after: { id: feed.id, createdAt: now },
    });
  });
  return feedUrls(token);
}

/** Stops the viewer's feed: calendars that subscribed get 404 from now on. */
export async function revokeCalendarFeed(viewer: Viewer, now = new Date()) {
  requireStudent(viewer);
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${viewer.id} FOR UPDATE`;
    const feed = await tx.calendarFeed.findFirst({ where: { userId: viewer.id, revokedAt: null }, select: { id: true } });
    if (!feed) throw new DomainError("Du har ingen aktiv kalenderlenke.");
    await tx.calendarFeed.update({ where: { id: feed.id }, data: { revokedAt: now } });
    await audit(tx, {
      actorId: viewer.id,
      action: "calendar_feed.revoke",
      entityType: "CalendarFeed",
      entityId: feed.id,
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  });
}

/** The calendar behind a feed token, or null (unknown, revoked, or not an active student any more). */
export async function calendarForFeedToken(token: string, now = new Date()): Promise<string | null> {
  const feed = await db().calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, user: { select: { id: true, roles: true, disabledAt: true } } },
  });
  if (!feed || feed.revokedAt || feed.user.disabledAt || !feed.user.roles.includes("STUDENT")) return null;
  const [calendar] = await Promise.all([
    buildCalendar(feed.user.id, now),
    db().calendarFeed.update({ where: { id: feed.id }, data: { lastReadAt: now } }),
  ]);
  return calendar;
}

/** The signed-in student's calendar, for the one-off download. */
export async function calendarForViewer(viewer: Viewer, now = new Date()): Promise<string> {
  requireStudent(viewer);
  return buildCalendar(viewer.id, now);
}

async function buildCalendar(userId: string, now: Date): Promise<string> {
  const enrolments = await db().enrolment.findMany({
    where: { userId, status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } },
    select: {
      // Which sittings the student is to sit: sittingsInCalendar (lib/domain/calendar.ts).
      examRegistrations: { select: { examId: true, status: true } },
      cohort: {
        select: {
          name: true,
          programme: { select: { name: true } },
          samlinger: {
            orderBy: { number: "asc" },
            select: {
              number: true,
              samling: { select: { title: true, location: true, notes: true, days: { select: { id: true, date: true } } } },
            },
          },
          exams: { select: { id: true, kind: true, title: true, startsAt: true, handInAt: true } },
        },
      },
    },
  });
  const events = studentCalendarEvents(
    enrolments.map(({ cohort, examRegistrations }) => ({
      name: cohort.name,
      programmeName: cohort.programme.name,
      samlinger: cohort.samlinger.map(({ number, samling }) => ({
        number,
        title: samling.title,
        location: samling.location,
        notes: samling.notes,
        days: samling.days.map((samlingDay) => ({ id: samlingDay.id, date: isoDate(samlingDay.date) })),
      })),
      exams: sittingsInCalendar(cohort.exams, examRegistrations),
    })),
  );
  const calendar = ical({
    name: "Barnevernledelse – samlinger og eksamen",
    description: "Samlingsdager og eksamen (start og innlevering) fra studieadministrasjonen for Nasjonal videreutdanning i barnevernledelse, NTNU.",
    prodId: { company: "NTNU", product: "Barnevernledelse studieadministrasjon", language: "NB" },
    // Calendar apps may check every six hours (REFRESH-INTERVAL / X-PUBLISHED-TTL).
    ttl: 6 * 60 * 60,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      ...(event.timed
        ? // An exam sitting: exact instants (written in UTC), from the start to the hand-in.
          { start: event.timed.start, end: event.timed.end }
        : // All-day dates: the DATE values are written from these UTC midnights as they are.
          { allDay: true, start: day(event.date), end: day(addDays(event.date, 1)) }),
      stamp: now,
      summary: event.summary,
      location: event.location,
      description: event.description,
    });
  }
  return calendar.toString();
}
