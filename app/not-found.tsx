import Link from "next/link";

export default function NotFound() {
  return (
    <section className="card mx-auto max-w-xl">
      <h1>Fant ikke siden</h1>
      <p className="mt-4 text-slate-700">Siden finnes ikke, eller du har ikke tilgang til den.</p>
      <p className="mt-6">
        <Link href="/" className="btn-primary">
          Til forsiden
        </Link>
      </p>
    </section>
  );
}
