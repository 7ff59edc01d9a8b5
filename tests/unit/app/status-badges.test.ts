// The arbeidskrav badge tells a vedtak (the last «ikke godkjent» of a required item) from the last
// hand-in of an optional extra, and both from one that may be handed in again; a klage's badge
// says where it stands, here or with the klagenemnd.
import { describe, expect, it } from "vitest";
import { arbeidskravStatus, KLAGE_STATUS, klageBadge, studentEligibilityStatus } from "@/components/status-badge";

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

describe("a klage's badge on the staff's lists", () => {
  const sent = new Date("2027-04-10T09:00:00Z");
  const decided = (outcome: "UPHELD" | "REVERSED" | "QUASHED" | "CLOSED", extra: { notCarriedOut?: string | null; followedUpAt?: Date | null } = {}) => ({
    waiting: false,
    decision: { outcome, ...extra },
  });
  it("says where a klage not taken here stands with the klagenemnd, each of its outcomes in its own words", () => {
    expect(klageBadge({ status: "UPHELD" }, { waiting: true, decision: null })).toBe(KLAGE_STATUS.AT_APPEALS_BODY);
    expect(klageBadge({ status: "UPHELD" }, decided("UPHELD"))).toBe(KLAGE_STATUS.BODY_UPHELD);
    expect(klageBadge({ status: "UPHELD" }, decided("REVERSED"))).toBe(KLAGE_STATUS.BODY_REVERSED);
    expect(klageBadge({ status: "UPHELD" }, decided("REVERSED", { notCarriedOut: "Kullet er avsluttet." }))).toBe(KLAGE_STATUS.BODY_NOT_CARRIED_OUT);
    expect(klageBadge({ status: "UPHELD" }, decided("REVERSED", { notCarriedOut: "Kullet er avsluttet.", followedUpAt: sent }))).toBe(KLAGE_STATUS.BODY_REVERSED);
    // Hevet: closed without a decision, neither won nor lost.
    expect(klageBadge({ status: "UPHELD" }, decided("CLOSED"))).toEqual({ label: "Avsluttet av klagenemnda", tone: "neutral" });
  });
  it("a klage quashed and open here again, or never sent, keeps its own status", () => {
    expect(klageBadge({ status: "RECEIVED" }, decided("QUASHED"))).toBe(KLAGE_STATUS.RECEIVED);
    expect(klageBadge({ status: "UPHELD" }, { waiting: false, decision: null })).toBe(KLAGE_STATUS.UPHELD);
    expect(klageBadge({ status: "REVERSED", partly: true })).toBe(KLAGE_STATUS.PARTLY);
  });
});
