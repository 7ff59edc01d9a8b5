// Innsyn: everything held about one person as a zip (lib/server/privacy/export.ts), for the
// person themselves (/min-konto) or an administrator (/veileder/logg). Streamed as it is made;
// never cached. Anyone else, and an id that is no person, gets an empty 404; signed out, 401.
// The export is audited before the first byte is sent.
import { NotFoundError } from "@/lib/server/errors";
import { openPersonExport } from "@/lib/server/privacy/export";
import { getViewer } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const userId = parseRecordId((await params).userId);
  if (!userId) return new Response(null, { status: 404, headers: NO_STORE });
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401, headers: NO_STORE });
  try {
    const { fileName, stream } = await openPersonExport(viewer, userId);
    return new Response(stream, {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/zip",
        // Our own name (innsyn-YYYY-MM-DD.zip), plain ASCII: nothing to clean.
        "Content-Disposition": `attachment; filename="${fileName}"`,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404, headers: NO_STORE });
    throw error;
  }
}
