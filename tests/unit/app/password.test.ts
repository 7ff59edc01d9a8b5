import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("riktig hest batteri");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("riktig hest batteri", hash)).toBe(true);
    expect(await verifyPassword("riktig hest batterI", hash)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("samme")).not.toBe(await hashPassword("samme"));
  });

  it("treats composed and decomposed Norwegian letters alike", async () => {
    const hash = await hashPassword("blåbærsyltetøy");
    expect(await verifyPassword("bla\u030abærsyltetøy", hash)).toBe(true);
  });

  it("refuses malformed stored hashes", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$abc")).toBe(false);
  });
});
