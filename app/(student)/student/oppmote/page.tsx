import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { AbsenceNoticeForm } from "@/components/student/absence-notice-form";
import { AttendanceBar } from "@/components/student/attendance-bar";
import { DayState } from "@/components/student/day-state";
import { ActionButton } from "@/components/ui/action-button";
import { ButtonContext } from "@/components/ui/button-context";
import { DoneMessage } from "@/components/ui/done-message";
import { FocusHashTarget } from "@/components/ui/focus-hash-target";
import { DataTable, type Column } from "@/components/ui/data-table";
import { AbsenceNoticeReason } from "@/components/ui/absence-notice-reason";
import { sendAbsenceNoticeAction, withdrawAbsenceNoticeAction } from "@/lib/actions/student";
import { ABSENCE_NOTICE_DAYS_AFTER, MAX_ABSENCE_REASON_LENGTH } from "@/lib/domain/absence-notice";
import { datePartsOf, isIsoDate } from "@/lib/domain/dates";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { formatDateSpanNb, formatDayNb } from "@/lib/domain/schedule";
import type { StudentOverview } from "@/lib/server/students/overview";
import { parseRecordId } from "@/lib/validation/ids";
import { loadStudent } from "../load";

export const metadata: Metadata = { title: "Oppmøte" };

type Day = StudentOverview["samlinger"][number]["days"][number];

export default async function AttendancePage({
  searchParams,
}: {
  searchParams: Promise<{ dag?: string | string[]; trukket?: string | string[]; melding?: string | string[] }>;
}) {
  const { enrolments } = await loadStudent("/student/oppmote");
  const query = await searchParams;
  const chosen = parseRecordId(query.dag) ?? undefined;
  const withdrawn = typeof query.trukket === "string" && isIsoDate(query.trukket) ? query.trukket : null;
  // After a withdrawal the notice form starts afresh: its «… er sendt» from before would stand
  // beside «… er trukket tilbake».
  const formKey = (withdrawn && parseRecordId(query.melding)) ?? "skjema";
  return (
    <>
      <PageHeader
        title="Oppmøte"
        lead="Kravet gjelder alle samlingsdagene i kullet. Meld fra hvis du blir borte: faglærerne ser meldingen, men den endrer ikke oppmøtet."
      />
      {/* Keyed by the notice: a second withdrawal's message is a new one, and takes the focus again. */}
      {withdrawn ? <DoneMessage key={formKey}>Fraværsmeldingen for {formatDateNb(withdrawn)} er trukket tilbake.</DoneMessage> : null}
      {enrolments.length === 0 ? <p className="card">Du er ikke registrert i noe kull ennå.</p> : null}
      <div className="space-y-10">
        {enrolments.map((enrolment, index) => (
          <EnrolmentAttendance
            key={enrolment.enrolmentId}
            enrolment={enrolment}
            chosen={chosen}
            formKey={formKey}
            anchors={index === 0}
            showCohort={enrolments.length > 1}
          />
        ))}
      </div>
    </>
  );
}

