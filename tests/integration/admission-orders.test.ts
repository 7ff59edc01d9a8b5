// Admission when events come in an unusual order: places cut while offers are open, a klage that
// waits while the waiting list moves or the applicant withdraws, a late review after the decision,
// an acceptance at the deadline racing the job, a kull completed with a klage open, and the list
// after its closing day. Each case says what the law or the programme's rules require.
import { describe, expect, it } from "vitest";
import { osloDate, startOfDayInOslo } from "@/lib/domain/application-deadline";
import { decideAppeal, fileAppeal } from "@/lib/server/admission/appeals";
import { offerPlace, previewDecisionBatch, sendDecisionBatch } from "@/lib/server/admission/decisions";
import { getApplicationForReview, parseApplicationFilter } from "@/lib/server/admission/queries";
import { judgeQualification, reviewPosition } from "@/lib/server/admission/review";
import { GROUNDS } from "@/lib/server/admission/places";
import { advanceWaitingLists } from "@/lib/server/admission/waitlist";
import { answerOffer, withdrawApplication } from "@/lib/server/applications/submission";
import { updateIntake } from "@/lib/server/intakes/edit";
import { archiveCohort, completeCohort } from "@/lib/server/intakes/life";
import { DomainError } from "@/lib/server/errors";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { intakeFieldsOf } from "./cohort-world";
import { connectRaw, db, signInAs, someoneWaitsFor } from "./support";

const today = () => osloDate(new Date());
const daysFromToday = (days: number) => isoDate(new Date(day(today()).getTime() + days * 86_400_000));

async function viewerOf(user: { id: string }): Promise<Viewer> {
  return (await resolveViewer(await signInAs(user)))!;
}
async function adviser() {
  const user = await createUser(db(), { roles: ["ADVISER"], name: "Vegard Veileder" });
  return viewerOf(user);
}
let minute = 0;
async function candidate(cohortId: string, category: 1 | 2 | 3 | 4, name: string, qualified = true) {
  minute += 1;
  return createReviewedApplication(db(), { cohortId, category, name, qualified, submittedAt: new Date(Date.UTC(2026, 0, 1, 8, minute)) });
}
async function sendRound(viewer: Viewer, cohortId: string, now?: Date, closeWaitlist = false) {
  const preview = await previewDecisionBatch(viewer, cohortId, { closeWaitlist }, now);
  return sendDecisionBatch(viewer, cohortId, { closeWaitlist, fingerprint: preview.plan.fingerprint }, now);
}
const decisionOf = (applicationId: string) => db().decision.findUniqueOrThrow({ where: { applicationId } });
const appealOf = (id: string) => db().appeal.findUniqueOrThrow({ where: { id } });

/** Moves a samling's days to a month from today (the last first, so no two days ever share a date). */
async function moveSamlingAMonthOn(samlingId: string) {
  const days = await db().samlingDay.findMany({ where: { samlingId }, orderBy: { date: "desc" } });
  for (const [index, samlingDay] of days.entries()) {
    await db().samlingDay.update({ where: { id: samlingDay.id }, data: { date: day(daysFromToday(31 - index)) } });
  }
}

/** One place, Olga offered it, Per first on the waiting list with a klage on that decision. */
async function perAppealsHisPlaceOnTheList() {
  const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
  const staff = await adviser();
  const olga = await candidate(cohort.id, 1, "Olga Tilbud");
  const per = await candidate(cohort.id, 2, "Per Venter");
  await sendRound(staff, cohort.id);
  expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "WAITLIST", waitlistPosition: 1 });
  const appealId = await fileAppeal(await viewerOf(per.user), per.application.id, { text: "Jeg burde hatt plass.", file: null });
  return { cohortId: cohort.id, staff, olga, per, appealId };
}

