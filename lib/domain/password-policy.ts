// What a new password must be, after NIST SP 800-63B (section 3.1.1.2, "Password Verifiers"):
// length is what makes a password strong, so it must be at least 10 characters (and may be long:
// up to 200, spaces and any character allowed); there are NO composition rules ("a digit, a capital
// and a symbol" only leads to "Sommer2024!"); and a password that is on a list of common or leaked
// passwords, or made of the service's name or the person's own e-mail address, is refused. No
// forced periodic changes either: a password is changed when there is a reason.
import { COMMON_PASSWORDS } from "@/lib/data/common-passwords";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS);

/** Words of this service that make a password easy to guess for anyone who knows where it is used. */
const SERVICE_WORDS = ["barnevernledelse", "barnevernledelsen", "ntnu", "studieadministrasjon"];

/** Case- and width-insensitive form for comparisons (NFKC, as the password hash uses). */
function comparable(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * A Norwegian message saying why `password` cannot be used, or null when it may. `context` holds
 * what is known about the person (their e-mail address), so the address itself is refused.
 */
export function passwordProblem(password: string, context: { email?: string | null } = {}): string | null {
  const length = [...password.normalize("NFKC")].length;
  if (length < MIN_PASSWORD_LENGTH) return `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (length > MAX_PASSWORD_LENGTH) return `Passordet kan ha høyst ${MAX_PASSWORD_LENGTH} tegn.`;
  const candidate = comparable(password);
  const trimmed = candidate.trim();
  if (COMMON.has(candidate) || COMMON.has(trimmed)) {
    return "Dette passordet er blant de mest brukte og blir gjettet først. Velg et annet, gjerne noen ord du husker.";
  }
  if (new Set(trimmed).size === 1) return "Passordet kan ikke bestå av ett tegn gjentatt. Velg et annet.";
  // The e-mail address, its local part or the service's name, give or take case, punctuation and
  // digits before or after ("Kari.Nordmann2024" for kari.nordmann@kommune.no).
  const email = context.email ? comparable(context.email.trim()) : "";
  const guessable = [email, email.split("@")[0] ?? "", ...SERVICE_WORDS].map(lettersAndDigits).filter((word) => word.length >= 4);
  const core = lettersAndDigits(trimmed).replace(/^\d+|\d+$/g, "");
  if (guessable.includes(lettersAndDigits(trimmed)) || guessable.includes(core)) {
    return "Passordet kan ikke være e-postadressen din eller navnet på tjenesten. Velg noe andre ikke kan gjette.";
  }
  return null;
}

function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, "");
}
