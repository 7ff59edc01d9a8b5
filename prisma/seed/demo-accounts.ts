// The demo accounts (one per role). The password is published in the README and shown on the
// sign-in page in development only; `npm start` against an external database never seeds them
// unless SEED_DEMO_DATA=true.
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "Demo-passord-2026";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; roles: Role[]; description: string }[] = [
  { email: "soker@demo.no", name: "Sofie Søker", roles: ["APPLICANT"], description: "Søker med en påbegynt søknad" },
  { email: "student@demo.no", name: "Sander Student", roles: ["STUDENT"], description: "Student i kullet som pågår" },
  { email: "faglaerer@demo.no", name: "Frida Faglærer", roles: ["FACULTY"], description: "Faglærer og prosessveileder" },
  { email: "veileder@demo.no", name: "Vegard Veileder", roles: ["ADVISER"], description: "Studieveileder" },
  { email: "admin@demo.no", name: "Ada Administrator", roles: ["ADMIN", "ADVISER"], description: "Administrator" },
];
