import "server-only";
import { readFlash, type Flash } from "@/lib/http/flash";
import { getStudentOverview } from "@/lib/server/students/overview";
import { requirePageRole } from "@/lib/server/viewer";
import { HAND_IN_FLASH_COOKIE } from "@/lib/validation/student";

/** The signed-in student and their own enrolments (once per request). */
export async function loadStudent(path: string) {
  const viewer = await requirePageRole(["STUDENT"], path);
  return { viewer, enrolments: await getStudentOverview(viewer) };
}

/** The result of a hand-in posted without JavaScript (see the hand-in route), if one just happened. */
export function handInFlash(): Promise<Flash | null> {
  return readFlash(HAND_IN_FLASH_COOKIE);
}
