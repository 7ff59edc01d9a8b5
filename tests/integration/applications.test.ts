// The applicant's side of an application, through the real server actions and route handlers.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as download } from "@/app/api/dokumenter/[id]/route";
import { POST as upload } from "@/app/api/soknader/[id]/dokumenter/route";
import {
  addEducationAction,
  addPositionAction,
  answerOfferAction,
  deleteDocumentAction,
  reopenApplicationAction,
  saveEducationAction,
  saveEmployerAction,
  savePersonalDetailsAction,
  savePositionAction,
  startApplicationAction,
  submitApplicationAction,
  withdrawApplicationAction,
} from "@/lib/actions/application";
import { reviewDocumentAction } from "@/lib/actions/admission";
import { FORBIDDEN_MESSAGE } from "@/lib/server/action";
import { getApplicationForApplicant } from "@/lib/server/applications/read";
import { reopenApplication } from "@/lib/server/applications/submission";
import { continueAttempted } from "@/lib/server/applications/continue-attempt";
import { reviewDocument } from "@/lib/server/admission/review";
import { getApplicationForReview, getIntakeOverview, parseApplicationFilter } from "@/lib/server/admission/queries";
import { NotFoundError } from "@/lib/server/errors";
import { viewerOf } from "./cohort-world";
import { getViewer } from "@/lib/server/viewer";
import { deliverQueuedMail, readOutbox } from "@/lib/server/mail";
import { makePdf } from "@/prisma/seed/pdf";
import {
  COMPLETE_APPLICATION,
  createApplication,
  createDecision,
  createOpenCohort,
  createUser,
  day,
} from "@/prisma/seed/factories";
import { db, redirectOf, signInAs, signInAsNew, submit } from "./support";

const pdf = (name = "dokument.pdf", lines: string[] = ["Test"]) =>
  new File([Buffer.from(makePdf("Vitnemål", lines))], name, { type: "application/pdf" });

/** Posts like the browser's upload form: same-origin unless `headers` say otherwise (null removes one). */
async function post(applicationId: string, fields: Record<string, string | File>, headers: Record<string, string | null> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const sent = Object.entries({ accept: "application/json", origin: "http://localhost", ...headers }).filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );
  const request = new NextRequest(`http://localhost/api/soknader/${applicationId}/dokumenter`, {
    method: "POST",
    body: form,
    headers: Object.fromEntries(sent),
  });
  const response = await upload(request, { params: Promise.resolve({ id: applicationId }) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; message: string; document?: { id: string } } };
}

async function get(documentId: string) {
  return download(new Request(`http://localhost/api/dokumenter/${documentId}`), { params: Promise.resolve({ id: documentId }) });
}

async function storedFiles(): Promise<string[]> {
  const root = process.env.STORAGE_DIR!;
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** A complete draft with its vitnemål and tjenestebevis, owned by a signed-in applicant. */
async function completeDraft(deadline?: string) {
  const { cohort } = await createOpenCohort(db(), { deadline });
  const applicant = await signInAsNew({ roles: ["APPLICANT"], name: "Kari Komplett" });
  const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, ...COMPLETE_APPLICATION });
  expect((await post(application.id, { kind: "VITNEMAL", file: pdf("vitnemål.pdf") })).status).toBe(201);
  const position = application.positions[0]!;
  expect((await post(application.id, { kind: "TJENESTEBEVIS", positionId: position.id, file: pdf("tjenestebevis.pdf") })).status).toBe(201);
  return { applicant, application, cohort };
}

afterEach(() => {
  vi.useRealTimers();
});

/** The personal fields of COMPLETE_APPLICATION as a form sends them. */
function personalOf(): Record<string, string> {
  const { fullName, birthDate, phone, address, postalCode, postalPlace } = COMPLETE_APPLICATION;
  return { fullName, birthDate, phone, address, postalCode, postalPlace };
}

