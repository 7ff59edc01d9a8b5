import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { CopyReviewForm } from "@/components/intakes/copy-review-form";
import { SelectField, TextField } from "@/components/ui/field";
import { copyIntakeAction } from "@/lib/actions/intakes";
import { NotFoundError } from "@/lib/server/errors";
import { getCopyProposal, listCopySources } from "@/lib/server/intakes/queries";
import { requirePageRole } from "@/lib/server/viewer";
import { isCohortCode } from "@/lib/domain/cohort";
import { isRecordId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Kopier et kull" };

/**
 * Two steps on one page: choose the kull to copy and the new code (a plain GET form, so the
 * proposal has an address), then review every moved date and save the copy as a draft.
 */
export default async function CopyIntakePage({ searchParams }: { searchParams: Promise<{ fra?: string; kode?: string; uker?: string }> }) {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/kull/kopier");
  const { fra, kode, uker } = await searchParams;
  const sources = await listCopySources(viewer);
  const weeks = uker && /^-?\d{1,4}$/.test(uker.trim()) ? Number(uker.trim()) : null;
  const typedCode = kode?.trim().toUpperCase() ?? "";
  const invalidCode = typedCode !== "" && !isCohortCode(typedCode);
  const proposal =
    fra && isRecordId(fra)
      ? await getCopyProposal(viewer, { sourceId: fra, code: kode?.trim().toUpperCase() || null, weeks }).catch((error) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        })
      : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/veileder">← Oversikt</Link>
      </p>
      <PageHeader
        title="Kopier et kull"
        lead="Det nye kullet får samme plan som et tidligere kull, med alle datoer flyttet like mange uker, så ukedagene blir de samme. Du ser over datoene før kullet lagres som kladd."
      />
      <div className="space-y-6">
        <section className="card" aria-labelledby="velg-heading">
          <h2 id="velg-heading">1. Velg kull og ny kode</h2>
          <form method="get" action="/veileder/kull/kopier" className="mt-4 space-y-4" aria-label="Velg kull å kopiere">
            <SelectField
              name="fra"
              id="fra"
              required
              label="Kull du kopierer fra"
              options={sources.map((source) => ({ value: source.id, label: source.label }))}
              defaultValue={proposal?.source.id ?? ""}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="kode"
                id="kode"
                label="Kode for det nye kullet"
                hint="For eksempel H2028. Tomt: samme termin året etter."
                autoCapitalize="characters"
                defaultValue={invalidCode ? kode : (proposal?.code ?? kode ?? "")}
              />
              <TextField
                name="uker"
                id="uker"
                type="number"
                inputMode="numeric"
                label="Flytt datoene (antall uker)"
                hint="Tomt: ukene mellom de to terminene (52 for ett år)."
                defaultValue={uker ?? ""}
              />
            </div>
            <button type="submit" className="btn-secondary">
              {proposal ? "Vis forslaget på nytt" : "Vis forslaget"}
            </button>
          </form>
          {proposal && invalidCode ? (
            <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              «{kode}» er ikke en kode for et kull (H eller V og et årstall). Forslaget bruker {proposal.code}.
            </p>
          ) : null}
          {fra && !proposal ? (
            <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              Fant ikke kullet. Velg et kull fra listen.
            </p>
          ) : null}
        </section>

        {proposal ? (
          <section className="card space-y-6" aria-labelledby="forslag-heading">
            <div>
              <h2 id="forslag-heading">
                2. Se over {proposal.fields.name} ({proposal.source.programme})
              </h2>
              <p className="mt-2 text-slate-700">
                Kopi av {proposal.source.name}, med alle datoer flyttet {proposal.weeks} uker.
              </p>
              {proposal.codeTaken ? (
                <p role="alert" className="mt-3 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
                  Studieprogrammet har allerede et kull {proposal.code}. Velg en annen kode over.
                </p>
              ) : null}
              {proposal.warnings.length > 0 ? (
                <div className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
                  <h3 className="text-base">Datoer som falt på helligdager og er flyttet</h3>
                  <ul className="mt-1 list-disc pl-5">
                    {proposal.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="mt-3">Ingen av datoene falt på en helligdag.</p>
              )}
            </div>
            <CopyReviewForm
              key={`${proposal.source.id}:${proposal.code}:${proposal.weeks}`}
              action={copyIntakeAction}
              review={{
                sourceId: proposal.source.id,
                planShape: proposal.planShape,
                sourceName: proposal.source.name,
                weeks: proposal.weeks,
                fields: proposal.fields,
                samlinger: proposal.samlinger,
                arbeidskrav: proposal.arbeidskrav,
                exam: proposal.exam,
                team: proposal.team,
              }}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
