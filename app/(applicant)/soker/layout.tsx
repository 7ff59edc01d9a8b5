import { requirePageRole } from "@/lib/server/viewer";

export default async function ApplicantLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["APPLICANT"], "/soker");
  return children;
}