describe("places and open offers", () => {
  it("the places cannot be cut below the offers not answered yet, so every timely acceptance holds", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 3, deadline: daysFromToday(-3) });
    const staff = await adviser();
    const offered = [await candidate(cohort.id, 1, "Anne A"), await candidate(cohort.id, 1, "Berit B"), await candidate(cohort.id, 1, "Cato C")];
    await sendRound(staff, cohort.id);
    const cut = await updateIntake(staff, { ...(await intakeFieldsOf(cohort.id)), capacity: 1 }).catch((error) => error);
    expect(cut).toBeInstanceOf(DomainError);
    expect(cut.fieldErrors.capacity).toEqual(["3 plasser er allerede tatt eller tilbudt, så kullet kan ikke ha færre enn 3 studieplasser."]);
    for (const { user, application } of offered) await answerOffer(await viewerOf(user), application.id, "ACCEPTED");
    expect(await db().enrolment.count({ where: { cohortId: cohort.id, status: "ACTIVE" } })).toBe(3);
  });
});

describe("a klage that waits while the applicant gets a place another way", () => {
  it("the job's offer closes it (audited, the applicant told); it can no longer be decided", async () => {
    const { cohortId, staff, olga, per, appealId } = await perAppealsHisPlaceOnTheList();
    await answerOffer(await viewerOf(olga.user), olga.application.id, "DECLINED");
    expect(await advanceWaitingLists({ cohortId })).toMatchObject({ offered: 1 });
    expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "OFFER" });
    const appeal = await appealOf(appealId);
    expect(appeal).toMatchObject({ status: "SETTLED", decidedById: null });
    expect(appeal.grounds).toMatch(/^Søkeren fikk tilbud om studieplass .* mens klagen var til behandling\. Klagen er dermed imøtekommet og avsluttet\.$/);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "appeal.settle", entityId: appealId } })).toMatchObject({
      before: { status: "RECEIVED" },
      after: { status: "SETTLED", cause: "OFFERED" },
    });
    const told = await db().mailMessage.findFirstOrThrow({ where: { dedupeKey: `appeal-settled:${appealId}` } });
    expect(told.subject).toBe("Klagen din er avsluttet: du har fått tilbud om studieplass");
    // Neither a waiting-list place nor «ikke tatt til følge» can replace the offer he holds.
    for (const outcome of [
      { kind: "WAITLIST" as const, grounds: "Bedre plass.", position: 1 },
      { kind: "UPHOLD" as const, grounds: "Rangeringen står.", forwarded: true },
    ]) {
      await expect(decideAppeal(staff, appealId, outcome)).rejects.toThrow(/^Klagen er avsluttet uten avgjørelse/);
    }
    expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "OFFER", answer: null });
    await answerOffer(await viewerOf(per.user), per.application.id, "ACCEPTED");
    expect(await db().enrolment.count({ where: { applicationId: per.application.id, status: "ACTIVE" } })).toBe(1);
  });

  it("one left open on an offer (filed before this rule) is settled, not decided, when the adviser takes it up", async () => {
    const { staff, olga, per, appealId } = await perAppealsHisPlaceOnTheList();
    await db().decision.update({ where: { applicationId: olga.application.id }, data: { answer: "DECLINED", answeredAt: new Date() } });
    await db().decision.update({ where: { applicationId: per.application.id }, data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day(daysFromToday(10)) } });
    expect(await decideAppeal(staff, appealId, { kind: "UPHOLD", grounds: "Rangeringen står.", forwarded: true })).toBe("SETTLED");
    expect(await appealOf(appealId)).toMatchObject({ status: "SETTLED", forwardedAt: null });
    expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "OFFER" });
    expect(await db().decisionLetter.count({ where: { decision: { applicationId: per.application.id }, kind: "KLAGE_UPHELD" } })).toBe(0);
  });

  it("the adviser's own offer and a batch's offer from the list close it too", async () => {
    const manual = await perAppealsHisPlaceOnTheList();
    await answerOffer(await viewerOf(manual.olga.user), manual.olga.application.id, "DECLINED");
    await offerPlace(manual.staff, manual.per.application.id);
    expect(await appealOf(manual.appealId)).toMatchObject({ status: "SETTLED", decidedById: manual.staff.id });

    const batch = await perAppealsHisPlaceOnTheList();
    await answerOffer(await viewerOf(batch.olga.user), batch.olga.application.id, "DECLINED");
    await sendRound(batch.staff, batch.cohortId);
    expect(await decisionOf(batch.per.application.id)).toMatchObject({ outcome: "OFFER" });
    expect(await appealOf(batch.appealId)).toMatchObject({ status: "SETTLED", decidedById: batch.staff.id });
  });

  it("withdrawing the application closes it, and a withdrawn application takes no new klage", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: daysFromToday(-3) });
    const staff = await adviser();
    await candidate(cohort.id, 1, "Olga Tilbud");
    const rolf = await candidate(cohort.id, 1, "Rolf Refusert", false);
    await sendRound(staff, cohort.id);
    const rolfViewer = await viewerOf(rolf.user);
    const appealId = await fileAppeal(rolfViewer, rolf.application.id, { text: "Jeg har 180 studiepoeng.", file: null });
    await withdrawApplication(rolfViewer, rolf.application.id);
    expect(await appealOf(appealId)).toMatchObject({ status: "SETTLED", decidedById: null });
    expect((await appealOf(appealId)).grounds).toMatch(/^Søkeren trakk søknaden .*\. Klagen er dermed avsluttet\.$/);
    expect(await db().mailMessage.count({ where: { dedupeKey: `appeal-settled:${appealId}` } })).toBe(0);
    // No offer to a withdrawn application, so no place is held that nobody can take.
    await expect(decideAppeal(staff, appealId, { kind: "OFFER", grounds: "Vitnemålet viser 180 studiepoeng." })).rejects.toThrow(/^Klagen er avsluttet uten avgjørelse/);
    expect(await decisionOf(rolf.application.id)).toMatchObject({ outcome: "REFUSAL" });
    await expect(fileAppeal(rolfViewer, rolf.application.id, { text: "En gang til.", file: null })).rejects.toThrow("Søknaden er trukket, så det er ikke noe vedtak å klage på lenger.");
    const nina = await candidate(cohort.id, 1, "Nina Ny");
    await expect(offerPlace(staff, nina.application.id)).resolves.toBeDefined();
  });
});

