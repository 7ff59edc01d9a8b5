// Downloads an application document for its applicant or an adviser. Always as an attachment,
// never rendered inline, never cached; anyone else gets an empty 404.
import { openDocumentForDownload } from "@/lib/server/applications/documents";
import { NotFoundError } from "@/lib/server/errors";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: NO_STORE });
  const { id } = await params;
  try {
    const document = await openDocumentForDownload(viewer, id);
    return new Response(document.stream, {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/pdf",
        "Content-Length": String(document.size),
        "Content-Disposition": contentDisposition(document.name),
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404, headers: NO_STORE });
    throw error;
  }
}

/** attachment; an ASCII fallback name and the real one in RFC 5987 form (æøå survive). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
