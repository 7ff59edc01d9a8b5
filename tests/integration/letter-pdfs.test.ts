// Letters as PDFs, read back with pdf.js (not pdf-lib, which wrote them): the name exactly as
// typed (Sámi letters included), the case's reference, the legal basis, the programme, and after
// a klage is taken the new decision, never the refused grounds.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as letterPdf } from "@/app/api/vedtak/[id]/route";
import { POST as klageRoute } from "@/app/api/soknader/[id]/klage/route";
import { decideAppealAction } from "@/lib/actions/admission";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { admissionLegalBasis } from "@/lib/domain/decision-letter";
import { klageDeadline } from "@/lib/domain/klage";
import { letterAsText } from "@/lib/domain/letter";
import { composeStudentLetter } from "@/lib/domain/student-letter";
import { renderLetterPdf } from "@/lib/server/letters/pdf";
import { COMPLETE_APPLICATION, createApplication, createOpenCohort, createUser, day } from "@/prisma/seed/factories";
import { flatten, pdfText } from "../support/pdf-text";
import { db, redirectOf, signInAs, submit } from "./support";

const SAMI_NAME = "Áile Ŋuolláš Čoavji-Đoallu";
const today = () => osloDate(new Date());
const daysFromToday = (days: number) => osloDate(new Date(Date.now() + days * 86_400_000));

async function fileKlage(applicationId: string, text: string) {
  const form = new FormData();
  form.append("text", text);
  const response = await klageRoute(
    new NextRequest(`http://localhost/api/soknader/${applicationId}/klage`, { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } }),
    { params: Promise.resolve({ id: applicationId }) },
  );
  expect(response.status).toBe(201);
}

async function pdfOf(letterId: string) {
  const response = await letterPdf(new Request(`http://localhost/api/vedtak/${letterId}`), { params: Promise.resolve({ id: letterId }) });
  expect(response.status).toBe(200);
  return pdfText(new Uint8Array(await response.arrayBuffer()));
}

describe("an admission letter after a klage is taken, as PDF", () => {
  it("says the new decision, replaces the letter appealed, names the case, the programme and the legal basis, and the applicant's name as typed", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: daysFromToday(-3) });
    const programme = await db().programme.update({
      where: { id: (await db().cohort.findUniqueOrThrow({ where: { id: cohort.id }, select: { programmeId: true } })).programmeId },
      data: { name: "Videreutdanning i institusjonsledelse" },
    });
    const adviser = await createUser(db(), { roles: ["ADVISER"], name: "Vegard Veileder" });
    const applicant = await createUser(db(), { roles: ["APPLICANT"], name: SAMI_NAME });
    const application = await createApplication(db(), { ...COMPLETE_APPLICATION, fullName: SAMI_NAME, applicantId: applicant.id, cohortId: cohort.id, status: "DECIDED" });
    const refusedGrounds = "Ingen lederstilling i barnevernet.";
    await db().application.update({ where: { id: application.id }, data: { qualified: false, qualificationGrounds: refusedGrounds } });
    const decision = await db().decision.create({
      data: {
        applicationId: application.id,
        outcome: "REFUSAL",
        grounds: refusedGrounds,
        decidedById: adviser.id,
        letters: {
          create: { version: 1, kind: "REFUSAL", subject: "Avslag på søknad om opptak", body: `AVSLAG\n\nTil ${SAMI_NAME}\n\n${refusedGrounds}`, madeAvailableOn: day(today()), klageDeadline: day(klageDeadline(today())) },
        },
      },
      select: { id: true, caseYear: true, caseNumber: true },
    });

    await signInAs(applicant);
    await fileKlage(application.id, "Jeg er avdelingsleder i barneverntjenesten i Guovdageaidnu; se tjenestebeviset.");
    const appeal = await db().appeal.findFirstOrThrow({ where: { decisionId: decision.id } });
    await signInAs(adviser);
    // Typed in a textarea: the browser sends CR LF between lines.
    const grounds = "Tjenestebeviset viser lederstilling i barnevernet.\r\nStillingen har fagansvar og personalansvar.";
    await redirectOf(() => submit(decideAppealAction, { appealId: appeal.id, outcome: "OFFER", grounds }));

    const letters = await db().decisionLetter.findMany({ where: { decisionId: decision.id }, orderBy: { version: "asc" } });
    expect(letters.map((letter) => letter.kind)).toEqual(["REFUSAL", "OFFER"]);
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({ status: "REVERSED", partly: false });
    const reference = formatCaseReference({ year: decision.caseYear, number: decision.caseNumber });
    expect(reference).toMatch(/^\d{4}\/\d{5}$/);

    // The assessment the refusal rested on is updated, audited with before and after.
    expect(await db().application.findUniqueOrThrow({ where: { id: application.id }, select: { qualified: true, qualificationGrounds: true, qualifiedById: true } })).toEqual({
      qualified: true,
      qualificationGrounds: `Klage tatt til følge: ${grounds}`,
      qualifiedById: adviser.id,
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "application.qualify", entityId: application.id } });
    expect(audit.before).toMatchObject({ qualified: false, qualificationGrounds: refusedGrounds });

    const pdf = await pdfOf(letters[1]!.id);
    expect(pdf.lines).toContain(`Til ${SAMI_NAME}`);
    expect(pdf.lines).toContain(`Saksnummer: ${reference}`);
    expect(pdf.lines).toContain("Studium: Videreutdanning i institusjonsledelse, " + (await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).name);
    expect(pdf.flat).toContain(flatten(`Klagen er tatt til følge: du får tilbud om studieplass på Videreutdanning i institusjonsledelse (${programme.credits} studiepoeng)`));
    expect(pdf.flat).toContain(flatten("som ikke lenger gjelder."));
    expect(pdf.flat).toContain(flatten(admissionLegalBasis("Videreutdanning i institusjonsledelse")));
    expect(pdf.flat).toContain("forvaltningsloven § 2 første ledd bokstav b");
    expect(pdf.flat).not.toContain(refusedGrounds);
    expect(pdf.flat).not.toMatch(/videreutdanning i barnevernledelse/i);
    // Nothing became "?" (the only question mark is the closing's "Spørsmål?").
    expect(pdf.flat.replace("Spørsmål?", "")).not.toContain("?");
    // Line breaks in free text and the signature are lines.
    expect(pdf.lines).toContain("Stillingen har fagansvar og personalansvar.");
    const signature = pdf.lines.indexOf("Med hilsen");
    expect(pdf.lines.slice(signature, signature + 4)).toEqual(["Med hilsen", "Vegard Veileder", "Studieveileder", "NTNU, Videreutdanning i institusjonsledelse"]);
    // The case and the date are named once, in the letter's own head, not again in the PDF's header.
    expect(pdf.lines.filter((line) => line.includes(`Saksnummer: ${reference}`))).toEqual([`Saksnummer: ${reference}`]);
    expect(pdf.lines.filter((line) => line.startsWith("Dato:"))).toHaveLength(1);
    expect(pdf.title).toBe(letters[1]!.subject);
    expect(pdf.lines).toContain("VEDTAK OM OPPTAK (ENKELTVEDTAK)");
  });
});

