// A burst of concurrent uploads by one applicant never exhausts the database pool: at most
// UPLOAD_SLOTS.PER_USER of theirs run at once, UPLOAD_SLOTS.QUEUE_PER_USER more wait their turn,
// and the rest are told at once to try again (503, Norwegian, Retry-After), never a 500. No
// clock is involved: the storage holds every upload at a gate the test opens, so the test sees
// exactly how many got in while the burst is under way.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/soknader/[id]/dokumenter/route";
import { UPLOAD_BUSY_MESSAGE, UPLOAD_SLOTS } from "@/lib/http/upload-slots";
import { newStorageKey, setStorage, type FileStorage } from "@/lib/storage";
import { makePdf } from "@/prisma/seed/pdf";
import { createApplication, createOpenCohort, createUser } from "@/prisma/seed/factories";
import { asSession, db, signInAs } from "./support";

/** Stores in memory, but each put waits until the gate opens; says how many are waiting. */
function gatedStorage() {
  const files = new Map<string, Uint8Array>();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let inside = 0;
  let peak = 0;
  const storage: FileStorage = {
    async put(bytes) {
      inside += 1;
      peak = Math.max(peak, inside);
      await gate;
      inside -= 1;
      const key = newStorageKey();
      files.set(key, bytes);
      return key;
    },
    async read() {
      return null;
    },
    async delete() {},
    async *keysWrittenBefore() {},
  };
  return { storage, open: () => open(), peak: () => peak, stored: () => files.size };
}

function uploadRequest(applicationId: string, n: number) {
  const form = new FormData();
  form.append("kind", "VITNEMAL");
  form.append("file", new File([Buffer.from(makePdf(`Vitnemål ${n}`))], `vitnemal-${n}.pdf`));
  return new NextRequest(`http://localhost/api/soknader/${applicationId}/dokumenter`, {
    method: "POST",
    body: form,
    headers: { accept: "application/json", origin: "http://localhost" },
  });
}

afterEach(() => setStorage(undefined));

describe("a burst of uploads by one applicant", () => {
  it("runs a few at a time, queues a few, and asks the rest to try again at once: never a 500", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await createUser(db(), { roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const session = await signInAs(applicant);
    const gated = gatedStorage();
    setStorage(gated.storage);

    const BURST = 25;
    const admitted = UPLOAD_SLOTS.PER_USER + UPLOAD_SLOTS.QUEUE_PER_USER;
    const refusedAtOnce = BURST - admitted;
    let refusedSoFar = 0;
    let allRefused!: () => void;
    const refusals = new Promise<void>((resolve) => (allRefused = resolve));
    const responses = Array.from({ length: BURST }, (_, n) =>
      asSession(session, () => upload(uploadRequest(application.id, n), { params: Promise.resolve({ id: application.id }) })).then((response) => {
        if (response.status === 503 && ++refusedSoFar === refusedAtOnce) allRefused();
        return response;
      }),
    );

    // The refusals come at once, before any upload has finished (the gate is still shut).
    await refusals;
    expect(gated.stored()).toBe(0);

    // Let the uploads through, and wait until every request has its answer.
    gated.open();
    const answered = await Promise.all(responses);
    const statuses = answered.map((response) => response.status);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(admitted);
    expect(statuses.filter((status) => status === 503)).toHaveLength(refusedAtOnce);
    // Never more than one person's share inside at the same time.
    expect(gated.peak()).toBeLessThanOrEqual(UPLOAD_SLOTS.PER_USER);

    const refused = answered.find((response) => response.status === 503)!;
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toEqual({ ok: false, message: UPLOAD_BUSY_MESSAGE });
    expect(await db().document.count({ where: { applicationId: application.id } })).toBe(admitted);
  });

  it("frees the slots afterwards: the next upload of the same person goes through", async () => {
    const { cohort } = await createOpenCohort(db());
    const applicant = await createUser(db(), { roles: ["APPLICANT"] });
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const session = await signInAs(applicant);
    const gated = gatedStorage();
    gated.open();
    setStorage(gated.storage);
    for (let n = 0; n < UPLOAD_SLOTS.PER_USER + 1; n += 1) {
      const response = await asSession(session, () => upload(uploadRequest(application.id, n), { params: Promise.resolve({ id: application.id }) }));
      expect(response.status).toBe(201);
    }
  });
});
