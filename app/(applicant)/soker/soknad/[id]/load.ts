import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { readFlash, type Flash } from "@/lib/http/flash";
import { getApplicationForApplicant } from "@/lib/server/applications/read";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { UPLOAD_FLASH_COOKIE } from "@/lib/validation/application";
import { isRecordId } from "@/lib/validation/ids";

/** The signed-in applicant's own application, once per request; anyone else gets a 404. */
export const loadApplication = cache(async (id: string) => {
  // A malformed id is a 404 before any query (and never goes into the sign-in return address).
  if (!isRecordId(id)) notFound();
  const viewer = await requirePageRole(["APPLICANT"], `/soker/soknad/${id}`);
  try {
    return { viewer, application: await getApplicationForApplicant(viewer, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

/** The result of an upload posted without JavaScript (see the upload route), if one just happened. */
export function uploadNotice(): Promise<Flash | null> {
  return readFlash(UPLOAD_FLASH_COOKIE);
}
