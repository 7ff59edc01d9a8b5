import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getApplicationForApplicant } from "@/lib/server/applications/read";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";

/** The signed-in applicant's own application, once per request; anyone else gets a 404. */
export const loadApplication = cache(async (id: string) => {
  const viewer = await requirePageRole(["APPLICANT"], `/soker/soknad/${id}`);
  try {
    return { viewer, application: await getApplicationForApplicant(viewer, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
