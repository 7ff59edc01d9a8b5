// How an application's state is named to people (Norwegian), from its status and decision.
import type { Tone } from "@/components/status-badge";

export interface ApplicationStateInput {
  status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "DECIDED" | "WITHDRAWN";
  /** Set once a sent application was opened for change: as a draft it is then one not sent again. */
  reopenedAt?: Date | null;
  decision: { outcome: "OFFER" | "WAITLIST" | "REFUSAL"; waitlistPosition: number | null; answer: "ACCEPTED" | "DECLINED" | "EXPIRED" | null } | null;
}

export function applicationStateLabel(application: ApplicationStateInput): { label: string; tone: Tone } {
  switch (application.status) {
    case "DRAFT":
      return application.reopenedAt ? { label: "Åpnet for endring – ikke sendt", tone: "wait" } : { label: "Utkast – ikke sendt", tone: "neutral" };
    case "SUBMITTED":
      return { label: "Sendt", tone: "wait" };
    case "UNDER_REVIEW":
      return { label: "Under behandling", tone: "wait" };
    case "WITHDRAWN":
      return { label: "Trukket", tone: "neutral" };
    case "DECIDED": {
      const decision = application.decision;
      if (!decision) return { label: "Avgjort", tone: "neutral" };
      if (decision.outcome === "OFFER") {
        if (decision.answer === "ACCEPTED") return { label: "Tilbud takket ja til", tone: "good" };
        if (decision.answer === "DECLINED") return { label: "Tilbud takket nei til", tone: "neutral" };
        if (decision.answer === "EXPIRED") return { label: "Tilbudet gikk ut (ikke besvart)", tone: "neutral" };
        return { label: "Tilbud om studieplass", tone: "good" };
      }
      if (decision.outcome === "WAITLIST") return { label: `Venteliste, plass ${decision.waitlistPosition}`, tone: "wait" };
      return { label: "Avslag", tone: "bad" };
    }
  }
}
