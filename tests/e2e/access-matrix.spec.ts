// Walks the access matrix (tests/e2e/security/access-matrix.ts) against the running production
// server: every server action and route handler × every persona, with real HTTP requests shaped
// as an attacker would shape them. Runs in the `security` project, alone on the demo server after
// the other specs (playwright.config.ts), so "nothing changed" can be measured over the whole
// database.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACTIONS, PERSONA_NAMES, PERSONAS, POLICIES, ROUTES, type ActionRow, type Outcome, type Persona } from "./security/access-matrix";
import { onePagePdf } from "./security/files";
import {
  callAction,
  database,
  fingerprint,
  manifestActions,
  manifestRoutes,
  personaContext,
  type ActionAnswer,
  type Fields,
  type ManifestAction,
  type OriginMode,
} from "./security/http";
import { findTargets } from "./security/targets";

const FORBIDDEN = "Du har ikke tilgang til å gjøre dette.";
const HIDDEN = /^(Fant ikke|Du har ikke tilgang til dette|Du kan ikke |Personen er ikke i lærerteamet)/;
const CROSS_SITE = /annen nettside/;

type Seen = Outcome | "cross-site" | "crash" | `status ${number}`;

function outcomeOf(answer: ActionAnswer): Seen {
  if (answer.status === 403 && CROSS_SITE.test(answer.body)) return "cross-site";
  if (answer.status >= 500 || answer.crashed) return "crash";
  if (answer.status !== 200 && answer.status !== 303) return `status ${answer.status}`;
  const state = answer.state;
  if (state?.signedOut) return "signin";
  if (state?.message === FORBIDDEN) return "forbidden";
  if (state && state.ok === false && !state.fieldErrors && HIDDEN.test(state.message ?? "")) return "hidden";
  return "passes";
}

/** Each field twice: every field becomes a list and no schema parses it, so nothing is written. */
function spoiled(fields: Fields): Fields {
  return fields.flatMap((field) => [field, field]);
}

test.describe.configure({ mode: "serial" });

test("every server action and route handler of the build has a row in the access matrix", async () => {
  const actions = [...(await manifestActions()).keys()].sort();
  expect(actions.length).toBeGreaterThan(90);
  expect(actions, "server actions without a row in tests/e2e/security/access-matrix.ts").toEqual(Object.keys(ACTIONS).sort());
  const routes = Object.fromEntries([...(await manifestRoutes())].sort(([a], [b]) => a.localeCompare(b)));
  const rows = Object.fromEntries(
    Object.entries(ROUTES)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, probes]) => [route, [...new Set(probes.map((probe) => probe.method))].sort()]),
  );
  expect(rows, "route handlers (and their methods) without a row").toEqual(routes);
});