describe("the review after the decision", () => {
  it("a position or document is not verified again once decided: the category it gives ranks the list, and changes only through a klage", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    const staff = await adviser();
    await candidate(cohort.id, 1, "Olga Tilbud");
    await candidate(cohort.id, 2, "Per Venter");
    const quentin = await candidate(cohort.id, 4, "Quentin Sist");
    const position = await db().position.create({
      data: {
        applicationId: quentin.application.id,
        employer: "Trondheim kommune, barneverntjenesten",
        employerType: "MUNICIPAL_CWS",
        countyCode: "50",
        municipalityCode: "5001",
        title: "Avdelingsleder",
        percent: 100,
        areaOfResponsibility: "Mottak",
        startDate: day("2015-01-01"),
        superiorTitle: "Barnevernleder",
        personnelCount: 9,
        professionalResponsibility: true,
        personnelResponsibility: true,
        leaderRole: "LEADER",
      },
    });
    await sendRound(staff, cohort.id);
    expect(await decisionOf(quentin.application.id)).toMatchObject({ outcome: "WAITLIST", waitlistPosition: 2 });
    await expect(reviewPosition(staff, { applicationId: quentin.application.id, positionId: position.id, status: "VERIFIED", note: null })).rejects.toThrow(
      "Søknaden har fått vedtak, så stillingene kontrolleres ikke på nytt. Mener søkeren at vurderingen er feil, behandles det som en klage på vedtaket.",
    );
    expect(await db().position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ verificationStatus: "PENDING" });
    expect((await db().application.findUniqueOrThrow({ where: { id: quentin.application.id } })).assessedCategory).toBe(4);
  });
});

