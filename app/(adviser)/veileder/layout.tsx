import { AreaNav } from "@/components/area-nav";
import { canReadAuditLog } from "@/lib/permissions";
import { requirePageRole } from "@/lib/server/viewer";

export default async function AdviserLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder");
  return (
    <>
      <AreaNav
        label="Studieveileder"
        links={[
          { href: "/veileder", label: "Oversikt" },
          { href: "/veileder/opptak", label: "Opptak" },
          // Klager on admission; the students' klager are each kull's (Kull → Klager, and the start page).
          { href: "/veileder/opptak/klager", label: "Opptaksklager" },
          { href: "/veileder/studenter", label: "Studenter" },
          { href: "/veileder/programmer", label: "Studieprogrammer" },
          { href: "/veileder/brukere", label: "Brukere" },
          ...(canReadAuditLog(viewer)
            ? [
                { href: "/veileder/logg", label: "Logg" },
                { href: "/veileder/e-post", label: "E-post" },
              ]
            : []),
        ]}
      />
      {children}
    </>
  );
}
