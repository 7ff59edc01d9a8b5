// An oversized server-action post is answered by the proxy in Norwegian, not by a server error.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CROSS_SITE_ACTION_MESSAGE, SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";
import { proxy } from "@/proxy";

const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/registrer", {
    method: "POST",
    body,
    headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", origin: "http://localhost", ...headers },
    // Node's fetch needs this for a streamed body.
    duplex: "half",
  });

describe("server-action body limit", () => {
  it("answers a post over the limit with 413 and a Norwegian text the client shows", async () => {
    const declared = await proxy(action("x", { "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }));
    expect(declared.status).toBe(413);
    const response = await proxy(action("x".repeat(SERVER_ACTION_BODY_LIMIT_BYTES + 1)));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe(SERVER_ACTION_TOO_LARGE_MESSAGE);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("measures a body sent without Content-Length (chunked)", async () => {
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > SERVER_ACTION_BODY_LIMIT_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expect((await proxy(action(stream))).status).toBe(413);
  });

  it("lets a post within the limit through to Next.js", async () => {
    const response = await proxy(action("x".repeat(1000)));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("server actions from another site", () => {
  const from = (headers: Record<string, string>) =>
    new NextRequest("http://localhost/personvern", { method: "POST", body: "x", headers: { "next-action": "7f00aa", ...headers } });

  it("refuses another site's Origin, Origin null, and a post with neither Origin nor Sec-Fetch-Site: 403 in Norwegian", async () => {
    const refused: Record<string, string>[] = [{ origin: "https://angriper.example" }, { origin: "null" }, {}, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }];
    for (const headers of refused) {
      const response = await proxy(from(headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toBe(CROSS_SITE_ACTION_MESSAGE);
    }
  });

  it("also without the Next-Action header (a form posted without JavaScript)", async () => {
    const response = await proxy(new NextRequest("http://localhost/login", { method: "POST", body: "x", headers: { origin: "https://angriper.example" } }));
    expect(response.status).toBe(403);
  });

  it("lets the app's own Origin through, and a same-origin post that carries only Sec-Fetch-Site", async () => {
    const allowed: Record<string, string>[] = [{ origin: "http://localhost" }, { "sec-fetch-site": "same-origin" }];
    for (const headers of allowed) {
      const response = await proxy(from(headers));
      expect(response.headers.get("x-middleware-next"), JSON.stringify(headers)).toBe("1");
    }
  });

  it("leaves route handlers under /api to their own check, and GET alone", async () => {
    const api = await proxy(new NextRequest("http://localhost/api/soknader/x/dokumenter", { method: "POST", body: "x", headers: { origin: "https://angriper.example" } }));
    expect(api.headers.get("x-middleware-next")).toBe("1");
    const get = await proxy(new NextRequest("http://localhost/personvern", { headers: { origin: "https://angriper.example" } }));
    expect(get.headers.get("x-middleware-next")).toBe("1");
  });
});
