"use client";
// The fields of a kull's intake: code, name, places, the application window, the offer answer
// deadline, start and end. Shared by the new-kull form, the copy review and the kull's own page.
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/forms";

export interface IntakeFieldValues {
  code: string;
  name: string;
  capacity: number;
  applicationOpensOn: string;
  applicationDeadline: string;
  offerAnswerDeadline: string;
  startsOn: string;
  endsOn: string;
  waitlistClosesOn: string | null;
}

export function IntakeFields({
  initial,
  values,
  errors,
  locked = {},
  waitlistClosing,
}: {
  initial: Partial<IntakeFieldValues>;
  /** What was sent last (kept after a refusal). */
  values?: Record<string, string>;
  errors: FieldErrors;
  /** Fields that may no longer change, with why (shown as the hint). */
  locked?: Partial<Record<keyof IntakeFieldValues, string>>;
  /** The day the waiting list closes as things stand (the default when none is set): shown once it is locked. */
  waitlistClosing?: string;
}) {
  // A fixed field shows (and sends back) what is stored, never what a refused submit left: the set
  // of fixed fields can grow between two submits (the kull completed meanwhile).
  const value = (name: keyof IntakeFieldValues) =>
    (locked[name] ? undefined : values?.[name]) ?? (initial[name] === undefined || initial[name] === null ? "" : String(initial[name]));
  const field = (name: keyof IntakeFieldValues, label: string, hint?: string) => (
    <TextField
      name={name}
      type="date"
      required
      label={label}
      hint={locked[name] ?? hint}
      readOnly={Boolean(locked[name])}
      defaultValue={value(name)}
      errors={errors[name]}
    />
  );
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="code"
          required
          label="Kode"
          hint={locked.code ?? "H (høst) eller V (vår) og årstallet kullet starter, for eksempel H2027."}
          readOnly={Boolean(locked.code)}
          autoCapitalize="characters"
          defaultValue={value("code")}
          errors={errors.code}
        />
        <TextField name="name" required label="Navn" hint="For eksempel «Kull H2027»." defaultValue={value("name")} errors={errors.name} />
        <TextField
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          required
          label="Studieplasser"
          hint={locked.capacity}
          readOnly={Boolean(locked.capacity)}
          defaultValue={value("capacity")}
          errors={errors.capacity}
        />
      </div>
      <fieldset className="space-y-4">
        <legend className="font-semibold">Opptaket</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("applicationOpensOn", "Opptaket åpner")}
          {field("applicationDeadline", "Søknadsfrist", "Søknader kan sendes til og med denne dagen.")}
          {field("offerAnswerDeadline", "Svarfrist for tilbud")}
        </div>
        {locked.waitlistClosesOn ? (
          <>
            {/* The day as set (empty: the default) goes back unchanged; the field shows the day the list closed. */}
            <input type="hidden" name="waitlistClosesOn" value={value("waitlistClosesOn")} />
            <TextField
              name=""
              id="waitlistClosesOn"
              type="date"
              label="Ventelisten stenger"
              hint={locked.waitlistClosesOn}
              readOnly
              defaultValue={waitlistClosing ?? value("waitlistClosesOn")}
              errors={errors.waitlistClosesOn}
            />
          </>
        ) : (
          <TextField
            name="waitlistClosesOn"
            type="date"
            label="Ventelisten stenger"
            hint="Tomt: første samlingsdag. Fra denne dagen gis ingen plass fra ventelisten, og de som står på den, får avslag."
            defaultValue={value("waitlistClosesOn")}
            errors={errors.waitlistClosesOn}
          />
        )}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-semibold">Kullet</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("startsOn", "Starter", "Normalt første samlingsdag.")}
          {field("endsOn", "Slutter", "Normalt siste eksamensdag.")}
        </div>
      </fieldset>
    </>
  );
}
