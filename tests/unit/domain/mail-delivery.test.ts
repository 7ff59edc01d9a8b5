import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ADDRESS_BOUND_MAIL,
  addressBoundKey,
  afterMailFailure,
  MAX_MAIL_ATTEMPTS,
  mailDeliveryState,
  mailFailureKind,
  needsAdministrator,
  resendProblem,
  resendRecipient,
  STALE_CLAIM_MINUTES,
  staleClaimCutoff,
} from "@/lib/domain/mail-delivery";

describe("mailFailureKind", () => {
  it("is permanent for a 5xx answer and temporary for a 4xx answer", () => {
    for (const code of [500, 550, 552, 553, 554, 599]) expect(mailFailureKind({ responseCode: code })).toBe("permanent");
    for (const code of [421, 450, 451, 452, 499]) expect(mailFailureKind({ responseCode: code })).toBe("temporary");
  });

  it("is temporary when the server gave no answer (refused connection, timeout, a file error)", () => {
    expect(mailFailureKind(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe("temporary");
    expect(mailFailureKind(Object.assign(new Error("Timeout"), { code: "ETIMEDOUT" }))).toBe("temporary");
    expect(mailFailureKind(new Error("EACCES"))).toBe("temporary");
    expect(mailFailureKind("a string")).toBe("temporary");
    expect(mailFailureKind(null)).toBe("temporary");
    expect(mailFailureKind({ responseCode: "550" })).toBe("temporary");
  });
});

describe("afterMailFailure", () => {
  const now = new Date("2026-12-03T10:00:00Z");

  it("backs off 1, 2, 4 … minutes and gives up after the last attempt", () => {
    const delays: number[] = [];
    for (let attempts = 1; attempts < MAX_MAIL_ATTEMPTS; attempts += 1) {
      const outcome = afterMailFailure("temporary", attempts, now);
      if (outcome.giveUp) throw new Error(`gave up after ${attempts}`);
      delays.push((outcome.nextAttemptAt.getTime() - now.getTime()) / 60_000);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(afterMailFailure("temporary", MAX_MAIL_ATTEMPTS, now)).toEqual({ giveUp: true });
  });

  it("gives up at once on a permanent failure", () => {
    expect(afterMailFailure("permanent", 1, now)).toEqual({ giveUp: true });
  });
});

describe("mailDeliveryState", () => {
  const now = new Date("2026-12-04T10:00:00Z");
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("names each state from the stored facts", () => {
    expect(mailDeliveryState({ sentAt: minutesAgo(1), failedAt: null, sendingSince: null }, now)).toBe("SENT");
    expect(mailDeliveryState({ sentAt: null, failedAt: minutesAgo(1), sendingSince: null }, now)).toBe("GIVEN_UP");
    expect(mailDeliveryState({ sentAt: null, failedAt: null, sendingSince: null }, now)).toBe("WAITING");
    expect(mailDeliveryState({ sentAt: null, failedAt: null, sendingSince: minutesAgo(STALE_CLAIM_MINUTES - 1) }, now)).toBe("SENDING");
    expect(mailDeliveryState({ sentAt: null, failedAt: null, sendingSince: minutesAgo(STALE_CLAIM_MINUTES) }, now)).toBe("UNKNOWN");
    expect(mailDeliveryState({ sentAt: null, failedAt: null, sendingSince: minutesAgo(60 * 24) }, now)).toBe("UNKNOWN");
  });

  it("is UNKNOWN for a claim exactly when it was made at or before the cut-off a query uses", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 60 * 24 }), (secondsAgo) => {
        const sendingSince = new Date(now.getTime() - secondsAgo * 1000);
        const state = mailDeliveryState({ sentAt: null, failedAt: null, sendingSince }, now);
        expect(state === "UNKNOWN").toBe(sendingSince.getTime() <= staleClaimCutoff(now).getTime());
        expect(state === "UNKNOWN" ? "UNKNOWN" : "SENDING").toBe(state);
      }),
    );
    expect(staleClaimCutoff(now)).toEqual(minutesAgo(STALE_CLAIM_MINUTES));
  });

  it("sent wins over everything else, and a given-up message is not in doubt", () => {
    expect(mailDeliveryState({ sentAt: minutesAgo(1), failedAt: minutesAgo(2), sendingSince: minutesAgo(90) }, now)).toBe("SENT");
    expect(mailDeliveryState({ sentAt: null, failedAt: minutesAgo(2), sendingSince: minutesAgo(90) }, now)).toBe("GIVEN_UP");
  });

  it("may be sent again by hand exactly when nothing will send it by itself", () => {
    const instant = fc.option(fc.integer({ min: 0, max: 60 * 24 * 30 }).map(minutesAgo), { nil: null });
    fc.assert(
      fc.property(instant, instant, instant, (sentAt, failedAt, sendingSince) => {
        const state = mailDeliveryState({ sentAt, failedAt, sendingSince }, now);
        expect(resendProblem(state) === null).toBe(needsAdministrator(state));
        // Only a message the queue will never pick again (lib/server/mail.ts claims rows with
        // neither sentAt, failedAt nor sendingSince) is the administrator's.
        const queuePicksIt = sentAt === null && failedAt === null && sendingSince === null;
        if (needsAdministrator(state)) expect(queuePicksIt).toBe(false);
        if (state === "WAITING") expect(queuePicksIt).toBe(true);
      }),
    );
  });

  it("says why a message cannot be sent again", () => {
    expect(resendProblem("SENT")).toBe("E-posten er allerede sendt.");
    expect(resendProblem("WAITING")).toBe("E-posten er fortsatt i køen og sendes av seg selv.");
    expect(resendProblem("SENDING")).toBe("E-posten er fortsatt i køen og sendes av seg selv.");
    expect(resendProblem("GIVEN_UP")).toBeNull();
    expect(resendProblem("UNKNOWN")).toBeNull();
  });
});

describe("resendRecipient", () => {
  const mistyped = "kari.nordman@example.no";
  const corrected = "kari.nordmann@example.no";

  it("sends a message for an account to the account's address as it is now", () => {
    for (const key of ["student-letter:c1", "decision-letter:c2", "application-receipt:c3", "attendance-notice:c4:1"]) {
      expect(resendRecipient({ to: mistyped, dedupeKey: key }, corrected)).toBe(corrected);
      expect(resendRecipient({ to: corrected, dedupeKey: key }, corrected)).toBe(corrected);
    }
  });

  it("keeps the address of a link or a security notice, and of a message for no account", () => {
    for (const kind of ADDRESS_BOUND_MAIL) expect(resendRecipient({ to: mistyped, dedupeKey: addressBoundKey(kind, "t1") }, corrected)).toBe(mistyped);
    expect(resendRecipient({ to: mistyped, dedupeKey: "student-letter:c1" }, null)).toBe(mistyped);
  });

  it("reads the kind from the key's first part only: a kind's name later in the key does not bind it", () => {
    expect(resendRecipient({ to: mistyped, dedupeKey: "student-letter:account-link:x" }, corrected)).toBe(corrected);
    expect(resendRecipient({ to: mistyped, dedupeKey: "account-linked:x" }, corrected)).toBe(corrected);
    expect(resendRecipient({ to: mistyped, dedupeKey: "no-colon-at-all" }, corrected)).toBe(corrected);
    expect(resendRecipient({ to: mistyped, dedupeKey: "account-link" }, corrected)).toBe(mistyped);
  });
});
