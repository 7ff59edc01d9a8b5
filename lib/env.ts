// The server's configuration, validated with zod when the server starts (instrumentation.ts)
// and on first use. A missing or malformed variable stops the server with a clear message
// instead of failing later on a user's request.
import { z } from "zod";
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from "@/lib/db/pool-settings";
import { MAX_RETENTION_MONTHS, retentionPeriodsFrom, type RetentionPeriods } from "@/lib/domain/retention";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** A whole number within bounds, or `fallback` when unset; the message names the variable. */
function wholeNumber(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return optionalText.pipe(
    z.coerce
      .number<string | undefined>({ error: message })
      .int(message)
      .min(min, message)
      .max(max, message)
      .optional()
      .transform((value) => value ?? fallback),
  );
}

/** A retention period in months (lib/domain/retention.ts): a whole number from 0 to 120. */
const retentionMonths = (name: string) =>
  optionalText.pipe(
    z.coerce
      .number<string | undefined>({ error: `${name} must be a whole number of months from 0 to ${MAX_RETENTION_MONTHS}` })
      .int(`${name} must be a whole number of months from 0 to ${MAX_RETENTION_MONTHS}`)
      .min(0, `${name} must be a whole number of months from 0 to ${MAX_RETENTION_MONTHS}`)
      .max(MAX_RETENTION_MONTHS, `${name} must be a whole number of months from 0 to ${MAX_RETENTION_MONTHS}`)
      .optional(),
  );

/** The retention periods alone: read by the job and the privacy statement without the rest. */
const retentionSchema = z.object({
  /** Months after the final decision before a not-admitted applicant's documents are deleted (default 6). */
  RETENTION_NOT_ADMITTED_DOCUMENTS_MONTHS: retentionMonths("RETENTION_NOT_ADMITTED_DOCUMENTS_MONTHS"),
  /** Months after the application deadline before an application without a decision is deleted (default 6). */
  RETENTION_UNDECIDED_APPLICATION_MONTHS: retentionMonths("RETENTION_UNDECIDED_APPLICATION_MONTHS"),
  /** Months after the final decision before a request for utsatt eksamen loses its health data (default 3). */
  RETENTION_DEFERRAL_HEALTH_DATA_MONTHS: retentionMonths("RETENTION_DEFERRAL_HEALTH_DATA_MONTHS"),
  /** Months after the samling day before an absence notice loses the student's reason (default 3). */
  RETENTION_ABSENCE_REASON_MONTHS: retentionMonths("RETENTION_ABSENCE_REASON_MONTHS"),
});

