// An oversized server-action post is answered by the proxy in Norwegian, not by a server error.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/http/limits";
import { proxy } from "@/proxy";

const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/registrer", {
    method: "POST",
    body,
    headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers },
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
