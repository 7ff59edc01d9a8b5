import { requirePageRole } from "@/lib/server/viewer";

export default async function FacultyLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["FACULTY"], "/faglaerer");
  return children;
}
