import "server-only";
// Sending the application, withdrawing it, and answering an offer.
import { explainPriorityCategory } from "@/lib/domain/admission";
import { formatDeadline, isApplicationOpen, isBeforeEndOfDay } from "@/lib/domain/application-deadline";
import { missingApplicationItems } from "@/lib/domain/application-requirements";
import { formatInstantNb } from "@/lib/domain/format";
import { env } from "@/lib/env";
import { audit } from "@/lib/server/audit";
import { canReopenApplication, canWithdrawApplication } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { requestJob } from "@/lib/jobs/queue";
import { withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, toDomainPosition } from "@/lib/to-domain";
import { settleOpenAppeals } from "@/lib/server/admission/appeal-settlement";
import { loadApplicationDraft } from "./read";
import { lockOwnApplication, lockOwnApplicationAndKull, lockOwnDraft } from "./ownership";

/** Shown on the summary and returned by a submission while the applicant's address is unverified. */
export const VERIFY_BEFORE_SUBMITTING =
  "Du må bekrefte e-postadressen din før du kan sende søknaden. Åpne lenken vi sendte deg, eller be om en ny.";

/**
 * Sends the application: only before the deadline (end of the day, Europe/Oslo, on this
 * server's clock), only when nothing is missing, and only once the applicant has verified their
 * e-mail address (the receipt and the decision go there). The provisional priority category is
 * computed here, as of the deadline, for the applicant to see; the adviser checks it.
 */
export async function submitApplication(viewer: Viewer, applicationId: string, now = new Date()) {
  const explanation = await db().$transaction(async (tx) => {
    const application = await lockOwnDraft(tx, viewer, applicationId);
    const applicant = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { emailVerifiedAt: true } });
    if (!applicant.emailVerifiedAt) throw new DomainError(VERIFY_BEFORE_SUBMITTING);
    const deadline = isoDate(application.applicationDeadline);
    const window = { opensOn: isoDate(application.applicationOpensOn), deadline };
    if (!isApplicationOpen(window, now)) {
      throw new DomainError(`Søknadsfristen gikk ut ${formatDeadline(deadline)}. Søknaden kan ikke sendes.`);
    }
    const draft = await loadApplicationDraft(tx, application.id);
    const { reopenedAt } = await tx.application.findUniqueOrThrow({ where: { id: application.id }, select: { reopenedAt: true } });
    const missing = missingApplicationItems(draft.requirements);
    if (missing.length > 0) {
      throw new DomainError(`Søknaden mangler ${missing.length === 1 ? "én ting" : `${missing.length} ting`}. Se listen.`, {
        form: missing.map((item) => item.message),
      });
    }
    const explanation = explainPriorityCategory(draft.positions.map(toDomainPosition), deadline);
    await tx.application.update({
      where: { id: application.id },
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        provisionalCategory: explanation.category,
        provisionalCategoryReason: explanation.reasons.join(" "),
      },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "application.submit",
      entityType: "Application",
      entityId: application.id,
      before: { status: "DRAFT" },
      after: { status: "SUBMITTED", submittedAt: now, provisionalCategory: explanation.category },
    });
    const submitted = await tx.application.findUniqueOrThrow({
      where: { id: application.id },
      select: { fullName: true, cohort: { select: { name: true, programme: { select: { name: true } } } } },
    });
    // The receipt is queued with the submission: it goes out exactly when the submission commits.
    // One per sending: an application opened for change and sent again gets a receipt again.
    await queueMail(tx, {
      dedupeKey: reopenedAt ? `application-receipt:${application.id}:${now.toISOString()}` : `application-receipt:${application.id}`,
      userId: viewer.id,
      to: viewer.email,
      subject: `Kvittering: ${reopenedAt ? "endret søknad" : "søknad"} til ${submitted.cohort.programme.name}, ${submitted.cohort.name}`,
      text: [
        `Hei ${submitted.fullName ?? viewer.name},`,
        "",
        reopenedAt
          ? `Vi har mottatt den endrede søknaden din til ${submitted.cohort.programme.name}, ${submitted.cohort.name}, ${formatInstantNb(now)}. Den erstatter søknaden du sendte før.`
          : `Vi har mottatt søknaden din til ${submitted.cohort.programme.name}, ${submitted.cohort.name}, ${formatInstantNb(now)}.`,
        "",
        `Foreløpig prioritetskategori: ${explanation.category}. ${explanation.reasons.join(" ")}`,
        "Kategorien er foreløpig: studieveilederen kontrollerer den mot tjenestebevisene.",
        "",
        `Du kan følge søknaden og laste opp flere dokumenter her: ${env().APP_URL}/soker/soknad/${applicationId}`,
        `Fram til søknadsfristen ${formatDeadline(deadline)} kan du også åpne søknaden og endre den, så lenge studieveilederen ikke har begynt å behandle den.`,
        "",
        "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
      ].join("\n"),
    });
    return explanation;
  });
  await requestJob("mail.deliver");
  return { category: explanation.category, reasons: explanation.reasons };
}

