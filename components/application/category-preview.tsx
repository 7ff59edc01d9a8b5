// The provisional priority category on the summary page, BEFORE sending: what the applicant's
// answers lead to and why, so a wrong answer can still be corrected (lib/domain decides, with the
// same rule and date as submission).
import Link from "next/link";
import { PRIORITY_CATEGORY_LABELS } from "@/lib/domain/admission";
import type { CategoryPreview as Preview } from "@/lib/domain/application-requirements";

export function CategoryPreview({ preview, positionsHref }: { preview: Preview; positionsHref: string }) {
  return (
    <section className="card" aria-labelledby="kategori-heading">
      {preview.ready ? (
        <>
          <h2 id="kategori-heading">Foreløpig prioritetskategori: {preview.explanation.category}</h2>
          <p className="mt-1 font-medium">{PRIORITY_CATEGORY_LABELS[preview.explanation.category]}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-800">
            {preview.explanation.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-700">
            Slik blir kategorien beregnet når du sender søknaden, ut fra stillingene du har oppgitt. Stemmer den ikke,{" "}
            <Link href={positionsHref}>se over stillingene</Link> før du sender. Studieveilederen kontrollerer kategorien mot
            tjenestebevisene.
          </p>
        </>
      ) : (
        <>
          <h2 id="kategori-heading">Foreløpig prioritetskategori</h2>
          <p className="mt-2">Vi kan vise kategorien din når stillingene er fylt ut. Dette mangler:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {preview.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href={positionsHref} className="link-target">
              Gå til stillingene
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