describe("starting and saving a draft", () => {
  it("starts one draft per cohort and goes to the first step", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"], name: "Ola Søker" });
    const first = await redirectOf(() => submit(startApplicationAction, { cohortId: cohort.id }));
    expect(first).toMatch(/^\/soker\/soknad\/\w+\/personalia$/);
    const again = await redirectOf(() => submit(startApplicationAction, { cohortId: cohort.id }));
    expect(again).toBe(first);
    const applications = await db().application.findMany({ where: { applicantId: applicant.id } });
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ status: "DRAFT", fullName: "Ola Søker" });
  });

  it("refuses to start after the deadline", async () => {
    const { cohort } = await createOpenCohort(db(), { deadline: "2020-01-10" });
    await signInAsNew({ roles: ["APPLICANT"] });
    const result = await submit(startApplicationAction, { cohortId: cohort.id });
    expect(result).toMatchObject({ ok: false, message: "Opptaket til dette kullet er ikke åpent." });
  });

  it("stores the valid fields and keeps what was typed into the invalid ones, with Norwegian messages", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const result = await submit(savePersonalDetailsAction, {
      applicationId: application.id,
      intent: "save",
      fullName: "  Åse Ødegård  ",
      phone: "ring meg",
      postalCode: "70300",
      birthDate: "1981-02-30",
    });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toEqual({
      phone: ["Telefonnummeret kan bare ha sifre, mellomrom og + foran landskoden. Fjern «r», «i», «n», «g», «m», «e»."],
      postalCode: ["Postnummeret må ha fire sifre, for eksempel 7030."],
      birthDate: ["Fødselsdatoen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 14.03.1982."],
    });
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.fullName).toBe("Åse Ødegård");
    expect(stored.phone).toBeNull();
    expect(stored.draftInput).toEqual({ phone: "ring meg", postalCode: "70300", birthDate: "1981-02-30" });

    // Correcting one field keeps the others as typed.
    await submit(savePersonalDetailsAction, {
      applicationId: application.id,
      intent: "autosave",
      fullName: "Åse Ødegård",
      phone: "912 34 567",
      postalCode: "70300",
      birthDate: "1981-02-28",
    });
    const corrected = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(corrected).toMatchObject({ phone: "912 34 567", birthDate: day("1981-02-28"), draftInput: { postalCode: "70300" } });
  });

  it("ignores fields the form does not have: status, category and owner cannot be set", async () => {
    const { cohort } = await createOpenCohort(db());
    const other = await createUser(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const result = await submit(saveEmployerAction, {
      applicationId: application.id,
      employerCountyCode: "46",
      employerMunicipalityCode: "4601",
      status: "SUBMITTED",
      category: "1",
      provisionalCategory: "1",
      userId: other.id,
      applicantId: other.id,
      qualified: "true",
    });
    expect(result.ok).toBe(true);
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored).toMatchObject({
      status: "DRAFT",
      category: null,
      provisionalCategory: null,
      qualified: null,
      applicantId: applicant.id,
      employerCountyCode: "46",
      employerMunicipalityCode: "4601",
    });
  });

  it("refuses a municipality outside the chosen county and keeps it as typed", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const result = await submit(saveEmployerAction, { applicationId: application.id, employerCountyCode: "50", employerMunicipalityCode: "4601" });
    expect(result.fieldErrors).toEqual({ employerMunicipalityCode: ["Kommunen ligger ikke i fylket du har valgt. Velg kommunen på nytt."] });
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored).toMatchObject({ employerCountyCode: "50", employerMunicipalityCode: null, draftInput: { employerMunicipalityCode: "4601" } });
  });

  it("saves a position, with «still employed» clearing the end date", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, positions: [COMPLETE_APPLICATION.positions[0]!] });
    const position = application.positions[0]!;
    const result = await submit(savePositionAction, {
      applicationId: application.id,
      positionId: position.id,
      employer: "Bodø kommune",
      employerType: "MUNICIPAL_CWS",
      countyCode: "18",
      municipalityCode: "1804",
      title: "Teamleder",
      percent: "80",
      startDate: "2021-01-04",
      endDate: "2022-01-01",
      ongoing: "on",
      professionalResponsibility: "on",
      leaderRole: "TEAM_LEAD",
      personnelCount: "150000",
    });
    expect(result.fieldErrors).toEqual({ personnelCount: ["Antallet kan ikke være mer enn 10000."] });
    const stored = await db().position.findUniqueOrThrow({ where: { id: position.id } });
    expect(stored).toMatchObject({
      employer: "Bodø kommune",
      municipalityCode: "1804",
      percent: 80,
      endDate: null,
      professionalResponsibility: true,
      personnelResponsibility: false,
      leaderRole: "TEAM_LEAD",
      personnelCount: 9,
    });
    // Neither ticked nor an end date: not answered yet. No error while drafting, missing at submission.
    const unanswered = await submit(savePositionAction, { applicationId: application.id, positionId: position.id, startDate: "2021-01-04" });
    expect(unanswered.fieldErrors?.endDate).toBeUndefined();
    expect(await db().position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ endDate: null, endUnknown: true });
  });
});

