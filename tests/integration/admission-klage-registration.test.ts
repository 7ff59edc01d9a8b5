// A klage on an admission decision that came by e-mail or post (forvaltningsloven § 32), registered
// by an adviser with the day it came; one after the deadline only with why (§ 31). From then on the
// same klage as one filed in the portal: the receipt, the list, one open klage per decision.
import { readdir } from "node:fs/promises";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as attachRoute } from "@/app/api/opptak/klager/[id]/vedlegg/route";
import { registerAdmissionAppealAction } from "@/lib/actions/admission";
import { osloDate } from "@/lib/domain/application-deadline";
import { ARCHIVED_KULL_MESSAGE } from "@/lib/domain/cohort-life";
import { klageDeadline } from "@/lib/domain/klage";
import { OWN_INTAKE_MESSAGE } from "@/lib/permissions";
import { OwnIntakeReadError } from "@/lib/server/admission/access";
import { ATTACH_ONCE, ATTACH_ONLY_REGISTERED, fileAppeal, getAdmissionKlageRegistration, registerAdmissionAppeal } from "@/lib/server/admission/appeals";
import { listAppeals } from "@/lib/server/admission/queries";
import { AccessDeniedError } from "@/lib/server/errors";
import { createDecision, createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";
import { viewerOf } from "./cohort-world";
import { db, signInAs, submit } from "./support";

const DECIDED_AT = new Date("2027-03-01T10:00:00Z"); // a Monday: the deadline is 22 March
const NOW = new Date("2027-04-10T09:00:00Z");

let adviser: ReturnType<typeof viewerOf>;

/** Posts the klage's PDF as the page's form does (with JavaScript: JSON back). */
async function attach(appealId: string, file: File | null) {
  const form = new FormData();
  if (file) form.append("file", file);
  const request = new NextRequest(`http://localhost/api/opptak/klager/${appealId}/vedlegg`, { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } });
  const response = await attachRoute(request, { params: Promise.resolve({ id: appealId }) });
  return { status: response.status, ...((await response.json()) as { ok: boolean; message: string; fieldErrors?: Record<string, string[]> }) };
}

const scanned = (name = "klage-fra-posten.pdf") => new File([Buffer.from(makePdf("Klage", ["Jeg klager på avslaget.", "Áile Čoavji"]))], name, { type: "application/pdf" });

