"use client";
// A klage that came by e-mail or post, registered by the adviser: the text as it was sent, the day
// it reached us, and, when that is after the deadline, why it is taken up all the same
// (forvaltningsloven § 31), or, for a student's klage (`dismissal`), why it is avvist instead
// (§ 33 andre ledd; the avvisning goes to the student as a letter). The server decides whether it
// was late (klageRegistration). One form for a student's klage on an enkeltvedtak and an
// applicant's klage on an admission decision.
import { ActionForm, type Action } from "@/components/ui/action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { formatDateNb } from "@/lib/domain/format";

export function RegisterKlageForm({
  action,
  hidden,
  party,
  today,
  klageDeadline,
  dismissal = false,
}: {
  action: Action;
  hidden: Record<string, string>;
  /** Who sent it, as the hints name them. */
  party: "studenten" | "søkeren";
  today: string;
  klageDeadline: string;
  /** Offer to avvise a late klage (a student's: the avvisning is a letter with its own klage right). */
  dismissal?: boolean;
}) {
  const prefix = "klage-";
  // A klage registered before its deadline has run out: the deadline is still ahead (ISO dates).
  const deadline = `Klagefristen ${klageDeadline < today ? "var" : "er"} ${formatDateNb(klageDeadline)}`;
  return (
    <ActionForm action={action} hidden={hidden} fieldIdPrefix={prefix} submitLabel="Registrer klagen" label="Registrer klage">
      {(state) => (
        <>
          <TextAreaField
            id={`${prefix}text`}
            name="text"
            label="Klagen"
            hint={`Skriv inn eller lim inn klagen slik ${party} sendte den. ${party === "studenten" ? "Studenten" : "Søkeren"} får kvittering på e-post${dismissal ? " (eller vedtaket om avvisningen, hvis den avvises)" : ""}.`}
            rows={8}
            required
            defaultValue={state.values?.text ?? ""}
            errors={state.fieldErrors?.text}
          />
          <TextField
            id={`${prefix}receivedOn`}
            name="receivedOn"
            type="date"
            label="Sendt eller kom inn"
            hint="For en e-post: dagen den kom. For et brev: dagen det ble postlagt (poststempelet); et brev postlagt innen fristen er i tide (forvaltningsloven § 30)."
            required
            max={today}
            defaultValue={state.values?.receivedOn ?? today}
            errors={state.fieldErrors?.receivedOn}
          />
          {dismissal ? (
            // Said once, before the two fields it is about: which of them to fill, and when.
            <p className="text-sm">
              {deadline}. Kom klagen senere, skal den enten tas under behandling eller avvises: fyll ut ett av de to feltene nedenfor. Kom den i tide, la
              begge stå tomme.
            </p>
          ) : null}
          <TextAreaField
            id={`${prefix}lateReason`}
            name="lateReason"
            conditional={dismissal}
            label="Hvorfor klagen tas under behandling (bare hvis den kom for sent)"
            hint={`${deadline}. En klage som kom senere, kan tas under behandling hvis ${party} ikke kan lastes for at den kom for sent, eller det av særlige grunner er rimelig; ta da hensyn til om andre kan bli skadelidende (forvaltningsloven § 31). Aldri mer enn ett år etter vedtaket.`}
            defaultValue={state.values?.lateReason ?? ""}
            errors={state.fieldErrors?.lateReason}
          />
          {dismissal ? (
            <TextAreaField
              id={`${prefix}dismissalGrounds`}
              name="dismissalGrounds"
              conditional
              label="Eller: hvorfor klagen avvises (bare hvis den kom for sent)"
              hint="Finner du ikke grunn til å ta en klage som kom for sent under behandling, avvises den (forvaltningsloven § 33 andre ledd). Sier ikke klagen hvorfor den kom sent, spør studenten først. Mer enn ett år etter vedtaket må den avvises. Begrunnelsen står i vedtaket studenten får som brev, og studenten kan klage på det."
              defaultValue={state.values?.dismissalGrounds ?? ""}
              errors={state.fieldErrors?.dismissalGrounds}
            />
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
