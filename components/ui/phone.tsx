// A phone number as people read it («73 59 00 00»), never broken across lines (a walk found
// «73 59» and «00 00» on two lines at 375 px), and a tel: link, so a phone calls it with a tap.
export function Phone({ number }: { number: string }) {
  const dial = number.replace(/[^\d+]/g, "");
  return (
    <a href={`tel:${dial}`} className="whitespace-nowrap">
      {number}
    </a>
  );
}
