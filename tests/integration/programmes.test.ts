// Study programmes added in the app (issue 18): only an admin creates one, with a validated code
// and today's study plan as its template; advisers and admins edit the template (audited, before
// and after), which reaches kull created afterwards; the offer's own words appear in offer letters.
import { describe, expect, it } from "vitest";
import { offerPlaceAction } from "@/lib/actions/admission";
import { createProgrammeAction, saveProgrammeArbeidskravAction, updateProgrammeAction } from "@/lib/actions/programmes";
import { createIntakeAction } from "@/lib/actions/intakes";
import { osloDate } from "@/lib/domain/application-deadline";
import { cohortCodeForStart } from "@/lib/domain/cohort";
import { addDays } from "@/lib/domain/dates";
import { FORBIDDEN_MESSAGE } from "@/lib/server/action";
import { AccessDeniedError } from "@/lib/server/errors";
import { getProgramme, listProgrammes } from "@/lib/server/programmes/queries";
import { createProgramme } from "@/lib/server/programmes/template";
import { createCohort, createOpenCohort, createReviewedApplication, createUser } from "@/prisma/seed/factories";
import { viewerOf } from "./cohort-world";
import { db, redirectOf, signInAs, submit } from "./support";

const form = {
  name: "Videreutdanning i familievernledelse",
  description: "For ledere i familievernet.",
  credits: "30",
  fsCourseCode: "FVL6001",
  fsCourseVersion: "1",
  attendanceThresholdPercent: "80",
  adviserName: "Ingrid Veileder",
  adviserEmail: "Ingrid@Familievern.example",
  adviserPhone: "73 00 00 10",
  academicLeadName: "Petter Fag",
  academicLeadEmail: "petter@familievern.example",
  academicLeadPhone: "73 00 00 11",
  offerWelcomeText: "",
  offerPracticalText: "Studiet er gratis.",
};

describe("creating a programme", () => {
  it("is for admins only: advisers and faculty are refused by the action and the use case", async () => {
    for (const roles of [["ADVISER"], ["FACULTY"]] as const) {
      const user = await createUser(db(), { roles: [...roles] });
      await signInAs(user);
      expect(await submit(createProgrammeAction, { code: "FAMILIEVERN", ...form })).toMatchObject({ ok: false, message: FORBIDDEN_MESSAGE });
      await expect(
        createProgramme(viewerOf(user), { code: "FAMILIEVERN", ...form, credits: 30, attendanceThresholdPercent: 80, offerWelcomeText: null }),
      ).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect(await db().programme.count({ where: { code: "FAMILIEVERN" } })).toBe(0);
  });

  it("takes a tidied, valid code once, starts with today's study plan, and is audited", async () => {
    const admin = await createUser(db(), { roles: ["ADMIN", "ADVISER"] });
    await signInAs(admin);
    const bad = await submit(createProgrammeAction, { code: "familievern sør", ...form, credits: "7,5", adviserEmail: "ikke-en-adresse" });
    // FS's formats are checked once the form parses.
    const fs = await submit(createProgrammeAction, { code: "FAMILIEVERN_FS", ...form, fsCourseCode: "fvl-1", fsCourseVersion: "1.0" });
    expect(fs.fieldErrors).toEqual({
      fsCourseCode: ["Emnekoden skrives med 2–5 store bokstaver og 3–4 sifre, for eksempel BVL6001."],
      fsCourseVersion: ["Versjonskoden er 1–3 sifre eller store bokstaver, for eksempel 1."],
    });
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.code).toEqual(["Bruk AE, OE og AA i stedet for Æ, Ø og Å i koden (for eksempel FAMILIEVERN)."]);
    expect(bad.fieldErrors?.credits).toEqual(["Studiepoeng må være et helt tall."]);
    expect(bad.fieldErrors?.adviserEmail).toEqual(["E-postadressen til studieveilederen er ikke en gyldig e-postadresse (for eksempel navn@ntnu.no)."]);

    const path = await redirectOf(() => submit(createProgrammeAction, { code: " familievern ledelse ", ...form }));
    const id = /\/veileder\/programmer\/(c[a-z0-9]+)\?opprettet=1$/.exec(path)![1]!;
    const programme = await getProgramme(viewerOf(admin), id);
    expect(programme).toMatchObject({
      code: "FAMILIEVERN_LEDELSE",
      fsCourseCode: "FVL6001",
      fsCourseVersion: "1",
      adviserEmail: "ingrid@familievern.example",
      offerWelcomeText: null,
      offerPracticalText: "Studiet er gratis.",
    });
    expect(programme.arbeidskravTemplates).toHaveLength(5);
    expect(programme.templateProblems).toEqual([]);
    const [entry] = await db().auditLog.findMany({ where: { entityId: id, action: "programme.create" } });
    expect(entry).toMatchObject({ actorId: admin.id, after: expect.objectContaining({ code: "FAMILIEVERN_LEDELSE", name: form.name }) });

    expect(await submit(createProgrammeAction, { code: "FAMILIEVERN_LEDELSE", ...form })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Koden FAMILIEVERN_LEDELSE brukes allerede av et annet studieprogram."] },
    });
    // The database keeps the rule too.
    await expect(db().programme.create({ data: { code: "lower", name: "x", credits: 30, fsCourseCode: "TST6001", description: "x", adviserName: "x", adviserEmail: "x", adviserPhone: "x", academicLeadName: "x", academicLeadEmail: "x", academicLeadPhone: "x" } })).rejects.toThrow(/Programme_code_format/);
    expect((await listProgrammes(viewerOf(admin))).canCreate).toBe(true);
  });
});

