import { requirePageRole } from "@/lib/server/viewer";

export default async function StudentLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["STUDENT"], "/student");
  return children;
}
