import "server-only";
// The members of a group hand-in, before it is assessed (the rules: lib/domain/submission-group.ts):
// a member leaves, a confirmed member adds a classmate, a member added by someone else confirms.
// Each change is one transaction that locks the submission row first (so two changes to one group
// are decided one after the other) and the enrolments involved; it is audited, and every member
// (and the one who left) is told by e-mail. The database keeps one submission per student per
// arbeidskrav, the largest group size (a trigger) and the smallest (checked at commit).
import { randomUUID } from "node:crypto";
import { addProblem, confirmProblem, leaveProblem, type GroupMember } from "@/lib/domain/submission-group";
import { joinNb } from "@/lib/domain/format";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";

const NOT_FOUND = "Fant ikke innleveringen.";

interface LockedGroup {
  submissionId: string;
  arbeidskravId: string;
  title: string;
  cohortId: string;
  rule: { individualOnly: boolean; minGroupSize: number; maxGroupSize: number };
  attempts: ("SUBMITTED" | "APPROVED" | "NOT_APPROVED")[];
  members: (GroupMember & { userId: string; name: string; email: string })[];
  /** The viewer's enrolment in the submission's cohort (active). */
  own: string;
}

/** Locks the submission the viewer is (or was asked to act in) a member of, and reads the group. */
async function lockGroup(tx: Transaction, viewer: Viewer, submissionId: string): Promise<LockedGroup> {
  const [row] = await tx.$queryRaw<
    { submissionId: string; arbeidskravId: string; title: string; cohortId: string; individualOnly: boolean; minGroupSize: number; maxGroupSize: number }[]
  >`
    SELECT s."id" AS "submissionId", s."arbeidskravId", a."title", a."cohortId", a."individualOnly", a."minGroupSize", a."maxGroupSize"
    FROM "Submission" s JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
    WHERE s."id" = ${submissionId}
    FOR UPDATE OF s`;
  if (!row) throw new NotFoundError(NOT_FOUND);
  const [own, members, attempts] = await inOrder(
    () => tx.enrolment.findFirst({ where: { userId: viewer.id, cohortId: row.cohortId, status: "ACTIVE" }, select: { id: true } }),
    () =>
      tx.submissionMember.findMany({
        where: { submissionId },
        orderBy: { enrolment: { user: { name: "asc" } } },
        select: { enrolmentId: true, confirmedAt: true, enrolment: { select: { userId: true, user: { select: { name: true, email: true } } } } },
      }),
    () => tx.submissionAttempt.findMany({ where: { submissionId }, orderBy: { attempt: "asc" }, select: { status: true } }),
  );
  // Someone outside the group learns nothing about it.
  if (!own || !members.some((member) => member.enrolmentId === own.id)) throw new NotFoundError(NOT_FOUND);
  return {
    submissionId: row.submissionId,
    arbeidskravId: row.arbeidskravId,
    title: row.title,
    cohortId: row.cohortId,
    rule: { individualOnly: row.individualOnly, minGroupSize: row.minGroupSize, maxGroupSize: row.maxGroupSize },
    attempts: attempts.map((attempt) => attempt.status),
    members: members.map((member) => ({
      enrolmentId: member.enrolmentId,
      confirmed: member.confirmedAt !== null,
      userId: member.enrolment.userId,
      name: member.enrolment.user.name,
      email: member.enrolment.user.email,
    })),
    own: own.id,
  };
}

function requireStudent(viewer: Viewer) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
}

async function tellEveryone(
  tx: Transaction,
  recipients: readonly { enrolmentId: string; userId: string; name: string; email: string }[],
  input: { event: string; subject: string; lines: (name: string, enrolmentId: string) => string[]; arbeidskravId: string },
) {
  for (const person of recipients) {
    await queueMail(tx, {
      dedupeKey: `group-change:${input.event}:${person.enrolmentId}`,
      userId: person.userId,
      to: person.email,
      subject: input.subject,
      text: [
        `Hei ${person.name},`,
        "",
        ...input.lines(person.name, person.enrolmentId),
        "",
        `Arbeidskravet og gruppen: ${env().APP_URL}/student/arbeidskrav/${input.arbeidskravId}`,
        "",
        "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU",
      ].join("\n"),
    });
  }
}

/** The viewer leaves the group; they hand in on their own afterwards, and the group's assessment never covers them. */
export async function leaveGroup(viewer: Viewer, submissionId: string) {
  requireStudent(viewer);
  const result = await db().$transaction(async (tx) => {
    const group = await lockGroup(tx, viewer, submissionId);
    const problem = leaveProblem(group.rule, group.members, group.own, group.attempts);
    if (problem) throw new DomainError(problem);
    await tx.submissionMember.delete({ where: { submissionId_enrolmentId: { submissionId, enrolmentId: group.own } } });
    const remaining = group.members.filter((member) => member.enrolmentId !== group.own);
    await audit(tx, {
      actorId: viewer.id,
      action: "submission.member_leave",
      entityType: "Submission",
      entityId: submissionId,
      before: { members: group.members.map((member) => member.enrolmentId) },
      after: { members: remaining.map((member) => member.enrolmentId), left: group.own },
    });
    const me = group.members.find((member) => member.enrolmentId === group.own)!;
    await tellEveryone(tx, group.members, {
      event: randomUUID(),
      arbeidskravId: group.arbeidskravId,
      subject: `Gruppen for ${group.title} er endret`,
      lines: (_name, enrolmentId) =>
        enrolmentId === group.own
          ? [
              `Du har gått ut av gruppen (${joinNb(remaining.map((member) => member.name))}) for ${group.title}.`,
              "Gruppens innlevering og vurdering gjelder ikke lenger deg. Du leverer arbeidskravet selv.",
            ]
          : [`${me.name} har gått ut av gruppen for ${group.title}. Gruppen er nå ${joinNb(remaining.map((member) => member.name))}.`],
    });
    return { title: group.title, arbeidskravId: group.arbeidskravId };
  });
  await requestJob("mail.deliver");
  return result;
}