/**
 * Opens the applicant's sent application for change (canReopenApplication: before the deadline
 * and before the adviser has begun the review). It becomes a draft again: not sent, not in the
 * adviser's lists, and not assessed unless she sends it again by the deadline. Sent again, it
 * counts as sent then (the ranking's last tie-breaker is the earliest sending; the confirmation
 * says so). Its documents stay. She is told by e-mail too, since a draft left unsent by mistake
 * is an application lost.
 */
export async function reopenApplication(viewer: Viewer, applicationId: string, now = new Date()) {
  await db().$transaction(async (tx) => {
    const application = await lockOwnApplication(tx, viewer, applicationId);
    const deadline = isoDate(application.applicationDeadline);
    const open = isApplicationOpen({ opensOn: isoDate(application.applicationOpensOn), deadline }, now);
    if (!canReopenApplication(viewer, { ...application, open })) {
      throw new DomainError(
        application.status === "DRAFT"
          ? "Søknaden er ikke sendt, så du kan endre den som den er."
          : application.status === "UNDER_REVIEW"
            ? "Studieveilederen har begynt å behandle søknaden, så den kan ikke åpnes for endring. Du kan fortsatt laste opp dokumenter; vil du endre noe annet, kontakt studieveilederen."
            : application.status === "SUBMITTED"
              ? `Søknadsfristen gikk ut ${formatDeadline(deadline)}, så søknaden kan ikke endres. Kontakt studieveilederen hvis noe er feil.`
              : "Søknaden er avgjort eller trukket og kan ikke endres.",
      );
    }
    const before = await tx.application.findUniqueOrThrow({
      where: { id: application.id },
      select: {
        submittedAt: true,
        provisionalCategory: true,
        fullName: true,
        cohort: { select: { name: true, programme: { select: { name: true, adviserName: true, adviserEmail: true } } } },
      },
    });
    await tx.application.update({
      where: { id: application.id },
      data: { status: "DRAFT", submittedAt: null, provisionalCategory: null, provisionalCategoryReason: null, reopenedAt: now },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "application.reopen",
      entityType: "Application",
      entityId: application.id,
      before: { status: "SUBMITTED", submittedAt: before.submittedAt, provisionalCategory: before.provisionalCategory },
      after: { status: "DRAFT", submittedAt: null, reopenedAt: now },
    });
    await queueMail(tx, {
      dedupeKey: `application-reopened:${application.id}:${now.toISOString()}`,
      userId: viewer.id,
      to: viewer.email,
      subject: `Søknaden din er åpnet for endring og er ikke sendt: ${before.cohort.programme.name}, ${before.cohort.name}`,
      text: [
        `Hei ${before.fullName ?? viewer.name},`,
        "",
        `Du åpnet søknaden din til ${before.cohort.programme.name}, ${before.cohort.name}, for endring ${formatInstantNb(now)}.`,
        "Søknaden er nå et utkast. Den blir bare vurdert hvis du sender den igjen.",
        "",
        `Send den senest ${formatDeadline(deadline)}: ${env().APP_URL}/soker/soknad/${application.id}/oppsummering`,
        "",
        `Var det ikke du som åpnet søknaden? Bytt passord på Min konto, og kontakt studieveileder ${before.cohort.programme.adviserName}, ${before.cohort.programme.adviserEmail}.`,
        "",
        "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
      ].join("\n"),
    });
  });
  await requestJob("mail.deliver");
}

