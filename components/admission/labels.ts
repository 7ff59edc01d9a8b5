// Norwegian words for admission states, shared by the adviser's pages.
import type { Tone } from "@/components/status-badge";

export const APPLICATION_STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  SUBMITTED: { label: "Ikke vurdert", tone: "neutral" },
  UNDER_REVIEW: { label: "Under vurdering", tone: "wait" },
  DECIDED: { label: "Vedtak sendt", tone: "good" },
  WITHDRAWN: { label: "Trukket", tone: "neutral" },
};

export const STATUS_FILTER_LABELS: Record<string, string> = {
  SUBMITTED: "Ikke vurdert",
  UNDER_REVIEW: "Under vurdering",
  DECIDED: "Vedtak sendt",
  WITHDRAWN: "Trukket",
};

export function decisionLabel(decision: { outcome: "OFFER" | "WAITLIST" | "REFUSAL"; waitlistPosition: number | null; answer: string | null } | null): string {
  if (!decision) return "Ingen vedtak";
  if (decision.outcome === "WAITLIST") return `Venteliste nr. ${decision.waitlistPosition}`;
  if (decision.outcome === "REFUSAL") return "Avslag";
  switch (decision.answer) {
    case "ACCEPTED":
      return "Tilbud – takket ja";
    case "DECLINED":
      return "Tilbud – takket nei";
    case "EXPIRED":
      return "Tilbud – gikk ut";
    default:
      return "Tilbud – venter på svar";
  }
}

export const VERIFICATION_LABELS = {
  PENDING: { label: "Ikke kontrollert", tone: "neutral" },
  VERIFIED: { label: "Godkjent", tone: "good" },
  REJECTED: { label: "Avvist", tone: "bad" },
} as const satisfies Record<string, { label: string; tone: Tone }>;