describe("a decision and another step on the same application at the same moment", () => {
  it("an offer waiting for the kull while the applicant withdraws sees the withdrawal: no offer, no letter", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: daysFromToday(-3) });
    const staff = await adviser();
    const wenche = await candidate(cohort.id, 1, "Wenche Trekker");
    // The withdrawal (withdrawApplication's order: the kull, then the application) is under way.
    const withdrawal = await connectRaw();
    try {
      await withdrawal.query("BEGIN");
      await withdrawal.query(`SELECT 1 FROM "Cohort" WHERE "id" = $1 FOR UPDATE`, [cohort.id]);
      await withdrawal.query(`UPDATE "Application" SET "status" = 'WITHDRAWN', "withdrawnAt" = now() WHERE "id" = $1`, [wenche.application.id]);
      const offering = offerPlace(staff, wenche.application.id).then(
        () => "offered",
        (error: Error) => error.message,
      );
      expect(await someoneWaitsFor(withdrawal)).toBe(true);
      await withdrawal.query("COMMIT");
      expect(await offering).toBe("Søknaden er trukket.");
    } finally {
      await withdrawal.end();
    }
    expect(await db().decision.count({ where: { applicationId: wenche.application.id } })).toBe(0);
    expect(await db().application.findUniqueOrThrow({ where: { id: wenche.application.id } })).toMatchObject({ status: "WITHDRAWN" });
  });

  it("a review step waits for a decision under way in the kull, and then sees it: a judgement never changes under a round", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: daysFromToday(-3) });
    const staff = await adviser();
    const rolf = await candidate(cohort.id, 2, "Rolf Rund");
    // A round (sendDecisionBatch holds the kull while it ranks and decides) decides Rolf.
    const round = await connectRaw();
    try {
      await round.query("BEGIN");
      await round.query(`SELECT 1 FROM "Cohort" WHERE "id" = $1 FOR UPDATE`, [cohort.id]);
      await round.query(
        `INSERT INTO "Decision" ("id", "applicationId", "outcome", "waitlistPosition", "grounds", "decidedById", "updatedAt") VALUES ($1, $2, 'WAITLIST', 1, 'Venteliste', $3, now())`,
        [`round-${rolf.application.id}`, rolf.application.id, staff.id],
      );
      await round.query(`UPDATE "Application" SET "status" = 'DECIDED' WHERE "id" = $1`, [rolf.application.id]);
      const judging = judgeQualification(staff, { applicationId: rolf.application.id, qualified: false, grounds: "Mangler 60 studiepoeng." }).then(
        () => "judged",
        (error: Error) => error.message,
      );
      // It waits for the kull (before, it took only the application's row: the round ranked on a
      // judgement changing under it, and a judgement came after the decision).
      expect(await someoneWaitsFor(round)).toBe(true);
      await round.query("COMMIT");
      expect(await judging).toBe("Søknaden har fått vedtak. Vurderingen kan bare endres i en klagesak.");
    } finally {
      await round.end();
    }
    expect(await db().application.findUniqueOrThrow({ where: { id: rolf.application.id } })).toMatchObject({ qualified: true });
  });
});

