// What the sign-in page says when a sign-in came back without a session. Feide (OpenID Connect)
// ends on /login in one of two ways: our own refusal (`?feil=feide`: no account here, or it is
// disabled) or next-auth's (`?error=<type>`, the error page is /login). next-auth passes only a
// few types through as they are (AccessDenied, OAuthCallbackError, MissingCSRF …) and calls every
// other failure "Configuration": a wrong issuer, a replayed or forged state, a missing PKCE
// verifier, an expired flow. The page never shows the raw value. Pure, so tests check the words.

export const FEIDE_NOT_LINKED_MESSAGE = "Feide-kontoen din er ikke knyttet til en bruker her. Kontakt studieveilederen.";
export const FEIDE_CANCELLED_MESSAGE =
  "Innloggingen med Feide ble avbrutt, eller Feide ga ikke tilgang. Du er ikke logget inn. Prøv igjen, eller logg inn med e-post og passord.";
export const SIGN_IN_REFUSED_MESSAGE = "Du fikk ikke logge inn. Kontakt studieveilederen hvis du mener dette er feil.";
export const WRONG_PASSWORD_MESSAGE = "Feil e-postadresse eller passord.";
export const SIGN_IN_INTERRUPTED_MESSAGE = "Innloggingen ble avbrutt. Last inn siden på nytt og prøv igjen.";
export const FEIDE_FAILED_MESSAGE =
  "Innloggingen med Feide kunne ikke fullføres: lenken var allerede brukt eller for gammel, eller svaret kom ikke fra Feide. Du er ikke logget inn. Prøv igjen.";

/** The Norwegian message for the sign-in page's query, or null when there is nothing to say. */
export function signInErrorMessage(params: { feil?: string; error?: string }): string | null {
  if (params.feil === "feide") return FEIDE_NOT_LINKED_MESSAGE;
  switch (params.error) {
    case undefined:
    case "":
      return null;
    case "OAuthCallbackError":
      return FEIDE_CANCELLED_MESSAGE;
    case "AccessDenied":
      return SIGN_IN_REFUSED_MESSAGE;
    case "CredentialsSignin":
      return WRONG_PASSWORD_MESSAGE;
    case "MissingCSRF":
      return SIGN_IN_INTERRUPTED_MESSAGE;
    default:
      return FEIDE_FAILED_MESSAGE;
  }
}
