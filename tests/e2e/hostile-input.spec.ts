// Hostile input, property-based (fast-check): random and malformed form data posted to every
// server action (as a persona its role gate lets in, so the input reaches the parsing and the use
// case) and to every route handler that takes a form. Wrong types, repeated fields, huge strings,
// control characters, unicode, ids of the wrong shape, missing fields and extra ones (`status`,
// `role`, `userId`, `grade`, `cohortId` …). Each answer must be a considered one: never a 5xx or a
// crash row, a message in Norwegian, and a refused request (ok: false, or a 4xx) must leave the
// database and the stored files as they were: no partial writes. Runs in the `security` project
// (playwright.config.ts), alone on the demo server after the other specs.
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { ACTIONS, PERSONA_NAMES, PERSONAS, POLICIES, ROUTES, type Persona } from "./security/access-matrix";
import { onePagePdf } from "./security/files";
import { BASE_URL, backgroundIdle, callAction, database, fingerprint, manifestActions, personaContext, type ActionAnswer, type Fields } from "./security/http";
import { findTargets } from "./security/targets";

/** Runs per action and per form route; the seed is fixed so a failure can be replayed. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);

// Words a Norwegian sentence of ours has and an English framework default does not.
const ENGLISH = /\b(Invalid|Expected|Required|received|must|should|Unrecognized|Too (big|small)|input)\b/;

const EXTRA_FIELDS = ["status", "role", "roles", "userId", "grade", "cohortId", "applicationId", "enrolmentId", "examId", "category", "qualified", "decidedById", "__proto__", "constructor"];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }), // any code point, lone surrogates included
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\u202Eevil.pdf", "\uFEFF", "💥".repeat(30), "Ærlig Østerås Åse", "Robert'); DROP TABLE \"User\";--", "<script>alert(1)</script>", "../../etc/passwd", "NaN", "-1", "1e309", "2026-02-30", "31.12.2026", "true", "null", "[]", "{}", `c${"0".repeat(24)}`, "c".repeat(25), "A", "F", "ADMIN", "APPROVED", "DECLINED", "RESIT"),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => "x".repeat(n)), // huge
  fc.string({ maxLength: 10 }).map((s) => `${s}\u0000\u0001\u001F\u007F\u0085${s}`), // control characters
);

/** A form of random fields: the row's own names (some left out, some repeated) and extras. */
function formArbitrary(known: readonly string[]): fc.Arbitrary<Fields> {
  const names = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(known.length > 0 ? known : ["x"])) }, { weight: 2, arbitrary: fc.constantFrom(...EXTRA_FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  return fc.array(fc.tuple(names, hostileText), { maxLength: 8 }).map((fields) => fields.map(([name, value]) => [name, value] as const));
}

/**
 * The row's valid input (its ids pointing at real records) with hostile values in some of its
 * fields, some fields left out and extra ones added: these get past the id checks into the use
 * case, where a value reaches the database.
 */
function mutatedArbitrary(valid: Fields): fc.Arbitrary<Fields> {
  const perField = valid.map(([name, value]) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([[name, value]] as [string, string][]) },
      { weight: 3, arbitrary: hostileText.map((text): [string, string][] => [[name, /Id$|Ids$/.test(name) ? value : text]]) },
      { weight: 1, arbitrary: hostileText.map((text): [string, string][] => [[name, text]]) },
      { weight: 1, arbitrary: fc.constant([] as [string, string][]) },
      { weight: 1, arbitrary: hostileText.map((text): [string, string][] => [[name, value], [name, text]]) },
    ),
  );
  const extras = fc.array(fc.tuple(fc.constantFrom(...EXTRA_FIELDS), hostileText), { maxLength: 3 });
  return fc.tuple(fc.tuple(...perField), extras).map(([kept, extra]) => [...kept.flat(), ...extra].map(([name, text]) => [name, text] as const));
}

type Failure = { where: string; input: string; answer: string };

function describeInput(fields: Fields): string {
  return JSON.stringify(fields.map(([name, value]) => [name, value.length > 60 ? `${value.slice(0, 60)}… (${value.length} tegn)` : value]));
}

function checkAction(answer: ActionAnswer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.crashed) return "the action threw (React's error row)";
  if (answer.status === 413 || answer.status === 403) return ENGLISH.test(answer.body) ? `English refusal: ${answer.body.slice(0, 120)}` : null;
  const state = answer.state;
  if (!state) return answer.redirect ? null : `no answer (${answer.status}: ${answer.body.slice(0, 120)})`;
  // defineAction's answer to an exception it did not expect: a server error in a 200.
  if (state.message?.startsWith("Noe gikk galt hos oss")) return `an unexpected server error: ${state.message}`;
  const texts = [state.message ?? "", ...Object.values(state.fieldErrors ?? {}).flat()];
  const english = texts.find((text) => ENGLISH.test(text));
  if (english) return `message not in Norwegian: ${english}`;
  if (state.ok === false && !state.message && Object.keys(state.fieldErrors ?? {}).length === 0) return "a refusal without a message";
  return null;
}

