// CSV files people open in Norwegian Excel: UTF-8 with a byte-order mark (so æøå survive) and
// semicolons between columns (Excel with Norwegian settings uses comma as the decimal mark, and
// expects ";"). Quoting of ; " and line breaks is csv-stringify's job.
import { stringify } from "csv-stringify/sync";

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

/** Records (the first is the header row) as the file's text, with the byte-order mark. */
export function csvText(records: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cells = records.map((record) => record.map((value) => (value === null || value === undefined ? "" : String(value))));
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
