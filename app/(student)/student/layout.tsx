import { AreaNav } from "@/components/area-nav";
import { requirePageRole } from "@/lib/server/viewer";

export default async function StudentLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageRole(["STUDENT"], "/student");
  return (
    <>
      <AreaNav
        label="Student"
        links={[
          { href: "/student", label: "Oversikt" },
          { href: "/student/oppmote", label: "Oppmøte" },
          { href: "/student/arbeidskrav", label: "Arbeidskrav" },
          { href: "/student/eksamen", label: "Eksamen" },
          { href: "/student/timeplan", label: "Timeplan" },
          { href: "/student/brev", label: "Brev", newCount: viewer.newLetters },
          { href: "/student/studieforlop", label: "Studieforløp" },
        ]}
      />
      {children}
    </>
  );
}
