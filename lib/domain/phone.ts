/**
 * Whether a phone number as typed can be a phone number, and if not, exactly what is wrong.
 * Norwegian numbers have eight digits ("912 34 567"); numbers from abroad start with + or 00 and
 * the country code. Spaces, and the hyphens and dots people group digits with, are allowed.
 */

/** E.164: at most 15 digits after the country prefix. */
const MAX_DIGITS = 15;
const NORWEGIAN_DIGITS = 8;

/** A Norwegian message saying what is wrong with the number, or null when it can be one. */
export function phoneNumberProblem(value: string): string | null {
  const text = value.trim();
  const invalid = text.replace(/^\+/, "").replace(/[0-9 .\-]/g, "");
  if (invalid !== "") {
    const shown = [...new Set(invalid)].map((character) => `«${character}»`).join(", ");
    return `Telefonnummeret kan bare ha sifre, mellomrom og + foran landskoden. Fjern ${shown}.`;
  }
  const digits = text.replace(/\D/g, "");
  const international = text.startsWith("+") || digits.startsWith("00");
  const significant = digits.startsWith("00") ? digits.slice(2) : digits;
  if (!international && significant.length < NORWEGIAN_DIGITS) {
    return `Telefonnummeret har ${significant.length} sifre. Et norsk nummer har ${NORWEGIAN_DIGITS} sifre, for eksempel 912 34 567.`;
  }
  if (!international && significant.length > NORWEGIAN_DIGITS) {
    return `Telefonnummeret har ${significant.length} sifre. Et norsk nummer har ${NORWEGIAN_DIGITS}; et utenlandsk nummer starter med + og landskoden, for eksempel +46 70 123 45 67.`;
  }
  if (international && significant.length < NORWEGIAN_DIGITS) {
    return `Telefonnummeret har for få sifre (${significant.length}) etter +. Skriv landskoden og hele nummeret, for eksempel +47 912 34 567.`;
  }
  if (international && significant.length > MAX_DIGITS) {
    return `Telefonnummeret har for mange sifre (${significant.length}). Et telefonnummer har høyst ${MAX_DIGITS} sifre med landskoden.`;
  }
  return null;
}
