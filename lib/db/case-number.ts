// The next case number (lib/domain/case-reference.ts): one sequence numbers every case, admission's
// decisions (Decision.caseNumber's own default) and students' cases (StudentLetter, drawn here:
// Prisma cannot name another column's sequence as a default), so a number names one case.
// Used by lib/server/student-letters/issue.ts and by the seed's factories.
import type { Database, Transaction } from "./client";

export async function nextCaseNumber(client: Database | Transaction): Promise<number> {
  const [row] = await (client as Transaction).$queryRaw<{ n: number }[]>`
    SELECT nextval(pg_get_serial_sequence('"Decision"', 'caseNumber'))::integer AS "n"`;
  return row!.n;
}
