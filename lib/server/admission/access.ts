import "server-only";
import { isStaff } from "@/lib/permissions";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

/** Admission is the advisers' (and admins') work: everyone else is refused by every use case. */
export function requireAdviser(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new AccessDeniedError();
}