describe("another applicant", () => {
  it("cannot read, change, upload to or download from someone else's application", async () => {
    const { application } = await completeDraft();
    const document = await db().document.findFirstOrThrow({ where: { applicationId: application.id } });
    await signInAsNew({ roles: ["APPLICANT"] });

    const changed = await submit(savePersonalDetailsAction, { applicationId: application.id, fullName: "Overtatt" });
    expect(changed).toMatchObject({ ok: false, message: "Fant ikke søknaden." });
    const deleted = await submit(deleteDocumentAction, { applicationId: application.id, documentId: document.id });
    expect(deleted).toMatchObject({ ok: false, message: "Fant ikke søknaden." });
    const sent = await submit(submitApplicationAction, { applicationId: application.id, confirm: "on" });
    expect(sent).toMatchObject({ ok: false, message: "Fant ikke søknaden." });
    const uploaded = await post(application.id, { kind: "VITNEMAL", file: pdf() });
    expect(uploaded).toEqual({ status: 404, body: { ok: false, message: "Fant ikke søknaden." } });

    const response = await get(document.id);
    expect(response.status).toBe(404);
    expect((await response.arrayBuffer()).byteLength).toBe(0);

    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id }, include: { documents: true } });
    expect(stored.fullName).toBe("Kari Komplett");
    expect(stored.status).toBe("DRAFT");
    expect(stored.documents).toHaveLength(2);
  });

  it("a faculty member cannot use the applicant's actions at all", async () => {
    const { application } = await completeDraft();
    await signInAsNew({ roles: ["FACULTY"] });
    expect(await submit(savePersonalDetailsAction, { applicationId: application.id, fullName: "X" })).toMatchObject({
      ok: false,
      message: FORBIDDEN_MESSAGE,
    });
    const document = await db().document.findFirstOrThrow({ where: { applicationId: application.id } });
    expect((await get(document.id)).status).toBe(404);
  });

  it("an adviser can download the applicant's document, as an attachment that is never cached", async () => {
    const { application } = await completeDraft();
    const document = await db().document.findFirstOrThrow({ where: { applicationId: application.id, kind: "VITNEMAL" } });
    await signInAsNew({ roles: ["ADVISER"] });
    const response = await get(document.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="vitnem_l.pdf"; filename*=UTF-8''vitnem%C3%A5l.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("uploads", () => {
  let applicationId: string;
  beforeEach(async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    applicationId = (await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id })).id;
  });

  const refused: [string, () => File, RegExp][] = [
    ["a renamed .exe", () => new File([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00")], "vitnemal.pdf", { type: "application/pdf" }), /«vitnemal.pdf» er ikke en PDF-fil/],
    ["an HTML file sent as application/pdf", () => new File(["<!doctype html><html><body>hei</body></html>"], "vitnemal.pdf", { type: "application/pdf" }), /ikke en PDF-fil/],
    ["an 11 MB PDF", () => new File([Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024)])], "stor.pdf", { type: "application/pdf" }), /er 11 MB\. Filen kan være høyst 10 MB/],
    ["an empty file", () => new File([], "tom.pdf", { type: "application/pdf" }), /«tom.pdf» er tom/],
    ["a file named ../../x.pdf", () => pdf("../../x.pdf"), /Filnavnet kan ikke inneholde skråstreker/],
  ];

  for (const [what, file, message] of refused) {
    it(`refuses ${what} with a Norwegian message and stores nothing`, async () => {
      const filesBefore = await storedFiles();
      const response = await post(applicationId, { kind: "VITNEMAL", file: file() });
      expect(response.status).toBe(422);
      expect(response.body.ok).toBe(false);
      expect(response.body.message).toMatch(message);
      expect(await db().document.count({ where: { applicationId } })).toBe(0);
      expect(await storedFiles()).toEqual(filesBefore);
    });
  }

  it("accepts a PDF of exactly 10 MB, stores it under a generated name and keeps the original name as data", async () => {
    const bytes = Buffer.concat([Buffer.from(makePdf("Vitnemål")), Buffer.alloc(10 * 1024 * 1024 - makePdf("Vitnemål").byteLength)]);
    const response = await post(applicationId, { kind: "VITNEMAL", file: new File([bytes], "Vitnemål (skannet).pdf") });
    expect(response.status).toBe(201);
    const document = await db().document.findFirstOrThrow({ where: { applicationId } });
    expect(document).toMatchObject({ originalName: "Vitnemål (skannet).pdf", size: 10 * 1024 * 1024, kind: "VITNEMAL" });
    expect(document.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{30}$/);
    const onDisk = await readFile(path.join(process.env.STORAGE_DIR!, document.storageKey));
    expect(onDisk.equals(bytes)).toBe(true);
  });

  it("refuses an upload posted from another site", async () => {
    const response = await post(applicationId, { kind: "VITNEMAL", file: pdf() }, { origin: "https://evil.example" });
    expect(response).toEqual({ status: 403, body: { ok: false, message: "Opplastingen kom fra en annen nettside og ble avvist." } });
    const same = await post(applicationId, { kind: "VITNEMAL", file: pdf() }, { origin: "http://localhost" });
    expect(same.status).toBe(201);
  });

  it("needs the position a tjenestebevis documents, and it must be on this application", async () => {
    const missing = await post(applicationId, { kind: "TJENESTEBEVIS", file: pdf() });
    expect(missing).toMatchObject({ status: 422, body: { message: "Velg hvilken stilling tjenestebeviset gjelder." } });
    const { application: other } = await completeDraft();
    await signInAs({ id: (await db().application.findUniqueOrThrow({ where: { id: applicationId } })).applicantId });
    const foreign = await post(applicationId, { kind: "TJENESTEBEVIS", positionId: other.positions[0]!.id, file: pdf() });
    expect(foreign).toMatchObject({ status: 404, body: { message: "Fant ikke stillingen." } });
  });

  it("replaces a document before submission and removes the old file", async () => {
    const filesBefore = (await storedFiles()).length;
    const first = await post(applicationId, { kind: "VITNEMAL", file: pdf("gammel.pdf") });
    const second = await post(applicationId, { kind: "VITNEMAL", replaces: first.body.document!.id, file: pdf("ny.pdf") });
    expect(second.status).toBe(201);
    const documents = await db().document.findMany({ where: { applicationId } });
    expect(documents.map((document) => document.originalName)).toEqual(["ny.pdf"]);
    expect(await storedFiles()).toHaveLength(filesBefore + 1);
  });
});

