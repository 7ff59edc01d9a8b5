import "server-only";
// Which step the applicant last asked to go on from («Lagre og gå videre») while it lacked
// something: that step's missing fields are then marked at the field, not only listed in the
// summary (lib/application-steps.ts fieldMessagesAfterContinue). A cookie, not the draft: it is
// how the form is shown in this browser, not part of the application. Kept a day; another
// step's attempt replaces it.
import { cookies } from "next/headers";

const COOKIE = "soknad-videre";

export function continueAttemptKey(applicationId: string, step: string, positionId?: string): string {
  return positionId ? `${applicationId}:${step}:${positionId}` : `${applicationId}:${step}`;
}

export async function rememberContinueAttempt(applicationId: string, step: string, positionId?: string): Promise<void> {
  (await cookies()).set(COOKIE, continueAttemptKey(applicationId, step, positionId), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    path: "/soker",
    maxAge: 24 * 60 * 60,
  });
}

export async function continueAttempted(applicationId: string, step: string, positionId?: string): Promise<boolean> {
  return (await cookies()).get(COOKIE)?.value === continueAttemptKey(applicationId, step, positionId);
}
