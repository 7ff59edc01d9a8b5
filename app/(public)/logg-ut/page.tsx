import type { Metadata } from "next";
import { signOutEverywhereHere } from "@/lib/actions/sign-out";

export const metadata: Metadata = { title: "Logg ut" };

/** Where next-auth's own sign-out link lands: a Norwegian confirmation that ends the session. */
export default function SignOutPage() {
  return (
    <section className="card mx-auto max-w-xl">
      <h1>Logg ut</h1>
      <p className="mt-2">Vil du logge ut? Økten avsluttes på serveren, også om noen har kopiert den.</p>
      <form action={signOutEverywhereHere} className="mt-6">
        <button type="submit" className="btn-primary">
          Logg ut
        </button>
      </form>
    </section>
  );
}
