/**
 * Benchmark for rankApplicants: 10,000 deterministic candidates, ranked repeatedly.
 * Run: npm run bench   (exit code 1 if the median exceeds the target)
 *
 * A plain script rather than a timed test, so that a slow CI machine cannot make the unit tests flaky.
 */
import { mulberry32 } from "@/lib/random";
import { rankApplicants, type PriorityCategory, type RankingCandidate } from "@/lib/domain/admission";
import { COUNTIES } from "@/lib/domain/counties";

const CANDIDATES = 10_000;
const PLACES = 40;
const WARMUP_RUNS = 10;
const MEASURED_RUNS = 50;
const TARGET_MS = 100;

function buildCandidates(seed: number): RankingCandidate[] {
  const random = mulberry32(seed);
  // Skewed like the real population: a few large counties, many small ones (weights ~ 1/rank).
  const weights = COUNTIES.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickCounty = (): string => {
    let r = random() * total;
    for (let i = 0; i < COUNTIES.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return COUNTIES[i]!.code;
    }
    return COUNTIES[COUNTIES.length - 1]!.code;
  };
  const categoryWeights: [PriorityCategory, number][] = [
    [1, 0.35],
    [2, 0.2],
    [3, 0.15],
    [4, 0.3],
  ];
  const pickCategory = (): PriorityCategory => {
    let r = random();
    for (const [category, weight] of categoryWeights) {
      r -= weight;
      if (r <= 0) return category;
    }
    return 4;
  };
  const opens = Date.UTC(2024, 8, 1);
  const window = 91 * 86_400_000;
  return Array.from({ length: CANDIDATES }, (_, i) => {
    // Whole minutes, so equal timestamps (and tie-breaks on id) occur.
    const minute = Math.floor(random() * (window / 60_000));
    const offset = random() < 0.5 ? "Z" : "+01:00";
    const instant = new Date(opens + minute * 60_000 + (offset === "Z" ? 0 : 3_600_000));
    const local = instant.toISOString().slice(0, 19);
    return {
      id: `app-${String(Math.floor(random() * 1e9)).padStart(9, "0")}-${i}`,
      qualified: random() > 0.08,
      category: pickCategory(),
      county: pickCounty(),
      submittedAt: offset === "Z" ? `${local}Z` : `${local}+01:00`,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const candidates = buildCandidates(20241201);
let checksum = 0;
for (let i = 0; i < WARMUP_RUNS; i++) checksum += rankApplicants(candidates, PLACES).admitted.length;

const timings: number[] = [];
for (let i = 0; i < MEASURED_RUNS; i++) {
  const started = performance.now();
  const result = rankApplicants(candidates, PLACES);
  timings.push(performance.now() - started);
  checksum += result.admitted.length;
}
timings.sort((a, b) => a - b);
const median = percentile(timings, 50);
const p95 = percentile(timings, 95);
const sample = rankApplicants(candidates, PLACES);

console.log(`rankApplicants: ${CANDIDATES} candidates, ${COUNTIES.length} counties, ${PLACES} places`);
console.log(`  qualified ${sample.admitted.length + sample.waitlist.length}, rejected ${sample.rejected.length}`);
console.log(`  runs ${MEASURED_RUNS} (after ${WARMUP_RUNS} warm-up), checksum ${checksum}`);
console.log(`  median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, min ${timings[0]!.toFixed(2)} ms, max ${timings[timings.length - 1]!.toFixed(2)} ms`);
const ok = median < TARGET_MS;
console.log(`  target: median under ${TARGET_MS} ms — ${ok ? "OK" : "TOO SLOW"}`);
if (!ok) process.exitCode = 1;
