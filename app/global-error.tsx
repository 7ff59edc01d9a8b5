"use client";

/** Last resort when even the root layout fails. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="nb">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Noe gikk galt</h1>
        <p>Tjenesten er utilgjengelig akkurat nå. Prøv igjen om litt.</p>
        {error.digest ? <p>Referanse: {error.digest}</p> : null}
        <p>
          {/* A full page load on purpose: the app's own layout is what failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Til forsiden</a>
        </p>
      </body>
    </html>
  );
}
