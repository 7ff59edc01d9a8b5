/**
 * First-load JavaScript of one page of the production build, as `next build` reported it up to
 * Next.js 15 ("First Load JS", gzip): Next.js 16 no longer prints the column, so the bench reads
 * it from the build's own manifests.
 *
 * The scripts a first visit to a route loads are
 * - the build manifest's `rootMainFiles` (.next/build-manifest.json: React, the Next.js runtime,
 *   Turbopack's loader), shared by every page, and
 * - the route's `entryJSFiles` in its client reference manifest
 *   (.next/server/app/<route>/page_client-reference-manifest.js, which sets
 *   `globalThis.__RSC_MANIFEST["/<route>/page"]`): the client chunks of the root layout, the group
 *   layouts, the error and not-found boundaries and the page.
 * Polyfills (`polyfillFiles`, loaded only by browsers without modules) are not counted, as Next.js
 * did not count them. Each file counts once, at its gzip size (zlib's default level).
 *
 * Measured this way on 3 December 2026 (issue 21): /student 135.8 kB, /student/oppmote 139.6 kB,
 * / 135.8 kB (kB = 1,024 bytes); 131.4 kB of it is the shared rootMainFiles.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface BuildManifestFiles {
  rootMainFiles: readonly string[];
}

export interface RouteClientManifest {
  entryJSFiles: Readonly<Record<string, readonly string[]>>;
}

/** The files a first load of the route fetches, each once (paths relative to .next/). */
export function firstLoadJsFiles(build: BuildManifestFiles, route: RouteClientManifest): string[] {
  return [...new Set([...build.rootMainFiles, ...Object.values(route.entryJSFiles).flat()])];
}

/** The total of the files' gzip sizes, in bytes. */
export function firstLoadJsBytes(files: readonly string[], gzipSize: (file: string) => number): number {
  return files.reduce((total, file) => total + gzipSize(file), 0);
}

/**
 * Reads the figure from a build: `nextDir` is the app's .next folder, `route` the app-router
 * path of the page with its groups, e.g. "/(student)/student". Returns bytes (gzip).
 */
export function readFirstLoadJsBytes(nextDir: string, route: string): number {
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as BuildManifestFiles;
  const manifestFile = path.join(nextDir, "server/app", route, "page_client-reference-manifest.js");
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; evaluate it in a sandbox.
  const sandbox: { globalThis: Record<string, unknown>; self?: unknown; __RSC_MANIFEST?: Record<string, RouteClientManifest> } = { globalThis: {} };
  sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
  sandbox.self = sandbox;
  new Function("globalThis", "self", readFileSync(manifestFile, "utf8"))(sandbox, sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest) throw new Error(`No client reference manifest for ${route} in ${manifestFile}`);
  return firstLoadJsBytes(firstLoadJsFiles(build, manifest), (file) => gzipSync(readFileSync(path.join(nextDir, file))).length);
}