export const envSchema = z
  .object({
    ...retentionSchema.shape,
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
    /** The database pool and its timeouts (lib/db/pool-settings.ts says why these defaults). */
    DATABASE_POOL_MAX: wholeNumber("DATABASE_POOL_MAX", 1, 200, DEFAULT_POOL_SETTINGS.max),
    DATABASE_CONNECTION_TIMEOUT_MS: wholeNumber("DATABASE_CONNECTION_TIMEOUT_MS", 100, 600_000, DEFAULT_POOL_SETTINGS.connectionTimeoutMillis),
    DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber("DATABASE_STATEMENT_TIMEOUT_MS", 100, 3_600_000, DEFAULT_POOL_SETTINGS.statementTimeoutMillis),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(
      "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
      100,
      3_600_000,
      DEFAULT_POOL_SETTINGS.idleInTransactionTimeoutMillis,
    ),
    DATABASE_IDLE_TIMEOUT_MS: wholeNumber("DATABASE_IDLE_TIMEOUT_MS", 100, 3_600_000, DEFAULT_POOL_SETTINGS.idleTimeoutMillis),
    /** "false" for a connection pooler that cannot carry prepared statements (lib/db/statement-names.ts). */
    DATABASE_PREPARED_STATEMENTS: optionalText.pipe(z.enum(["true", "false"], "DATABASE_PREPARED_STATEMENTS må være true eller false").optional()),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (npx auth secret)"),
    APP_URL: z.url().default("http://localhost:3000"),
    STORAGE_DIR: z.string().default(".data/storage"),
    MAIL_FROM: z.string().default("Barnevernledelse NTNU <ikke-svar@barnevernledelse.local>"),
    /** smtp(s)://user:pass@host:port. Without it, mail goes to the development outbox. */
    SMTP_URL: optionalText.pipe(z.url().optional()),
    MAIL_OUTBOX_DIR: z.string().default(".data/outbox"),
    /** Feide (OpenID Connect). All three set: the sign-in page offers Feide. */
    FEIDE_CLIENT_ID: optionalText,
    FEIDE_CLIENT_SECRET: optionalText,
    FEIDE_ISSUER: z.url().default("https://auth.dataporten.no"),
    /** Show the demo accounts on the sign-in page (development only by default). */
    SHOW_DEMO_ACCOUNTS: optionalText.pipe(z.enum(["true", "false"]).optional()),
    /**
     * The header in which the deployment's own reverse proxy passes the client's address
     * (lib/http/client-address.ts), e.g. x-forwarded-for or x-real-ip. Unset: the address is
     * unknown and the per-address rate limits are off. Never set it without such a proxy: any
     * client can send any header.
     */
    TRUSTED_PROXY_HEADER: optionalText
      .transform((value) => value?.toLowerCase())
      .pipe(
        z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, "TRUSTED_PROXY_HEADER must be a header name such as x-forwarded-for or x-real-ip")
          .refine((name) => !["host", "origin", "referer", "cookie", "user-agent", "forwarded"].includes(name), {
            message: "TRUSTED_PROXY_HEADER must name the header your proxy writes the client address into (x-forwarded-for, x-real-ip …)",
          })
          .optional(),
      ),
    /** How many trusted proxies append to X-Forwarded-For (the address is that many from the right). */
    TRUSTED_PROXY_HOPS: optionalText.pipe(
      z.coerce
        .number<string | undefined>({ error: "TRUSTED_PROXY_HOPS must be a whole number from 1 to 10" })
        .int("TRUSTED_PROXY_HOPS must be a whole number from 1 to 10")
        .min(1, "TRUSTED_PROXY_HOPS must be a whole number from 1 to 10")
        .max(10, "TRUSTED_PROXY_HOPS must be a whole number from 1 to 10")
        .optional()
        .transform((value) => value ?? 1),
    ),
  })
  .refine((env) => Boolean(env.FEIDE_CLIENT_ID) === Boolean(env.FEIDE_CLIENT_SECRET), {
    message: "FEIDE_CLIENT_ID and FEIDE_CLIENT_SECRET must be set together",
    path: ["FEIDE_CLIENT_SECRET"],
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests: read process.env again at the next env() (a test file sets its own database). */
export function resetEnv(): void {
  cached = undefined;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

/** The server's database pool (lib/server/db.ts). */
export function poolSettings(config: Env = env()): PoolSettings {
  return {
    max: config.DATABASE_POOL_MAX,
    connectionTimeoutMillis: config.DATABASE_CONNECTION_TIMEOUT_MS,
    statementTimeoutMillis: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMillis: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    idleTimeoutMillis: config.DATABASE_IDLE_TIMEOUT_MS,
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS !== "false",
  };
}

export function feideConfigured(config: Env = env()): boolean {
  return Boolean(config.FEIDE_CLIENT_ID && config.FEIDE_CLIENT_SECRET);
}

/** Where the client address comes from (lib/http/client-address.ts). */
export function trustedProxy(config: Env = env()) {
  return { header: config.TRUSTED_PROXY_HEADER, hops: config.TRUSTED_PROXY_HOPS };
}

/**
 * The retention periods in force (lib/domain/retention.ts defaults, RETENTION_* to change them).
 * Read on their own, so the privacy statement needs no database settings to say them.
 */
export function retentionPeriods(source: Record<string, string | undefined> = process.env): RetentionPeriods {
  const result = retentionSchema.safeParse(source);
  if (!result.success) throw new Error(`Invalid environment:\n${result.error.issues.map((issue) => `  ${issue.message}`).join("\n")}`);
  return retentionPeriodsFrom({
    notAdmittedDocumentsMonths: result.data.RETENTION_NOT_ADMITTED_DOCUMENTS_MONTHS,
    undecidedApplicationMonths: result.data.RETENTION_UNDECIDED_APPLICATION_MONTHS,
    deferralHealthDataMonths: result.data.RETENTION_DEFERRAL_HEALTH_DATA_MONTHS,
    absenceReasonMonths: result.data.RETENTION_ABSENCE_REASON_MONTHS,
  });
}

export function demoAccountsVisible(config: Env = env()): boolean {
  if (config.SHOW_DEMO_ACCOUNTS) return config.SHOW_DEMO_ACCOUNTS === "true";
  return config.NODE_ENV === "development";
}

/** What a production server should have, said at start-up (the server still starts). */
export function productionWarnings(config: Env = env()): string[] {
  if (config.NODE_ENV !== "production") return [];
  const warnings: string[] = [];
  if (!config.SMTP_URL) warnings.push("SMTP_URL is not set: e-mail is written to MAIL_OUTBOX_DIR, not sent.");
  if (!config.APP_URL.startsWith("https://")) warnings.push(`APP_URL is ${config.APP_URL}: users should reach the app over https.`);
  if (!config.TRUSTED_PROXY_HEADER) {
    warnings.push(
      "TRUSTED_PROXY_HEADER is not set: the client address is unknown, so the per-address limits (sign-in, registration, password reset) are off. Set it to the header your reverse proxy writes (README).",
    );
  }
  if (!config.STORAGE_DIR.startsWith("/")) warnings.push(`STORAGE_DIR is relative (${config.STORAGE_DIR}): use a persistent absolute path.`);
  return warnings;
}
