// The words next to every new-password field (client components import this; it must not import
// the common-password list, which stays on the server). The rule itself: lib/domain/password-policy.ts.

/** The short hint shown next to every new-password field. */
export const PASSWORD_HINT =
  "Minst 10 tegn. Lengde gjør passordet sterkt, ikke spesialtegn: bruk gjerne tre–fire ord eller en setning du husker.";

/** Why the rules are as they are (shown under "Hvorfor disse reglene?"). */
export const PASSWORD_RULES_EXPLAINED = [
  "Vi følger anbefalingene for passord fra det amerikanske standardiseringsinstituttet NIST (SP 800-63B).",
  "Det viktigste er lengden: et passord på minst 10 tegn, gjerne flere ord etter hverandre, er mye vanskeligere å gjette enn et kort passord med tall og tegn.",
  "Vi krever derfor ikke store bokstaver, tall eller spesialtegn. Slike krav gir ofte passord som «Sommer2024!», som er blant de første en angriper prøver.",
  "Vi avviser passord som står på en liste over vanlige og lekkede passord (for eksempel «passord123»), og passord som bare er e-postadressen din eller navnet på tjenesten.",
  "Du må ikke bytte passord med jevne mellomrom. Bytt det hvis du tror noen andre kan kjenne det.",
] as const;
