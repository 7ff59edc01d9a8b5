// How a server action travels over HTTP, without a test runner: the action ids from the build's
// server-reference manifest, the arguments in React's reply encoding, and the rows of the flight
// response. Shared by the security specs (./http.ts) and the load benchmark (bench/run.ts), which
// both post actions the way the browser does.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export interface ManifestAction {
  id: string;
  /** "lib/actions/application.ts#savePersonalDetailsAction" */
  key: string;
  /** The pages whose bundles carry it ("app/(applicant)/soker/…/page"). */
  pages: string[];
}

/** Every server action the production build in `root` can run, from its server-reference manifest. */
export async function manifestActions(root = process.cwd()): Promise<Map<string, ManifestAction>> {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const actions = new Map<string, ManifestAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const key = `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`;
    actions.set(key, { id, key, pages: Object.keys(entry.workers) });
  }
  return actions;
}

/**
 * The form a server action receives as `useActionState` sends it: the fields as FormData
 * reference 1, the arguments `[previousState, formData]` as the root (React's reply encoding; the
 * root goes last, after the parts it refers to). `args: "form"` is a plain `<form action>`.
 */
export function actionForm(fields: readonly (readonly [string, string])[], args: "state-and-form" | "form" = "state-and-form"): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify(args === "state-and-form" ? ["$undefined", "$K1"] : ["$K1"]));
  return form;
}

/**
 * Signs in as the sign-in form does when sent: its server action (`signInId`), posted to the
 * sign-in page itself (a post to another page is forwarded inside Next.js to the page that carries
 * the action, and the forwarded answer loses its Set-Cookie). Gives the session cookie as
 * "name=value" (it is `Secure`, which an HTTP client keeps out of its jar on http://localhost, so
 * the caller carries it) and where the action sends the browser; throws when there is no session.
 */
export async function postSignIn(
  request: APIRequestContext,
  signInId: string,
  origin: string,
  email: string,
  password: string,
): Promise<{ cookie: string; to: string | null }> {
  const response = await request.post(`${origin}/login`, {
    multipart: actionForm([["email", email], ["password", password]]),
    headers: { "Next-Action": signInId, Accept: "text/x-component", Origin: origin },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const cookie = response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value.split(";")[0]!)
    .find((value) => /authjs\.session-token=/.test(value));
  if (!cookie) throw new Error(`Could not sign in as ${email}: ${response.status()} ${(await response.text()).slice(0, 300)}`);
  return { cookie, to: response.headers()["x-action-redirect"]?.split(";")[0] ?? null };
}

/**
 * The rows of a React flight response by id. A row is `id:json\n`, except a text row
 * `id:T<hex byte length>,<text>` with no line end (React outlines long strings that way), so the
 * rows are read by length, not split on line breaks.
 */
export function flightRows(raw: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < raw.length) {
    const colon = raw.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = raw.subarray(at, colon).toString("utf8");
    if (raw[colon + 1] === 0x54 /* T */) {
      const comma = raw.indexOf(0x2c, colon);
      const length = parseInt(raw.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, raw.subarray(comma + 1, comma + 1 + length).toString("utf8"));
      at = comma + 1 + length;
    } else {
      const end = raw.indexOf(0x0a, colon);
      rows.set(id, raw.subarray(colon + 1, end < 0 ? raw.length : end).toString("utf8"));
      at = end < 0 ? raw.length : end + 1;
    }
  }
  return rows;
}

export interface ActionResult {
  /** The ActionState the action returned, when it returned one. */
  state: { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]>; signedOut?: boolean; saved?: boolean } | null;
  /** The action threw: React's error row instead of a result (the client shows a crash). */
  crashed: boolean;
}

/** The action's own answer (row 1 of the flight response). */
export function actionResult(raw: Buffer): ActionResult {
  const resultRow = flightRows(raw).get("1") ?? null;
  let state: ActionResult["state"] = null;
  if (resultRow && resultRow.startsWith("{")) {
    try {
      state = JSON.parse(resultRow) as ActionResult["state"];
    } catch {
      state = null;
    }
  }
  return { state, crashed: resultRow?.startsWith("E") ?? false };
}
