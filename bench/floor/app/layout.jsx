// The floor of `npm run bench`: the least a dynamically rendered Next.js page can cost.
export default function Layout({ children }) {
  return (
    <html lang="nb">
      <body>{children}</body>
    </html>
  );
}
