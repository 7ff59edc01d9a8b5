import "server-only";
// A student who leaves a kull (withdraws, or transfers to a later one) gives the admission place
// back only while the kull's waiting list is open (lib/domain/enrolment.ts releasesPlace): the
// enrolment records it (placeReleasedAt), placesTaken and the capacity trigger stop counting it,
// and the `admission.waitlist` job offers it to the first on the list. After the list has closed
// the place stays taken. Only a place that came through admission (an accepted offer) or a
// transfer is one to give back; a student put on the list directly (the demo's history) has none.
import { osloDate } from "@/lib/domain/application-deadline";
import { releasesPlace } from "@/lib/domain/enrolment";
import type { Transaction } from "@/lib/db/client";
import { waitlistClosingDateOf } from "@/lib/server/admission/places";

export interface PlaceOutcome {
  /** The place went back to admission (the waiting list moves). */
  released: boolean;
  /** The day the kull's waiting list closes (or closed). */
  waitlistClosesOn: string;
  /** The enrolment held an admission place at all. */
  heldPlace: boolean;
}

export async function givePlaceBack(tx: Transaction, enrolment: { id: string; cohortId: string; applicationId: string | null; transferredFromId: string | null }, now: Date): Promise<PlaceOutcome> {
  const cohort = await tx.cohort.findUniqueOrThrow({ where: { id: enrolment.cohortId }, select: { id: true, waitlistClosesOn: true, startsOn: true } });
  const closesOn = await waitlistClosingDateOf(tx, cohort);
  const accepted = enrolment.applicationId
    ? (await tx.decision.findUnique({ where: { applicationId: enrolment.applicationId }, select: { outcome: true, answer: true } }))
    : null;
  const heldPlace = (accepted?.outcome === "OFFER" && accepted.answer === "ACCEPTED") || enrolment.transferredFromId !== null;
  const released = heldPlace && releasesPlace({ withdrawnOn: osloDate(now), waitlistClosesOn: closesOn });
  if (released) await tx.enrolment.update({ where: { id: enrolment.id }, data: { placeReleasedAt: now } });
  return { released, waitlistClosesOn: closesOn, heldPlace };
}
