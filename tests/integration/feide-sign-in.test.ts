// Feide sign-in (OpenID Connect) end to end against a real OpenID provider (the `oidc-provider`
// package) started by this test, through the app's real next-auth route handlers
// (app/api/auth/[...nextauth] → lib/server/auth) served over HTTP. The test is the browser: it
// keeps each server's cookies and follows every redirect, from "Logg inn med Feide" to the page
// the app sends it to. Every case checks where the browser ends (a Norwegian message on /login
// for every failure), that no answer on the way was a 5xx, and which sessions exist afterwards.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  FEIDE_CANCELLED_MESSAGE,
  FEIDE_FAILED_MESSAGE,
  FEIDE_NOT_LINKED_MESSAGE,
  signInErrorMessage,
} from "@/lib/server/auth/sign-in-errors";
import { createUser } from "@/prisma/seed/factories";
import { connectRaw, db, someoneWaitsFor } from "./support";

const CLIENT_ID = "barnevernledelse-test";
const CLIENT_SECRET = "klienthemmelighet-for-test-0123456789";

/** The people the provider knows: Feide subject → the claims it reports. */
const feideAccounts = new Map<string, { email: string; email_verified: boolean; name: string }>();
/** What the person at the provider does on the consent screen. */
let consent: "allow" | "deny" = "allow";