describe("submission", () => {
  it("sends a complete application, computes the provisional category and mails a receipt", async () => {
    const { application, applicant } = await completeDraft();
    const target = await redirectOf(() => submit(submitApplicationAction, { applicationId: application.id, confirm: "on" }));
    expect(target).toBe(`/soker/soknad/${application.id}?sendt=1`);
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored).toMatchObject({ status: "SUBMITTED", provisionalCategory: 1 });
    expect(stored.provisionalCategoryReason).toContain("kommunalt barnevern");
    expect(await readOutbox()).toEqual([]); // queued with the submission, sent by the job
    expect(await deliverQueuedMail()).toBe(1);
    const receipt = (await readOutbox()).find((mail) => mail.to === applicant.email);
    expect(receipt?.subject).toMatch(/^Kvittering: søknad til /);
    expect(receipt?.text).toContain("Foreløpig prioritetskategori: 1");
    expect(await db().auditLog.count({ where: { entityId: application.id, action: "application.submit", actorId: applicant.id } })).toBe(1);

    // Sent: the details are locked, documents can still be added but not deleted.
    expect(await submit(savePersonalDetailsAction, { applicationId: application.id, fullName: "Endret" })).toMatchObject({ ok: false });
    expect((await post(application.id, { kind: "OTHER", file: pdf("attest.pdf") })).status).toBe(201);
    const document = await db().document.findFirstOrThrow({ where: { applicationId: application.id, kind: "VITNEMAL" } });
    expect(await submit(deleteDocumentAction, { applicationId: application.id, documentId: document.id })).toMatchObject({
      ok: false,
      message: "Søknaden er sendt og kan ikke endres. Du kan fortsatt laste opp flere dokumenter.",
    });
    expect(await submit(submitApplicationAction, { applicationId: application.id, confirm: "on" })).toMatchObject({ ok: false });
  });

  it("refuses an incomplete application and says what is missing", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, ...COMPLETE_APPLICATION });
    const result = await submit(submitApplicationAction, { applicationId: application.id, confirm: "on" });
    expect(result).toMatchObject({ ok: false, message: "Søknaden mangler 2 ting. Se listen." });
    expect(result.fieldErrors?.form).toEqual([
      "Last opp vitnemål.",
      "Legg ved tjenestebevis for stillingen «Avdelingsleder, Trondheim kommune, barneverntjenesten».",
    ]);
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("DRAFT");
  });

  it("is refused while something typed is still waiting for correction", async () => {
    const { application } = await completeDraft();
    await submit(savePersonalDetailsAction, { ...personalOf(), applicationId: application.id, phone: "ring meg" });
    const result = await submit(submitApplicationAction, { applicationId: application.id, confirm: "on" });
    expect(result).toMatchObject({ ok: false, message: "Søknaden mangler én ting. Se listen." });
    expect(result.fieldErrors?.form).toEqual([
      "Telefon: Telefonnummeret kan bare ha sifre, mellomrom og + foran landskoden. Fjern «r», «i», «n», «g», «m», «e».",
    ]);
  });

  it("serialises a save and a submission that arrive together: a save after sending is refused", async () => {
    const { application } = await completeDraft();
    const [saved] = await Promise.all([
      submit(savePersonalDetailsAction, { ...personalOf(), applicationId: application.id, postalPlace: "Ranheim" }),
      redirectOf(() => submit(submitApplicationAction, { applicationId: application.id, confirm: "on" })),
    ]);
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.status).toBe("SUBMITTED");
    if (saved.ok) expect(stored.postalPlace).toBe("Ranheim");
    else {
      expect(saved.message).toBe("Søknaden er sendt og kan ikke endres. Du kan fortsatt laste opp flere dokumenter.");
      expect(stored.postalPlace).toBe("Trondheim");
    }
  });

  it("needs the confirmation box", async () => {
    const { application } = await completeDraft();
    const result = await submit(submitApplicationAction, { applicationId: application.id });
    expect(result.fieldErrors).toEqual({ confirm: ["Bekreft at opplysningene er riktige før du sender."] });
    // It says what the form was doing: sending, not saving.
    expect(result.message).toBe("Søknaden er ikke sendt ennå. Se det som er merket.");
  });

  it("is refused one minute after the deadline, Europe/Oslo, and accepted one minute before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // Signed in late on the evening of the deadline (within the two-hour idle limit of 00:01).
    vi.setSystemTime(new Date("2026-12-01T23:30:00+01:00"));
    const late = await completeDraft("2026-12-01");
    vi.setSystemTime(new Date("2026-12-02T00:01:00+01:00")); // 00:01 in Oslo (CET): one minute after the end of 1 December
    const refused = await submit(submitApplicationAction, { applicationId: late.application.id, confirm: "on" });
    expect(refused).toMatchObject({ ok: false, message: "Søknadsfristen gikk ut 1. desember 2026 kl. 23.59. Søknaden kan ikke sendes." });
    expect((await db().application.findUniqueOrThrow({ where: { id: late.application.id } })).status).toBe("DRAFT");

    vi.setSystemTime(new Date("2026-12-01T22:30:00+01:00"));
    const onTime = await completeDraft("2026-12-01");
    vi.setSystemTime(new Date("2026-12-01T22:59:00Z")); // 23:59 in Oslo
    await redirectOf(() => submit(submitApplicationAction, { applicationId: onTime.application.id, confirm: "on" }));
    expect((await db().application.findUniqueOrThrow({ where: { id: onTime.application.id } })).status).toBe("SUBMITTED");
  });
});

