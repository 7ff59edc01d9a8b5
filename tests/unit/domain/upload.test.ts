import { describe, expect, it } from "vitest";
import { formatFileSize, formatMegabytes, MAX_UPLOAD_BYTES, uploadProblem } from "@/lib/domain/upload";

const pdfHead = new TextEncoder().encode("%PDF-1.7\n");
const file = (name: string, size: number, head: Uint8Array = pdfHead) => ({ name, size, head });

describe("uploadProblem", () => {
  it("accepts a PDF by its bytes, up to exactly 10 MB", () => {
    expect(uploadProblem(file("vitnemål.pdf", 1234))).toBeNull();
    expect(uploadProblem(file("Tjenestebevis Bodø kommune (2019).PDF", MAX_UPLOAD_BYTES))).toBeNull();
    // The name does not decide: a PDF without the extension is a PDF.
    expect(uploadProblem(file("skann", 5000))).toBeNull();
  });

  it("refuses what only claims to be a PDF", () => {
    expect(uploadProblem(file("program.pdf", 4096, new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])))).toBe(
      "«program.pdf» er ikke en PDF-fil. Last opp dokumentet som PDF.",
    );
    expect(uploadProblem(file("side.pdf", 300, new TextEncoder().encode("<!doctype html><html>")))).toBe(
      "«side.pdf» er ikke en PDF-fil. Last opp dokumentet som PDF.",
    );
    expect(uploadProblem(file("kort.pdf", 3, new TextEncoder().encode("%PD")))).toMatch(/ikke en PDF-fil/);
    expect(uploadProblem(file("mellomrom.pdf", 100, new TextEncoder().encode(" %PDF-1.4")))).toMatch(/ikke en PDF-fil/);
  });

  it("refuses empty and too large files", () => {
    expect(uploadProblem(file("tom.pdf", 0, new Uint8Array()))).toBe("«tom.pdf» er tom (0 byte). Velg filen på nytt.");
    expect(uploadProblem(file("stor.pdf", MAX_UPLOAD_BYTES + 1))).toMatch(/^«stor.pdf» er 10 MB\. Filen kan være høyst 10 MB/);
    expect(uploadProblem(file("stor.pdf", 11 * 1024 * 1024))).toMatch(/^«stor.pdf» er 11 MB\./);
  });

  it("refuses names that look like paths or hide control characters", () => {
    for (const name of ["../../x.pdf", "..\\x.pdf", "mappe/x.pdf", "x.pdf\u0000.exe", "..pdf", "a..b.pdf"]) {
      expect(uploadProblem(file(name, 100)), name).toBe(
        "Filnavnet kan ikke inneholde skråstreker, «..» eller kontrolltegn. Gi filen et vanlig navn og prøv igjen.",
      );
    }
    expect(uploadProblem(file("   ", 100))).toBe("Filen mangler navn. Gi den et navn og prøv igjen.");
    expect(uploadProblem(file(`${"a".repeat(197)}.pdf`, 100))).toMatch(/Filnavnet er for langt/);
  });

  it("writes sizes the Norwegian way", () => {
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe("1,5 MB");
    expect(formatMegabytes(11 * 1024 * 1024)).toBe("11 MB");
  });
});

describe("formatFileSize", () => {
  it("never calls a small file 0 MB", () => {
    expect(formatFileSize(0)).toBe("0 byte");
    expect(formatFileSize(600)).toBe("600 byte");
    expect(formatFileSize(1023)).toBe("1023 byte");
    expect(formatFileSize(1024)).toBe("1 kB");
    expect(formatFileSize(1536)).toBe("1,5 kB");
    expect(formatFileSize(48_213)).toBe("47 kB");
    expect(formatFileSize(1024 * 1024 - 1)).toBe("1 MB");
    expect(formatFileSize(1_572_864)).toBe("1,5 MB");
    expect(formatFileSize(MAX_UPLOAD_BYTES)).toBe("10 MB");
    expect(() => formatFileSize(-1)).toThrow(RangeError);
  });
});

describe("names that hide what they are, and an application's totals", () => {
  it("refuses bidi controls and C1 control characters in a name", async () => {
    const { uploadProblem: problem } = await import("@/lib/domain/upload");
    const pdf = new TextEncoder().encode("%PDF-1.7");
    expect(problem({ name: "faktura\u202efdp.exe", size: 10, head: pdf })).toMatch(/endrer skriveretningen/);
    expect(problem({ name: "a\u2066b.pdf", size: 10, head: pdf })).toMatch(/endrer skriveretningen/);
    expect(problem({ name: "a\u0085b.pdf", size: 10, head: pdf })).toMatch(/kontrolltegn/);
  });

  it("limits the documents of one application in number and in total size", async () => {
    const { applicationCapacityProblem, MAX_APPLICATION_BYTES, MAX_DOCUMENTS_PER_APPLICATION } = await import("@/lib/domain/upload");
    expect(applicationCapacityProblem({ documents: 0, bytes: 0 }, MAX_UPLOAD_BYTES)).toBeNull();
    expect(applicationCapacityProblem({ documents: MAX_DOCUMENTS_PER_APPLICATION - 1, bytes: 0 }, 1)).toBeNull();
    expect(applicationCapacityProblem({ documents: MAX_DOCUMENTS_PER_APPLICATION, bytes: 0 }, 1)).toMatch(/allerede 40 dokumenter/);
    expect(applicationCapacityProblem({ documents: 3, bytes: MAX_APPLICATION_BYTES - 10 }, 10)).toBeNull();
    expect(applicationCapacityProblem({ documents: 3, bytes: MAX_APPLICATION_BYTES - 10 }, 11)).toBe(
      "Dokumentene i søknaden kan til sammen være høyst 100 MB, og det er 0 MB igjen. Komprimer filen, eller slett dokumenter du ikke trenger.",
    );
  });
});
