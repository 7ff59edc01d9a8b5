import "server-only";
// A klage on an admission decision asks for a place (or a better place on the waiting list). When
// the applicant gets an offer another way while the klage waits (the waiting-list job, a batch of
// decisions, the adviser's own offer) or withdraws the application, there is nothing left to
// decide: the klage is closed as SETTLED, with why, in the transaction that changed the decision
// (audited `appeal.settle`). Deciding it afterwards would turn the offer into something the
// applicant did not ask for, or give a withdrawn application a place nobody can take.
import { formatDateNb } from "@/lib/domain/format";
import { osloDate } from "@/lib/domain/application-deadline";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { auditMany } from "@/lib/server/audit";
import { queueMails } from "@/lib/server/mail";

export type SettlementCause = "OFFERED" | "WITHDRAWN";

/** The grounds stored on the klage (shown to the applicant and on the adviser's list). */
export function settlementGrounds(cause: SettlementCause, on: string): string {
  return cause === "OFFERED"
    ? `Søkeren fikk tilbud om studieplass ${formatDateNb(on)} mens klagen var til behandling. Klagen er dermed imøtekommet og avsluttet.`
    : `Søkeren trakk søknaden ${formatDateNb(on)}. Klagen er dermed avsluttet.`;
}

/** Closes the open klager on these decisions; returns how many. */
export async function settleOpenAppeals(
  tx: Transaction,
  decisionIds: readonly string[],
  context: { cause: SettlementCause; actorId: string | null; now: Date },
): Promise<number> {
  if (decisionIds.length === 0) return 0;
  const open = await tx.appeal.findMany({
    where: { decisionId: { in: [...decisionIds] }, status: "RECEIVED" },
    select: {
      id: true,
      decisionId: true,
      filedAt: true,
      application: { select: { id: true, applicantId: true, applicant: { select: { name: true, email: true } }, cohort: { select: { name: true } } } },
    },
  });
  if (open.length === 0) return 0;
  const today = osloDate(context.now);
  const grounds = settlementGrounds(context.cause, today);
  await tx.appeal.updateMany({
    where: { id: { in: open.map((appeal) => appeal.id) }, status: "RECEIVED" },
    // Nobody decided it: the adviser who made the offer is named (the job: none); a withdrawal is
    // the applicant's own step, named in the audit entry only.
    data: { status: "SETTLED", grounds, decidedById: context.cause === "OFFERED" ? context.actorId : null, decidedAt: context.now },
  });
  await auditMany(
    tx,
    open.map((appeal) => ({
      actorId: context.actorId,
      action: "appeal.settle",
      entityType: "Appeal",
      entityId: appeal.id,
      before: { status: "RECEIVED" },
      after: { status: "SETTLED", cause: context.cause, grounds, decisionId: appeal.decisionId },
    })),
  );
  // Whoever withdrew knows; an applicant offered a place is told the klage is closed with it.
  if (context.cause === "OFFERED") {
    await queueMails(
      tx,
      open.map((appeal) => ({
        dedupeKey: `appeal-settled:${appeal.id}`,
        userId: appeal.application.applicantId,
        to: appeal.application.applicant.email,
        subject: "Klagen din er avsluttet: du har fått tilbud om studieplass",
        text: [
          `Hei ${appeal.application.applicant.name},`,
          "",
          `Du har fått tilbud om studieplass i ${appeal.application.cohort.name}. Tilbudsbrevet og svarfristen finner du i søknadsportalen: ${env().APP_URL}/soker/soknad/${appeal.application.id}`,
          "",
          `Klagen du sendte ${formatDateNb(osloDate(appeal.filedAt))} gjaldt opptaket, og med tilbudet er den imøtekommet. Vi avslutter den derfor uten egen avgjørelse.`,
          "Mener du at klagen likevel skal behandles, kontakt studieveilederen.",
          "",
          "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
        ].join("\n"),
      })),
    );
  }
  return open.length;
}
