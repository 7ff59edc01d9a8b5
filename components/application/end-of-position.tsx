"use client";
// Whether a position has ended: "still employed" comes first and is never ticked for the
// applicant; while it is ticked the end date is switched off (a disabled field is not sent, and
// the server ignores an end date for a position still held in any case, as without JavaScript).
import { useState } from "react";
import { CheckboxField, TextField } from "@/components/ui/field";

export function EndOfPosition({
  ongoing,
  endDate,
  errors,
}: {
  ongoing: boolean;
  endDate: string;
  errors?: string[];
}) {
  const [stillEmployed, setStillEmployed] = useState(ongoing);
  return (
    <div className="space-y-4">
      <CheckboxField
        name="ongoing"
        label="Jeg er fortsatt ansatt i denne stillingen"
        defaultChecked={ongoing}
        onChange={(event) => setStillEmployed(event.currentTarget.checked)}
      />
      <TextField
        name="endDate"
        label="Sluttdato"
        type="date"
        hint={stillEmployed ? "Du er fortsatt ansatt, så stillingen har ingen sluttdato." : "Datoen du sluttet. Er du fortsatt ansatt, kryss av for det ovenfor."}
        required
        disabled={stillEmployed}
        defaultValue={endDate}
        errors={stillEmployed ? undefined : errors}
      />
    </div>
  );
}