let appServer: Server;
let providerServer: Server;
let appOrigin: string;
let providerOrigin: string;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  // The app: next-auth's route handlers, as app/api/auth/[...nextauth]/route.ts exports them.
  let handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async () => {};
  appServer = createServer((request, response) => void handle(request, response));
  // Next.js's request URL calls 127.0.0.1 "localhost", so the app knows itself by that name.
  appOrigin = (await listen(appServer)).replace("127.0.0.1", "localhost");
  providerServer = createServer();
  providerOrigin = await listen(providerServer);

  Object.assign(process.env, { FEIDE_CLIENT_ID: CLIENT_ID, FEIDE_CLIENT_SECRET: CLIENT_SECRET, FEIDE_ISSUER: providerOrigin });
  delete process.env.AUTH_URL;
  delete process.env.NEXTAUTH_URL;
  vi.resetModules();
  const { handlers } = await import("@/lib/server/auth");

  handle = async (request, response) => {
    const url = new URL(request.url ?? "/", appOrigin);
    if (!url.pathname.startsWith("/api/auth/")) {
      // The app's pages are not part of this test: the browser stops at them.
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("side");
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
    const body = request.method === "POST" ? await readBody(request) : undefined;
    const answer = await (request.method === "POST" ? handlers.POST : handlers.GET)(
      new NextRequest(url, { method: request.method, headers, body: body ? new Uint8Array(body) : undefined }),
    );
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => {
      if (name !== "set-cookie") response.setHeader(name, value);
    });
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) response.setHeader("set-cookie", cookies);
    response.end(Buffer.from(await answer.arrayBuffer()));
  };

  // The OpenID provider standing in for Feide: a real one, with its own login and consent steps
  // answered by the test (interactionFinished), signed ID tokens and PKCE required.
  const provider = new Provider(providerOrigin, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${appOrigin}/api/auth/callback/feide`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The claims in the ID token itself, as Feide gives them (next-auth reads the ID token).
    conformIdTokenClaims: false,
    findAccount: async (_context, sub) => ({ accountId: sub, claims: async () => ({ sub, ...feideAccounts.get(sub) }) }),
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
  });
  const callback = provider.callback();
  providerServer.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!request.url?.startsWith("/interaction/")) return void callback(request, response);
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      if (details.prompt.name === "login") {
        await provider.interactionFinished(request, response, { login: { accountId: signingInAs } }, { mergeWithLastSubmission: false });
        return;
      }
      if (consent === "deny") {
        await provider.interactionFinished(request, response, { error: "access_denied", error_description: "Brukeren avslo" }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: CLIENT_ID });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })();
  });
});

afterAll(async () => {
  await Promise.all([appServer, providerServer].map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Who signs in at the provider in the next flow. */
let signingInAs = "";

/** A browser: one cookie jar per origin, redirects followed by hand, every status remembered. */
class Browser {
  readonly statuses: number[] = [];
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.cookies(target.origin);
    const headers: Record<string, string> = { "user-agent": "feide-test-browser" };
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(target, {
      method: init.method ?? "GET",
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
    });
    this.statuses.push(response.status);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const name = pair!.slice(0, pair!.indexOf("=")).trim();
      const value = pair!.slice(pair!.indexOf("=") + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until a page answers, or until `stopAt` says so (returns that URL). */
  async follow(url: string, stopAt: (next: URL) => boolean = () => false): Promise<URL> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopAt(current)) return current;
      const response = await this.request(current.toString());
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return current;
      current = new URL(location, current);
    }
    throw new Error("too many redirects");
  }

  /** Clicks "Logg inn med Feide": the CSRF token, then the sign-in POST, which sends us to the provider. */
  async startFeide(): Promise<URL> {
    const { csrfToken } = (await (await this.request(`${appOrigin}/api/auth/csrf`)).json()) as { csrfToken: string };
    const response = await this.request(`${appOrigin}/api/auth/signin/feide`, { method: "POST", form: { csrfToken, callbackUrl: "/min-side" } });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(providerOrigin);
    return location;
  }

  /** The whole flow; `stopAtCallback` stops before the app's callback and returns its URL. */
  async signInWithFeide(): Promise<URL> {
    return this.follow((await this.startFeide()).toString());
  }

  async callbackUrl(): Promise<URL> {
    return this.follow((await this.startFeide()).toString(), (next) => next.pathname === "/api/auth/callback/feide");
  }

  hasSession(): boolean {
    return [...this.cookies(appOrigin).keys()].some((name) => name.endsWith("authjs.session-token"));
  }

  /** next-auth's own session endpoint, as the app's pages read it. */
  async sessionId(): Promise<string | null> {
    const session = (await (await this.request(`${appOrigin}/api/auth/session`)).json()) as { sid?: string } | null;
    return session?.sid ?? null;
  }
}

const sessionsOf = (userId: string) => db().session.findMany({ where: { userId } });

function expectNoServerError(browser: Browser) {
  expect(browser.statuses.length).toBeGreaterThan(0);
  expect(browser.statuses.filter((status) => status >= 500)).toEqual([]);
}

function expectLoginMessage(landing: URL, message: string) {
  expect(landing.origin + landing.pathname).toBe(`${appOrigin}/login`);
  const text = signInErrorMessage(Object.fromEntries(landing.searchParams));
  expect(text).toBe(message);
}

describe("Feide sign-in against a real OpenID provider", () => {
  it("signs in a person whose Feide subject is known: a server session, read back through the session endpoint", async () => {
    const user = await createUser(db(), { email: "frida.feide@ntnu.no", name: "Frida Feide", roles: ["FACULTY"] });
    await db().user.update({ where: { id: user.id }, data: { feideSubject: "feide-frida" } });
    feideAccounts.set("feide-frida", { email: "frida.feide@ntnu.no", email_verified: true, name: "Frida Feide" });
    signingInAs = "feide-frida";
    consent = "allow";

    const browser = new Browser();
    const landing = await browser.signInWithFeide();

    expect(landing.toString()).toBe(`${appOrigin}/min-side`);
    expectNoServerError(browser);
    expect(browser.hasSession()).toBe(true);
    const sessions = await sessionsOf(user.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.userAgent).toBe("feide-test-browser");
    expect(await browser.sessionId()).toBe(sessions[0]!.id);
  });

  it("links a staff-created account by its verified e-mail the first time, and signs in by the subject afterwards", async () => {
    const user = await createUser(db(), { email: "stine.student@ntnu.no", name: "Stine Student", roles: ["STUDENT"] });
    feideAccounts.set("feide-stine", { email: "Stine.Student@ntnu.no", email_verified: true, name: "Stine Student" });
    signingInAs = "feide-stine";
    consent = "allow";

    const first = new Browser();
    expect((await first.signInWithFeide()).toString()).toBe(`${appOrigin}/min-side`);
    expectNoServerError(first);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).feideSubject).toBe("feide-stine");

    // The address at Feide changes: the subject still names the same person.
    feideAccounts.set("feide-stine", { email: "stine@annen-epost.no", email_verified: true, name: "Stine Student" });
    const second = new Browser();
    expect((await second.signInWithFeide()).toString()).toBe(`${appOrigin}/min-side`);
    expect(await sessionsOf(user.id)).toHaveLength(2);
  });

  it("refuses an unknown Feide subject: the Norwegian message, no session, nothing linked", async () => {
    feideAccounts.set("feide-ukjent", { email: "ukjent@ntnu.no", email_verified: true, name: "Ukjent Person" });
    signingInAs = "feide-ukjent";
    consent = "allow";
    const sessionsBefore = await db().session.count();

    const browser = new Browser();
    const landing = await browser.signInWithFeide();

    expectLoginMessage(landing, FEIDE_NOT_LINKED_MESSAGE);
    expectNoServerError(browser);
    expect(browser.hasSession()).toBe(false);
    expect(await browser.sessionId()).toBeNull();
    expect(await db().session.count()).toBe(sessionsBefore);
    expect(await db().user.count({ where: { feideSubject: "feide-ukjent" } })).toBe(0);
  });

  it("does not link a self-registered applicant's account by e-mail (the address was never checked)", async () => {
    const applicant = await createUser(db(), { email: "soker.feide@example.no", name: "Søker Feide", roles: ["APPLICANT"] });
    feideAccounts.set("feide-soker", { email: "soker.feide@example.no", email_verified: true, name: "Søker Feide" });
    signingInAs = "feide-soker";
    consent = "allow";

    const browser = new Browser();
    expectLoginMessage(await browser.signInWithFeide(), FEIDE_NOT_LINKED_MESSAGE);
    expectNoServerError(browser);
    expect(browser.hasSession()).toBe(false);
    expect(await sessionsOf(applicant.id)).toHaveLength(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: applicant.id } })).feideSubject).toBeNull();
  });

  it("links one of two Feide identities that report the same address at once, never the later over the earlier", async () => {
    const user = await createUser(db(), { email: "tvilling@ntnu.no", name: "Tora Tvilling", roles: ["STUDENT"] });
    feideAccounts.set("feide-tvilling-a", { email: "tvilling@ntnu.no", email_verified: true, name: "Tora Tvilling" });
    consent = "allow";
    signingInAs = "feide-tvilling-a";
    const browser = new Browser();
    const callback = await browser.callbackUrl();
    // This sign-in finds the account unlinked and waits for its row, held here, to link it; the
    // other identity's first sign-in links it meanwhile.
    const holder = await connectRaw();
    let landing: URL;
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [user.id]);
      const signingIn = browser.follow(callback.toString());
      expect(await someoneWaitsFor(holder)).toBe(true);
      await holder.query(`UPDATE "User" SET "feideSubject" = 'feide-tvilling-b' WHERE "id" = $1`, [user.id]);
      await holder.query("COMMIT");
      landing = await signingIn;
    } finally {
      await holder.end();
    }

    expectLoginMessage(landing, FEIDE_NOT_LINKED_MESSAGE);
    expectNoServerError(browser);
    expect(browser.hasSession()).toBe(false);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).feideSubject).toBe("feide-tvilling-b");
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it("refuses a disabled account even when its subject is linked", async () => {
    const user = await createUser(db(), { email: "sluttet@ntnu.no", name: "Sluttet Ansatt", roles: ["FACULTY"] });
    await db().user.update({ where: { id: user.id }, data: { feideSubject: "feide-sluttet", disabledAt: new Date() } });
    feideAccounts.set("feide-sluttet", { email: "sluttet@ntnu.no", email_verified: true, name: "Sluttet Ansatt" });
    signingInAs = "feide-sluttet";
    consent = "allow";

    const browser = new Browser();
    expectLoginMessage(await browser.signInWithFeide(), FEIDE_NOT_LINKED_MESSAGE);
    expectNoServerError(browser);
    expect(browser.hasSession()).toBe(false);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it("ends on the Norwegian message with no session when the person denies consent at Feide", async () => {
    const user = await createUser(db(), { email: "nekter@ntnu.no", name: "Nina Nekter", roles: ["FACULTY"] });
    await db().user.update({ where: { id: user.id }, data: { feideSubject: "feide-nekter" } });
    feideAccounts.set("feide-nekter", { email: "nekter@ntnu.no", email_verified: true, name: "Nina Nekter" });
    signingInAs = "feide-nekter";
    consent = "deny";
    try {
      const browser = new Browser();
      const callback = await browser.callbackUrl();
      expect(callback.searchParams.get("error")).toBe("access_denied");
      const landing = await browser.follow(callback.toString());

      expectLoginMessage(landing, FEIDE_CANCELLED_MESSAGE);
      expectNoServerError(browser);
      expect(browser.hasSession()).toBe(false);
      expect(await sessionsOf(user.id)).toHaveLength(0);
    } finally {
      consent = "allow";
    }
  });

  it("refuses an answer that names another issuer (a mix-up attack): no code is redeemed, no session", async () => {
    const user = await createUser(db(), { email: "miks@ntnu.no", name: "Mikkel Miks", roles: ["FACULTY"] });
    await db().user.update({ where: { id: user.id }, data: { feideSubject: "feide-miks" } });
    feideAccounts.set("feide-miks", { email: "miks@ntnu.no", email_verified: true, name: "Mikkel Miks" });
    signingInAs = "feide-miks";

    const browser = new Browser();
    const callback = await browser.callbackUrl();
    expect(callback.searchParams.get("iss")).toBe(providerOrigin);
    callback.searchParams.set("iss", "https://auth.dataporten.no.example.com");
    const landing = await browser.follow(callback.toString());

    expectLoginMessage(landing, FEIDE_FAILED_MESSAGE);
    expectNoServerError(browser);
    expect(browser.hasSession()).toBe(false);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it("refuses a replayed answer: the same callback again, in the same browser and in another one", async () => {
    const user = await createUser(db(), { email: "gjentak@ntnu.no", name: "Gina Gjentak", roles: ["FACULTY"] });
    await db().user.update({ where: { id: user.id }, data: { feideSubject: "feide-gjentak" } });
    feideAccounts.set("feide-gjentak", { email: "gjentak@ntnu.no", email_verified: true, name: "Gina Gjentak" });
    signingInAs = "feide-gjentak";

    const browser = new Browser();
    const callback = await browser.callbackUrl();
    expect((await browser.follow(callback.toString())).toString()).toBe(`${appOrigin}/min-side`);
    expect(await sessionsOf(user.id)).toHaveLength(1);

    // The same answer again, in the same browser after signing out of the app (the state,
    // PKCE and nonce cookies were used up by the first sign-in).
    for (const name of [...browser.cookies(appOrigin).keys()]) browser.cookies(appOrigin).delete(name);
    expectLoginMessage(await browser.follow(callback.toString()), FEIDE_FAILED_MESSAGE);
    // The same answer in another browser that never started a sign-in (a stolen URL).
    const thief = new Browser();
    expectLoginMessage(await thief.follow(callback.toString()), FEIDE_FAILED_MESSAGE);

    for (const each of [browser, thief]) {
      expectNoServerError(each);
      expect(each.hasSession()).toBe(false);
    }
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("refuses a state from another sign-in: someone else's answer pasted into a flow of one's own", async () => {
    const victim = await createUser(db(), { email: "offer@ntnu.no", name: "Olga Offer", roles: ["FACULTY"] });
    await db().user.update({ where: { id: victim.id }, data: { feideSubject: "feide-offer" } });
    feideAccounts.set("feide-offer", { email: "offer@ntnu.no", email_verified: true, name: "Olga Offer" });
    signingInAs = "feide-offer";
    const victimBrowser = new Browser();
    const stolen = await victimBrowser.callbackUrl();

    // The attacker starts a sign-in of their own (their own state, PKCE and nonce cookies) and
    // delivers the victim's code and state to the app.
    const attacker = new Browser();
    await attacker.startFeide();
    const landing = await attacker.follow(stolen.toString());

    expectLoginMessage(landing, FEIDE_FAILED_MESSAGE);
    expectNoServerError(attacker);
    expect(attacker.hasSession()).toBe(false);
    expect(await sessionsOf(victim.id)).toHaveLength(0);
  });
});