async function storedFiles(): Promise<string[]> {
  try {
    return (await readdir(process.env.STORAGE_DIR!, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

async function decided(outcome: "REFUSAL" | "WAITLIST" | "OFFER", name: string, cohortId?: string) {
  const cohort = cohortId ?? (await createOpenCohort(db(), { capacity: 2, deadline: "2027-02-01" })).cohort.id;
  const { user, application } = await createReviewedApplication(db(), { cohortId: cohort, name, qualified: outcome !== "REFUSAL" });
  await db().application.update({ where: { id: application.id }, data: { status: "DECIDED" } });
  const decision = await createDecision(db(), { applicationId: application.id, decidedById: adviser.id, outcome, decidedAt: DECIDED_AT });
  if (outcome !== "OFFER") await db().decisionLetter.updateMany({ where: { decisionId: decision.id }, data: { klageDeadline: day(klageDeadline("2027-03-01")) } });
  return { user, application, cohortId: cohort };
}

beforeAll(async () => {
  adviser = viewerOf(await createUser(db(), { roles: ["ADVISER"], name: "Siri Studieveileder" }));
});

describe("an admission klage that came by e-mail or post", () => {
  it("is registered by an adviser only: late only with why, and then it is the same klage as one filed in the portal", async () => {
    const { user, application } = await decided("REFUSAL", "Rolf Refusert");
    const text = "Jeg klager på avslaget. Vitnemålet mitt viser 180 studiepoeng, se vedlagt kopi.";
    const register = (viewer: typeof adviser, receivedOn: string, lateReason: string | null) =>
      registerAdmissionAppeal(viewer, { applicationId: application.id, text, receivedOn, lateReason }, NOW);

    const teacher = viewerOf(await createUser(db(), { roles: ["FACULTY"] }));
    await expect(register(teacher, "2027-03-10", null)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(register(viewerOf({ ...user, roles: ["APPLICANT"] }), "2027-03-10", null)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(register(adviser, "2027-04-11", null)).rejects.toMatchObject({ fieldErrors: { receivedOn: ["Datoen kan ikke være etter i dag."] } });
    await expect(register(adviser, "2027-02-28", null)).rejects.toMatchObject({ fieldErrors: { receivedOn: [expect.stringMatching(/^Vedtaket ble gjort tilgjengelig 1\. mars 2027/)] } });
    await expect(register(adviser, "2027-03-23", "   ")).rejects.toMatchObject({ fieldErrors: { lateReason: [expect.stringMatching(/^Klagen kom etter klagefristen 22\. mars 2027/)] } });
    expect(await db().appeal.count({ where: { applicationId: application.id } })).toBe(0);

    // The form: what was typed comes back with the message at its field, nothing saved.
    await signInAs(adviser);
    const typed = { applicationId: application.id, text: "For kort.", receivedOn: "32.03.2027", lateReason: "Syk." };
    const bad = await submit(registerAdmissionAppealAction, typed);
    expect(bad).toMatchObject({ ok: false, values: { text: "For kort.", lateReason: "Syk." } });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["receivedOn", "text"]);
    expect(await db().appeal.count({ where: { applicationId: application.id } })).toBe(0);

    const reason = "Søkeren var innlagt på sykehus fra 15. til 28. mars og sendte klagen dagen etter.";
    const { appealId, cohortId } = await register(adviser, "2027-03-29", reason);
    expect(cohortId).toBe(application.cohortId);
    const appeal = await db().appeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(appeal).toMatchObject({ status: "RECEIVED", registeredById: adviser.id, lateReason: reason, text });
    expect(osloDate(appeal.filedAt)).toBe("2027-03-29");
    const [entry] = await db().auditLog.findMany({ where: { action: "appeal.register", entityId: appealId } });
    expect(entry).toMatchObject({ actorId: adviser.id, after: expect.objectContaining({ receivedOn: "2027-03-29", lateReason: reason, status: "RECEIVED" }) });
    const receipt = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `appeal-receipt:${appealId}` } });
    expect(receipt).toMatchObject({ userId: user.id, to: user.email });
    expect(receipt.text).toContain("Vi har registrert klagen din på vedtaket om opptak. Klagen er datert 29. mars 2027.");
    const { caseYear, caseNumber } = await db().decision.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(receipt.text).toContain(`Saksnummer: ${caseYear}/${String(caseNumber).padStart(5, "0")}`);
    expect(receipt.text).toContain(`Klagen kom etter klagefristen, men vi tar den under behandling (forvaltningsloven § 31): ${reason}`);

    // One open klage per decision, whoever files the next.
    await expect(register(adviser, "2027-04-01", reason)).rejects.toThrow("Søkeren har allerede en klage som er under behandling.");
    await expect(fileAppeal(viewerOf({ ...user, roles: ["APPLICANT"] }), application.id, { text, file: null })).rejects.toThrow("Du har allerede en klage som er under behandling.");
    // The klage list says how it came and why it is taken up; the page shows it instead of the form.
    const listed = (await listAppeals(adviser, { open: true })).find((row) => row.id === appealId)!;
    expect(listed).toMatchObject({ registeredBy: { name: "Siri Studieveileder" }, lateReason: reason });
    expect(await getAdmissionKlageRegistration(adviser, application.id)).toMatchObject({
      appeal: { receivedOn: "2027-03-29", status: "RECEIVED", lateReason: reason, registeredBy: "Siri Studieveileder" },
      letter: { madeAvailableOn: "2027-03-01", klageDeadline: "2027-03-22" },
      problem: null,
    });
  });

  it("takes the klage as it came, one PDF, attached by an adviser; never to a klage filed in the portal, never twice, and a refusal stores nothing", async () => {
    const { application } = await decided("REFUSAL", "Pål Postklage");
    const { appealId } = await registerAdmissionAppeal(adviser, { applicationId: application.id, text: "Jeg klager på avslaget. Se brevet.", receivedOn: "2027-03-10", lateReason: null }, NOW);
    const files = await storedFiles();

    await signInAs(viewerOf(await createUser(db(), { roles: ["FACULTY"] })));
    expect(await attach(appealId, scanned())).toMatchObject({ status: 403, ok: false });
    await signInAs(adviser);
    expect(await attach(appealId, null)).toMatchObject({ status: 400, fieldErrors: { file: ["Velg klagen som PDF."] } });
    const html = new File(["<!doctype html><p>hei</p>"], "klage.pdf", { type: "application/pdf" });
    expect(await attach(appealId, html)).toMatchObject({ status: 422, fieldErrors: { file: [expect.stringContaining("ikke en PDF-fil")] } });
    expect(await storedFiles()).toEqual(files);
    expect((await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).documentId).toBeNull();

    expect(await attach(appealId, scanned())).toMatchObject({ status: 201, ok: true, message: "«klage-fra-posten.pdf» er lagt ved klagen." });
    const { documentId } = await db().appeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(await db().document.findUniqueOrThrow({ where: { id: documentId! } })).toMatchObject({ kind: "APPEAL", applicationId: application.id, uploadedById: adviser.id, originalName: "klage-fra-posten.pdf" });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "appeal.attach", entityId: appealId } })).toMatchObject({
      actorId: adviser.id,
      before: { documentId: null },
      after: { documentId, originalName: "klage-fra-posten.pdf" },
    });
    expect((await storedFiles()).length).toBe(files.length + 1);
    // The klage's page and the klage list show it.
    expect((await getAdmissionKlageRegistration(adviser, application.id)).appeal).toMatchObject({ id: appealId, document: { id: documentId, originalName: "klage-fra-posten.pdf" } });
    expect((await listAppeals(adviser, { open: true })).find((row) => row.id === appealId)).toMatchObject({ document: { id: documentId } });

    // Once; and a klage filed in the portal carries the applicant's own attachment, not ours.
    const afterFirst = await storedFiles();
    expect(await attach(appealId, scanned("igjen.pdf"))).toMatchObject({ status: 422, message: ATTACH_ONCE });
    const portal = await decided("REFUSAL", "Ola Portal");
    const portalKlage = await fileAppeal(viewerOf({ ...portal.user, roles: ["APPLICANT"] }), portal.application.id, { text: "Jeg klager på avslaget mitt.", file: null }, new Date("2027-03-05T10:00:00Z"));
    expect(await attach(portalKlage, scanned())).toMatchObject({ status: 422, message: ATTACH_ONLY_REGISTERED });
    expect(await storedFiles()).toEqual(afterFirst);
    expect(await db().auditLog.count({ where: { action: "appeal.attach", entityId: { in: [appealId, portalKlage] } } })).toBe(1);

    // Not by an adviser who has applied to the kull herself, and not in an archived kull.
    const second = await decided("REFUSAL", "Siv Sent", portal.cohortId);
    const { appealId: secondKlage } = await registerAdmissionAppeal(adviser, { applicationId: second.application.id, text: "Jeg klager på avslaget.", receivedOn: "2027-03-10", lateReason: null }, NOW);
    const own = await createReviewedApplication(db(), { cohortId: portal.cohortId, name: "Vera Veileder" });
    await db().user.update({ where: { id: own.user.id }, data: { roles: ["APPLICANT", "ADVISER"] } });
    await signInAs(viewerOf({ ...own.user, roles: ["APPLICANT", "ADVISER"] }));
    expect(await attach(secondKlage, scanned())).toMatchObject({ status: 422, message: OWN_INTAKE_MESSAGE });
    await signInAs(adviser);
    await db().cohort.update({ where: { id: portal.cohortId }, data: { completedAt: new Date("2027-06-01T10:00:00Z"), archivedAt: new Date("2027-07-01T10:00:00Z") } });
    expect(await attach(secondKlage, scanned())).toMatchObject({ status: 422, message: ARCHIVED_KULL_MESSAGE });
    expect(await storedFiles()).toEqual(afterFirst);
  });

  it("in time keeps no reason, on a waiting-list place too", async () => {
    const { application } = await decided("WAITLIST", "Vilde Venteliste");
    expect((await getAdmissionKlageRegistration(adviser, application.id)).appeal).toBeNull();
    const { appealId } = await registerAdmissionAppeal(adviser, { applicationId: application.id, text: "Jeg mener jeg skulle vært rangert høyere.", receivedOn: "2027-03-22", lateReason: "Ikke nødvendig." }, NOW);
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ lateReason: null, registeredById: adviser.id });
    expect((await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `appeal-receipt:${appealId}` } })).text).not.toContain("§ 31");
  });

  it("is not registered on an offer, a withdrawn application, or by an adviser who has applied to the kull herself", async () => {
    const offered = await decided("OFFER", "Olga Tilbud");
    await expect(registerAdmissionAppeal(adviser, { applicationId: offered.application.id, text: "Jeg klager på dette.", receivedOn: "2027-03-05", lateReason: null }, NOW)).rejects.toThrow(
      "Søkeren kan klage på et avslag eller en plass på venteliste.",
    );
    expect((await getAdmissionKlageRegistration(adviser, offered.application.id)).problem).toBe("Søkeren har ikke et vedtak om avslag eller venteliste som kan påklages.");

    const refused = await decided("REFUSAL", "Wenche Trukket");
    await db().application.update({ where: { id: refused.application.id }, data: { status: "WITHDRAWN", withdrawnAt: NOW } });
    await expect(registerAdmissionAppeal(adviser, { applicationId: refused.application.id, text: "Jeg klager på dette.", receivedOn: "2027-03-05", lateReason: null }, NOW)).rejects.toThrow(
      "Søknaden er trukket",
    );

    const other = await decided("REFUSAL", "Per Parts", refused.cohortId);
    const own = await createReviewedApplication(db(), { cohortId: refused.cohortId, name: "Vera Veileder" });
    const vera = await db().user.update({ where: { id: own.user.id }, data: { roles: ["APPLICANT", "ADVISER"] } });
    const asVera = viewerOf({ ...vera, roles: ["APPLICANT", "ADVISER"] });
    await expect(registerAdmissionAppeal(asVera, { applicationId: other.application.id, text: "Jeg klager på dette.", receivedOn: "2027-03-05", lateReason: null }, NOW)).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await expect(getAdmissionKlageRegistration(asVera, other.application.id)).rejects.toBeInstanceOf(OwnIntakeReadError);
    expect(await db().appeal.count({ where: { applicationId: { in: [offered.application.id, refused.application.id, other.application.id] } } })).toBe(0);
  });

  it("is not registered more than a year after the decision (fvl. § 31 third paragraph), nor in an archived kull", async () => {
    const { application, cohortId } = await decided("REFUSAL", "Åse Årsfrist");
    const input = (receivedOn: string) => ({ applicationId: application.id, text: "Jeg klager på avslaget.", receivedOn, lateReason: "Jeg fikk aldri brevet." });
    const later = new Date("2028-06-01T10:00:00Z");
    await expect(registerAdmissionAppeal(adviser, input("2028-03-02"), later)).rejects.toMatchObject({ fieldErrors: { receivedOn: [expect.stringMatching(/^Det var gått mer enn ett år siden vedtaket \(1\. mars 2027\)/)] } });
    await db().cohort.update({ where: { id: cohortId }, data: { completedAt: new Date("2027-06-01T10:00:00Z"), archivedAt: new Date("2027-07-01T10:00:00Z") } });
    await expect(registerAdmissionAppeal(adviser, input("2028-03-01"), later)).rejects.toThrow(ARCHIVED_KULL_MESSAGE);
    expect(await db().appeal.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("the database refuses a late reason without an adviser who registered it", async () => {
    const { application } = await decided("REFUSAL", "Kari Kontroll");
    const decision = await db().decision.findUniqueOrThrow({ where: { applicationId: application.id }, include: { letters: true } });
    await expect(
      db().appeal.create({ data: { applicationId: application.id, decisionId: decision.id, letterId: decision.letters[0]!.id, text: "Sent.", lateReason: "Syk." } }),
    ).rejects.toThrow(/Appeal_late_only_by_adviser/);
  });
});
