// The programme's study plan as NTNU publishes it today: the template a new cohort's arbeidskrav
// are copied from (Programme.arbeidskravTemplates holds it in the database; this is what the seed
// writes there). Changing the plan for future cohorts is a change of data, not of the rules.
import type { ArbeidskravKind } from "@/lib/domain/arbeidskrav";

export interface ArbeidskravTemplateInput {
  number: number;
  kind: ArbeidskravKind;
  title: string;
  description: string;
  individualOnly: boolean;
  oralPresentation: boolean;
  minGroupSize: number;
  maxGroupSize: number;
}

/**
 * Two fagnotat (the first individual, the second alone or in a group of up to three, presented
 * orally) and three ledertreningsoppgaver based on the student's own practice.
 */
export const STANDARD_ARBEIDSKRAV: readonly ArbeidskravTemplateInput[] = [
  { number: 1, kind: "FAGNOTAT", title: "Fagnotat 1 (individuelt)", individualOnly: true, oralPresentation: false, minGroupSize: 1, maxGroupSize: 1,
    description: "Et praksisnært fagnotat med utgangspunkt i eget arbeidsfelt, skrevet alene." },
  { number: 2, kind: "LEDERTRENING", title: "Ledertreningsoppgave 1", individualOnly: true, oralPresentation: false, minGroupSize: 1, maxGroupSize: 1,
    description: "Beskriv et treningsmål fra egen ledertrening og hvordan du arbeidet med det." },
  { number: 3, kind: "FAGNOTAT", title: "Fagnotat 2 (gruppe eller individuelt)", individualOnly: false, oralPresentation: true, minGroupSize: 1, maxGroupSize: 3,
    description: "Fagnotat skrevet alene eller i gruppe på 2–3 studenter. Legges også fram muntlig." },
  { number: 4, kind: "LEDERTRENING", title: "Ledertreningsoppgave 2", individualOnly: true, oralPresentation: false, minGroupSize: 1, maxGroupSize: 1,
    description: "En konkret lederutfordring fra egen praksis, med refleksjon over egen lederatferd." },
  { number: 5, kind: "LEDERTRENING", title: "Ledertreningsoppgave 3", individualOnly: true, oralPresentation: false, minGroupSize: 1, maxGroupSize: 1,
    description: "Oppsummering av egen lederutvikling gjennom studiet." },
];