describe("an answer at the deadline and the waiting-list job", () => {
  it("take the kull's row in one order: an acceptance sent before the deadline's end holds, and the job finds it answered", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    const staff = await adviser();
    const olga = await candidate(cohort.id, 1, "Olga Tilbud");
    const per = await candidate(cohort.id, 2, "Per Venter");
    await sendRound(staff, cohort.id);
    const offer = await decisionOf(olga.application.id);
    const endOfDeadline = startOfDayInOslo(isoDate(new Date(offer.answerDeadline!.getTime() + 86_400_000)));
    const olgaViewer = await viewerOf(olga.user);

    // The job holds the kull's row (as while it expires offers and passes places on): the
    // acceptance, half a second before the end, waits for it before touching Olga's application,
    // so the two never hold each other's rows. (Taken the other way round, the two deadlocked and
    // the retried acceptance found the offer expired.)
    const job = await connectRaw();
    const other = await connectRaw();
    try {
      await job.query("BEGIN");
      await job.query(`SELECT 1 FROM "Cohort" WHERE "id" = $1 FOR UPDATE`, [cohort.id]);
      const accepting = answerOffer(olgaViewer, olga.application.id, "ACCEPTED", new Date(endOfDeadline.getTime() - 500));
      expect(await someoneWaitsFor(job)).toBe(true);
      await other.query("BEGIN");
      await expect(other.query(`SELECT 1 FROM "Application" WHERE "id" = $1 FOR UPDATE NOWAIT`, [olga.application.id])).resolves.toBeDefined();
      await other.query("ROLLBACK");
      await job.query("ROLLBACK");
      await accepting;
    } finally {
      await job.end();
      await other.end();
    }
    expect(await advanceWaitingLists({ cohortId: cohort.id, now: new Date(endOfDeadline.getTime() + 500) })).toMatchObject({ expired: 0, offered: 0 });
    expect(await decisionOf(olga.application.id)).toMatchObject({ answer: "ACCEPTED" });
    expect(await db().enrolment.count({ where: { applicationId: olga.application.id, status: "ACTIVE" } })).toBe(1);
    expect(await db().mailMessage.count({ where: { dedupeKey: `offer-expired:${offer.id}` } })).toBe(0);
    expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "WAITLIST" });
  });

  it("an offer the job has expired is answered with why, not «already answered»", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    const staff = await adviser();
    const olga = await candidate(cohort.id, 1, "Olga Tilbud");
    await sendRound(staff, cohort.id);
    const offer = await decisionOf(olga.application.id);
    const afterwards = new Date(startOfDayInOslo(isoDate(new Date(offer.answerDeadline!.getTime() + 86_400_000))).getTime() + 60_000);
    expect(await advanceWaitingLists({ cohortId: cohort.id, now: afterwards })).toMatchObject({ expired: 1 });
    await expect(answerOffer(await viewerOf(olga.user), olga.application.id, "ACCEPTED", afterwards)).rejects.toThrow(/^Svarfristen gikk ut .*, og plassen er gått videre\./);
  });
});

describe("a klage on admission when the kull is completed", () => {
  it("keeps the kull from being archived until it is decided; a completed kull gives no place, by klage or by acceptance", async () => {
    const deadline = daysFromToday(-3);
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline });
    const staff = await adviser();
    const olga = await candidate(cohort.id, 1, "Olga Tilbud");
    const rolf = await candidate(cohort.id, 1, "Rolf Refusert", false);
    await sendRound(staff, cohort.id);
    const appealId = await fileAppeal(await viewerOf(rolf.user), rolf.application.id, { text: "Jeg har 180 studiepoeng.", file: null });
    // Olga's offer is still open (its deadline moved on, say), when the kull is completed.
    await db().decision.update({ where: { applicationId: olga.application.id }, data: { answerDeadline: day(daysFromToday(400)) } });
    const later = new Date(day(daysFromToday(300)).getTime() + 12 * 3_600_000);
    await completeCohort(staff, cohort.id, later);

    await expect(decideAppeal(staff, appealId, { kind: "OFFER", grounds: "Vitnemålet viser 180 studiepoeng." }, later)).rejects.toThrow(
      "Kullet er avsluttet, så ingen kan få plass i det nå. Klagen kan ikke tas til følge med tilbud om plass.",
    );
    await expect(answerOffer(await viewerOf(olga.user), olga.application.id, "ACCEPTED", later)).rejects.toThrow(
      "Kullet er avsluttet, så studieplassen kan ikke tas imot. Kontakt studieveilederen.",
    );
    expect(await db().enrolment.count({ where: { cohortId: cohort.id } })).toBe(0);
    // Archived only once the klage is decided and, upheld, sent on to the appeals body.
    await expect(archiveCohort(staff, cohort.id, later)).rejects.toThrow(/1 klage er ikke avgjort eller ikke sendt videre til klagenemnda\./);
    await decideAppeal(staff, appealId, { kind: "UPHOLD", grounds: "Kullet er avsluttet.", forwarded: true }, later);
    await archiveCohort(staff, cohort.id, later);
    expect((await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).archivedAt).not.toBeNull();
  });
});

