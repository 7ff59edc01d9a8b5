import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { TransferForm } from "@/components/enrolments/transfer-form";
import { formatDateNb } from "@/lib/domain/format";
import { NotFoundError } from "@/lib/server/errors";
import { getTransferPlan } from "@/lib/server/enrolments/transfer";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Overføring til senere kull" };

async function load(userSegment: string, from: unknown, to: unknown) {
  const userId = parseRecordId(userSegment);
  const enrolmentId = parseRecordId(from);
  const toCohortId = to === undefined || to === "" ? null : parseRecordId(to);
  if (!userId || !enrolmentId || (to !== undefined && to !== "" && !toCohortId)) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/studenter/${userId}`);
  try {
    const plan = await getTransferPlan(viewer, { enrolmentId, toCohortId });
    if (plan.student.userId !== userId) notFound();
    return plan;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function TransferPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ fra?: string; til?: string }> }) {
  const { userId } = await params;
  const { fra, til } = await searchParams;
  const plan = await load(userId, fra, til);
  const back = `/veileder/studenter/${plan.student.userId}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back}>← {plan.student.name}</Link>
      </p>
      <PageHeader
        title="Overføring til senere kull"
        lead={`${plan.student.name} går i ${plan.from.cohort.name}. Velg hvilke godkjente arbeidskrav og hvilket oppmøte fra ${plan.from.cohort.name} som skal gjelde i det nye kullet. Det registreres hva som er godkjent, av hvem og når.`}
      />
      {plan.problem ? (
        <p role="alert" className="card border-red-700 bg-red-50 text-red-900">
          {plan.problem}
        </p>
      ) : (
        <div className="space-y-6">
          <section className="card" aria-labelledby="kull-heading">
            <h2 id="kull-heading">1. Velg kull</h2>
            {plan.candidates.length === 0 ? (
              <p className="mt-2">Det finnes ikke noe senere kull av studiet som ikke er avsluttet. Opprett kullet først.</p>
            ) : (
              <form className="mt-4 flex flex-wrap items-end gap-3" action={`/veileder/studenter/${plan.student.userId}/overforing`}>
                <input type="hidden" name="fra" value={plan.from.enrolmentId} />
                <div className="grow">
                  <label htmlFor="til" className="block font-medium">
                    Nytt kull
                  </label>
                  <select id="til" name="til" className="input mt-1" defaultValue={plan.target?.cohort.id ?? ""}>
                    <option value="">Velg …</option>
                    {plan.candidates.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.name}: {candidate.placesLeft} ledige plasser, starter {formatDateNb(candidate.startsOn)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="btn-secondary">
                  Vis hva som kan godkjennes
                </button>
              </form>
            )}
            <p className="mt-3 text-sm text-slate-700">En overføring tar en av det nye kullets plasser, som et tilbud som er takket ja til.</p>
          </section>

          {plan.target ? (
            <section className="card" aria-labelledby="godkjenn-heading">
              <h2 id="godkjenn-heading">2. Hva som godkjennes i {plan.target.cohort.name}</h2>
              {plan.target.problem ? (
                <p role="alert" className="mt-2 text-red-800">
                  {plan.target.problem}
                </p>
              ) : (
                <div className="mt-4">
                  <TransferForm
                    enrolmentId={plan.from.enrolmentId}
                    userId={plan.student.userId}
                    toCohortId={plan.target.cohort.id}
                    toCohortName={plan.target.cohort.name}
                    fromCohortName={plan.from.cohort.name}
                    items={plan.target.arbeidskrav.map((item) => ({ arbeidskravId: item.arbeidskravId, title: item.title, proposed: item.proposed, awaiting: item.awaiting, options: item.options }))}
                    samlinger={plan.target.samlinger}
                  />
                </div>
              )}
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}