describe("opening a sent application for change", () => {
  async function sent() {
    const draft = await completeDraft();
    await redirectOf(() => submit(submitApplicationAction, { applicationId: draft.application.id, confirm: "on" }));
    await deliverQueuedMail();
    return draft;
  }

  it("makes it a draft again, audited and e-mailed; sent again, it counts as sent then and gets a new receipt", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-20T10:00:00+01:00"));
    const { application, applicant } = await sent();
    const first = await db().application.findUniqueOrThrow({ where: { id: application.id } });

    vi.setSystemTime(new Date("2026-11-21T09:00:00+01:00"));
    await signInAs(applicant); // a day later: a new session
    expect(await redirectOf(() => submit(reopenApplicationAction, { applicationId: application.id }))).toBe(`/soker/soknad/${application.id}/oppsummering#apnet-for-endring`);
    const reopened = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(reopened).toMatchObject({ status: "DRAFT", submittedAt: null, provisionalCategory: null, reopenedAt: new Date("2026-11-21T08:00:00Z") });
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: application.id, action: "application.reopen" } });
    expect(entry.actorId).toBe(applicant.id);
    expect(entry.before).toMatchObject({ status: "SUBMITTED", submittedAt: first.submittedAt!.toISOString(), provisionalCategory: 1 });
    expect(entry.after).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await deliverQueuedMail()).toBe(1);
    const notice = (await readOutbox()).find((mail) => mail.subject.startsWith("Søknaden din er åpnet for endring"));
    expect(notice?.to).toBe(applicant.email);
    expect(notice?.text).toContain("Den blir bare vurdert hvis du sender den igjen.");
    expect(notice?.text).toContain(`/soker/soknad/${application.id}/oppsummering`);
    // A draft again: the adviser's review page says it was reopened (a draft never sent is not found).
    const adviser = viewerOf(await createUser(db(), { roles: ["ADVISER"] }));
    await expect(getApplicationForReview(adviser, application.id, parseApplicationFilter({}))).rejects.toMatchObject({
      name: "ReopenedApplicationError",
      reopenedAt: new Date("2026-11-21T08:00:00Z"),
    });
    // The intake's figures leave it out, and say so (a draft never sent is not counted there).
    expect((await getIntakeOverview(adviser, application.cohortId)).reopened).toBe(1);
    const neverSent = await createApplication(db(), { applicantId: applicant.id, cohortId: (await createOpenCohort(db())).cohort.id });
    await expect(getApplicationForReview(adviser, neverSent.id, parseApplicationFilter({}))).rejects.toBeInstanceOf(NotFoundError);
    // And the details can be changed.
    expect(await submit(savePersonalDetailsAction, { ...personalOf(), applicationId: application.id, postalPlace: "Ranheim" })).toMatchObject({ ok: true });
    // Its documents stayed.
    expect(await db().document.count({ where: { applicationId: application.id } })).toBe(2);
    // A second opening of what is a draft already is refused, and changes nothing.
    expect(await submit(reopenApplicationAction, { applicationId: application.id })).toMatchObject({
      ok: false,
      message: "Søknaden er ikke sendt, så du kan endre den som den er.",
    });

    vi.setSystemTime(new Date("2026-11-22T12:00:00+01:00"));
    await signInAs(applicant);
    await redirectOf(() => submit(submitApplicationAction, { applicationId: application.id, confirm: "on" }));
    const again = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(again).toMatchObject({ status: "SUBMITTED", postalPlace: "Ranheim", provisionalCategory: 1, submittedAt: new Date("2026-11-22T11:00:00Z") });
    expect((await getIntakeOverview(adviser, application.cohortId)).reopened).toBe(0);
    expect(await deliverQueuedMail()).toBe(1);
    const receipts = (await readOutbox()).filter((mail) => mail.to === applicant.email && mail.subject.startsWith("Kvittering: "));
    expect(receipts.map((mail) => mail.subject.replace(/ til .*/, "")).sort()).toEqual(["Kvittering: endret søknad", "Kvittering: søknad"]);
    const changed = receipts.find((mail) => mail.subject.startsWith("Kvittering: endret søknad"))!;
    expect(changed.text).toContain("Vi har mottatt den endrede søknaden din");
    expect(changed.text).toContain("kan du også åpne søknaden og endre den");
    expect(notice?.text).toMatch(/Var det ikke du som åpnet søknaden\? Bytt passord på Min konto, og kontakt studieveileder .+, .+@/);
  });

  it("is refused after the deadline, once the review has begun, and on someone else's application", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T20:00:00+01:00"));
    const { application, applicant } = await sent();
    const deadlinePassed = await (async () => {
      const stored = await db().application.findUniqueOrThrow({ where: { id: application.id }, select: { cohort: { select: { applicationDeadline: true } } } });
      return stored.cohort.applicationDeadline;
    })();
    vi.setSystemTime(new Date(deadlinePassed.getTime() + 2 * 86_400_000));
    await signInAs(applicant);
    expect(await submit(reopenApplicationAction, { applicationId: application.id })).toMatchObject({ ok: false, message: expect.stringMatching(/^Søknadsfristen gikk ut .*, så søknaden kan ikke endres\./) });
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SUBMITTED");

    // Someone else's: not found, nothing changed.
    vi.setSystemTime(new Date("2026-12-01T20:00:00+01:00"));
    await signInAsNew({ roles: ["APPLICANT"], name: "Annen Søker" });
    expect(await submit(reopenApplicationAction, { applicationId: application.id })).toMatchObject({ ok: false, message: "Fant ikke søknaden." });

    // The adviser has begun: the review works on what was sent.
    const other = await sent();
    await signInAsNew({ roles: ["ADVISER"] });
    const document = await db().document.findFirstOrThrow({ where: { applicationId: other.application.id, kind: "VITNEMAL" } });
    expect(await submit(reviewDocumentAction, { applicationId: other.application.id, documentId: document.id, status: "VERIFIED" })).toMatchObject({ ok: true });
    await signInAs(other.applicant);
    expect(await submit(reopenApplicationAction, { applicationId: other.application.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Studieveilederen har begynt å behandle søknaden/),
    });
    expect((await db().application.findUniqueOrThrow({ where: { id: other.application.id } })).status).toBe("UNDER_REVIEW");
    expect(await db().auditLog.count({ where: { action: "application.reopen", entityId: { in: [application.id, other.application.id] } } })).toBe(0);
    expect(applicant.id).not.toBe(other.applicant.id);
  });

  it("an adviser's first review step and the applicant's opening that arrive together: one of them, never a reviewed draft", async () => {
    const { application, applicant } = await sent();
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const document = await db().document.findFirstOrThrow({ where: { applicationId: application.id, kind: "VITNEMAL" } });
    // Each use case with its own viewer (the test session is one global: two signInAs at once would race).
    const outcome = (promise: Promise<unknown>) => promise.then(() => ({ ok: true }), () => ({ ok: false }));
    const [reviewed, reopened] = await Promise.all([
      outcome(reviewDocument(viewerOf(adviser), { applicationId: application.id, documentId: document.id, status: "VERIFIED", note: null })),
      outcome(reopenApplication(viewerOf(applicant), application.id)),
    ]);
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(reviewed.ok === true && reopened.ok === true).toBe(false);
    expect(stored.status).toBe(reviewed.ok ? "UNDER_REVIEW" : "DRAFT");
  });
});

