// One dynamically rendered page: `/?kb=N` returns about N kB of plain paragraphs, so each page of
// the app is compared with the framework's own floor at the same HTML size.
//
// `/?kb=N&elements=E` returns the same N kB in about E elements (a list of rows of five: li, p,
// span, a, span), the element density of the app's page: the second, informative floor of the
// bench. React's cost grows with elements as well as bytes; the plain floor has ~3.5 elements per
// kB, the app's pages 15–20, and a bare page of 60 kB in 1 170 elements runs at ~0.42 of the plain
// one (measured 3 Dec 2026). What the app adds beyond that is its own cost.
const SENTENCE = "Studenten har møtt på samlingen og levert arbeidskravet innen fristen. ";
// The HTML of a row without its text: <li><p></p><span></span><a href="/x"></a><span></span></li>.
const ROW_TAGS = 58;

export default async function Page({ searchParams }) {
  const { kb, elements } = await searchParams;
  const bytes = Math.max(0, Math.min(2000, Number(kb) || 1)) * 1024;
  const wanted = Math.max(0, Math.min(50000, Math.floor(Number(elements) || 0)));
  if (wanted > 0) {
    const rows = Math.max(1, Math.round(wanted / 5));
    const text = SENTENCE.repeat(Math.ceil(bytes / SENTENCE.length / rows) + 1);
    const part = Math.max(1, Math.floor((bytes / rows - ROW_TAGS) / 4));
    const list = [];
    for (let index = 0; index < rows; index += 1) {
      list.push(
        <li key={index}>
          <p>{text.slice(0, part)}</p>
          <span>{text.slice(part, 2 * part)}</span>
          <a href="/x">{text.slice(2 * part, 3 * part)}</a>
          <span>{text.slice(3 * part, 4 * part)}</span>
        </li>,
      );
    }
    return (
      <main>
        <ul>{list}</ul>
      </main>
    );
  }
  const paragraphs = [];
  for (let size = 0, index = 0; size < bytes; index += 1) {
    const text = `${index}. ${SENTENCE.repeat(4)}`;
    paragraphs.push(<p key={index}>{text}</p>);
    size += text.length + 7;
  }
  return <main>{paragraphs}</main>;
}
