"use client";
// One samling day's attendance on a phone in the lecture room: every student with present /
// absent (native radio buttons: Tab moves between students, the arrow keys choose), "Alle til
// stede" first and then the exceptions, an optional note, and the absence notice the student sent
// beside the name. The whole list is saved in one request. After the day, a save is a correction
// and needs a reason.
import { RecordForm } from "@/components/ui/record-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { useRef, useState, useTransition } from "react";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { ABSENCE_NOTICE_NOTE, exemptionOf, MAX_ATTENDANCE_NOTE, markAllPresent } from "@/lib/domain/attendance-day";
import { FieldMessages } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-status";
import { AbsenceNoticeReason } from "@/components/ui/absence-notice-reason";

type Status = "PRESENT" | "ABSENT";

export interface AttendanceDayStudent {
  enrolmentId: string;
  name: string;
  basisgruppe: string | null;
  mine: boolean;
  status: Status | null;
  note: string | null;
  absenceNotice: { reason: string | null; sentAt: string } | null;
  /** Attended in the student's earlier kull and credited here (a transfer): no need to register. */
  credited?: boolean;
  /** Inside the student's granted leave: never an absence, whatever is registered. */
  onLeave?: boolean;
  /**
   * The viewer's own row (a teacher who is also a student of the kull): shown, not changeable here,
   * and sent as it stands, so the list saves; a colleague registers it (forvaltningsloven § 6).
   */
  self?: boolean;
}

