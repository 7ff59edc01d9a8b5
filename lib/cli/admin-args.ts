// The arguments of `npm run admin:create -- --email x --name y [--if-no-admin]` (pure, tested).

export interface AdminArgs {
  email: string;
  name: string;
  /** Do nothing when the installation already has an administrator (the launcher's start-up use). */
  ifNoAdmin: boolean;
  /**
   * Apply pending migrations first (default). The launcher says --no-migrate: it has just applied
   * them, and its migration engine may still hold Prisma's advisory lock.
   */
  migrate: boolean;
}

export const ADMIN_USAGE =
  'Bruk: npm run admin:create -- --email navn@ntnu.no --name "Fornavn Etternavn"\n' +
  "Oppretter en administrator uten passord og skriver ut en invitasjonslenke (gyldig i 7 dager, én gang) der passordet velges.";

/** The parsed arguments, or a Norwegian message saying what is wrong. */
export function parseAdminArgs(argv: readonly string[]): AdminArgs | { error: string } {
  const values: Record<string, string> = {};
  let ifNoAdmin = false;
  let migrate = true;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === "--if-no-admin" || arg === "--no-migrate") {
      if (arg === "--if-no-admin") ifNoAdmin = true;
      else migrate = false;
      continue;
    }
    const match = /^--(email|name)(?:=(.*))?$/.exec(arg);
    if (!match) return { error: `Ukjent argument: ${arg}\n${ADMIN_USAGE}` };
    const value = match[2] ?? argv[index + 1];
    if (match[2] === undefined) index += 1;
    if (value === undefined || value.startsWith("--") || value.trim() === "") return { error: `--${match[1]} mangler en verdi.\n${ADMIN_USAGE}` };
    values[match[1]!] = value.trim();
  }
  if (!values.email || !values.name) return { error: ADMIN_USAGE };
  return { email: values.email, name: values.name, ifNoAdmin, migrate };
}
