// Admission over more than one round, on a real PostgreSQL: the waiting list keeps the ranking
// (newcomers are placed by it, never appended), nothing is decided before the application
// deadline, the list closes on its day (once, with a letter), and a klage or a correction that
// moves someone on the list tells everyone whose place changes.
import { NextRequest } from "next/server";
import { formatDateSpanNb } from "@/lib/domain/schedule";
import { describe, expect, it, vi } from "vitest";
import { POST as klageRoute } from "@/app/api/soknader/[id]/klage/route";
import {
  decideAppealAction,
  moveCandidateAction,
  offerPlaceAction,
  removeMoveAction,
  sendDecisionBatchAction,
  setWaitlistClosingDateAction,
} from "@/lib/actions/admission";
import { osloDate, startOfDayInOslo } from "@/lib/domain/application-deadline";
import { formatDateNb } from "@/lib/domain/format";
import type { ActionState } from "@/lib/forms";
import { previewDecisionBatch, sendDecisionBatch } from "@/lib/server/admission/decisions";
import { computeRanking } from "@/lib/server/admission/ranking";
import { advanceWaitingLists } from "@/lib/server/admission/waitlist";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { db, redirectOf, signInAs, submit } from "./support";

const today = () => osloDate(new Date());
const daysFromToday = (days: number) => isoDate(new Date(day(today()).getTime() + days * 86_400_000));
/** Noon in Oslo on a calendar day. */
const noonOn = (date: string) => new Date(`${date}T11:00:00Z`);

async function adviser(): Promise<{ id: string; viewer: Viewer }> {
  const user = await createUser(db(), { roles: ["ADVISER"], name: "Vegard Veileder" });
  return { id: user.id, viewer: (await resolveViewer(await signInAs(user)))! };
}

let minute = 0;
/** A reviewed, qualified applicant in a category; submitted in the order of creation. */
async function candidate(cohortId: string, category: 1 | 2 | 3 | 4, name: string) {
  minute += 1;
  return createReviewedApplication(db(), { cohortId, category, name, submittedAt: new Date(Date.UTC(2026, 0, 1, 8, minute)) });
}

async function sendRound(viewer: Viewer, cohortId: string, now?: Date) {
  const preview = await previewDecisionBatch(viewer, cohortId, { closeWaitlist: false }, now);
  return sendDecisionBatch(viewer, cohortId, { closeWaitlist: false, fingerprint: preview.plan.fingerprint }, now);
}

const placeOf = async (applicationId: string) => (await db().decision.findUniqueOrThrow({ where: { applicationId } })).waitlistPosition;
const lettersOf = (applicationId: string) => db().decisionLetter.findMany({ where: { decision: { applicationId } }, orderBy: { version: "asc" } });
const mailsFor = async (letterIds: string[]) => db().mailMessage.count({ where: { dedupeKey: { in: letterIds.map((id) => `decision-letter:${id}`) } } });

async function fileKlage(applicationId: string, text: string) {
  const form = new FormData();
  form.append("text", text);
  const response = await klageRoute(
    new NextRequest(`http://localhost/api/soknader/${applicationId}/klage`, { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } }),
    { params: Promise.resolve({ id: applicationId }) },
  );
  return { status: response.status, ...((await response.json()) as { ok: boolean; message: string }) };
}

/**
 * One place, round one decided: Olga (category 1) has the offer, Per (2) and Quentin (4) are on
 * the waiting list as 1 and 2.
 */
async function firstRoundDone(options: { waitlistClosesOn?: string } = {}) {
  const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3), waitlistClosesOn: options.waitlistClosesOn });
  const staff = await adviser();
  const olga = (await candidate(cohort.id, 1, "Olga Tilbud")).application;
  const per = await candidate(cohort.id, 2, "Per Venter");
  const quentin = await candidate(cohort.id, 4, "Quentin Sist");
  await sendRound(staff.viewer, cohort.id);
  expect(await placeOf(per.application.id)).toBe(1);
  expect(await placeOf(quentin.application.id)).toBe(2);
  return { cohort, staff, olga, per, quentin };
}