export function AttendanceDayForm({
  cohortId,
  samlingDayId,
  mode,
  dayLabel,
  students,
}: {
  cohortId: string;
  samlingDayId: string;
  mode: "ON_DAY" | "CORRECTION";
  dayLabel: string;
  students: readonly AttendanceDayStudent[];
}) {
  const [state, formAction] = useFormAction(saveDayAttendanceAction);
  const [pending, startTransition] = useTransition();
  const [statuses, setStatuses] = useState<Record<string, Status | undefined>>(() =>
    Object.fromEntries(students.map((student) => [student.enrolmentId, student.status ?? undefined])),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(students.map((student) => [student.enrolmentId, student.note ?? ""])),
  );
  const [announcement, setAnnouncement] = useState("");
  const [exceptions, setExceptions] = useState<readonly string[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};

  const present = students.filter((s) => statuses[s.enrolmentId] === "PRESENT").length;
  const absent = students.filter((s) => statuses[s.enrolmentId] === "ABSENT").length;
  // Not chosen, of those the day needs a registration for: a student on leave (or credited, or
  // oneself) is not «ikke valgt» (a walk counted 3 here and «2 studenter mangler» on the start page).
  const open = students.filter((s) => !statuses[s.enrolmentId] && exemptionOf(s) === null).length;

  // Everyone present, except a student with an absence notice for the day, and not those the day
  // needs no registration for (on leave, credited) (lib/domain/attendance-day.ts).
  function onAllPresent() {
    const result = markAllPresent(
      students.map((student) => ({
        enrolmentId: student.enrolmentId,
        name: student.name,
        absenceNotice: student.absenceNotice,
        note: notes[student.enrolmentId] ?? "",
        exempt: exemptionOf(student),
        status: statuses[student.enrolmentId] ?? null,
      })),
    );
    setStatuses(result.statuses);
    setNotes(result.notes);
    setExceptions([...result.absentWithNotice, ...result.exempt, ...result.own]);
    setAnnouncement(result.announcement);
  }

  // Submitted by hand (not through the form's action prop) so React does not reset the choices.
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // What «Alle til stede» did is said until the list is saved, not beside the saved result (a walk).
    setAnnouncement("");
    setExceptions([]);
    startTransition(() => formAction(data));
  }

  return (
    <RecordForm ref={form} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Oppmøte ${dayLabel}`}>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="samlingDayId" value={samlingDayId} />

      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <button type="button" className="btn-secondary" onClick={onAllPresent}>
          Alle til stede
        </button>
        <p className="text-sm" aria-live="polite">
          <span className="font-semibold">{present}</span> til stede, <span className="font-semibold">{absent}</span> fravær
          {open > 0 ? <>, <span className="font-semibold">{open}</span> ikke valgt</> : null}
          <span className="sr-only">. {announcement}</span>
        </p>
      </div>
      {exceptions.length > 0 ? (
        // Said on the page too, not only to screen readers: the exceptions are what to check. Below
        // the sticky bar, not in it: on a phone it covered half the screen while scrolling the list.
        <p className="rounded border border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-900">{announcement}</p>
      ) : null}

      <ul className="space-y-3">
        {students.map((student, index) => {
          const id = student.enrolmentId;
          const status = statuses[id];
          const explained = student.self || student.credited || student.onLeave;
          const header = index === 0 || students[index - 1]!.basisgruppe !== student.basisgruppe;
          return (
            <li key={id}>
              {header ? (
                <h2 className="mb-2 mt-4 text-base font-semibold text-slate-800">
                  {student.basisgruppe ?? "Uten basisgruppe"}
                  {student.mine ? " (din gruppe)" : ""}
                </h2>
              ) : null}
              <fieldset
                className={`rounded-md border p-3 ${status === "ABSENT" ? "border-red-700 bg-red-50" : status === "PRESENT" ? "border-green-700 bg-green-50" : "border-slate-300 bg-white"}`}
                aria-describedby={[student.absenceNotice ? `notice-${id}` : null, explained ? `own-${id}` : null].filter(Boolean).join(" ") || undefined}
              >
                <legend className="sr-only">{student.name}</legend>
                <p aria-hidden="true" className="font-medium">
                  {student.name}
                </p>
                {explained ? (
                  <p id={`own-${id}`} className="mt-1 rounded border border-slate-400 bg-slate-50 px-2 py-1 text-sm text-slate-900">
                    {student.self
                      ? "Dette er deg: du kan ikke registrere ditt eget oppmøte (forvaltningsloven § 6). En kollega gjør det."
                      : student.credited
                        ? "Godkjent fra tidligere kull: studenten var til stede på samme dag i kullet før, og dagen teller som oppmøte."
                        : "Permisjon: dagen er i studentens permisjonstid og teller ikke som fravær."}
                  </p>
                ) : null}
                {student.self ? (
                  // Sent as it stands, so the list saves with her row unchanged (the save refuses a change).
                  <>
                    {student.status ? <input type="hidden" name={`status:${id}`} value={student.status} /> : null}
                    <input type="hidden" name={`note:${id}`} value={student.note ?? ""} />
                  </>
                ) : null}
                {student.absenceNotice ? (
                  <p id={`notice-${id}`} className="mt-1 rounded border border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-900">
                    <span className="font-semibold">Fraværsmelding:</span> <AbsenceNoticeReason reason={student.absenceNotice.reason} />
                  </p>
                ) : null}
                <div className="mt-2 grid grid-cols-2 gap-2">
                  {(["PRESENT", "ABSENT"] as const).map((value) => (
                    <label
                      key={value}
                      className={`flex min-h-11 items-center gap-2 rounded-md border px-3 py-2 font-medium ${student.self ? "cursor-not-allowed" : "cursor-pointer"} ${
                        student.self
                          ? status === value
                            ? "border-slate-500 bg-slate-100 text-slate-800"
                            : "border-slate-300 bg-slate-100 text-slate-600"
                          : status === value
                            ? value === "PRESENT"
                              ? "border-green-800 bg-green-100 text-green-900"
                              : "border-red-800 bg-red-100 text-red-900"
                            : "border-slate-400 bg-white"
                      }`}
                    >
                      <input
                        type="radio"
                        name={`status:${id}`}
                        value={value}
                        checked={status === value}
                        disabled={student.self}
                        onChange={() => {
                          setStatuses((previous) => ({ ...previous, [id]: value }));
                          // «Fraværsmelding», put there by «Alle til stede», says why she was
                          // absent: it goes when she is set present (a note written by hand stays).
                          if (value === "PRESENT" && notes[id] === ABSENCE_NOTICE_NOTE) setNotes((previous) => ({ ...previous, [id]: "" }));
                        }}
                        className="size-5 shrink-0 accent-brand-600"
                      />
                      <span aria-hidden="true">{value === "PRESENT" ? "✓" : "✗"}</span>
                      {value === "PRESENT" ? "Til stede" : "Fravær"}
                    </label>
                  ))}
                </div>
                {student.self ? (
                  student.note ? <p className="mt-2 text-sm">Merknad: {student.note}</p> : null
                ) : (
                  <details className="mt-2" open={Boolean(notes[id]) || Boolean(errors[`note:${id}`])}>
                    <summary className="min-h-6 cursor-pointer py-1 text-sm font-medium text-brand-700">
                      {notes[id] ? "Merknad" : "Legg til merknad"}
                    </summary>
                    <label htmlFor={`note-${id}`} className="mt-1 block text-sm font-medium">
                      Merknad om {student.name} <span className="font-normal text-slate-600">(valgfritt)</span>
                    </label>
                    <input
                      id={`note-${id}`}
                      name={`note:${id}`}
                      value={notes[id] ?? ""}
                      onChange={(event) => {
                        const value = event.target.value;
                        setNotes((previous) => ({ ...previous, [id]: value }));
                      }}
                      maxLength={MAX_ATTENDANCE_NOTE}
                      placeholder="For eksempel: kom kl. 11"
                      className="input mt-1 min-h-10 py-1 text-sm"
                      aria-invalid={errors[`note:${id}`] ? true : undefined}
                      aria-describedby={errors[`note:${id}`] ? `note-${id}-error` : undefined}
                    />
                    <FieldMessages id={`note-${id}`} errors={errors[`note:${id}`]} />
                  </details>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>

      {mode === "CORRECTION" ? (
        <div>
          <label htmlFor="reason" className="block font-medium">
            Begrunnelse for rettingen
          </label>
          <p id="reason-hint" className="mt-1 text-sm text-slate-600">
            Dagen er over. Det du endrer nå, påvirker studentenes oppmøte i ettertid og logges med navnet ditt og begrunnelsen. En student som får
            endret oppmøtet, får e-post med begrunnelsen.
          </p>
          <textarea
            // Emptied by a saved correction (a new element), so the next one is not logged with this
            // one's reason (a walk); a refused save keeps what was typed.
            key={state.ok && state.at ? `saved-${state.at}` : "reason"}
            id="reason"
            name="reason"
            rows={3}
            required
            className="input mt-1"
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={["reason-hint", errors.reason ? "reason-error" : null].filter(Boolean).join(" ")}
            defaultValue={state.values?.reason}
          />
          <FieldMessages id="reason" errors={errors.reason} />
        </div>
      ) : null}

      <FormMessage state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
          {pending ? "Lagrer …" : mode === "CORRECTION" ? "Lagre rettingen" : "Lagre oppmøtet"}
        </button>
        {open > 0 ? <p className="text-sm text-slate-700">{open} uten valg lagres ikke.</p> : null}
      </div>
    </RecordForm>
  );
}