describe("after submission", () => {
  async function decided(outcome: "OFFER" | "WAITLIST" | "REFUSAL", answerDeadline = "2099-01-01") {
    const { cohort } = await createOpenCohort(db());
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const applicant = await createUser(db(), { roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, status: "DECIDED", ...COMPLETE_APPLICATION });
    await createDecision(db(), { applicationId: application.id, decidedById: adviser.id, outcome, answerDeadline, waitlistPosition: 3 });
    await signInAs(applicant);
    return { applicant, application, cohort };
  }

  it("accepting an offer makes the applicant a student of the cohort, with an audit entry", async () => {
    const { applicant, application, cohort } = await decided("OFFER");
    const target = await redirectOf(() => submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" }));
    expect(target).toBe(`/soker/soknad/${application.id}?svar=ja`);
    const user = await db().user.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(user.roles).toEqual(["APPLICANT", "STUDENT"]);
    const enrolment = await db().enrolment.findUniqueOrThrow({ where: { userId_cohortId: { userId: applicant.id, cohortId: cohort.id } } });
    expect(enrolment).toMatchObject({ status: "ACTIVE", applicationId: application.id });
    const decision = await db().decision.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(decision.answer).toBe("ACCEPTED");
    expect(await db().auditLog.count({ where: { entityId: decision.id, action: "offer.accept" } })).toBe(1);
    // Answering twice changes nothing.
    expect(await submit(answerOfferAction, { applicationId: application.id, answer: "DECLINED" })).toMatchObject({
      ok: false,
      message: "Du har allerede svart på tilbudet.",
    });
    expect(await submit(withdrawApplicationAction, { applicationId: application.id, confirm: "on" })).toMatchObject({ ok: false });
  });

  it("an answer to an offer is e-mailed as a receipt, queued with the answer and only once", async () => {
    const { applicant, application, cohort } = await decided("OFFER");
    expect(await submit(answerOfferAction, { applicationId: application.id, answer: "DECLINED" })).toMatchObject({ ok: true });
    const decision = await db().decision.findUniqueOrThrow({ where: { applicationId: application.id } });
    const queued = await db().mailMessage.findMany({ where: { dedupeKey: `offer-answer:${decision.id}` } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to: applicant.email, userId: applicant.id });
    expect(queued[0]!.subject).toMatch(new RegExp(`^Kvittering: du har takket nei til studieplass i .+, ${cohort.name}$`));
    expect(queued[0]!.text).toContain("Plassen går til neste på ventelisten, og svaret kan ikke angres.");
    expect(queued[0]!.text).toContain(`/soker/soknad/${application.id}`);
    // A second answer is refused and queues nothing more.
    expect(await submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" })).toMatchObject({ ok: false });
    expect(await db().mailMessage.count({ where: { userId: applicant.id, subject: { startsWith: "Kvittering: du har takket" } } })).toBe(1);
  });

  it("accepting an offer e-mails a receipt that says the applicant is now a student", async () => {
    const { applicant, application } = await decided("OFFER");
    await redirectOf(() => submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" }));
    expect(await deliverQueuedMail()).toBeGreaterThanOrEqual(1);
    const receipt = (await readOutbox()).find((mail) => mail.to === applicant.email && mail.subject.startsWith("Kvittering: du har takket ja"));
    expect(receipt?.text).toContain("Du er nå student i kullet");
  });

  it("a refused answer (after the deadline) queues no receipt", async () => {
    const { applicant, application } = await decided("OFFER", "2000-01-01");
    expect(await submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" })).toMatchObject({ ok: false });
    expect(await db().mailMessage.count({ where: { userId: applicant.id } })).toBe(0);
  });

  it("declining an offer leaves no enrolment", async () => {
    const { applicant, application } = await decided("OFFER");
    const result = await submit(answerOfferAction, { applicationId: application.id, answer: "DECLINED" });
    expect(result).toMatchObject({ ok: true, message: "Du har takket nei til tilbudet." });
    expect(await db().enrolment.count({ where: { userId: applicant.id } })).toBe(0);
  });

  it("refuses an answer after the answer deadline (end of day, Oslo)", async () => {
    const { application } = await decided("OFFER", "2026-06-15");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-15T22:00:00Z")); // 00:00 on 16 June in Oslo (CEST)
    const result = await submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" });
    expect(result).toMatchObject({ ok: false, message: "Svarfristen gikk ut 15. juni 2026 kl. 23.59. Kontakt studieveilederen." });
  });

  it("there is nothing to accept on a waiting-list decision", async () => {
    const { application } = await decided("WAITLIST");
    expect(await submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" })).toMatchObject({
      ok: false,
      message: "Du har ikke noe tilbud å svare på for denne søknaden.",
    });
  });

  it("withdrawing and accepting at the same moment: exactly one of them happens", async () => {
    const { applicant, application } = await decided("OFFER");
    await Promise.allSettled([
      submit(withdrawApplicationAction, { applicationId: application.id, confirm: "on" }),
      submit(answerOfferAction, { applicationId: application.id, answer: "ACCEPTED" }),
    ]);
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id }, include: { decision: true } });
    const enrolments = await db().enrolment.count({ where: { userId: applicant.id } });
    const accepted = stored.decision?.answer === "ACCEPTED";
    expect(accepted ? [stored.status, enrolments] : [stored.status, stored.decision?.answer, enrolments]).toEqual(
      accepted ? ["DECIDED", 1] : ["WITHDRAWN", "DECLINED", 0],
    );
  });

  it("withdrawing declines an open offer", async () => {
    const { application } = await decided("OFFER");
    expect(await submit(withdrawApplicationAction, { applicationId: application.id })).toMatchObject({
      fieldErrors: { confirm: ["Kryss av for at du vil trekke søknaden."] },
    });
    const result = await submit(withdrawApplicationAction, { applicationId: application.id, confirm: "on" });
    expect(result.ok).toBe(true);
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id }, include: { decision: true } });
    expect(stored.status).toBe("WITHDRAWN");
    expect(stored.decision?.answer).toBe("DECLINED");
  });

  it("a decided case with nothing open is not withdrawn: a refusal, a declined offer; a waiting-list place is given up", async () => {
    // A walk withdrew a refusal from 2023: the badge became «Trukket» and the decision left the statistics.
    const refused = await decided("REFUSAL");
    expect(await submit(withdrawApplicationAction, { applicationId: refused.application.id, confirm: "on" })).toMatchObject({
      ok: false,
      message: "Søknaden er ferdig behandlet, og vedtaket står. Det er ikke noe åpent å trekke.",
    });
    const declined = await decided("OFFER");
    await submit(answerOfferAction, { applicationId: declined.application.id, answer: "DECLINED" });
    expect(await submit(withdrawApplicationAction, { applicationId: declined.application.id, confirm: "on" })).toMatchObject({ ok: false });
    for (const { application } of [refused, declined]) {
      expect(await db().application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "DECIDED", withdrawnAt: null });
      expect(await db().auditLog.count({ where: { entityId: application.id, action: "application.withdraw" } })).toBe(0);
    }
    const waiting = await decided("WAITLIST");
    expect(await submit(withdrawApplicationAction, { applicationId: waiting.application.id, confirm: "on" })).toMatchObject({ ok: true });
    expect(await db().application.findUniqueOrThrow({ where: { id: waiting.application.id } })).toMatchObject({ status: "WITHDRAWN" });
  });
});