function EnrolmentAttendance({
  enrolment,
  chosen,
  formKey,
  anchors,
  showCohort,
}: {
  enrolment: StudentOverview;
  chosen: string | undefined;
  formKey: string;
  anchors: boolean;
  showCohort: boolean;
}) {
  const { attendance, eligibility, today } = enrolment;
  const year = datePartsOf(today).year;
  const id = enrolment.enrolmentId;
  const allDays = enrolment.samlinger.flatMap((samling) => samling.days.map((day) => ({ ...day, samling: samling.title })));
  const unregistered = allDays.filter((day) => day.state === "UNREGISTERED").length;
  const sendable = allDays.filter((day) => day.canSendNotice);
  const active = enrolment.status === "ACTIVE";
  // On leave she may already send a notice for a day after the leave (absenceNoticeProblem: a day
  // inside it offers none); a walk found the form hidden until she was back.
  const onLeave = enrolment.status === "ON_LEAVE" && enrolment.leave ? enrolment.leave : null;
  const mayNotify = active || onLeave !== null;
  const Heading = showCohort ? "h3" : "h2";
  const SubHeading = showCohort ? "h4" : "h3";

  const columns: Column<Day>[] = [
    { key: "day", header: "Dag", rowHeader: true, cell: (day) => formatDayNb(day.date, { omitYear: year }) },
    { key: "state", header: "Oppmøte", cell: (day) => <DayState state={day.state} /> },
    {
      key: "notice",
      header: "Fraværsmelding",
      cell: (day) =>
        day.notice ? (
          <div className="space-y-2">
            <p>
              <span className="font-medium">Meldt:</span> <AbsenceNoticeReason reason={day.notice.reason} />
            </p>
            <p className="text-sm text-slate-700">Sendt {formatInstantNb(day.notice.createdAt)}</p>
            {day.notice.canWithdraw ? (
              <ActionButton
                action={withdrawAbsenceNoticeAction}
                hidden={{ noticeId: day.notice.id }}
                context={`fraværsmeldingen for ${formatDateNb(day.date)}`}
                pendingText="Trekker tilbake …"
              >
                Trekk tilbake
              </ActionButton>
            ) : null}
          </div>
        ) : day.canSendNotice && mayNotify ? (
          <Link href={`/student/oppmote?dag=${day.id}#meld-fravaer`}>
            Meld fravær<ButtonContext>{`for ${formatDateNb(day.date)}`}</ButtonContext>
          </Link>
        ) : (
          <span className="text-slate-700">–</span>
        ),
    },
  ];

  return (
    <article aria-labelledby={showCohort ? `kull-${id}` : undefined} className="space-y-6">
      {showCohort ? (
        <h2 id={`kull-${id}`} className="text-2xl">
          {enrolment.cohort.programme} – {enrolment.cohort.name}
        </h2>
      ) : null}
      <section className="card" aria-labelledby={`sa-langt-${id}`}>
        <Heading id={`sa-langt-${id}`}>Så langt</Heading>
        <p className="mt-2 text-lg">{attendance.soFar}</p>
        <p className="mt-1">{attendance.rule}</p>
        <p className="mt-1 font-semibold">{attendance.outlook}</p>
        <AttendanceBar attendance={eligibility.attendance} />
        {unregistered > 0 ? (
          <p className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
            {unregistered === 1 ? "Én dag som har vært, er" : `${unregistered} dager som har vært, er`} ikke registrert ennå. Til faglærer
            registrerer oppmøtet, telles {unregistered === 1 ? "den" : "de"} verken som oppmøte eller som fravær.
          </p>
        ) : null}
      </section>

      {active || (onLeave && sendable.length > 0) ? (
        <section className="card" aria-labelledby={`meld-${id}`} id={anchors ? "meld-fravaer" : undefined}>
          <Heading id={`meld-${id}`}>Meld fravær</Heading>
          {onLeave ? (
            <p className="mt-2">
              Du har permisjon til og med {formatDateNb(onLeave.to)}, og skal ikke møte før den er over. For en samlingsdag etter
              permisjonen kan du melde fravær allerede nå.
            </p>
          ) : null}
          <p className="mt-2 text-slate-700">
            For en samlingsdag som kommer, eller som var for høyst {ABSENCE_NOTICE_DAYS_AFTER} dager siden. Du kan trekke meldingen
            tilbake fram til dagen begynner.
          </p>
          {/* «Meld fravær» on a day's row comes here with the day chosen: the focus goes to the form
              (a walk: it stayed on the link far below). A new one for each day chosen. */}
          {anchors ? <FocusHashTarget key={chosen ?? "none"} /> : null}
          <AbsenceNoticeForm
            key={formKey}
            action={sendAbsenceNoticeAction}
            // The samling's number, not its whole title: on a phone the chosen day was cut off
            // («tirsdag 8. desember – Samling 6: fe…»).
            days={sendable.map((day) => ({ id: day.id, label: `${formatDayNb(day.date, { omitYear: year })} – ${day.samling.split(":")[0]!.trim()}` }))}
            selectedDay={sendable.some((day) => day.id === chosen) ? chosen : undefined}
            maxReasonLength={MAX_ABSENCE_REASON_LENGTH}
          />
        </section>
      ) : onLeave ? (
        // On leave with no day after it to send for: said, not left out.
        <section className="card" aria-labelledby={`meld-${id}`}>
          <Heading id={`meld-${id}`}>Meld fravær</Heading>
          <p className="mt-2">
            Du har permisjon til og med {formatDateNb(onLeave.to)}, og skal ikke møte før den er over. Ingen samlingsdag etter permisjonen kan
            meldes ennå.
          </p>
        </section>
      ) : null}

      <section className="card" aria-labelledby={`dager-${id}`}>
        <Heading id={`dager-${id}`}>Samlingsdagene</Heading>
        {/* What is coming first (that is where notices are sent), then what has been, newest first. */}
        {[
          { key: "kommer", title: "Samlinger som kommer", samlinger: enrolment.samlinger.filter((samling) => samling.phase !== "HELD") },
          { key: "holdt", title: "Samlinger som er holdt", samlinger: enrolment.samlinger.filter((samling) => samling.phase === "HELD").reverse() },
        ]
          .filter((group) => group.samlinger.length > 0)
          .map((group) => (
            <div key={group.key} className="mt-6">
              <SubHeading className="font-semibold">{group.title}</SubHeading>
              <div className="mt-3 space-y-8">
                {group.samlinger.map((samling) => (
                  <DataTable
                    key={samling.number}
                    caption={`${samling.title} · ${formatDateSpanNb(samling.days.map((day) => day.date))} (${samling.weeks}) · ${samling.location}`}
                    captionVisible
                    columns={columns}
                    rows={samling.days}
                    rowKey={(day) => day.id}
                  />
                ))}
              </div>
            </div>
          ))}
      </section>
    </article>
  );
}