describe("a second round keeps the ranking", () => {
  it("places newcomers on the waiting list by the ranking, moves those ranked below them down, and tells them by letter", async () => {
    const { cohort, staff, per, quentin } = await firstRoundDone();
    // Reviewed later: Nina in category 1, Nils in category 3.
    const nina = (await candidate(cohort.id, 1, "Nina Ny")).application;
    const nils = (await candidate(cohort.id, 3, "Nils Ny")).application;
    const preview = await previewDecisionBatch(staff.viewer, cohort.id, { closeWaitlist: false });
    expect(preview.plan.batch.waitlist).toEqual([{ id: nina.id, position: 1 }, { id: nils.id, position: 3 }]);
    expect(preview.plan.batch.moves).toEqual([{ id: per.application.id, from: 1, to: 2 }, { id: quentin.application.id, from: 2, to: 4 }]);
    expect(preview.examples.map((example) => example.kind)).toEqual(["Venteliste", "Ny plass på ventelisten"]);

    const target = await redirectOf(() => submit(sendDecisionBatchAction, { cohortId: cohort.id, fingerprint: preview.plan.fingerprint, confirm: "on" }));
    expect(target).toBe(`/veileder/opptak/${cohort.id}/vedtak?sendt=0-2-0-2`);
    // The whole list follows the ranking: Nina (1), Per (2), Nils (3), Quentin (4).
    expect(await Promise.all([nina.id, per.application.id, nils.id, quentin.application.id].map(placeOf))).toEqual([1, 2, 3, 4]);

    // Per and Quentin each have a new letter (a new version; the first is kept) and its e-mail.
    for (const [person, from, to] of [[per, 1, 2], [quentin, 2, 4]] as const) {
      const letters = await lettersOf(person.application.id);
      expect(letters.map((letter) => letter.kind)).toEqual(["WAITLIST", "WAITLIST_MOVED"]);
      expect(letters[1]!.version).toBe(2);
      expect(letters[1]!.body).toContain(`du står nå som nummer ${to} (før: nummer ${from})`);
      expect(letters[1]!.klageDeadline).not.toBeNull();
      expect(await mailsFor([letters[1]!.id])).toBe(1);
      const mail = await db().mailMessage.findFirstOrThrow({ where: { dedupeKey: `decision-letter:${letters[1]!.id}` } });
      expect(mail.to).toBe(person.user.email);
      expect(mail.subject).toMatch(/^Ny plass på ventelisten/);
    }
    expect((await lettersOf(nina.id))[0]!.body).toContain("som nummer 1.");
    expect(await db().auditLog.count({ where: { action: "waitlist.move", entityId: { in: [(await db().decision.findUniqueOrThrow({ where: { applicationId: per.application.id } })).id] } } })).toBe(1);

    // Nothing left to send; the waiting-list job has nothing to redo.
    await expect(previewDecisionBatch(staff.viewer, cohort.id, { closeWaitlist: false }).then((p) => p.plan.batch.moves)).resolves.toEqual([]);
    expect(await advanceWaitingLists({ cohortId: cohort.id })).toEqual({ expired: 0, offered: 0, moved: 0, closed: 0 });
  });
});

describe("nothing is decided before the application deadline", () => {
  it("ranks provisionally, but refuses the preview, the batch, a single offer and the waiting-list job, naming the deadline", async () => {
    const deadline = daysFromToday(5);
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline });
    const staff = await adviser();
    const first = (await candidate(cohort.id, 1, "Frida Først")).application;
    const second = (await candidate(cohort.id, 2, "Sindre Senere")).application;
    const message = `Vedtak kan ikke sendes før søknadsfristen ${formatDateNb(deadline)} er ute.`;

    expect((await computeRanking(db(), cohort.id)).rows.map((row) => row.applicationId)).toEqual([first.id, second.id]);
    await expect(previewDecisionBatch(staff.viewer, cohort.id, { closeWaitlist: false })).rejects.toThrow(message);
    expect(await submit(sendDecisionBatchAction, { cohortId: cohort.id, fingerprint: "0".repeat(32), confirm: "on" })).toMatchObject({ ok: false, message });
    expect(await submit(offerPlaceAction, { applicationId: first.id })).toMatchObject({ ok: false, message });
    // Even a waiting list that somehow exists gives no place before the deadline.
    await db().decision.create({ data: { applicationId: second.id, outcome: "WAITLIST", waitlistPosition: 1, grounds: "x", decidedById: staff.id } });
    expect(await advanceWaitingLists({ cohortId: cohort.id })).toEqual({ expired: 0, offered: 0, moved: 0, closed: 0 });
    expect(await db().decision.count({ where: { application: { cohortId: cohort.id }, outcome: "OFFER" } })).toBe(0);

    // The moment the deadline day is over in Oslo, the same preview works.
    const afterDeadline = new Date(startOfDayInOslo(daysFromToday(6)).getTime() + 60_000);
    await db().decision.deleteMany({ where: { application: { cohortId: cohort.id } } });
    const preview = await previewDecisionBatch(staff.viewer, cohort.id, { closeWaitlist: false }, afterDeadline);
    expect(preview.plan.batch.offers).toEqual([first.id]);
  });
});

