// Downloads an uploaded file (a vitnemål, a tjenestebevis, an arbeidskrav hand-in, a klage's
// attachment) for those who may see it (lib/server/documents/access.ts). As an attachment with a
// cleaned .pdf name (lib/http/content-disposition.ts) by default; `?visning=inline` shows it in
// the browser for staff. Never cached; anyone else, and any id that cannot be ours, gets an
// empty 404.
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { openDocument } from "@/lib/server/documents/access";
import { NotFoundError } from "@/lib/server/errors";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Checked before anything reaches the database (a NUL byte or 5 000 characters are not ids).
  const id = parseRecordId((await params).id);
  if (!id) return new Response(null, { status: 404, headers: NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: NO_STORE });
  try {
    const document = await openDocument(viewer, id);
    const inline = new URL(request.url).searchParams.get("visning") === "inline" && document.inlineAllowed;
    return new Response(document.stream, {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/pdf",
        "Content-Length": String(document.size),
        "Content-Disposition": attachmentDisposition(document.name, inline ? "inline" : "attachment"),
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404, headers: NO_STORE });
    throw error;
  }
}
