// CSV files people open in Norwegian Excel: UTF-8 with a byte-order mark (so æøå survive) and
// semicolons between columns (Excel with Norwegian settings uses comma as the decimal mark, and
// expects ";"). Quoting of ; " and line breaks is csv-stringify's job.
//
// Every export goes through csvText, which neutralises every text cell a spreadsheet would run as
// a formula (CSV injection): names, reasons, feedback — anything a person typed can begin with
// "=", "+", "-", "@", a tab or a carriage return. Such a cell is written with a leading apostrophe,
// so it is shown as text and never evaluated. Numbers (the type, not digits in a string) are
// written as they are: our own counts and ranks are never formulas. So no column can be forgotten.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

/** Characters that make Excel, LibreOffice and Google Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as it is safe to write: with a leading apostrophe when it could run as a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return neutraliseCell(value);
}

/** Records (the first is the header row) as the file's text, with the byte-order mark. */
export function csvText(records: readonly (readonly CsvCell[])[]): string {
  const cells = records.map((record) => record.map(cellText));
  return `\uFEFF${stringify(cells, { delimiter: ";", record_delimiter: "\r\n" })}`;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  return csvText([columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => column.value(row)))]);
}

/** A download response for a CSV file. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
