import { describe, expect, it } from "vitest";
import { demoAccountsVisible, feideConfigured, parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

describe("environment", () => {
  it("accepts a minimal configuration and fills in defaults", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({ NODE_ENV: "development", STORAGE_DIR: ".data/storage", MAIL_OUTBOX_DIR: ".data/outbox" });
    expect(feideConfigured(env)).toBe(false);
  });

  it("names every problem at once", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ connection string\n {2}AUTH_SECRET: AUTH_SECRET must be at least 32/,
    );
  });

  it("wants both Feide credentials or neither", () => {
    expect(() => parseEnv({ ...base, FEIDE_CLIENT_ID: "id" })).toThrow(/FEIDE_CLIENT_ID and FEIDE_CLIENT_SECRET/);
    expect(feideConfigured(parseEnv({ ...base, FEIDE_CLIENT_ID: "id", FEIDE_CLIENT_SECRET: "secret" }))).toBe(true);
  });

  it("shows demo accounts in development only, unless told otherwise", () => {
    expect(demoAccountsVisible(parseEnv({ ...base, NODE_ENV: "development" }))).toBe(true);
    expect(demoAccountsVisible(parseEnv({ ...base, NODE_ENV: "production" }))).toBe(false);
    expect(demoAccountsVisible(parseEnv({ ...base, NODE_ENV: "production", SHOW_DEMO_ACCOUNTS: "true" }))).toBe(true);
    expect(demoAccountsVisible(parseEnv({ ...base, NODE_ENV: "development", SHOW_DEMO_ACCOUNTS: "false" }))).toBe(false);
  });
});
