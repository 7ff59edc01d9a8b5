import { describe, expect, it } from "vitest";
import { z } from "zod";
import { installNorwegianMessages } from "@/lib/validation/messages";

installNorwegianMessages();

const schema = z.object({
  note: z.string().max(5).optional(),
  kind: z.enum(["A", "B"]).optional(),
  count: z.number().max(3).optional(),
  own: z.string({ error: "Skriv navnet." }).min(1, "Skriv navnet."),
});

function messages(input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("zod's fallback messages are Norwegian", () => {
  it("a field sent twice (a list where text was expected)", () => {
    expect(messages({ note: ["a", "b"], own: "x" }).note).toEqual(["Feltet ble sendt mer enn én gang. Last siden på nytt og prøv igjen."]);
  });
  it("too long, outside the choices, too large", () => {
    expect(messages({ note: "123456", kind: "C", count: 4, own: "x" })).toEqual({
      note: ["Teksten er for lang (høyst 5 tegn)."],
      kind: ["Velg et av alternativene."],
      count: ["Tallet er for stort (høyst 3)."],
    });
  });
  it("a schema's own message still wins", () => {
    expect(messages({}).own).toEqual(["Skriv navnet."]);
    expect(messages({ own: ["a", "b"] }).own).toEqual(["Skriv navnet."]);
  });
});
