import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { CreateUserForm } from "@/components/forms/create-user-form";
import { RenewInvitationButton } from "@/components/forms/renew-invitation-button";
import { UserAccessButton } from "@/components/forms/user-access-button";
import { StatusBadge } from "@/components/status-badge";
import { canDisableUser, canGrantRoles, ROLE_LABELS } from "@/lib/permissions";
import { listUsers } from "@/lib/server/users/manage-users";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Brukere" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/brukere");
  const { q } = await searchParams;
  const users = await listUsers(viewer, { query: q });
  return (
    <>
      <PageHeader
        title="Brukere"
        lead="Opprett kontoer for studenter og ansatte (de får en invitasjon på e-post og velger passordet selv), og deaktiver kontoer som ikke skal brukes lenger. Søkere oppretter kontoen sin selv."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section className="card" aria-labelledby="liste-heading">
          <h2 id="liste-heading">Alle brukere</h2>
          <form role="search" className="mt-4 flex flex-wrap items-end gap-3" action="/veileder/brukere">
            <div className="grow">
              <label htmlFor="q" className="block font-medium">Søk på navn eller e-post</label>
              <input id="q" name="q" type="search" defaultValue={q} className="input mt-1" />
            </div>
            <button type="submit" className="btn-secondary">Søk</button>
          </form>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <caption className="sr-only">Brukere</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">Navn</th>
                  <th scope="col" className="py-2 pr-4">Roller</th>
                  <th scope="col" className="py-2 pr-4">Status</th>
                  <th scope="col" className="py-2"><span className="sr-only">Handling</span></th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {user.name}
                      <span className="block font-normal text-slate-700">{user.email}</span>
                    </th>
                    <td className="py-2 pr-4">{user.roles.map((role) => ROLE_LABELS[role]).join(", ")}</td>
                    <td className="py-2 pr-4">
                      {user.disabledAt ? (
                        <StatusBadge tone="bad">Deaktivert</StatusBadge>
                      ) : user.invitation ? (
                        <StatusBadge tone="wait">{user.invitation.expired ? "Invitasjonen er utløpt" : "Invitert, har ikke valgt passord"}</StatusBadge>
                      ) : (
                        <StatusBadge tone="good">Aktiv</StatusBadge>
                      )}
                    </td>
                    <td className="py-2 text-right">
                      {user.invitation && !user.disabledAt && canGrantRoles(viewer, user.roles) ? (
                        <RenewInvitationButton userId={user.id} name={user.name} />
                      ) : null}
                      {canDisableUser(viewer, user) ? (
                        <UserAccessButton userId={user.id} name={user.name} disabled={Boolean(user.disabledAt)} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card" aria-labelledby="ny-heading">
          <h2 id="ny-heading">Ny bruker</h2>
          <div className="mt-4">
            <CreateUserForm canGrantAdmin={viewer.roles.includes("ADMIN")} />
          </div>
        </section>
      </div>
    </>
  );
}
