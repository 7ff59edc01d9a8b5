// One dynamically rendered page: `/?kb=N` returns about N kB of plain paragraphs, so each page of
// the app is compared with the framework's own floor at the same HTML size.
const SENTENCE = "Studenten har møtt på samlingen og levert arbeidskravet innen fristen. ";

export default async function Page({ searchParams }) {
  const { kb } = await searchParams;
  const bytes = Math.max(0, Math.min(2000, Number(kb) || 1)) * 1024;
  const paragraphs = [];
  for (let size = 0, index = 0; size < bytes; index += 1) {
    const text = `${index}. ${SENTENCE.repeat(4)}`;
    paragraphs.push(<p key={index}>{text}</p>);
    size += text.length + 7;
  }
  return <main>{paragraphs}</main>;
}