describe("the waiting list closes", () => {
  it("on its day: no place is given from it, everyone on it gets one closing letter once, and may appeal it", async () => {
    const closesOn = daysFromToday(1);
    const { cohort, olga, per, quentin } = await firstRoundDone({ waitlistClosesOn: closesOn });
    // Olga declines: a place is free, but by the time the job runs the list has closed.
    await db().decision.update({ where: { applicationId: olga.id }, data: { answer: "DECLINED", answeredAt: new Date() } });
    const now = noonOn(closesOn);
    const runs = await Promise.all([advanceWaitingLists({ cohortId: cohort.id, now }), advanceWaitingLists({ cohortId: cohort.id, now })]);
    expect(runs.reduce((sum, run) => sum + run.closed, 0)).toBe(2);
    expect(runs.reduce((sum, run) => sum + run.offered, 0)).toBe(0);
    expect(await advanceWaitingLists({ cohortId: cohort.id, now })).toEqual({ expired: 0, offered: 0, moved: 0, closed: 0 });

    for (const [person, place] of [[per, 1], [quentin, 2]] as const) {
      const decision = await db().decision.findUniqueOrThrow({ where: { applicationId: person.application.id } });
      expect(decision).toMatchObject({ outcome: "REFUSAL", waitlistPosition: null });
      const letters = await lettersOf(person.application.id);
      expect(letters.map((letter) => letter.kind)).toEqual(["WAITLIST", "WAITLIST_CLOSED"]);
      expect(letters[1]!.body).toContain(`ble stengt ${formatDateNb(closesOn)}. Du sto som nummer ${place} på ventelisten`);
      expect(letters[1]!.klageDeadline).not.toBeNull();
      // Made by the list's rules, and signed by the programme's adviser, who answers for them.
      expect(letters[1]!.body).toContain("Vedtaket er gjort automatisk etter reglene for ventelisten. Ingrid Studieveileder Haugen, studieveileder, er ansvarlig for det.");
      expect(letters[1]!.body).toContain("Med hilsen\nIngrid Studieveileder Haugen\nStudieveileder");
      expect(await mailsFor(letters.map((letter) => letter.id))).toBe(2);
      expect(await db().auditLog.count({ where: { action: "waitlist.close", entityId: decision.id } })).toBe(1);
    }
    // The first waiting-list letter told them the day it would close.
    expect((await lettersOf(per.application.id))[0]!.body).toContain(`Ventelisten stenges ${formatDateNb(closesOn)}.`);
    // The closing is an enkeltvedtak: Per can appeal it.
    await signInAs(per.user);
    expect(await fileKlage(per.application.id, "Jeg mener plassen skulle gått til meg før ventelisten stengte.")).toMatchObject({ status: 201, ok: true });
    const appeal = await db().appeal.findFirstOrThrow({ where: { applicationId: per.application.id }, include: { letter: true } });
    expect(appeal.letter.kind).toBe("WAITLIST_CLOSED");
  });

  it("by default on the kull's first samling day: the day before it still gives places", async () => {
    const { cohort, olga, per, quentin } = await firstRoundDone();
    const firstSamlingDay = daysFromToday(-3 + 90); // createOpenCohort's first samling, 90 days after the deadline
    await db().decision.update({ where: { applicationId: olga.id }, data: { answer: "DECLINED", answeredAt: new Date() } });
    expect(await advanceWaitingLists({ cohortId: cohort.id, now: noonOn(daysFromToday(-3 + 89)) })).toMatchObject({ offered: 1, moved: 1, closed: 0 });
    expect(await db().decision.findUniqueOrThrow({ where: { applicationId: per.application.id } })).toMatchObject({ outcome: "OFFER" });
    // The offer says when and where the study starts: the kull's first samling.
    expect((await lettersOf(per.application.id)).at(-1)!.body).toContain(
      `Studiet starter med den første samlingen ${formatDateSpanNb([firstSamlingDay, daysFromToday(-3 + 91)])}, NTNU, Trondheim.`,
    );
    expect(await placeOf(quentin.application.id)).toBe(1);
    expect(await advanceWaitingLists({ cohortId: cohort.id, now: noonOn(firstSamlingDay) })).toMatchObject({ offered: 0, closed: 1 });
    expect((await lettersOf(quentin.application.id)).at(-1)!.body).toContain(`ble stengt ${formatDateNb(firstSamlingDay)}`);
  });

  it("on the day the adviser sets: after the application deadline, no later than the kull's end, said at the field", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    await adviser();
    const field = (result: ActionState) => result.fieldErrors?.waitlistClosesOn;
    const early = await submit(setWaitlistClosingDateAction, { cohortId: cohort.id, waitlistClosesOn: daysFromToday(-3) });
    expect(early.ok).toBe(false);
    expect(field(early)).toEqual([`Ventelisten kan ikke stenge før søknadsfristen ${formatDateNb(daysFromToday(-3))} er ute. Velg ${formatDateNb(daysFromToday(-2))} eller senere.`]);
    expect(early.values?.waitlistClosesOn).toBe(daysFromToday(-3));
    expect(field(await submit(setWaitlistClosingDateAction, { cohortId: cohort.id, waitlistClosesOn: daysFromToday(400) }))).toEqual([
      `Ventelisten må stenge senest når kullet slutter, ${formatDateNb(daysFromToday(-3 + 91))}.`,
    ]);
    expect(field(await submit(setWaitlistClosingDateAction, { cohortId: cohort.id, waitlistClosesOn: "31.12.2026" }))).toEqual(["Skriv en gyldig dato (dd.mm.åååå)."]);

    expect(await submit(setWaitlistClosingDateAction, { cohortId: cohort.id, waitlistClosesOn: daysFromToday(20) })).toMatchObject({
      ok: true,
      message: `Ventelisten stenger ${formatDateNb(daysFromToday(20))}.`,
    });
    expect(isoDate((await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).waitlistClosesOn!)).toBe(daysFromToday(20));
    expect(await db().auditLog.count({ where: { action: "cohort.waitlist-closing", entityId: cohort.id } })).toBe(1);
    expect(await submit(setWaitlistClosingDateAction, { cohortId: cohort.id, waitlistClosesOn: "" })).toMatchObject({
      ok: true,
      message: `Ventelisten stenger på standarddatoen, ${formatDateNb(daysFromToday(-3 + 90))}.`,
    });
    expect((await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).waitlistClosesOn).toBeNull();
    // The database holds the same rule.
    await expect(db().cohort.update({ where: { id: cohort.id }, data: { waitlistClosesOn: day(daysFromToday(-4)) } })).rejects.toThrow(/Cohort_waitlist_closes_on/);
  });
});

