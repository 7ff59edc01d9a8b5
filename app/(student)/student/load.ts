import "server-only";
import { cookies } from "next/headers";
import { getStudentOverview } from "@/lib/server/students/overview";
import { requirePageRole } from "@/lib/server/viewer";
import { HAND_IN_FLASH_COOKIE } from "@/lib/validation/student";

/** The signed-in student and their own enrolments (once per request). */
export async function loadStudent(path: string) {
  const viewer = await requirePageRole(["STUDENT"], path);
  return { viewer, enrolments: await getStudentOverview(viewer) };
}

/** The result of a hand-in posted without JavaScript (see the hand-in route), if one just happened. */
export async function handInFlash(): Promise<{ ok: boolean; message: string } | null> {
  const value = (await cookies()).get(HAND_IN_FLASH_COOKIE)?.value;
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { ok?: unknown; message?: unknown };
    return typeof parsed.message === "string" ? { ok: parsed.ok === true, message: parsed.message } : null;
  } catch {
    return null;
  }
}