describe("the PDF renderer", () => {
  it("draws every letter exactly as typed, Sámi and Norwegian letters alike, and a student's letter with its case and legal basis", async () => {
    const text = "á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž ø æ å Ø Æ Å § « » – “sitat” …";
    const letter = composeStudentLetter({
      studentName: SAMI_NAME,
      reference: "2026/00042",
      programmeName: "Nasjonal videreutdanning i barnevernledelse",
      cohortName: "Kull V2026",
      madeAvailableOn: "2026-03-02",
      decidedBy: { name: "Máret Ŧuoddar", title: "Faglærer" },
      contact: { name: "Vegard Veileder", email: "veileder@demo.no", phone: "73 00 00 00" },
      kind: "ARBEIDSKRAV_NOT_APPROVED",
      arbeidskrav: { title: "Ledertreningsoppgave 1" },
      attempt: 2,
      maxAttempts: 2,
      assessedOn: "2026-03-02",
      grounds: `Første linje: ${text}\r\nAndre linje.\tMed tabulator.`,
      group: null,
      corrected: false,
    });
    const body = letterAsText(letter);
    const pdf = await pdfText(await renderLetterPdf({ subject: letter.subject, body, madeAvailableOn: "2026-03-02", reference: "Saksnummer: 2026/00042", programmeName: "Nasjonal videreutdanning i barnevernledelse" }));
    expect(pdf.lines).toContain(`Til ${SAMI_NAME}`);
    expect(pdf.lines).toContain(`Første linje: ${text}`);
    expect(pdf.lines).toContain("Andre linje. Med tabulator.");
    expect(pdf.lines).toContain("Saksnummer: 2026/00042");
    expect(pdf.flat).toContain(flatten(letter.legalBasis!));
    expect(pdf.lines).toContain("Máret Ŧuoddar");
    expect(pdf.flat.replace("Spørsmål?", "")).not.toContain("?");
    // Everything in the letter is in the PDF, the title line under the subject that heads it: it
    // says the letter is an enkeltvedtak.
    expect(pdf.flat).toContain(flatten(body.split("\n\n").slice(1).join(" ")).replace(/\t/g, " ").slice(0, 200));
    expect(pdf.lines.slice(pdf.lines.indexOf(letter.subject), pdf.lines.indexOf(letter.subject) + 2)).toEqual([letter.subject, "VEDTAK OM ARBEIDSKRAV (ENKELTVEDTAK)"]);
    // Its own head names the case and the date; the PDF's header does not say them again.
    expect(pdf.lines.filter((line) => line.includes("2026/00042"))).toEqual(["Saksnummer: 2026/00042"]);
    expect(pdf.lines.filter((line) => line.startsWith("Dato:"))).toEqual(["Dato: 2. mars 2026"]);
  });

  it("gives a letter stored before letters named their case in the text the case and the date in its header", async () => {
    const body = "VEDTAK OM OPPTAK\n\nTil Sofie Søker\n\nDu får tilbud om studieplass.\n\nMed hilsen\nVegard Veileder";
    const pdf = await pdfText(await renderLetterPdf({ subject: "Tilbud om studieplass", body, madeAvailableOn: "2025-05-02", reference: "Saksnummer: 2025/00007", programmeName: "Nasjonal videreutdanning i barnevernledelse" }));
    expect(pdf.lines.slice(0, 2)).toEqual(["NTNU – Nasjonal videreutdanning i barnevernledelse", "Dato: 2. mai 2025 Saksnummer: 2025/00007"]);
  });
});
