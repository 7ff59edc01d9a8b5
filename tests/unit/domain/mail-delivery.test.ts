import { describe, expect, it } from "vitest";
import { afterMailFailure, MAX_MAIL_ATTEMPTS, mailFailureKind } from "@/lib/domain/mail-delivery";

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