test("hostile form data to every action and route: no 5xx, no partial writes, Norwegian messages", async () => {
  test.setTimeout(600_000); // about 1.5 min on an idle machine; generous for a shared one
  const actions = await manifestActions();
  const client = await database();
  const targets = await findTargets(client);
  const contexts = new Map<Persona, APIRequestContext>();
  const contextFor = async (persona: Persona) => {
    if (!contexts.has(persona)) contexts.set(persona, await personaContext(PERSONAS[persona], actions));
    return contexts.get(persona)!;
  };
  const failures: Failure[] = [];
  let cases = 0;
  let verified = 0;
  const tally = { ok: 0, redirect: 0, refused: 0, other: 0 };
  let unverified = 0;

  // Each action's cases run in a row between two fingerprints of the database: when every answer
  // was a refusal, nothing may have changed (a success in between starts a new comparison).
  let index = 0;
  for (const [key, row] of Object.entries(ACTIONS)) {
    index += 1;
    if (row.endsSession) continue; // ends the fuzzing persona's session; its access is in the matrix
    const expected = POLICIES[row.policy];
    const persona = PERSONA_NAMES.find((name) => expected[name] === "passes" && name !== "anonymous") ?? "anonymous";
    const context = await contextFor(persona);
    const action = actions.get(key)!;
    const valid = row.input?.(targets) ?? [];
    const known = valid.map(([name]) => name);
    // Half the cases around the valid input (deep into the use case), half random forms.
    const forms = valid.length > 0 ? fc.oneof(mutatedArbitrary(valid), formArbitrary(known)) : formArbitrary(known);
    await backgroundIdle(client);
    let before = await fingerprint(client);
    let refusedSince: Fields[] = [];
    await fc.assert(
      fc.asyncProperty(forms, async (fields) => {
        cases += 1;
        const answer = await callAction(context, action, fields, "own", row.formOnly ? "form" : "state-and-form");
        const problem = checkAction(answer);
        if (problem) failures.push({ where: `${key} as ${persona}`, input: describeInput(fields), answer: problem });
        // A draft's save keeps invalid input as typed (ok: false, saved: true): written on purpose.
        const refused = answer.state ? answer.state.ok === false && !answer.state.saved && !answer.redirect : answer.status >= 400;
        tally[answer.state?.ok ? "ok" : answer.redirect ? "redirect" : refused ? "refused" : "other"] += 1;
        if (refused) {
          refusedSince.push(fields);
        } else {
          // A success wrote what it wrote; the refusals just before it cannot be told apart from
          // it, so they are counted as unverified and the comparison starts again.
          unverified += refusedSince.length;
          await backgroundIdle(client);
          before = await fingerprint(client);
          refusedSince = [];
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED + index },
    );
    verified += refusedSince.length;
    if (refusedSince.length > 0 && (await fingerprint(client)) !== before) {
      failures.push({ where: `${key} as ${persona}`, input: refusedSince.map(describeInput).join(" | "), answer: "refused, but the database or the files changed: a partial write" });
    }
  }

  const pdf = onePagePdf();
  const owner = await contextFor("applicant (owner)");
  const student = await contextFor("student (own kull)");
  for (const [route, probes] of Object.entries(ROUTES)) {
    for (const probe of probes) {
      const context = route.startsWith("/api/student/") ? student : owner;
      await fc.assert(
        fc.asyncProperty(formArbitrary(Object.keys(probe.upload ?? {})), fc.boolean(), hostileText, async (fields, withFile, segment) => {
          cases += 1;
          await backgroundIdle(client);
          const before = await fingerprint(client);
          let url = probe.path(targets);
          // A GET gets a hostile path segment instead of the target's id (or the token).
          if (probe.method === "GET") url = url.replace(/[^/]+$/, encodeURIComponent(segment.slice(0, 2000)) || "x");
          const headers = { Origin: new URL(BASE_URL).origin, Accept: "application/json" };
          let response;
          if (probe.method === "GET") {
            response = await context.get(url, { headers, maxRedirects: 0, failOnStatusCode: false });
          } else {
            const form = new FormData();
            for (const [name, value] of fields) form.append(name, value);
            if (withFile) form.append("file", new Blob([pdf], { type: "application/pdf" }), segment.slice(0, 300) || "fil.pdf");
            response = await context.post(url, { headers, multipart: form, maxRedirects: 0, failOnStatusCode: false });
          }
          const body = await response.text();
          const isText = /^(application\/json|text\/plain)/.test(response.headers()["content-type"] ?? "");
          const refused = response.status() >= 400;
          const changed = refused && (await fingerprint(client)) !== before;
          let problem: string | null = null;
          if (response.status() >= 500) problem = `status ${response.status()}: ${body.slice(0, 160)}`;
          else if (refused && isText && ENGLISH.test(body)) problem = `English refusal: ${body.slice(0, 160)}`;
          else if (changed) problem = `refused (${response.status()}) but the database changed: a partial write`;
          if (problem) failures.push({ where: `${probe.method} ${route}`, input: `${url} ${describeInput(fields)} file=${withFile}`, answer: problem });
          return true;
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
  }

  await Promise.all([...contexts.values()].map((context) => context.dispose()));
  await client.end();
  test.info().annotations.push({ type: "fuzz", description: `${cases} cases, ${failures.length} failures, ${verified} refusals checked unchanged` });
  console.log(
    `Hostile input: ${cases} cases (seed ${SEED}, ${RUNS} per action and route), ${failures.length} failures; ` +
      `${verified} refused action posts checked for partial writes (${unverified} followed by a success, not separable); ` +
      `action answers: ${JSON.stringify(tally)}.`,
  );
  expect(failures).toEqual([]);
});
