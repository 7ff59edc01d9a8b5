// Downloads an application document for its applicant or an adviser. Always as an attachment
// with a cleaned .pdf name (lib/http/content-disposition.ts), never rendered inline, never
// cached; anyone else, and any id that cannot be ours, gets an empty 404.
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { openDocumentForDownload } from "@/lib/server/applications/documents";
import { NotFoundError } from "@/lib/server/errors";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Checked before anything reaches the database (a NUL byte or 5 000 characters are not ids).
  const id = parseRecordId((await params).id);
  if (!id) return new Response(null, { status: 404, headers: NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: NO_STORE });
  try {
    const document = await openDocumentForDownload(viewer, id);
    return new Response(document.stream, {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/pdf",
        "Content-Length": String(document.size),
        "Content-Disposition": attachmentDisposition(document.name),
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404, headers: NO_STORE });
    throw error;
  }
}