describe("after the waiting list has closed", () => {
  it("nobody ranked behind those refused «ventelisten er stengt» gets a place: neither a round nor the adviser's own offer gives one", async () => {
    const closesOn = daysFromToday(1);
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3), waitlistClosesOn: closesOn });
    const staff = await adviser();
    const olga = await candidate(cohort.id, 1, "Olga Tilbud");
    const per = await candidate(cohort.id, 2, "Per Venter");
    await sendRound(staff, cohort.id);
    const closed = new Date(day(closesOn).getTime() + 12 * 3_600_000);
    await answerOffer(await viewerOf(olga.user), olga.application.id, "DECLINED", closed);
    expect(await advanceWaitingLists({ cohortId: cohort.id, now: closed })).toMatchObject({ closed: 1, offered: 0 });
    expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "REFUSAL", grounds: GROUNDS.LIST_CLOSED });

    // Nils, ranked behind Per, is reviewed late: the free place is not his.
    const nils = await candidate(cohort.id, 4, "Nils Sen");
    const preview = await previewDecisionBatch(staff, cohort.id, { closeWaitlist: true }, closed);
    expect(preview.plan.freePlaces).toBe(0);
    expect(preview.plan.batch).toMatchObject({ offers: [], waitlistOffers: [], refusals: [{ id: nils.application.id, reason: "LIST_CLOSED" }] });
    await expect(offerPlace(staff, nils.application.id, closed)).rejects.toThrow(/^Ventelisten ble stengt .*\. Etter det gis det ikke flere tilbud om plass i kullet, bare etter en klage\.$/);
    // The review page says so instead of offering «Gi tilbud om studieplass» (open the day before).
    const review = (when: Date) => getApplicationForReview(staff, nils.application.id, parseApplicationFilter({}), when);
    expect((await review(new Date(closed.getTime() - 86_400_000)))!.offerClosed).toBeNull();
    // Before the application deadline neither: the page says why, as the action would (a walk pressed it to learn so).
    expect((await review(new Date(day(daysFromToday(-4)).getTime() + 12 * 3_600_000)))!.offerClosed).toMatch(/^Vedtak kan ikke sendes før søknadsfristen .* er ute\.$/);
    expect((await review(closed))!.offerClosed).toMatch(/^Ventelisten ble stengt /);
    await sendDecisionBatch(staff, cohort.id, { closeWaitlist: true, fingerprint: preview.plan.fingerprint }, closed);
    expect(await decisionOf(nils.application.id)).toMatchObject({ outcome: "REFUSAL", grounds: GROUNDS.LIST_CLOSED });
  });
});

describe("one person, two intakes of the same programme", () => {
  it("the second place cannot be accepted while she is a student of the first: a change of kull is a transfer", async () => {
    const first = await createOpenCohort(db(), { capacity: 5, deadline: daysFromToday(-3) });
    const second = await createOpenCohort(db(), { capacity: 5, deadline: daysFromToday(-2) });
    await db().cohort.update({ where: { id: second.cohort.id }, data: { programmeId: first.cohort.programmeId } });
    const staff = await adviser();
    const dina = await candidate(first.cohort.id, 1, "Dina Dobbel");
    const copy = await db().application.findUniqueOrThrow({ where: { id: dina.application.id } });
    const { id: _id, cohortId: _cohortId, createdAt: _createdAt, updatedAt: _updatedAt, draftInput: _draft, ...rest } = copy;
    const again = await db().application.create({ data: { ...rest, draftInput: undefined, cohortId: second.cohort.id } });
    await sendRound(staff, first.cohort.id);
    await sendRound(staff, second.cohort.id);
    const self = await viewerOf(dina.user);
    await answerOffer(self, dina.application.id, "ACCEPTED");
    await expect(answerOffer(self, again.id, "ACCEPTED")).rejects.toThrow(/^Du er allerede student i .* i samme studieprogram\. Vil du bytte kull, kontakt studieveilederen/);
    expect(await db().enrolment.count({ where: { userId: dina.user.id } })).toBe(1);
    // Declining it is still hers to do, and frees the place.
    await answerOffer(self, again.id, "DECLINED");
    expect(await decisionOf(again.id)).toMatchObject({ answer: "DECLINED" });
  });
});

