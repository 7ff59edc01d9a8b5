import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formInput, formValues } from "@/lib/forms";
import { LocalDiskStorage } from "@/lib/storage";
import { makePdf } from "@/prisma/seed/pdf";

describe("form data", () => {
  it("keeps strings, groups repeated names and drops Next's internal fields and files", () => {
    const data = new FormData();
    data.append("name", "Åse");
    data.append("roles", "STUDENT");
    data.append("roles", "FACULTY");
    data.append("$ACTION_ID_abc", "");
    data.append("file", new File(["x"], "x.pdf"));
    expect(formInput(data)).toEqual({ name: "Åse", roles: ["STUDENT", "FACULTY"] });
    expect(formValues(data)).toEqual({ name: "Åse", roles: "STUDENT,FACULTY" });
  });
});

describe("generated PDFs", () => {
  it("are well-formed: header, a cross-reference table whose offsets point at the objects, and EOF", () => {
    const bytes = Buffer.from(makePdf("Vitnemål", ["Kari Nordmann", "180 studiepoeng (bachelor)"]));
    const text = bytes.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(text.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`));
    expect(text).toContain("(Vitnem\xe5l)");
    expect(text).toContain("\\(bachelor\\)");
  });
});

describe("local disk storage", () => {
  it("stores under generated keys, reads back, deletes, and refuses keys it did not make", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "bvl-storage-"));
    try {
      const storage = new LocalDiskStorage(root);
      const key = await storage.put(new Uint8Array([1, 2, 3]));
      expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{30}$/);
      const stream = await storage.read(key);
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      expect([...bytes]).toEqual([1, 2, 3]);
      await storage.delete(key);
      expect(await storage.read(key)).toBeNull();
      await expect(storage.read("../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
      expect((await readdir(path.join(root, key.slice(0, 2)))).filter((name) => name.endsWith(".part"))).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("return paths", () => {
  it("allow paths on this site only", async () => {
    const { safeReturnPath } = await import("@/lib/validation/common");
    expect(safeReturnPath("/soker/ny?kull=abc")).toBe("/soker/ny?kull=abc");
    for (const hostile of ["//evil.example", "/\\evil.example", "https://evil.example", "/ x", "", null, undefined, "soker"]) {
      expect(safeReturnPath(hostile), String(hostile)).toBeNull();
    }
  });
});