describe("the adviser's moves", () => {
  it("put the candidate at the chosen place in the ranking, and taking the move back puts them back", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    await adviser();
    const ids: string[] = [];
    for (const [category, name] of [[1, "Aase"], [2, "Bjørn"], [3, "Cecilie"]] as const) ids.push((await candidate(cohort.id, category, name)).application.id);
    // The ranking page says what was done (the row's form goes with the move): whom, and how many letters.
    expect(await redirectOf(() => submit(moveCandidateAction, { cohortId: cohort.id, applicationId: ids[2]!, toRank: "1", reason: "Dokumentert personalansvar." }))).toBe(
      `/veileder/opptak/${cohort.id}/rangering?flyttet=${ids[2]}&brev=0`,
    );
    const ranking = await computeRanking(db(), cohort.id);
    expect(ranking.rows.map((row) => row.applicationId)).toEqual([ids[2], ids[0], ids[1]]);
    expect(ranking.rows[0]!.reasons).toContain("Studieveilederen har flyttet søkeren til plass 1: Dokumentert personalansvar.");
    const move = await db().rankingMove.findFirstOrThrow({ where: { cohortId: cohort.id } });
    expect(await redirectOf(() => submit(removeMoveAction, { cohortId: cohort.id, moveId: move.id }))).toBe(`/veileder/opptak/${cohort.id}/rangering?angret=${ids[2]}&brev=0`);
    expect((await computeRanking(db(), cohort.id)).rows.map((row) => row.applicationId)).toEqual(ids);
  });

  it("give the moved applicant's place as the adviser's, with the reason, in the ranking and in her letter; not the county and time", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    const staff = await adviser();
    const ids: string[] = [];
    for (const [category, name] of [[1, "Aase"], [3, "Cecilie"]] as const) ids.push((await candidate(cohort.id, category, name)).application.id);
    await redirectOf(() => submit(moveCandidateAction, { cohortId: cohort.id, applicationId: ids[1]!, toRank: "1", reason: "Dokumentert personalansvar." }));
    const row = (await computeRanking(db(), cohort.id)).rows[0]!;
    expect(row.reasons.slice(1)).toEqual(["Studieveilederen har flyttet søkeren til plass 1: Dokumentert personalansvar.", "Nummer 1 i rangeringen: innenfor plassene."]);
    await sendRound(staff.viewer, cohort.id);
    const [offer] = await lettersOf(ids[1]!);
    expect(offer!.kind).toBe("OFFER");
    expect(offer!.body).toContain("Studieveilederen har flyttet søknaden din til plass 1 i rangeringen, med denne begrunnelsen: Dokumentert personalansvar.");
    expect(offer!.body).not.toContain("i rangeringen. Står søkere likt");
    expect(offer!.body).not.toMatch(/Søknaden din ble sendt inn .*Står søkere likt i kategori og fylke/);
    // The one behind her is explained by the rules, as the order stands.
    const [waiting] = await lettersOf(ids[0]!);
    expect(waiting!.body).toContain("Du er den eneste i prioritetskategori 1 i rangeringen");
    expect(waiting!.body).not.toContain("Studieveilederen har flyttet");
  });
});