describe("the waiting list's default closing day", () => {
  it("is kept when a round refuses someone as closed, also with nobody on the list", async () => {
    const deadline = daysFromToday(-100);
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline });
    const staff = await adviser();
    const olga = await candidate(cohort.id, 1, "Olga Tilbud");
    await sendRound(staff, cohort.id, new Date(day(daysFromToday(-99)).getTime() + 12 * 3_600_000));
    await answerOffer(await viewerOf(olga.user), olga.application.id, "ACCEPTED", new Date(day(daysFromToday(-98)).getTime() + 12 * 3_600_000));
    const firstDay = await db().samlingDay.findFirstOrThrow({ where: { samling: { cohorts: { some: { cohortId: cohort.id } } } }, orderBy: { date: "asc" } });
    // Nils is reviewed after the first samling day (ten days ago): refused as closed, a place free.
    const nils = await candidate(cohort.id, 2, "Nils Sen");
    await sendRound(staff, cohort.id, undefined, true);
    expect(await decisionOf(nils.application.id)).toMatchObject({ outcome: "REFUSAL", grounds: GROUNDS.LIST_CLOSED });
    expect(isoDate((await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).waitlistClosesOn!)).toBe(isoDate(firstDay.date));
    // The samling moves a month on; Nora, ranked behind Nils, is not offered the free place.
    await moveSamlingAMonthOn(firstDay.samlingId);
    const nora = await candidate(cohort.id, 4, "Nora Ny");
    const preview = await previewDecisionBatch(staff, cohort.id, { closeWaitlist: false });
    expect(preview.plan).toMatchObject({ waitlistClosed: true, freePlaces: 0 });
    expect(preview.plan.batch.refusals).toEqual([{ id: nora.application.id, reason: "LIST_CLOSED" }]);
  });


  it("is kept once the list has closed, so a plan changed afterwards does not open it again", async () => {
    const deadline = daysFromToday(-100);
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline });
    const staff = await adviser();
    await candidate(cohort.id, 1, "Olga Tilbud");
    const per = await candidate(cohort.id, 2, "Per Venter");
    await sendRound(staff, cohort.id, new Date(day(daysFromToday(-99)).getTime() + 12 * 3_600_000));
    expect((await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).waitlistClosesOn).toBeNull();
    const firstDay = await db().samlingDay.findFirstOrThrow({ where: { samling: { cohorts: { some: { cohortId: cohort.id } } } }, orderBy: { date: "asc" } });
    // The first samling day (ten days ago) closed the list.
    expect(await advanceWaitingLists({ cohortId: cohort.id })).toMatchObject({ closed: 1 });
    expect(await decisionOf(per.application.id)).toMatchObject({ outcome: "REFUSAL", grounds: GROUNDS.LIST_CLOSED });
    expect(isoDate((await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).waitlistClosesOn!)).toBe(isoDate(firstDay.date));
    // The samling is moved a month on: the list stays closed from the day it closed.
    await moveSamlingAMonthOn(firstDay.samlingId);
    const preview = await previewDecisionBatch(staff, cohort.id, { closeWaitlist: false });
    expect(preview.plan).toMatchObject({ waitlistClosed: true, waitlistClosesOn: isoDate(firstDay.date), freePlaces: 0 });
  });
});
