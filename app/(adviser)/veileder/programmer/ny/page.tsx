import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { ProgrammeForm } from "@/components/programmes/programme-form";
import { createProgrammeAction } from "@/lib/actions/programmes";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Nytt studieprogram" };

export default async function NewProgrammePage() {
  // Only an administrator adds a programme (the action and the use case check it too).
  await requirePageRole(["ADMIN"], "/veileder/programmer/ny");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/veileder/programmer">← Studieprogrammer</Link>
      </p>
      <PageHeader
        title="Nytt studieprogram"
        lead="Programmet får dagens studieplan som mal for arbeidskravene (to fagnotat og tre ledertreningsoppgaver). Malen kan endres etterpå."
      />
      <section className="card">
        <ProgrammeForm
          action={createProgrammeAction}
          creating
          submitLabel="Opprett studieprogrammet"
          initial={{
            code: "",
            name: "",
            description: "",
            credits: 30,
            fsCourseCode: "",
            fsCourseVersion: "1",
            attendanceThresholdPercent: 80,
            adviserName: "",
            adviserEmail: "",
            adviserPhone: "",
            academicLeadName: "",
            academicLeadEmail: "",
            academicLeadPhone: "",
            offerWelcomeText: null,
            offerPracticalText: "Studiet har ingen studieavgift, men du må betale semesteravgift det semesteret du tar eksamen.",
          }}
        />
      </section>
    </>
  );
}
