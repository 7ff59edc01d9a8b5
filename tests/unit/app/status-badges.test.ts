// The arbeidskrav badge tells a vedtak (the last «ikke godkjent» of a required item) from the last
// hand-in of an optional extra, and both from one that may be handed in again.
import { describe, expect, it } from "vitest";
import { arbeidskravStatus, studentEligibilityStatus } from "@/components/status-badge";

describe("the arbeidskrav status badge", () => {
  it("says what «ikke godkjent» means for her: hand in again, a vedtak, or the last hand-in of an optional extra", () => {
    expect(arbeidskravStatus("NOT_APPROVED")).toEqual({ label: "Ikke godkjent – kan leveres på nytt", tone: "bad" });
    expect(arbeidskravStatus("NOT_APPROVED", { finalRejection: true, rejectionDecision: true })).toEqual({ label: "Ikke godkjent – vedtak etter siste innlevering", tone: "bad" });
    expect(arbeidskravStatus("NOT_APPROVED", { finalRejection: true, rejectionDecision: false })).toEqual({ label: "Ikke godkjent – siste innlevering", tone: "neutral" });
    expect(arbeidskravStatus("NOT_APPROVED", { finalRejection: false, rejectionDecision: false })).toEqual({ label: "Ikke godkjent – kan leveres på nytt", tone: "bad" });
    expect(arbeidskravStatus("APPROVED", { finalRejection: true, rejectionDecision: true })).toEqual({ label: "Godkjent", tone: "good" });
  });
});

describe("the student's own standing badge", () => {
  const eligible = { status: "ELIGIBLE" as const, arbeidskrav: { missing: [] } };
  const onTrack = { status: "ON_TRACK" as const, arbeidskrav: { missing: [{ final: false }] } };
  it("does not say «Du kan gå opp» beside a refusal of the exam that stands", () => {
    expect(studentEligibilityStatus(eligible, false)).toEqual({ label: "Du kan gå opp til eksamen", tone: "good" });
    expect(studentEligibilityStatus(eligible, true)).toEqual({ label: "Kravene er oppfylt – vedtaket om ikke adgang står", tone: "wait" });
    expect(studentEligibilityStatus(onTrack, true)).toEqual(studentEligibilityStatus(onTrack, false));
  });
});
