// The `applications.reminders` job: an applicant whose application is not sent is reminded three
// days before the deadline and on the day, from 09:00 Oslo time, each once; a sent application,
// a disabled account and another intake's draft are not.
import { describe, expect, it } from "vitest";
import { remindUnsentApplications } from "@/lib/server/applications/reminders";
import { createApplication, createOpenCohort, createUser } from "@/prisma/seed/factories";
import { db } from "./support";

const DEADLINE = "2027-03-01"; // winter time: 09:00 Oslo is 08:00Z

async function remindersTo(email: string) {
  return db().mailMessage.findMany({ where: { to: email }, orderBy: { dedupeKey: "asc" }, select: { dedupeKey: true, subject: true, text: true } });
}

describe("reminders about an application not sent", () => {
  it("three days before and on the day, once each; not for a sent application, a disabled account or a later intake", async () => {
    const { cohort } = await createOpenCohort(db(), { deadline: DEADLINE });
    const { cohort: later } = await createOpenCohort(db(), { deadline: "2027-03-20" });
    const drafter = await createUser(db(), { name: "Dina Utkast" });
    const reopener = await createUser(db(), { name: "Rolf Rettet" });
    const sender = await createUser(db(), { name: "Siri Sendt" });
    const disabled = await createUser(db(), { name: "Åse Avsluttet" });
    const draft = await createApplication(db(), { applicantId: drafter.id, cohortId: cohort.id, fullName: "Dina Utkast" });
    const reopened = await createApplication(db(), { applicantId: reopener.id, cohortId: cohort.id });
    await db().application.update({ where: { id: reopened.id }, data: { reopenedAt: new Date("2027-02-20T09:30:00Z") } });
    await createApplication(db(), { applicantId: sender.id, cohortId: cohort.id, status: "SUBMITTED" });
    await createApplication(db(), { applicantId: disabled.id, cohortId: cohort.id });
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date("2027-02-01T00:00:00Z") } });
    await createApplication(db(), { applicantId: drafter.id, cohortId: later.id });

    expect(await remindUnsentApplications({ now: new Date("2027-02-26T07:59:00Z") })).toBe(0);
    expect(await remindUnsentApplications({ now: new Date("2027-02-26T08:00:00Z") })).toBe(2);
    expect(await remindUnsentApplications({ now: new Date("2027-02-27T12:00:00Z") })).toBe(0); // each once
    const first = await remindersTo(drafter.email);
    expect(first).toHaveLength(1);
    expect(first[0]!.dedupeKey).toBe(`draft-reminder:${draft.id}:${DEADLINE}:THREE_DAYS_BEFORE`);
    expect(first[0]!.subject).toBe("Påminnelse: søknaden din er ikke sendt, og fristen er om tre dager");
    expect(first[0]!.text).toContain("Hei Dina Utkast,");
    expect(first[0]!.text).toContain("Søknadsfristen er 1. mars 2027 kl. 23.59. En søknad som ikke er sendt innen fristen, blir ikke vurdert.");
    expect(first[0]!.text).toContain(`/soker/soknad/${draft.id}/oppsummering`);
    const toReopener = await remindersTo(reopener.email);
    expect(toReopener[0]!.text).toContain("Du åpnet søknaden din til");
    expect(toReopener[0]!.text).toContain("for endring 20. februar 2027 kl. 10.30, og den er ikke sendt igjen.");
    expect(await remindersTo(sender.email)).toEqual([]);
    expect(await remindersTo(disabled.email)).toEqual([]);

    // The day itself, from 09:00; none after the deadline.
    expect(await remindUnsentApplications({ now: new Date("2027-03-01T07:59:00Z") })).toBe(0);
    expect(await remindUnsentApplications({ now: new Date("2027-03-01T08:00:00Z") })).toBe(2);
    expect((await remindersTo(drafter.email)).map((mail) => mail.subject)).toEqual([
      "Påminnelse: søknaden din er ikke sendt, og fristen er i dag",
      "Påminnelse: søknaden din er ikke sendt, og fristen er om tre dager",
    ]);
    expect(await remindUnsentApplications({ now: new Date("2027-03-02T08:00:00Z") })).toBe(0);
  });

  it("a deadline moved later reminds again for the new date", async () => {
    const { cohort } = await createOpenCohort(db(), { deadline: DEADLINE });
    const applicant = await createUser(db());
    await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    expect(await remindUnsentApplications({ now: new Date("2027-02-26T10:00:00Z") })).toBe(1);
    await db().cohort.update({ where: { id: cohort.id }, data: { applicationDeadline: new Date("2027-03-08T00:00:00Z") } });
    expect(await remindUnsentApplications({ now: new Date("2027-02-27T10:00:00Z") })).toBe(0);
    expect(await remindUnsentApplications({ now: new Date("2027-03-05T10:00:00Z") })).toBe(1);
    expect((await remindersTo(applicant.email)).map((mail) => mail.dedupeKey.split(":").slice(2).join(":"))).toEqual([
      "2027-03-01:THREE_DAYS_BEFORE",
      "2027-03-08:THREE_DAYS_BEFORE",
    ]);
  });
});
