import { existsSync } from "node:fs";

/** Loads .env.local then .env (without overriding what the shell set), as Next.js does. */
export function loadEnvFiles(): void {
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
