/**
 * The rest of a button's or link's name, for screen readers and voice control only, where its
 * visible words repeat on the page ("Fjern dagen" on every day of a samling, «Meld fravær» on every
 * coming day). The visible words stay first and whole, and this follows them after a space
 * ("Fjern dagen 03.03.2027 fra Samling 2"), so the name holds what is seen, in order: WCAG 2.5.3
 * Label in Name, which axe checks on every page. An aria-label that rewords the button ("Fjern
 * 03.03.2027 fra Samling 2") fails it. Write the phrase to continue the visible words: "til Frode
 * Invitert", "«Kvittering» til ola@example.no".
 */
export function ButtonContext({ children }: { children?: string }) {
  return children ? <span className="sr-only"> {children}</span> : null;
}
