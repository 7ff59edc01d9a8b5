// `npm run admin:create -- --email x --name y`: the first administrator of a new installation
// (or another one later), without demo data and without a password anyone has seen. It applies
// pending migrations (a fresh database is empty), creates the account with an invitation, queues
// the e-mail (sent by the app's mail job once the server runs, or listed in the development outbox)
// and prints the link, so the person can choose a password at once. Runs with the react-server
// condition (package.json) because it reuses the server's own use case.
//
// --if-no-admin does nothing when an administrator exists: the launcher uses it at start-up when
// INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_NAME are set (with --no-migrate: it has just migrated).
import { randomBytes } from "node:crypto";
import { parseAdminArgs } from "@/lib/cli/admin-args";
import { provideDatabase } from "@/lib/cli/database";
import { loadEnvFiles } from "@/lib/cli/env-files";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createAdministrator, hasAdministrator } from "@/lib/server/users/first-admin";
import { formatInstantNb } from "@/lib/domain/format";

async function main() {
  const args = parseAdminArgs(process.argv.slice(2));
  if ("error" in args) {
    console.error(args.error);
    process.exit(2);
  }
  loadEnvFiles();
  const database = await provideDatabase(() => {});
  process.env.DATABASE_URL = database.url;
  // The invitation is a random token stored as its hash; nothing here is signed, so a missing
  // AUTH_SECRET (the server's own) is replaced for this process only.
  process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  const client = createPrismaClient(database.url);
  try {
    if (args.migrate) await applyMigrations(database.url);
    if (args.ifNoAdmin && (await hasAdministrator(client))) return;
    const admin = await createAdministrator(client, args);
    console.log(
      [
        admin.created ? `Administrator opprettet: ${admin.email}` : `Ny invitasjon til administratoren ${admin.email} (den forrige lenken virker ikke lenger).`,
        `Velg passord her (én gang, innen ${formatInstantNb(admin.expiresAt)}):`,
        admin.link,
        "Lenken er også sendt på e-post. Del den ikke med andre.",
      ].join("\n"),
    );
  } finally {
    await client.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
