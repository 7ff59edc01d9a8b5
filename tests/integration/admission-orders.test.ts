// Admission when events come in an unusual order: places cut while offers are open, a klage that
// waits while the waiting list moves or the applicant withdraws, a late review after the decision,
// an acceptance at the deadline racing the job, a kull completed with a klage open, and the list
// after its closing day. Each case says what the law or the programme's rules require.
import { describe, expect, it } from "vitest";
import { osloDate } from "@/lib/domain/application-deadline";
import { decideAppeal, fileAppeal } from "@/lib/server/admission/appeals";
import { offerPlace, previewDecisionBatch, sendDecisionBatch } from "@/lib/server/admission/decisions";
import { advanceWaitingLists } from "@/lib/server/admission/waitlist";
import { answerOffer, withdrawApplication } from "@/lib/server/applications/submission";
import { updateIntake } from "@/lib/server/intakes/edit";
import { DomainError } from "@/lib/server/errors";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { db, signInAs } from "./support";

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

async function intakeFields(cohortId: string) {
  const c = await db().cohort.findUniqueOrThrow({ where: { id: cohortId } });
  return {
    cohortId,
    reason: null,
    code: c.code,
    name: c.name,
    capacity: c.capacity,
    applicationOpensOn: isoDate(c.applicationOpensOn),
    applicationDeadline: isoDate(c.applicationDeadline),
    offerAnswerDeadline: isoDate(c.offerAnswerDeadline),
    startsOn: isoDate(c.startsOn),
    endsOn: isoDate(c.endsOn),
    waitlistClosesOn: c.waitlistClosesOn ? isoDate(c.waitlistClosesOn) : null,
  };
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
    const cut = await updateIntake(staff, { ...(await intakeFields(cohort.id)), capacity: 1 }).catch((error) => error);
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
    expect(await appealOf(appealId)).toMatchObject({ status: "SETTLED", decidedById: rolf.user.id });
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
