import type { Metadata } from "next";
import { ExamSittingPage } from "./sitting-view";

export const metadata: Metadata = { title: "Eksamen" };

export default async function ExamPage({ params }: { params: Promise<{ cohortId: string }> }) {
  return <ExamSittingPage params={params} examId={null} />;
}