describe("the template", () => {
  it("is edited by advisers (not faculty), audited with before and after, and reaches only kull created afterwards", async () => {
    const admin = await createUser(db(), { roles: ["ADMIN"] });
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const faculty = await createUser(db(), { roles: ["FACULTY"] });
    const programme = await createProgramme(viewerOf(admin), { code: "TEMPLATE_TEST", ...form, credits: 30, attendanceThresholdPercent: 80, offerWelcomeText: null });
    const today = osloDate(new Date());
    const startsOn = addDays(today, 300);
    const { cohort: existing } = await createCohort(db(), {
      programmeId: programme.id,
      code: cohortCodeForStart(addDays(startsOn, -190)),
      applicationOpensOn: today,
      applicationDeadline: addDays(today, 10),
      offerAnswerDeadline: addDays(today, 20),
      startsOn: addDays(startsOn, -190),
      endsOn: addDays(startsOn, 100),
    });

    await signInAs(faculty);
    expect(await submit(updateProgrammeAction, { programmeId: programme.id, ...form })).toMatchObject({ ok: false, message: FORBIDDEN_MESSAGE });
    expect((await listProgrammes(viewerOf(adviser))).canCreate).toBe(false);
    await expect(listProgrammes(viewerOf(faculty))).rejects.toBeInstanceOf(AccessDeniedError);

    await signInAs(adviser);
    expect((await submit(updateProgrammeAction, { programmeId: programme.id, ...form, attendanceThresholdPercent: "0" })).fieldErrors?.attendanceThresholdPercent).toEqual([
      "Oppmøtekravet må være fra 1 til 100.",
    ]);
    expect(await submit(updateProgrammeAction, { programmeId: programme.id, ...form, attendanceThresholdPercent: "85", name: "Familievernledelse" })).toMatchObject({ ok: true });
    const [entry] = await db().auditLog.findMany({ where: { entityId: programme.id, action: "programme.update" } });
    expect(entry).toMatchObject({
      actorId: adviser.id,
      before: expect.objectContaining({ name: form.name, attendanceThresholdPercent: 80 }),
      after: expect.objectContaining({ name: "Familievernledelse", attendanceThresholdPercent: 85 }),
    });

    const path = await redirectOf(() =>
      submit(createIntakeAction, {
        programmeId: programme.id,
        code: cohortCodeForStart(startsOn),
        name: "Nytt kull",
        capacity: "20",
        applicationOpensOn: today,
        applicationDeadline: addDays(today, 30),
        offerAnswerDeadline: addDays(today, 60),
        startsOn,
        endsOn: addDays(startsOn, 400),
      }),
    );
    const created = /\/veileder\/kull\/(c[a-z0-9]+)/.exec(path)![1]!;
    expect((await db().cohort.findUniqueOrThrow({ where: { id: created } })).attendanceThresholdPercent).toBe(85);
    expect((await db().cohort.findUniqueOrThrow({ where: { id: existing.id } })).attendanceThresholdPercent).toBe(80);
  });

  it("words an offer with the programme's welcome and practical information, never in place of the legal parts", async () => {
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const { cohort } = await createOpenCohort(db(), { deadline: addDays(osloDate(new Date()), -3) });
    await db().programme.update({
      where: { id: cohort.programmeId },
      data: { offerWelcomeText: "Velkommen til kullet! Første samling er i Trondheim.", offerPracticalText: "Ta med PC til samlingene." },
    });
    const { application } = await createReviewedApplication(db(), { cohortId: cohort.id });
    await signInAs(adviser);
    expect(await submit(offerPlaceAction, { applicationId: application.id })).toMatchObject({ ok: true });
    const letter = await db().decisionLetter.findFirstOrThrow({ where: { decision: { applicationId: application.id } } });
    expect(letter.body).toContain("Velkommen til kullet! Første samling er i Trondheim.");
    expect(letter.body).toContain("Ta med PC til samlingene.");
    expect(letter.body).not.toContain("Bufdir");
    expect(letter.body).toContain("forvaltningsloven §§ 28 og 29");
  });

  it("saves the arbeidskrav with the set editor as one whole set checked against its composition, or nothing at all", async () => {
    const admin = await createUser(db(), { roles: ["ADMIN"] });
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const programme = await createProgramme(viewerOf(admin), { code: "SET_TEST", ...form, credits: 30, attendanceThresholdPercent: 80, offerWelcomeText: null });
    const stored = (await getProgramme(viewerOf(admin), programme.id)).arbeidskravTemplates;
    // The form as the set editor posts it: the stored rows with their ids, then new rows.
    const row = (index: number, fields: { id?: string; number: number; kind: string; title: string; grouping?: string; required?: boolean; oral?: boolean }) => ({
      ...(fields.id ? { [`item-${index}-id`]: fields.id } : {}),
      [`item-${index}-number`]: String(fields.number),
      [`item-${index}-kind`]: fields.kind,
      [`item-${index}-title`]: fields.title,
      [`item-${index}-description`]: "",
      [`item-${index}-grouping`]: fields.grouping ?? "INDIVIDUAL",
      ...(fields.required === false ? {} : { [`item-${index}-required`]: "on" }),
      ...(fields.oral ? { [`item-${index}-oral`]: "on" } : {}),
    });
    const keep = stored.map((template, index) =>
      row(index, { id: template.id, number: template.number, kind: template.kind, title: template.title, grouping: template.individualOnly ? "INDIVIDUAL" : "ALONE_OR_3", oral: template.oralPresentation }),
    );
    const six = {
      programmeId: programme.id,
      fagnotat: "3",
      ledertrening: "3",
      oral: "1",
      individualFagnotatMin: "1",
      ...Object.assign({}, ...keep),
      ...row(5, { number: 6, kind: "FAGNOTAT", title: "Fagnotat 3" }),
      ...row(6, { number: 7, kind: "FAGNOTAT", title: "Lesenotat", required: false }),
      "item-7-number": "8", // an unused new row
      "item-7-kind": "FAGNOTAT",
      "item-7-grouping": "INDIVIDUAL",
      "item-7-title": "",
    };
    await signInAs(adviser);
    const wrong = await submit(saveProgrammeArbeidskravAction, { ...six, fagnotat: "2", "item-1-grouping": "ALONE_OR_3" });
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/^Arbeidskravene ble ikke lagret\. /);
    expect(wrong.fieldErrors?.items).toEqual(
      expect.arrayContaining([
        "Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 6).",
        "Det må være 2 obligatoriske fagnotat (har 3).",
        "Arbeidskrav 2: ledertreningsoppgaver bygger på egen praksis og må leveres individuelt.",
      ]),
    );
    expect(await db().arbeidskravTemplate.count({ where: { programmeId: programme.id } })).toBe(5);

    expect(await submit(saveProgrammeArbeidskravAction, six)).toMatchObject({ ok: true, message: "Arbeidskravene er lagret (7). De gjelder kull som opprettes fra nå av." });
    const saved = await getProgramme(viewerOf(adviser), programme.id);
    expect(saved.requirements.arbeidskrav).toEqual({ total: 6, fagnotat: 3, ledertrening: 3, oral: 1, individualFagnotatMin: 1 });
    expect(saved.arbeidskravTemplates.map((t) => [t.number, t.title, t.required])).toEqual([
      [1, "Fagnotat 1 (individuelt)", true],
      [2, "Ledertreningsoppgave 1", true],
      [3, "Fagnotat 2 (gruppe eller individuelt)", true],
      [4, "Ledertreningsoppgave 2", true],
      [5, "Ledertreningsoppgave 3", true],
      [6, "Fagnotat 3", true],
      [7, "Lesenotat", false],
    ]);
    expect(saved.templateProblems).toEqual([]);
    const [entry] = await db().auditLog.findMany({ where: { entityId: programme.id, action: "programme.update_arbeidskrav" } });
    expect(entry).toMatchObject({ actorId: adviser.id, before: expect.objectContaining({ arbeidskravTotal: 5 }), after: expect.objectContaining({ arbeidskravTotal: 6 }) });

    const faculty = await createUser(db(), { roles: ["FACULTY"] });
    await signInAs(faculty);
    expect(await submit(saveProgrammeArbeidskravAction, six)).toMatchObject({ ok: false, message: FORBIDDEN_MESSAGE });
  });
});
