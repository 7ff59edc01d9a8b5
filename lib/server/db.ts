import "server-only";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { env, poolSettings } from "@/lib/env";

// One client per server process. Created on first use, never at import time: `next build`
// imports server modules to collect page data without a database.
const holder = globalThis as { __db?: Database };

export function db(): Database {
  holder.__db ??= createPrismaClient(env().DATABASE_URL, poolSettings());
  return holder.__db;
}