describe("a klage or a correction that moves someone on the list", () => {
  /** One place: Olga has it; Anna (2), Bernt (3) and Cato (4) are 1, 2 and 3 on the list. */
  async function threeWaiting() {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    const staff = await adviser();
    await candidate(cohort.id, 1, "Olga Tilbud");
    const anna = await candidate(cohort.id, 2, "Anna Andre");
    const bernt = await candidate(cohort.id, 3, "Bernt Berg");
    const cato = await candidate(cohort.id, 4, "Cato Klage");
    await sendRound(staff.viewer, cohort.id);
    return { cohort, staff, anna, bernt, cato };
  }

  it("a klage that gives a better place tells the applicant, and everyone pushed down, their new place", async () => {
    const { staff, anna, bernt, cato } = await threeWaiting();
    await signInAs(cato.user);
    expect(await fileKlage(cato.application.id, "Jeg har ledet barnevernvakten i fire år; se vedlagt tjenestebevis.")).toMatchObject({ ok: true });
    const appeal = await db().appeal.findFirstOrThrow({ where: { applicationId: cato.application.id } });
    await signInAs({ id: staff.id });
    expect(await redirectOf(() => submit(decideAppealAction, { appealId: appeal.id, outcome: "WAITLIST", position: "1", grounds: "Erfaringen fra barnevernvakten er ledererfaring." }))).toBe(
      "/veileder/opptak/klager?avgjort=delvis",
    );
    // Taken in part (a place on the list, not the place): so stored, and so the judgement reads.
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({ status: "REVERSED", partly: true });
    expect((await db().application.findUniqueOrThrow({ where: { id: cato.application.id } })).qualificationGrounds).toBe(
      "Klage delvis tatt til følge: Erfaringen fra barnevernvakten er ledererfaring.",
    );

    expect(await Promise.all([cato, anna, bernt].map((person) => placeOf(person.application.id)))).toEqual([1, 2, 3]);
    const catoLetters = await lettersOf(cato.application.id);
    expect(catoLetters.map((letter) => letter.kind)).toEqual(["WAITLIST", "WAITLIST"]);
    expect(catoLetters[1]!.body).toMatch(/Klagen er delvis tatt til følge: du er satt på venteliste til .*, som nummer 1\./);
    expect(catoLetters[1]!.body).toContain("som ikke lenger gjelder.");
    for (const [person, from, to] of [[anna, 1, 2], [bernt, 2, 3]] as const) {
      const letters = await lettersOf(person.application.id);
      expect(letters.map((letter) => letter.kind)).toEqual(["WAITLIST", "WAITLIST_MOVED"]);
      expect(letters[1]!.body).toContain(`du står nå som nummer ${to} (før: nummer ${from})`);
      expect(letters[1]!.body).toContain("Etter en klagesak er rekkefølgen på listen endret.");
      expect(letters[1]!.body).not.toContain("Cato");
      expect(await mailsFor([letters[1]!.id])).toBe(1);
    }
    // The klage's place is part of the ranking now (with its grounds), so the next round keeps it.
    const move = await db().rankingMove.findFirstOrThrow({ where: { applicationId: cato.application.id } });
    expect(move.reason).toBe("Klage delvis tatt til følge: Erfaringen fra barnevernvakten er ledererfaring.");
    // Part of the klage's decision: not taken back outside a klagesak.
    expect(await submit(removeMoveAction, { cohortId: move.cohortId, moveId: move.id })).toMatchObject({
      ok: false,
      message: "Flyttingen er gjort ved en klage som er tatt til følge, og kan ikke fjernes.",
    });
    expect(await placeOf(cato.application.id)).toBe(1);
    expect(await previewDecisionBatch(staff.viewer, (await db().application.findUniqueOrThrow({ where: { id: cato.application.id } })).cohortId, { closeWaitlist: false }).then((p) => p.plan.batch.moves)).toEqual([]);
  });

  it("a correction of the ranking moves someone on the list and tells everyone whose place changes", async () => {
    const { cohort, anna, bernt, cato } = await threeWaiting();
    // Bernt stands 2nd on the list, 3rd in the ranking; the adviser moves him to 2nd in the ranking.
    const target = await redirectOf(() =>
      submit(moveCandidateAction, { cohortId: cohort.id, applicationId: bernt.application.id, toRank: "2", reason: "Kategori 3 var feil registrert; skal stå foran Anna." }),
    );
    // Two on the list got a new place and a letter; the page says so from the address.
    expect(target).toBe(`/veileder/opptak/${cohort.id}/rangering?flyttet=${bernt.application.id}&brev=2`);
    expect(await Promise.all([bernt, anna, cato].map((person) => placeOf(person.application.id)))).toEqual([1, 2, 3]);
    for (const [person, from, to] of [[bernt, 2, 1], [anna, 1, 2]] as const) {
      const letters = await lettersOf(person.application.id);
      expect(letters.map((letter) => letter.kind)).toEqual(["WAITLIST", "WAITLIST_MOVED"]);
      expect(letters[1]!.body).toContain(`du står nå som nummer ${to} (før: nummer ${from})`);
      expect(letters[1]!.body).toContain("Studieveilederen har rettet rangeringen");
    }
    expect((await lettersOf(cato.application.id)).map((letter) => letter.kind)).toEqual(["WAITLIST"]);
  });
});

