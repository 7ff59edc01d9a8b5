// The reason of an absence notice, as every page shows it: the student's own words, or that the
// retention job has erased them (lib/domain/retention.ts: often health data, kept a few months
// after the day). The notice itself is still there.
export function AbsenceNoticeReason({ reason }: { reason: string | null }) {
  return reason === null ? <em>begrunnelsen er slettet</em> : <>{reason}</>;
}
