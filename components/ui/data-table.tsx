// THE table of this app, used by every page that lists rows (one pattern, so a fix lands
// everywhere; never a hand-written <table> or an overflow-x-auto wrapper). From a breakpoint up
// (`stackBelow`, `sm` by default) it is an ordinary table. Below it, on phones, every row becomes
// a card: the column headers are hidden and each cell shows its header as a label, so nothing
// sits off-screen, nothing scrolls sideways (WCAG 1.4.10) and no column is squeezed until words
// break mid-word (the page's overflow-wrap is break-word, which never shrinks a column below its
// longest word; give e-mail addresses and file names `wrap-anywhere` in their cell). Choose
// `stackBelow="md"` or `"lg"` for a table whose columns need more room than a small tablet has.
// Explicit ARIA roles keep the table semantics for screen readers when the CSS makes the table
// elements blocks (browsers drop them otherwise); the phone labels are aria-hidden because the
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
  /** Numbers: right-aligned in the table layout. */
  numeric?: boolean;
  /** Hide the phone label (a column of buttons, or a title that needs none). */
  hideLabelOnPhone?: boolean;
  className?: string;
}

/**
 * The class names of each breakpoint written out, so Tailwind sees every one of them. Rows, cells
 * and phone labels use the dt-* utilities of app/globals.css (one short class instead of a dozen
 * on every cell).
 */
const STACK = {
  sm: {
    table: "max-sm:block",
    caption: "max-sm:block",
    thead: "max-sm:sr-only",
    tbody: "max-sm:block max-sm:space-y-3",
    row: "dt-row-sm",
    cell: "dt-cell-sm",
    rowHeader: "font-medium max-sm:text-base",
    label: "dt-label-sm",
    numeric: "sm:text-right sm:tabular-nums",
  },
  md: {
    table: "max-md:block",
    caption: "max-md:block",
    thead: "max-md:sr-only",
    tbody: "max-md:block max-md:space-y-3",
    row: "dt-row-md",
    cell: "dt-cell-md",
    rowHeader: "font-medium max-md:text-base",
    label: "dt-label-md",
    numeric: "md:text-right md:tabular-nums",
  },
  lg: {
    table: "max-lg:block",
    caption: "max-lg:block",
    thead: "max-lg:sr-only",
    tbody: "max-lg:block max-lg:space-y-3",
    row: "dt-row-lg",
    cell: "dt-cell-lg",
    rowHeader: "font-medium max-lg:text-base",
    label: "dt-label-lg",
    numeric: "lg:text-right lg:tabular-nums",
  },
} as const;

/** Class names joined without the empty ones. */
function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty = "Ingen rader å vise.",
  rowClassName,
  stackBelow = "sm",
}: {
  /** What the table lists; read by screen readers, visible when captionVisible. */
  caption: string;
  captionVisible?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
  /** Below this breakpoint every row is a card. */
  stackBelow?: keyof typeof STACK;
}) {
  if (rows.length === 0) {
    return (
      <div>
        {captionVisible ? <p className="font-medium">{caption}</p> : null}
        <p className={captionVisible ? "mt-2 text-slate-700" : "text-slate-700"}>{empty}</p>
      </div>
    );
  }
  const stack = STACK[stackBelow];
  return (
    <table role="table" className={`data-table w-full text-left text-sm ${stack.table}`}>
      {/* On a phone the table is a block, and a caption left as a caption is laid out as a table
          of its own, as narrow as its longest word: stack.caption makes it a block of full width. */}
      <caption className={captionVisible ? classes("mb-2 text-left font-medium", stack.caption) : "sr-only"}>{caption}</caption>
      <thead role="rowgroup" className={stack.thead}>
        <tr role="row" className="border-b border-slate-300">
          {columns.map((column) => (
            <th
              key={column.key}
              role="columnheader"
              scope="col"
              className={classes("py-2 pr-4 align-bottom font-semibold last:pr-0", column.numeric && stack.numeric)}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className={stack.tbody}>
        {rows.map((row) => (
          <tr key={rowKey(row)} role="row" className={classes(stack.row, rowClassName?.(row))}>
            {columns.map((column) => {
              const label = column.label ?? (typeof column.header === "string" ? column.header : null);
              const content = (
                <>
                  {label && !column.hideLabelOnPhone && !column.rowHeader ? (
                    <span aria-hidden="true" className={stack.label}>
                      {label}
                    </span>
                  ) : null}
                  {column.cell(row)}
                </>
              );
              const cellClasses = classes(stack.cell, column.numeric && stack.numeric, column.className);
              return column.rowHeader ? (
                <th key={column.key} role="rowheader" scope="row" className={classes(cellClasses, stack.rowHeader)}>
                  {content}
                </th>
              ) : (
                <td key={column.key} role="cell" className={cellClasses}>
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
