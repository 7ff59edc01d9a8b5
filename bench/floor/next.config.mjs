import path from "node:path";
import { fileURLToPath } from "node:url";

// Same installed Next.js as the app (resolved from the repository's node_modules).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const config = { turbopack: { root }, poweredByHeader: false };
export default config;
