import Link from "next/link";
import type { NextStep, NextStepTarget } from "@/lib/domain/next-steps";

const TONE: Record<NextStep["tone"], { symbol: string; label: string; className: string }> = {
  urgent: { symbol: "!", label: "Viktig", className: "border-red-700 bg-red-50 text-red-900" },
  todo: { symbol: "→", label: "Gjør", className: "border-brand-600 bg-brand-50 text-brand-800" },
  info: { symbol: "i", label: "Til orientering", className: "border-slate-400 bg-slate-50 text-slate-800" },
};

export function hrefOf(target: NextStepTarget): string {
  switch (target.kind) {
    case "arbeidskrav":
      return `/student/arbeidskrav/${target.id}`;
    case "arbeidskrav-list":
      return "/student/arbeidskrav";
    case "attendance":
      return "/student/oppmote";
    case "schedule":
      return "/student/timeplan";
    case "exam":
      return "/student#eksamen";
    case "contacts":
      return "/student#kontakter";
    case "letters":
      return "/student/brev";
    case "letter":
      return `/student/brev/${target.id}`;
  }
}

const LINK_TEXT: Record<NextStepTarget["kind"], string> = {
  arbeidskrav: "Gå til arbeidskravet",
  "arbeidskrav-list": "Se arbeidskravene",
  attendance: "Se oppmøtet",
  schedule: "Se timeplanen",
  exam: "Om eksamen",
  contacts: "Kontakter",
  letters: "Les brevene",
  letter: "Les brevet",
};

/** What the student should do next, most pressing first, each with a link to where it is done. */
export function NextSteps({ steps }: { steps: readonly NextStep[] }) {
  if (steps.length === 0) return <p className="mt-2">Du har ingenting du må gjøre akkurat nå.</p>;
  return (
    <ul className="mt-3 space-y-2">
      {steps.map((step) => {
        const tone = TONE[step.tone];
        return (
          <li key={step.key} className="flex gap-3 rounded-md border border-slate-200 p-3">
            <span
              aria-hidden="true"
              className={`flex size-7 shrink-0 items-center justify-center rounded-full border font-bold ${tone.className}`}
            >
              {tone.symbol}
            </span>
            <div className="min-w-0">
              <p id={`steg-${step.key}`}>
                <span className="sr-only">{tone.label}: </span>
                {step.text}
              </p>
              <Link href={hrefOf(step.target)} aria-describedby={`steg-${step.key}`} className="mt-1 inline-block text-sm">
                {LINK_TEXT[step.target.kind]}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