describe("the waiting-list job over several kull", () => {
  it("goes on past a kull whose step fails: the others' lists still move, and the run fails at the end naming it", async () => {
    const broken = await firstRoundDone();
    const working = await firstRoundDone();
    for (const kull of [broken, working]) {
      await db().decision.update({ where: { applicationId: kull.olga.id }, data: { answer: "DECLINED", answeredAt: new Date() } });
    }
    // The broken kull's transaction fails once it has done its work (rolled back as a whole).
    const client = db();
    const real = client.$transaction.bind(client) as (fn: (tx: unknown) => Promise<unknown>, options?: unknown) => Promise<unknown>;
    const spy = vi.spyOn(client, "$transaction").mockImplementation(((fn: (tx: Parameters<Parameters<typeof client.$transaction>[0]>[0]) => Promise<unknown>, options?: unknown) =>
      real(async (tx) => {
        const result = await fn(tx as never);
        const per = await (tx as typeof client).decision.findUnique({ where: { applicationId: broken.per.application.id }, select: { outcome: true } });
        if (per?.outcome === "OFFER") throw new Error("kullet feiler");
        return result;
      }, options)) as never);
    try {
      await expect(advanceWaitingLists({ now: new Date() })).rejects.toThrow(new RegExp(`1 kull could not be advanced .*${broken.cohort.id}`));
    } finally {
      spy.mockRestore();
    }
    expect((await db().decision.findUniqueOrThrow({ where: { applicationId: working.per.application.id } })).outcome).toBe("OFFER");
    expect((await db().decision.findUniqueOrThrow({ where: { applicationId: broken.per.application.id } })).outcome).toBe("WAITLIST");
    // The next run takes it.
    await advanceWaitingLists({ cohortId: broken.cohort.id, now: new Date() });
    expect((await db().decision.findUniqueOrThrow({ where: { applicationId: broken.per.application.id } })).outcome).toBe("OFFER");
  });
});