/** A confirmed member adds a classmate (who must confirm in turn). */
export async function addGroupMember(viewer: Viewer, submissionId: string, enrolmentId: string) {
  requireStudent(viewer);
  try {
    const result = await db().$transaction(async (tx) => {
      const group = await lockGroup(tx, viewer, submissionId);
      const [classmate] = await tx.$queryRaw<{ id: string; userId: string }[]>`
        SELECT e."id", e."userId" FROM "Enrolment" e
        WHERE e."id" = ${enrolmentId} AND e."cohortId" = ${group.cohortId} AND e."status" = 'ACTIVE'
        FOR UPDATE OF e`;
      if (!classmate) {
        const message = "Du kan bare legge til studenter som er aktive i ditt eget kull.";
        throw new DomainError(message, { enrolmentId: [message] });
      }
      const elsewhere = await tx.submissionMember.findFirst({
        where: { enrolmentId, arbeidskravId: group.arbeidskravId, submissionId: { not: submissionId } },
        select: { submissionId: true },
      });
      const problem = addProblem(group.rule, group.members, group.own, enrolmentId, group.attempts, elsewhere !== null);
      if (problem) throw new DomainError(problem, { enrolmentId: [problem] });
      await tx.submissionMember.create({
        data: { submissionId, arbeidskravId: group.arbeidskravId, enrolmentId, confirmedAt: null, addedById: viewer.id },
      });
      const added = await tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { userId: true, user: { select: { name: true, email: true } } } });
      const newcomer = { enrolmentId, userId: added.userId, name: added.user.name, email: added.user.email };
      const everyone = [...group.members, newcomer];
      await audit(tx, {
        actorId: viewer.id,
        action: "submission.member_add",
        entityType: "Submission",
        entityId: submissionId,
        before: { members: group.members.map((member) => member.enrolmentId) },
        after: { members: everyone.map((member) => member.enrolmentId), added: enrolmentId, confirmed: false },
      });
      const names = joinNb(everyone.map((member) => member.name));
      await tellEveryone(tx, everyone, {
        event: randomUUID(),
        arbeidskravId: group.arbeidskravId,
        subject: `Gruppen for ${group.title} er endret`,
        lines: (_name, id) =>
          id === enrolmentId
            ? [
                `${viewer.name} har lagt deg til i gruppen (${names}) som leverer ${group.title}.`,
                "Du er ikke med før du har bekreftet det på arbeidskravets side. Skulle du ikke vært med, går du ut av gruppen der.",
                "Den som ikke har bekreftet når innleveringen vurderes, er ikke med i vurderingen og må levere selv.",
              ]
            : [`${viewer.name} har lagt til ${newcomer.name} i gruppen for ${group.title}. Gruppen er nå ${names}. ${newcomer.name} har ikke bekreftet ennå.`],
      });
      return { title: group.title, name: newcomer.name, arbeidskravId: group.arbeidskravId };
    });
    await requestJob("mail.deliver");
    return result;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = "Studenten ble nettopp med i en annen innlevering av dette arbeidskravet.";
      throw new DomainError(message, { enrolmentId: [message] });
    }
    throw error;
  }
}

/** A member added by someone else confirms that they are in the group. */
export async function confirmGroupMembership(viewer: Viewer, submissionId: string, now = new Date()) {
  requireStudent(viewer);
  const result = await db().$transaction(async (tx) => {
    const group = await lockGroup(tx, viewer, submissionId);
    const problem = confirmProblem(group.members, group.own, group.attempts);
    if (problem) throw new DomainError(problem);
    await tx.submissionMember.update({ where: { submissionId_enrolmentId: { submissionId, enrolmentId: group.own } }, data: { confirmedAt: now } });
    await audit(tx, {
      actorId: viewer.id,
      action: "submission.member_confirm",
      entityType: "Submission",
      entityId: submissionId,
      before: { enrolmentId: group.own, confirmed: false },
      after: { enrolmentId: group.own, confirmed: true },
    });
    const me = group.members.find((member) => member.enrolmentId === group.own)!;
    await tellEveryone(tx, group.members, {
      event: randomUUID(),
      arbeidskravId: group.arbeidskravId,
      subject: `${me.name} er med i gruppen for ${group.title}`,
      lines: (_name, id) =>
        id === group.own
          ? [`Du har bekreftet at du er med i gruppen for ${group.title}. Vurderingen av gruppens innlevering gjelder også deg.`]
          : [`${me.name} har bekreftet sin plass i gruppen for ${group.title}.`],
    });
    return { title: group.title, arbeidskravId: group.arbeidskravId };
  });
  await requestJob("mail.deliver");
  return result;
}
