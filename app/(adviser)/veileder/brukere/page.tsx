import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { CreateUserForm } from "@/components/forms/create-user-form";
import { RenewInvitationButton } from "@/components/forms/renew-invitation-button";
import { UserAccessButton } from "@/components/forms/user-access-button";
import { StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { canDisableUser, canGrantRoles, ROLE_LABELS } from "@/lib/permissions";
import { Pager } from "@/components/ui/pager";
import { countNoun } from "@/lib/domain/format";
import { listUsers, USERS_PAGE_SIZE } from "@/lib/server/users/manage-users";
import { parsePageNumber } from "@/lib/validation/paging";
import { searchText } from "@/lib/validation/search";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Brukere" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; side?: string }> }) {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/brukere");
  const params = await searchParams;
  const q = searchText(params.q) || undefined;
  const list = await listUsers(viewer, { query: q, page: parsePageNumber(params.side) });
  const pageHref = (page: number) => `/veileder/brukere?${new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { side: String(page) } : {}) }).toString()}`;
  const first = (list.page - 1) * USERS_PAGE_SIZE + 1;
  const columns: Column<(typeof list.users)[number]>[] = [
    {
      key: "navn",
      header: "Navn",
      rowHeader: true,
      cell: (user) => (
        <>
          {user.name}
          <span className="block font-normal text-slate-700 wrap-anywhere">{user.email}</span>
        </>
      ),
    },
    { key: "roller", header: "Roller", cell: (user) => user.roles.map((role) => ROLE_LABELS[role]).join(", ") },
    {
      key: "status",
      header: "Status",
      cell: (user) =>
        user.disabledAt ? (
          <StatusBadge tone="bad">Deaktivert</StatusBadge>
        ) : user.invitation ? (
          <StatusBadge tone="wait">{user.invitation.expired ? "Invitasjonen er utløpt" : "Invitert, har ikke valgt passord"}</StatusBadge>
        ) : (
          <StatusBadge tone="good">Aktiv</StatusBadge>
        ),
    },
    {
      key: "handling",
      header: <span className="sr-only">Handling</span>,
      hideLabelOnPhone: true,
      className: "sm:text-right",
      cell: (user) => (
        <div className="flex flex-wrap gap-2 sm:justify-end">
          {user.invitation && !user.disabledAt && canGrantRoles(viewer, user.roles) ? <RenewInvitationButton userId={user.id} name={user.name} /> : null}
          {canDisableUser(viewer, user) ? <UserAccessButton userId={user.id} name={user.name} disabled={Boolean(user.disabledAt)} /> : null}
        </div>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Brukere"
        lead="Opprett kontoer for studenter og ansatte (de får en invitasjon på e-post og velger passordet selv), og deaktiver kontoer som ikke skal brukes lenger. Søkere oppretter kontoen sin selv."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section className="card min-w-0" aria-labelledby="liste-heading">
          <h2 id="liste-heading">Alle brukere</h2>
          <form role="search" className="mt-4 flex flex-wrap items-end gap-3" action="/veileder/brukere">
            <div className="grow">
              <label htmlFor="q" className="block font-medium">Søk på navn eller e-post</label>
              <input id="q" name="q" type="search" defaultValue={q} className="input mt-1" />
            </div>
            <button type="submit" className="btn-secondary">Søk</button>
          </form>
          {list.total > 0 ? (
            <p className="mt-4">
              {list.pages > 1
                ? `${first}–${first + list.users.length - 1} av ${list.total} brukere${q ? ` som passer med «${q}»` : ""}, etter navn.`
                : `${countNoun(list.total, "bruker", "brukere")}${q ? ` som passer med «${q}»` : ""}.`}
            </p>
          ) : null}
          <div className="mt-4">
            <DataTable
              caption="Brukere"
              columns={columns}
              rows={list.users}
              rowKey={(user) => user.id}
              empty={q ? `Ingen brukere passer med «${q}».` : "Ingen brukere ennå."}
            />
          </div>
          <Pager page={list.page} pages={list.pages} href={pageHref} />
        </section>
        <section className="card min-w-0" aria-labelledby="ny-heading">
          <h2 id="ny-heading">Ny bruker</h2>
          <div className="mt-4">
            <CreateUserForm canGrantAdmin={viewer.roles.includes("ADMIN")} />
          </div>
        </section>
      </div>
    </>
  );
}
