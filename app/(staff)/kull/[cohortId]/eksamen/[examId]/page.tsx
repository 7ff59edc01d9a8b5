import type { Metadata } from "next";
import { idOr404 } from "../../load";
import { ExamSittingPage } from "../sitting-view";

export const metadata: Metadata = { title: "Utsatt eller ny eksamen" };

export default async function LaterSittingPage({ params }: { params: Promise<{ cohortId: string; examId: string }> }) {
  const { examId } = await params;
  return <ExamSittingPage params={params} examId={idOr404(examId)} />;
}