test("the access matrix: every action and route × every persona, and refused requests change nothing", async () => {
  test.setTimeout(600_000); // about 1 min on an idle machine with a fresh demo database
  const actions = await manifestActions();
  const client = await database();
  const targets = await findTargets(client);
  const contexts = Object.fromEntries(
    await Promise.all(PERSONA_NAMES.map(async (persona) => [persona, await personaContext(PERSONAS[persona], actions)] as const)),
  ) as Record<Persona, APIRequestContext>;
  const problems: string[] = [];
  let cells = 0;
  let refusedChecked = 0;

  const walkActions = async (rows: [string, ActionRow][]) => {
    for (const [key, row] of rows) {
      const action = actions.get(key) as ManifestAction;
      const expected = POLICIES[row.policy];
      const input = row.input?.(targets) ?? [];
      const args = row.formOnly ? "form" : "state-and-form";
      const call = (persona: Persona, fields: Fields, origin: OriginMode) => callAction(contexts[persona], action, fields, origin, args);
      const allowed = PERSONA_NAMES.filter((persona) => expected[persona] === "passes");
      const refused = PERSONA_NAMES.filter((persona) => expected[persona] !== "passes");
      const insider = allowed.find((persona) => persona !== "anonymous") ?? allowed[0]!;

      // Refused personas and cross-site posts, all at once: none may change anything.
      const before = await fingerprint(client);
      const refusedAnswers = await Promise.all([
        ...refused.map(async (persona) => [persona, expected[persona], await call(persona, input, "own")] as const),
        (async () => [`${insider}, from another site`, "cross-site", await call(insider, input, "foreign")] as const)(),
        (async () => [`${insider}, without Origin`, "cross-site", await call(insider, input, "none")] as const)(),
      ]);
      const after = await fingerprint(client);
      refusedChecked += refusedAnswers.length;
      if (after !== before) problems.push(`${key}: a refused request changed the database or the files`);

      // Those who may: past the checks, with input that cannot parse (nothing written).
      const allowedAnswers = await Promise.all(allowed.map(async (persona) => [persona, "passes", await call(persona, spoiled(input), "own")] as const));
      for (const [who, want, answer] of [...refusedAnswers, ...allowedAnswers]) {
        cells += 1;
        const seen = outcomeOf(answer);
        if (seen !== want) problems.push(`${key} as ${who}: expected ${want}, got ${seen} (${answer.state?.message ?? answer.body.slice(0, 160)})`);
      }
    }
  };

  // Session-ending actions come last, after the routes: they sign the personas out.
  await walkActions(Object.entries(ACTIONS).filter(([, row]) => !row.endsSession));

  // Route handlers: the status each persona gets; a refused one changes nothing.
  const pdf = onePagePdf();
  for (const [route, probes] of Object.entries(ROUTES)) {
    for (const probe of probes) {
      const url = probe.path(targets);
      const send = (persona: Persona, origin: OriginMode, withBody: boolean) => {
        const headers: Record<string, string> = { Accept: "application/json" };
        if (origin === "own") headers.Origin = new URL(process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`).origin;
        if (origin === "foreign") headers.Origin = "https://angriper.example";
        const context = contexts[persona];
        if (probe.method === "GET") return context.get(url, { headers, maxRedirects: 0, failOnStatusCode: false });
        const form = new FormData();
        if (withBody) {
          for (const [name, value] of Object.entries(probe.upload ?? {})) form.append(name, value);
          form.append("file", new Blob([pdf], { type: "application/pdf" }), "bevis.pdf");
        }
        return context.post(url, { headers, multipart: form, maxRedirects: 0, failOnStatusCode: false });
      };
      // A route that audits its own reading (the innsyn export) writes for the allowed personas:
      // only the refused ones are measured, and the allowed are sent after the measurement.
      const audited = probe.auditsReads === true;
      const refusedStatus = (want: number | readonly number[]) => [401, 403, 404].includes(typeof want === "number" ? want : want[0]!);
      const measured = audited ? PERSONA_NAMES.filter((persona) => refusedStatus(probe.expect[persona])) : PERSONA_NAMES;
      const afterwards = audited ? PERSONA_NAMES.filter((persona) => !refusedStatus(probe.expect[persona])) : [];
      const before = await fingerprint(client);
      const answers = await Promise.all(
        measured.map(async (persona) => {
          const want = probe.expect[persona];
          const isRefused = probe.method === "GET" || (probe.refused ?? []).includes(typeof want === "number" ? want : want[0]!);
          // A persona who may post gets an empty form (a field error, nothing stored).
          return [persona, want, (await send(persona, "own", isRefused)).status()] as const;
        }),
      );
      const crossSite =
        probe.method === "POST"
          ? await Promise.all(
              (["foreign", "none"] as const).map(
                async (origin) => [`owner ${origin === "foreign" ? "from another site" : "without Origin"}`, probe.crossSite ?? 403, (await send("applicant (owner)", origin, true)).status()] as const,
              ),
            )
          : [];
      const after = await fingerprint(client);
      if (after !== before) problems.push(`${route} ${probe.method}: a request changed the database or the files`);
      for (const persona of afterwards) {
        answers.push([persona, probe.expect[persona], (await send(persona, "own", true)).status()] as const);
      }
      for (const [who, want, got] of [...answers, ...crossSite]) {
        cells += 1;
        const wanted = typeof want === "number" ? [want] : want;
        if (!wanted.includes(got)) problems.push(`${route} ${probe.method} as ${who}: expected ${wanted.join(" or ")}, got ${got}`);
      }
    }
  }

  await walkActions(Object.entries(ACTIONS).filter(([, row]) => row.endsSession));

  await Promise.all(Object.values(contexts).map((context) => context.dispose()));
  await client.end();
  test.info().annotations.push({ type: "access matrix", description: `${cells} cells, ${refusedChecked} refused action requests checked unchanged` });
  console.log(`Access matrix: ${Object.keys(ACTIONS).length} actions and ${Object.keys(ROUTES).length} routes × ${PERSONA_NAMES.length} personas, ${cells} requests checked.`);
  expect(problems).toEqual([]);
});
