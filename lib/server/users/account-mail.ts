import "server-only";
// The e-mails about an account, each with its one-time link. Queued in the caller's transaction
// (queueMail); the caller requests `mail.deliver` after the commit. The dedupe key names the
// token row, so a retried transaction never queues a link twice.
import { formatInstantNb } from "@/lib/domain/format";
import { addressBoundKey } from "@/lib/domain/mail-delivery";
import { env } from "@/lib/env";
import type { Transaction } from "@/lib/db/client";
import { queueMail } from "@/lib/server/mail";

const SIGNATURE = "Hilsen studieadministrasjonen, Nasjonal videreutdanning i barnevernledelse, NTNU";
const NOT_YOU = "Har du ikke bedt om dette, kan du se bort fra e-posten. Ingenting endres før lenken brukes.";

/** Where each kind of link leads (pages under app/(public)). */
export const LINK_PATHS = {
  PASSWORD_RESET: "/nytt-passord",
  INVITATION: "/invitasjon",
  EMAIL_VERIFICATION: "/bekreft-epost",
  EMAIL_CHANGE: "/bekreft-ny-epost",
} as const;

export function linkFor(kind: keyof typeof LINK_PATHS, token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}${LINK_PATHS[kind]}/${token}`;
}

interface LinkMail {
  tokenId: string;
  token: string;
  expiresAt: Date;
  userId: string;
  to: string;
  name: string;
}

export async function queuePasswordResetMail(tx: Transaction, mail: LinkMail) {
  await queueMail(tx, {
    dedupeKey: addressBoundKey("account-link", mail.tokenId),
    userId: mail.userId,
    to: mail.to,
    subject: "Nytt passord: lenke for å velge et nytt passord",
    text: [
      `Hei ${mail.name},`,
      "",
      "Noen (forhåpentligvis du) har bedt om å få velge nytt passord for kontoen din i studieadministrasjonen for barnevernledelse.",
      "Bruk lenken under for å velge et nytt passord. Lenken kan brukes én gang og gjelder i 60 minutter,",
      `til ${formatInstantNb(mail.expiresAt)}:`,
      "",
      linkFor("PASSWORD_RESET", mail.token),
      "",
      "Når du har valgt nytt passord, blir du logget ut på alle andre enheter.",
      NOT_YOU,
      "",
      SIGNATURE,
    ].join("\n"),
  });
}

export async function queueVerificationMail(tx: Transaction, mail: LinkMail) {
  await queueMail(tx, {
    dedupeKey: addressBoundKey("account-link", mail.tokenId),
    userId: mail.userId,
    to: mail.to,
    subject: "Bekreft e-postadressen din",
    text: [
      `Hei ${mail.name},`,
      "",
      "Takk for at du har opprettet en søkerkonto for Nasjonal videreutdanning i barnevernledelse.",
      // One line per paragraph: a mail reader wraps it; a break mid-sentence stood as one (a walk).
      `Bekreft at dette er din e-postadresse ved å åpne lenken under. Lenken gjelder til ${formatInstantNb(mail.expiresAt)}.`,
      "",
      linkFor("EMAIL_VERIFICATION", mail.token),
      "",
      "Du kan fylle ut søknaden før du bekrefter, men du kan ikke sende den før adressen er bekreftet.",
      "",
      "Har du ikke opprettet en konto hos oss, kan du se bort fra e-posten.",
      "",
      SIGNATURE,
    ].join("\n"),
  });
}

export async function queueInvitationMail(tx: Transaction, mail: LinkMail & { invitedBy: string; roles: string }) {
  await queueMail(tx, {
    dedupeKey: addressBoundKey("account-link", mail.tokenId),
    userId: mail.userId,
    to: mail.to,
    subject: "Du har fått en konto: velg passordet ditt",
    text: [
      `Hei ${mail.name},`,
      "",
      `${mail.invitedBy} har opprettet en konto til deg i studieadministrasjonen for Nasjonal videreutdanning i barnevernledelse (${mail.roles}).`,
      "Åpne lenken under og velg ditt eget passord. Lenken kan brukes én gang og gjelder i 7 dager,",
      `til ${formatInstantNb(mail.expiresAt)}. Har den gått ut, kan studieveilederen sende en ny.`,
      "",
      linkFor("INVITATION", mail.token),
      "",
      SIGNATURE,
    ].join("\n"),
  });
}

export async function queueEmailChangeMails(tx: Transaction, mail: LinkMail & { oldAddress: string }) {
  await queueMail(tx, {
    dedupeKey: addressBoundKey("account-link", mail.tokenId),
    userId: mail.userId,
    to: mail.to,
    subject: "Bekreft den nye e-postadressen din",
    text: [
      `Hei ${mail.name},`,
      "",
      `Du har bedt om å bruke ${mail.to} i stedet for ${mail.oldAddress} for kontoen din i studieadministrasjonen for barnevernledelse.`,
      `Åpne lenken under for å bekrefte. Adressen endres først da. Lenken gjelder til ${formatInstantNb(mail.expiresAt)}:`,
      "",
      linkFor("EMAIL_CHANGE", mail.token),
      "",
      NOT_YOU,
      "",
      SIGNATURE,
    ].join("\n"),
  });
  await queueMail(tx, {
    dedupeKey: addressBoundKey("email-change-notice", mail.tokenId),
    userId: mail.userId,
    to: mail.oldAddress,
    subject: "Noen har bedt om å endre e-postadressen for kontoen din",
    text: [
      `Hei ${mail.name},`,
      "",
      `Noen har bedt om å endre e-postadressen for kontoen din fra ${mail.oldAddress} til ${mail.to}.`,
      "Endringen skjer først når lenken vi har sendt til den nye adressen, blir brukt.",
      "",
      "Var dette deg, trenger du ikke gjøre noe mer her.",
      "Var det ikke deg, bør du straks logge inn, bytte passord og velge «Logg ut på alle enheter» under Min konto. Da stopper også endringen av adressen.",
      "Kommer du ikke inn, kan du velge «Glemt passord» på innloggingssiden.",
      "",
      SIGNATURE,
    ].join("\n"),
  });
}

/** After the change: the old address is told it no longer receives mail for the account. */
export async function queueEmailChangedNotice(tx: Transaction, mail: { tokenId: string; userId: string; oldAddress: string; newAddress: string; name: string }) {
  await queueMail(tx, {
    dedupeKey: addressBoundKey("email-changed", mail.tokenId),
    userId: mail.userId,
    to: mail.oldAddress,
    subject: "E-postadressen for kontoen din er endret",
    text: [
      `Hei ${mail.name},`,
      "",
      `E-postadressen for kontoen din er nå ${mail.newAddress}. Vi sender ikke flere e-poster om kontoen til ${mail.oldAddress}.`,
      "Var det ikke deg som endret den, kontakt studieveilederen straks.",
      "",
      SIGNATURE,
    ].join("\n"),
  });
}

/** After a new password (reset or change): the owner hears of it, in case it was not them. */
export async function queuePasswordChangedNotice(tx: Transaction, mail: { key: string; userId: string; to: string; name: string; at: Date }) {
  await queueMail(tx, {
    dedupeKey: addressBoundKey("password-changed", mail.key),
    userId: mail.userId,
    to: mail.to,
    subject: "Passordet ditt er endret",
    text: [
      `Hei ${mail.name},`,
      "",
      `Passordet for kontoen din i studieadministrasjonen for barnevernledelse ble endret ${formatInstantNb(mail.at)}.`,
      "Alle andre pålogginger er avsluttet.",
      "Var det ikke deg, velg «Glemt passord» på innloggingssiden straks, og kontakt studieveilederen.",
      "",
      SIGNATURE,
    ].join("\n"),
  });
}
