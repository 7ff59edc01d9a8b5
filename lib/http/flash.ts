// The reading half of a form post's message (lib/http/form-post.ts writes it): after a post
// without JavaScript the browser comes back to the page, and the page shows what happened once.
import "server-only";
import { cookies } from "next/headers";

export interface Flash {
  ok: boolean;
  message: string;
}

/** The message a form post just left in `cookieName`, if any (anything malformed is ignored). */
export async function readFlash(cookieName: string): Promise<Flash | null> {
  const value = (await cookies()).get(cookieName)?.value;
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { ok?: unknown; message?: unknown };
    return typeof parsed.message === "string" ? { ok: parsed.ok === true, message: parsed.message } : null;
  } catch {
    return null;
  }
}
