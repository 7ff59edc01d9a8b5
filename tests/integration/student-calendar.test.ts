// The personal calendar feed and the .ics download: parsed with a calendar library (ical.js), with
// the right all-day dates for samling days, the exam sitting from its start to its hand-in, and
// UIDs that stay the same when a date moves; a revoked or renewed URL
// answers 404; the token is stored only as a hash.
import ICAL from "ical.js";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as feed } from "@/app/api/kalender/[token]/route";
import { GET as download } from "@/app/api/student/kalender/route";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/actions/student";
import { addDays } from "@/lib/domain/dates";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { getMyAccount, signOutEverywhere } from "@/lib/server/users/my-account";
import { viewerOf } from "./cohort-world";
import { studentCohort } from "./student-fixtures";
import { db, signInAs, submit } from "./support";

type Fixture = Awaited<ReturnType<typeof studentCohort>>;
let fx: Fixture;

beforeAll(async () => {
  fx = await studentCohort({ students: 2 });
});

async function fetchFeed(url: string) {
  const segment = new URL(url).pathname.split("/").at(-1)!;
  const response = await feed(new NextRequest(url), { params: Promise.resolve({ token: segment }) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      startAt: event.startDate.toJSDate().getTime(),
      endAt: event.endDate.toJSDate().getTime(),
      allDay: event.startDate.isDate,
      summary: event.summary,
    };
  });
}

async function newFeed(index = 0) {
  await signInAs(fx.students[index]!.user);
  const state = await submit(createCalendarFeedAction, {});
  expect(state.ok).toBe(true);
  return state.values!.feedUrl!;
}

describe("the calendar feed", () => {
  it("serves every samling day as an all-day event and the exam from its start to its hand-in, as text/calendar", async () => {
    const url = await newFeed();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.type).toBe("text/calendar; charset=utf-8");
    const events = parse(response.text);
    const samlingDays = fx.days.map((d) => isoDate(d.date));
    const samlinger = events.filter((event) => event.allDay);
    expect(samlinger.map((event) => event.start)).toEqual(samlingDays);
    expect(samlinger.map((event) => event.end)).toEqual(samlingDays.map((date) => addDays(date, 1)));
    expect(events[0]!.summary).toMatch(/^Samling 1, dag 1 av 2/);
    const exam = events.at(-1)!;
    expect(exam.allDay).toBe(false);
    // 09:00 on the first day to 14:00 on the third, Oslo time.
    expect(exam.startAt).toBe(fx.exam.startsAt.getTime());
    expect(exam.endAt).toBe(fx.exam.handInAt.getTime());
    expect(exam.summary).toMatch(/^Ordinær eksamen \(innlevering kl\. 14\.00\)/);
    expect(events.map((event) => event.uid)).toEqual([
      ...fx.days.map((d) => `samlingsdag-${d.id}@barnevernledelse.ntnu.no`),
      `eksamen-${fx.exam.id}@barnevernledelse.ntnu.no`,
    ]);
    // Only the hash is stored, and the read is recorded for the student to see.
    const stored = await db().calendarFeed.findFirstOrThrow({ where: { userId: fx.students[0]!.user.id, revokedAt: null } });
    expect(url).not.toContain(stored.tokenHash);
    expect(stored.lastReadAt).not.toBeNull();
  });

  it("keeps the UIDs when a samling day and the exam move, with the new dates", async () => {
    const url = await newFeed();
    const before = parse((await fetchFeed(url)).text);
    const moved = fx.days[2]!;
    await db().samlingDay.update({ where: { id: moved.id }, data: { date: day(addDays(fx.today, 12)) } });
    const later = (instant: Date) => new Date(instant.getTime() + 5 * 86_400_000);
    await db().exam.update({
      where: { id: fx.exam.id },
      data: { startsOn: day(addDays(fx.today, 95)), endsOn: day(addDays(fx.today, 97)), startsAt: later(fx.exam.startsAt), handInAt: later(fx.exam.handInAt) },
    });
    const after = parse((await fetchFeed(url)).text);
    expect(after.map((event) => event.uid).sort()).toEqual(before.map((event) => event.uid).sort());
    expect(after.find((event) => event.uid.startsWith(`samlingsdag-${moved.id}`))!.start).toBe(addDays(fx.today, 12));
    expect(after.find((event) => event.uid.startsWith(`eksamen-${fx.exam.id}@`))!.startAt).toBe(later(fx.exam.startsAt).getTime());
  });

  it("answers 404 once renewed or revoked, for made-up tokens, and for an account that is disabled", async () => {
    const first = await newFeed(1);
    const second = await newFeed(1);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect(await db().calendarFeed.count({ where: { userId: fx.students[1]!.user.id, revokedAt: null } })).toBe(1);

    const revoked = await submit(revokeCalendarFeedAction, {});
    expect(revoked.ok).toBe(true);
    const gone = await fetchFeed(second);
    expect(gone.status).toBe(404);
    expect(gone.text).toBe("");
    expect(await submit(revokeCalendarFeedAction, {})).toMatchObject({ ok: false, message: "Du har ingen aktiv kalenderlenke." });

    for (const segment of ["x".repeat(43), "a".repeat(43) + ".ics", "kort", "../../etc/passwd"]) {
      expect((await fetchFeed(`http://localhost:3000/api/kalender/${encodeURIComponent(segment)}`)).status).toBe(404);
    }

    const third = await newFeed(1);
    await db().user.update({ where: { id: fx.students[1]!.user.id }, data: { disabledAt: new Date() } });
    expect((await fetchFeed(third)).status).toBe(404);
    const audited = await db().auditLog.findMany({
      where: { actorId: fx.students[1]!.user.id, action: { startsWith: "calendar_feed." } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audited.map((entry) => entry.action)).toEqual(["calendar_feed.create", "calendar_feed.renew", "calendar_feed.revoke", "calendar_feed.create"]);
  });

  it("stops working when the student signs out everywhere (the link may have gone with a lost phone), and Min konto says so first", async () => {
    const url = await newFeed(0);
    const viewer = viewerOf({ ...fx.students[0]!.user, roles: ["STUDENT"] });
    expect((await getMyAccount(viewer)).calendarFeed).toBe(true);
    expect((await fetchFeed(url)).status).toBe(200);
    await signOutEverywhere(viewer);
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await getMyAccount(viewer)).calendarFeed).toBe(false);
    const [entry] = await db().auditLog.findMany({ where: { actorId: viewer.id, action: "user.sign-out-everywhere" } });
    expect(entry!.after).toMatchObject({ endedCalendarLinks: 1 });
  });
});

describe("the one-off download", () => {
  it("is the signed-in student's calendar, and nothing without a session", async () => {
    await signInAs(fx.students[0]!.user);
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.ics"$/);
    expect(parse(await response.text())).toHaveLength(fx.days.length + 1);
    (globalThis as { __testSessionId?: string | null }).__testSessionId = null;
    expect((await download()).status).toBe(401);
  });

  it("leaves out the exam once the student is refused admission to it (sittingsInCalendar)", async () => {
    await db().examRegistration.create({
      data: { examId: fx.exam.id, enrolmentId: fx.students[0]!.enrolment.id, status: "REFUSED", decidedById: fx.teacher.id },
    });
    await signInAs(fx.students[0]!.user);
    const events = parse(await (await download()).text());
    expect(events).toHaveLength(fx.days.length);
    expect(events.some((event) => event.uid.startsWith(`eksamen-${fx.exam.id}@`))).toBe(false);
  });
});
