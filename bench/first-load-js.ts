/**
 * First-load JavaScript of an app route, from the production build's manifests (Next.js 16 no
 * longer prints sizes after `next build`): the JavaScript every page loads first (the build
 * manifest's `rootMainFiles`: React, the router, Turbopack's runtime) and the route's own entry
 * chunks (the client-reference manifest's `entryJSFiles` for each segment in the route's tree:
 * root layout, group layouts, error and not-found boundaries, the page), each file counted once,
 * gzip-compressed as a server sends it. Polyfills are left out (only browsers without ES modules
 * load them), as Next.js's own figure did.
 *
 *   node --import tsx bench/first-load-js.ts ["/(student)/student/page"]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export interface FirstLoadJs {
  route: string;
  /** Sum of the gzip sizes, in kB (1 kB = 1,000 bytes, as Next.js printed). */
  kB: number;
  files: { file: string; gzipBytes: number }[];
}

export function firstLoadJs(route = "/(student)/student/page", root = path.resolve(import.meta.dirname, "..")): FirstLoadJs {
  const next = path.join(root, ".next");
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(next, "server/app", route.replace(/^\//, "") + "_client-reference-manifest.js");
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; evaluated on its own object.
  const holder: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function("globalThis", readFileSync(manifestFile, "utf8"))(holder);
  const manifest = holder.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`no client-reference manifest for ${route}`);
  const files = [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
  const sized = files.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(path.join(next, file)), { level: 9 }).byteLength }));
  return { route, kB: Math.round(sized.reduce((sum, entry) => sum + entry.gzipBytes, 0) / 100) / 10, files: sized };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = firstLoadJs(process.argv[2]);
  for (const entry of result.files) console.log(`${(entry.gzipBytes / 1000).toFixed(1).padStart(7)} kB  ${entry.file}`);
  console.log(`${result.kB.toFixed(1).padStart(7)} kB  first-load JS of ${result.route} (gzip)`);
}
