// CSV files people open in Norwegian Excel: UTF-8 with a byte-order mark (so æøå survive) and
// semicolons between columns (Excel with Norwegian settings uses comma as the decimal mark, and
// expects ";"). Quoting of ; " and line breaks is csv-stringify's job.
import { stringify } from "csv-stringify/sync";

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const records = rows.map((row) => columns.map((column) => {
    const value = column.value(row);
    return value === null || value === undefined ? "" : String(value);
  }));
  return `\uFEFF${stringify([columns.map((column) => column.header), ...records], { delimiter: ";", record_delimiter: "\r\n" })}`;
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
