import { describe, expect, it } from "vitest";
import {
  FEIDE_CANCELLED_MESSAGE,
  FEIDE_FAILED_MESSAGE,
  FEIDE_NOT_LINKED_MESSAGE,
  SIGN_IN_INTERRUPTED_MESSAGE,
  SIGN_IN_REFUSED_MESSAGE,
  signInErrorMessage,
  WRONG_PASSWORD_MESSAGE,
} from "@/lib/server/auth/sign-in-errors";

describe("signInErrorMessage", () => {
  it("says nothing when the sign-in page was opened plainly", () => {
    expect(signInErrorMessage({})).toBeNull();
    expect(signInErrorMessage({ error: "" })).toBeNull();
  });

  it("names each way a sign-in can come back, in Norwegian", () => {
    expect(signInErrorMessage({ feil: "feide" })).toBe(FEIDE_NOT_LINKED_MESSAGE);
    expect(signInErrorMessage({ error: "OAuthCallbackError" })).toBe(FEIDE_CANCELLED_MESSAGE);
    expect(signInErrorMessage({ error: "AccessDenied" })).toBe(SIGN_IN_REFUSED_MESSAGE);
    expect(signInErrorMessage({ error: "MissingCSRF" })).toBe(SIGN_IN_INTERRUPTED_MESSAGE);
    expect(signInErrorMessage({ error: "CredentialsSignin" })).toBe(WRONG_PASSWORD_MESSAGE);
    expect(signInErrorMessage({ error: "Configuration" })).toBe(FEIDE_FAILED_MESSAGE);
  });

  it("never repeats what the address said: anything unknown gets the general message", () => {
    for (const error of ["Verification", "<script>alert(1)</script>", "x".repeat(5000), "Default"]) {
      expect(signInErrorMessage({ error })).toBe(FEIDE_FAILED_MESSAGE);
    }
  });
});
