// Request body limits, shared by next.config.ts (which enforces them inside Next.js) and proxy.ts
// (which answers an oversized server-action post before Next.js reads it, with a Norwegian
// message instead of a server error).

/** A server action's form post: text fields only (files go to the upload routes). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** What the proxy buffers: a 10 MB PDF in its multipart envelope, with room to spare. */
export const PROXY_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

export const SERVER_ACTION_TOO_LARGE_MESSAGE =
  "Skjemaet var for stort til å sendes (høyst 2 MB), og ingenting ble lagret. Det du skrev, står fortsatt i skjemaet: korte ned teksten og prøv igjen.";

/** A server-action post from another site (or no browser), refused by proxy.ts. */
export const CROSS_SITE_ACTION_MESSAGE =
  "Skjemaet ble sendt fra en annen nettside eller uten nettleser, og ingenting ble lagret. Åpne siden i appen og send det derfra.";
