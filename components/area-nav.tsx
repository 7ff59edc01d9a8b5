/** The menu of one area: a client component, since it marks the page it is on. */
export { AreaNav, type AreaNavLink } from "@/components/area-menu";

export function PageHeader({ title, lead, children }: { title: string; lead?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1>{title}</h1>
        {lead ? <p className="mt-2 max-w-3xl text-slate-700">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}