/** Withdraws a sent application. An accepted offer is a study place: that goes through the adviser. */
export async function withdrawApplication(viewer: Viewer, applicationId: string, now = new Date()) {
  await withRetry(() => db().$transaction(async (tx) => {
    // The kull's row first, as the job takes it: it must not give a place from the list to an
    // application being withdrawn.
    const { application } = await lockOwnApplicationAndKull(tx, viewer, applicationId);
    const decision = await tx.decision.findUnique({ where: { applicationId }, select: { id: true, outcome: true, answer: true } });
    if (application.status === "DRAFT") throw new DomainError("Et utkast trenger du ikke trekke; det blir ikke sendt.");
    if (application.status === "WITHDRAWN") throw new DomainError("Søknaden er allerede trukket.");
    if (decision?.answer === "ACCEPTED") {
      throw new DomainError("Du har takket ja til studieplassen. Kontakt studieveilederen hvis du vil trekke deg.");
    }
    const klageWaiting = decision ? (await tx.appeal.count({ where: { decisionId: decision.id, status: "RECEIVED" } })) > 0 : false;
    if (!canWithdrawApplication(viewer, { ...application, decision, klageWaiting })) {
      throw new DomainError(
        application.status === "DECIDED" ? "Søknaden er ferdig behandlet, og vedtaket står. Det er ikke noe åpent å trekke." : "Søknaden kan ikke trekkes nå.",
      );
    }
    await tx.application.update({ where: { id: applicationId }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    // An open offer is declined with the withdrawal, so the place can go to the next in line.
    const declineOffer = decision?.outcome === "OFFER" && decision.answer === null;
    if (declineOffer) {
      await tx.decision.update({ where: { id: decision.id }, data: { answer: "DECLINED", answeredAt: now } });
    }
    // A klage waiting on the decision has nothing left to decide.
    if (decision) await settleOpenAppeals(tx, [decision.id], { cause: "WITHDRAWN", actorId: viewer.id, now });
    await audit(tx, {
      actorId: viewer.id,
      action: "application.withdraw",
      entityType: "Application",
      entityId: applicationId,
      before: { status: application.status, offerAnswer: decision?.answer ?? null },
      after: { status: "WITHDRAWN", offerAnswer: declineOffer ? "DECLINED" : (decision?.answer ?? null) },
    });
  }));
  // A declined offer frees a place, and leaving the waiting list lets the others move up: the
  // waiting-list job does both without anyone acting.
  await requestJob("admission.waitlist");
}

/**
 * Accepts or declines an offer, until the end of its answer deadline (Europe/Oslo). Accepting
 * makes the applicant a student of the cohort: the STUDENT role and an enrolment, within the
 * cohort's capacity (guarded by the database).
 */
export async function answerOffer(viewer: Viewer, applicationId: string, answer: "ACCEPTED" | "DECLINED", now = new Date()) {
  try {
    await withRetry(() => db().$transaction(async (tx) => {
      // The kull's row first: the job expires an offer and passes the place on under that lock,
      // so an answer and the job's expiry never hold each other's rows (a deadlock lost a timely
      // acceptance to the job's retry).
      const { application, cohort } = await lockOwnApplicationAndKull(tx, viewer, applicationId);
      const decision = await tx.decision.findUnique({
        where: { applicationId },
        select: { id: true, outcome: true, answer: true, answerDeadline: true },
      });
      if (!decision || decision.outcome !== "OFFER" || application.status !== "DECIDED") {
        throw new NotFoundError("Du har ikke noe tilbud å svare på for denne søknaden.");
      }
      const deadline = isoDate(decision.answerDeadline ?? application.offerAnswerDeadline);
      if (decision.answer === "EXPIRED") {
        throw new DomainError(`Svarfristen gikk ut ${formatDeadline(deadline)}, og plassen er gått videre. Kontakt studieveilederen hvis du mener at du svarte i tide.`);
      }
      if (decision.answer) throw new DomainError("Du har allerede svart på tilbudet.");
      if (!isBeforeEndOfDay(deadline, now)) {
        throw new DomainError(`Svarfristen gikk ut ${formatDeadline(deadline)}. Kontakt studieveilederen.`);
      }
      // A kull that is completed takes no new student (an offer reversed after a late klage, say).
      if (answer === "ACCEPTED" && cohort?.completedAt) {
        throw new DomainError("Kullet er avsluttet, så studieplassen kan ikke tas imot. Kontakt studieveilederen.");
      }
      // One place in a programme at a time: moving to another kull is a transfer, which carries
      // the approved arbeidskrav and attendance over explicitly (lib/server/enrolments/transfer.ts).
      if (answer === "ACCEPTED") {
        // Her own row, so two acceptances in two kull at once are checked one after the other.
        await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${viewer.id} FOR UPDATE`;
        const elsewhere = await tx.enrolment.findFirst({
          where: {
            userId: viewer.id,
            status: { in: ["ACTIVE", "ON_LEAVE"] },
            cohortId: { not: application.cohortId },
            cohort: { programme: { cohorts: { some: { id: application.cohortId } } } },
          },
          select: { cohort: { select: { name: true } } },
        });
        if (elsewhere) {
          throw new DomainError(
            `Du er allerede student i ${elsewhere.cohort.name} i samme studieprogram. Vil du bytte kull, kontakt studieveilederen: da blir du overført, og det du har fått godkjent, følger med.`,
          );
        }
      }
      await tx.decision.update({ where: { id: decision.id }, data: { answer, answeredAt: now } });
      let enrolmentId: string | null = null;
      if (answer === "ACCEPTED") {
        const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { roles: true } });
        if (!user.roles.includes("STUDENT")) {
          await tx.user.update({ where: { id: viewer.id }, data: { roles: { set: [...user.roles, "STUDENT"] } } });
        }
        const enrolment = await tx.enrolment.create({
          data: { userId: viewer.id, cohortId: application.cohortId, applicationId },
          select: { id: true },
        });
        enrolmentId = enrolment.id;
        await refreshStandings(tx, { cohortId: application.cohortId, enrolmentIds: [enrolment.id] }, { actorId: viewer.id, cause: "Studieplassen er tatt imot", now });
      }
      await audit(tx, {
        actorId: viewer.id,
        action: answer === "ACCEPTED" ? "offer.accept" : "offer.decline",
        entityType: "Decision",
        entityId: decision.id,
        before: { answer: null },
        after: { answer, answeredAt: now, enrolmentId },
      });
      // The receipt goes with the answer: it is queued only when the answer commits, and the
      // decision has one answer, so its id is the dedupe key.
      await queueMail(tx, offerAnswerReceipt(await tx.application.findUniqueOrThrow({
        where: { id: applicationId },
        select: { fullName: true, cohort: { select: { name: true, programme: { select: { name: true } } } } },
      }), { viewer, applicationId, decisionId: decision.id, answer, now }));
    }));
    await requestJob("mail.deliver");
    if (answer === "DECLINED") await requestJob("admission.waitlist");
  } catch (error) {
    // The capacity triggers (init migration) name their constraint Cohort_capacity.
    if (error instanceof Error && /Cohort_capacity|no free places/.test(error.message)) {
      throw new DomainError("Kullet er fullt, så studieplassen kan ikke registreres. Kontakt studieveilederen.");
    }
    throw error;
  }
}

/** The e-mail receipt for an answer to an offer: what was answered, when, and what follows. */
function offerAnswerReceipt(
  application: { fullName: string | null; cohort: { name: string; programme: { name: string } } },
  { viewer, applicationId, decisionId, answer, now }: { viewer: Viewer; applicationId: string; decisionId: string; answer: "ACCEPTED" | "DECLINED"; now: Date },
) {
  const place = `${application.cohort.programme.name}, ${application.cohort.name}`;
  const accepted = answer === "ACCEPTED";
  return {
    dedupeKey: `offer-answer:${decisionId}`,
    userId: viewer.id,
    to: viewer.email,
    subject: accepted ? `Kvittering: du har takket ja til studieplass i ${place}` : `Kvittering: du har takket nei til studieplass i ${place}`,
    text: [
      `Hei ${application.fullName ?? viewer.name},`,
      "",
      accepted
        ? `Vi har registrert at du takket ja til studieplassen i ${place}, ${formatInstantNb(now)}. Du er nå student i kullet, og finner studiene dine under «Student» når du logger inn.`
        : `Vi har registrert at du takket nei til studieplassen i ${place}, ${formatInstantNb(now)}. Plassen går til neste på ventelisten, og svaret kan ikke angres.`,
      "",
      `Søknaden din: ${env().APP_URL}/soker/soknad/${applicationId}`,
      "",
      "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
    ].join("\n"),
  };
}
