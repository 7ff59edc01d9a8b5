// Errors the data-access layer throws. Their messages are Norwegian: they reach the user.

/** The viewer may not do this (wrong role, or the record is not theirs). */
export class AccessDeniedError extends Error {
  constructor(message = "Du har ikke tilgang til dette.") {
    super(message);
    this.name = "AccessDeniedError";
  }
}

/** No such record, or one the viewer may not know exists (never tell them apart to outsiders). */
export class NotFoundError extends Error {
  constructor(message = "Fant ikke det du ba om.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** A rule says no. `fieldErrors` ties the message to form fields where it belongs to one. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}
