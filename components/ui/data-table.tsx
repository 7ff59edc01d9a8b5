// THE table of this app, used by every page that lists rows (one pattern, so a fix lands
// everywhere). From the `sm` breakpoint up it is an ordinary table. Below it, on phones, every row
// becomes a card: the column headers are hidden and each cell shows its header as a label, so
// nothing sits off-screen and no column is squeezed until words break mid-word (WCAG 1.4.10).
// Explicit ARIA roles keep the table semantics for screen readers when the CSS makes the table
// elements blocks (browsers drop them otherwise), and the labels are aria-hidden because the
// header association already names each cell.
/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role --
   The roles are deliberate: CSS display:block on table elements drops their implicit roles. */
import type { ReactNode } from "react";

export interface Column<Row> {
  /** Stable key of the column. */
  key: string;
  header: ReactNode;
  /** The header as plain words, for the phone label when `header` is not a string. */
  label?: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (a th with scope="row"); shown as the card's title on phones. */
  rowHeader?: boolean;
  /** Numbers: right-aligned from sm up. */
  numeric?: boolean;
  /** Hide the phone label (a column of buttons, or a title that needs none). */
  hideLabelOnPhone?: boolean;
  className?: string;
}

export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty = "Ingen rader å vise.",
  rowClassName,
}: {
  /** What the table lists; read by screen readers, visible when captionVisible. */
  caption: string;
  captionVisible?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
}) {
  if (rows.length === 0) {
    return (
      <div>
        {captionVisible ? <p className="font-medium">{caption}</p> : null}
        <p className="mt-2 text-slate-700">{empty}</p>
      </div>
    );
  }
  return (
    <table role="table" className="data-table w-full text-left text-sm">
      <caption className={captionVisible ? "mb-2 text-left font-medium" : "sr-only"}>{caption}</caption>
      <thead role="rowgroup" className="max-sm:sr-only">
        <tr role="row" className="border-b border-slate-300">
          {columns.map((column) => (
            <th
              key={column.key}
              role="columnheader"
              scope="col"
              className={`py-2 pr-4 align-bottom font-semibold last:pr-0 ${column.numeric ? "sm:text-right" : ""}`}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className="max-sm:block max-sm:space-y-3">
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            role="row"
            className={`border-b border-slate-100 align-top max-sm:block max-sm:rounded-md max-sm:border max-sm:border-slate-300 max-sm:p-3 ${rowClassName?.(row) ?? ""}`}
          >
            {columns.map((column) => {
              const label = column.label ?? (typeof column.header === "string" ? column.header : null);
              const content = (
                <>
                  {label && !column.hideLabelOnPhone && !column.rowHeader ? (
                    <span aria-hidden="true" className="block text-xs font-semibold uppercase tracking-wide text-slate-700 sm:hidden">
                      {label}
                    </span>
                  ) : null}
                  {column.cell(row)}
                </>
              );
              const classes = `py-2 pr-4 last:pr-0 max-sm:block max-sm:py-1 max-sm:pr-0 ${column.numeric ? "sm:text-right sm:tabular-nums" : ""} ${column.className ?? ""}`;
              return column.rowHeader ? (
                <th key={column.key} role="rowheader" scope="row" className={`${classes} font-medium max-sm:text-base`}>
                  {content}
                </th>
              ) : (
                <td key={column.key} role="cell" className={classes}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