describe("what the applicant types (issue 12)", () => {
  async function draftWithPosition() {
    const { cohort } = await createOpenCohort(db());
    const applicant = await signInAsNew({ roles: ["APPLICANT"], name: "Ny Søker" });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const target = await redirectOf(() => submit(addPositionAction, { applicationId: application.id }));
    const positionId = target.split("/").at(-1)!;
    return { application, applicant, positionId };
  }

  const POSITION = {
    employer: "Bodø kommune, barneverntjenesten",
    employerType: "MUNICIPAL_CWS",
    countyCode: "18",
    municipalityCode: "1804",
    title: "Barnevernleder",
    percent: "100",
    areaOfResponsibility: "Hele tjenesten",
    superiorTitle: "Kommunalsjef",
    leaderRole: "LEADER",
    professionalResponsibility: "on",
    personnelResponsibility: "on",
    personnelCount: "12",
    startDate: "2018-02-01",
  };

  it("accepts dates typed as dd.mm.åååå and says dd.mm.åååå in its messages", async () => {
    const { application, positionId } = await draftWithPosition();
    const saved = await submit(savePersonalDetailsAction, { applicationId: application.id, birthDate: "14.03.1982" });
    expect(saved).toMatchObject({ ok: true, saved: true });
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).birthDate).toEqual(day("1982-03-14"));
    const tooEarly = await submit(savePersonalDetailsAction, { applicationId: application.id, birthDate: "01.01.1920" });
    expect(tooEarly.fieldErrors).toEqual({ birthDate: ["Fødselsdatoen må være mellom 01.01.1930 og 31.12.2010."] });
    await submit(savePositionAction, { ...POSITION, applicationId: application.id, positionId, startDate: "1.8.2019", endDate: "31.12.2022" });
    expect(await db().position.findUniqueOrThrow({ where: { id: positionId } })).toMatchObject({
      startDate: day("2019-08-01"),
      endDate: day("2022-12-31"),
      endUnknown: false,
    });
  });

  it("a new position has not said whether it ended: that is missing until answered", async () => {
    const { application, applicant, positionId } = await draftWithPosition();
    expect(await db().position.findUniqueOrThrow({ where: { id: positionId } })).toMatchObject({ endDate: null, endUnknown: true });
    await submit(savePositionAction, { ...POSITION, applicationId: application.id, positionId });
    const viewer = (await getViewer())!;
    const before = await getApplicationForApplicant(viewer, application.id);
    expect(before.missing).toContainEqual({
      field: "positions.0.endDate",
      message: "Fyll inn sluttdato for stillingen «Barnevernleder, Bodø kommune, barneverntjenesten», eller kryss av for at du fortsatt er ansatt i stillingen.",
    });
    expect(before.categoryPreview).toEqual({ ready: false, missing: ["Stilling 1 («Barnevernleder»): sluttdato eller «fortsatt ansatt»."] });
    await submit(savePositionAction, { ...POSITION, applicationId: application.id, positionId, ongoing: "on", endDate: "2019-01-01" });
    expect(await db().position.findUniqueOrThrow({ where: { id: positionId } })).toMatchObject({ endDate: null, endUnknown: false });
    const after = await getApplicationForApplicant(viewer, application.id);
    expect(after.missing.filter((item) => item.field === "positions.0.endDate")).toEqual([]);
    expect(after.categoryPreview).toMatchObject({ ready: true, explanation: { category: 1 } });
    expect(applicant.id).toBe(viewer.id);
  });

  it("an education completed after the intake's deadline is marked at its year, with the deadline", async () => {
    const { application } = await draftWithPosition();
    const target = await redirectOf(() => submit(addEducationAction, { applicationId: application.id }));
    const educationId = new URL(target, "http://x").searchParams.get("ny")!;
    const education = { applicationId: application.id, educationId, institution: "NTNU", degree: "Bachelor i barnevern", credits: "180" };
    const { applicationDeadline } = await db().cohort.findUniqueOrThrow({ where: { id: application.cohortId }, select: { applicationDeadline: true } });
    const deadlineYear = applicationDeadline.getUTCFullYear();
    expect(await submit(saveEducationAction, { ...education, completedYear: String(deadlineYear + 1) })).toMatchObject({ ok: true, saved: true });
    const viewer = (await getViewer())!;
    const late = await getApplicationForApplicant(viewer, application.id);
    expect(late.missing.find((item) => item.field === "educations.0.completedYear")?.message).toMatch(
      new RegExp(`^Du har oppgitt at du fullførte utdanning nr\\. 1 i ${deadlineYear + 1}, etter søknadsfristen .+ ${deadlineYear}\\. Utdanningen må være fullført innen fristen\\.$`),
    );
    await submit(saveEducationAction, { ...education, completedYear: String(deadlineYear) });
    expect((await getApplicationForApplicant(viewer, application.id)).missing.filter((item) => item.field === "educations.0.completedYear")).toEqual([]);
  });

  it("«Lagre utkast» on a step that still lacks something says what, and a complete step is «Lagret.»", async () => {
    const { application } = await draftWithPosition();
    const target = await redirectOf(() => submit(addEducationAction, { applicationId: application.id }));
    const educationId = new URL(target, "http://x").searchParams.get("ny")!;
    const education = { applicationId: application.id, educationId, institution: "NTNU", credits: "180", completedYear: "2015" };
    expect(await submit(saveEducationAction, { ...education, intent: "save" })).toMatchObject({
      ok: true,
      message: "Utkastet er lagret. Før du kan sende søknaden, mangler dette: Fyll inn grad eller studium for utdanning nr. 1.",
    });
    // The quiet save while typing says only that it saved.
    expect(await submit(saveEducationAction, { ...education, intent: "autosave" })).toMatchObject({ ok: true, message: "Utkastet er lagret." });
    expect(await submit(saveEducationAction, { ...education, degree: "Bachelor i barnevern", intent: "save" })).toMatchObject({ ok: true, message: "Lagret." });
  });

  it("an end date before the start date is kept as typed, with its message, for the page to show again", async () => {
    const { application, positionId } = await draftWithPosition();
    const result = await submit(savePositionAction, { ...POSITION, applicationId: application.id, positionId, startDate: "2020-05-01", endDate: "2019-01-31" });
    expect(result.fieldErrors).toEqual({ endDate: ["Sluttdatoen kan ikke være før startdatoen."] });
    const stored = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.draftInput).toEqual({ [`positions.${positionId}.endDate`]: "2019-01-31" });
    const viewer = (await getViewer())!;
    const page = await getApplicationForApplicant(viewer, application.id);
    expect(page.missing[0]).toEqual({ field: "positions.0.endDate", message: "Stilling 1, sluttdato: Sluttdatoen kan ikke være før startdatoen." });
  });

  it("contradictory personnel answers are an error at the count, kept as typed, and block submission", async () => {
    const { application, positionId } = await draftWithPosition();
    const { personnelResponsibility: _ticked, ...unticked } = POSITION;
    const result = await submit(savePositionAction, { ...unticked, applicationId: application.id, positionId, personnelCount: "6", ongoing: "on" });
    expect(result.fieldErrors).toEqual({
      personnelCount: [
        "Du har skrevet at du har personalansvar for 6 personer, men ikke krysset av for «Jeg har personalansvar». " +
          "Kryss av for personalansvar, eller skriv 0 hvis du ikke har det.",
      ],
    });
    const stored = await db().position.findUniqueOrThrow({ where: { id: positionId } });
    expect(stored).toMatchObject({ personnelCount: null, personnelResponsibility: false });
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).draftInput).toEqual({
      [`positions.${positionId}.personnelCount`]: "6",
    });
    const viewer = (await getViewer())!;
    const page = await getApplicationForApplicant(viewer, application.id);
    expect(page.missing.filter((item) => item.field === "positions.0.personnelCount")).toHaveLength(1);
    expect(page.categoryPreview).toEqual({ ready: false, missing: ["Stilling 1 («Barnevernleder»): antall du har personalansvar for."] });

    // Ticking the box resolves it: stored, and nothing kept.
    const fixed = await submit(savePositionAction, { ...POSITION, applicationId: application.id, positionId, personnelCount: "6", ongoing: "on", intent: "autosave" });
    expect(fixed).toMatchObject({ ok: true, saved: true });
    expect(await db().position.findUniqueOrThrow({ where: { id: positionId } })).toMatchObject({ personnelCount: 6, personnelResponsibility: true });
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).draftInput).toEqual({});
  });

  it("«continue» goes on when the step is complete, and otherwise stays and says where it would go", async () => {
    const { application } = await draftWithPosition();
    // A save alone does not mark the step's empty fields; asking to go on does (the page reads it).
    expect(await submit(saveEmployerAction, { applicationId: application.id, intent: "save" })).toMatchObject({ ok: true });
    expect(await continueAttempted(application.id, "arbeidsgiver")).toBe(false);
    const empty = await submit(saveEmployerAction, { applicationId: application.id, intent: "continue" });
    expect(empty).toMatchObject({ ok: false, saved: true, next: `/soker/soknad/${application.id}/stillinger`, message: "Utkastet er lagret. Noe mangler fortsatt på dette steget." });
    expect(await continueAttempted(application.id, "arbeidsgiver")).toBe(true);
    expect(await continueAttempted(application.id, "personalia")).toBe(false);
    const target = await redirectOf(() =>
      submit(saveEmployerAction, { applicationId: application.id, intent: "continue", employerCountyCode: "18", employerMunicipalityCode: "1804" }),
    );
    expect(target).toBe(`/soker/soknad/${application.id}/stillinger`);
  });
});
