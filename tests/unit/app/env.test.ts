import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_SETTINGS } from "@/lib/db/pool-settings";
import { demoAccountsVisible, feideConfigured, parseEnv, poolSettings } from "@/lib/env";

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

  it("sets the database pool from DATABASE_* variables, with the documented defaults", () => {
    expect(poolSettings(parseEnv(base))).toEqual(DEFAULT_POOL_SETTINGS);
    expect(DEFAULT_POOL_SETTINGS).toEqual({
      max: 10,
      connectionTimeoutMillis: 15_000,
      statementTimeoutMillis: 30_000,
      idleInTransactionTimeoutMillis: 60_000,
      idleTimeoutMillis: 30_000,
      preparedStatements: true,
    });
    const custom = parseEnv({
      ...base,
      DATABASE_POOL_MAX: "25",
      DATABASE_CONNECTION_TIMEOUT_MS: "5000",
      DATABASE_STATEMENT_TIMEOUT_MS: "10000",
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "20000",
      DATABASE_IDLE_TIMEOUT_MS: "1000",
      DATABASE_PREPARED_STATEMENTS: "false",
    });
    expect(poolSettings(custom)).toEqual({
      max: 25,
      connectionTimeoutMillis: 5000,
      statementTimeoutMillis: 10_000,
      idleInTransactionTimeoutMillis: 20_000,
      idleTimeoutMillis: 1000,
      preparedStatements: false,
    });
    expect(() => parseEnv({ ...base, DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX must be a whole number from 1 to 200/);
    expect(() => parseEnv({ ...base, DATABASE_STATEMENT_TIMEOUT_MS: "30s" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS must be a whole number/);
  });
});
