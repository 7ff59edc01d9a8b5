import type { Metadata } from "next";
import { ExamSittingPage } from "./sitting-view";

export const metadata: Metadata = { title: "Eksamen" };

export default async function ExamPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<{ slettet?: string | string[] }> }) {
  const { slettet } = await searchParams;
  return <ExamSittingPage params={params} examId={null} deleted={slettet === "ny" ? "RESIT" : slettet === "utsatt" ? "DEFERRED" : null} />;
}
