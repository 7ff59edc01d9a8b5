import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/permissions";
import { requireViewer } from "@/lib/server/viewer";

/** Where sign-in lands: each person goes on to the home of their (first) role. */
export default async function MyPage() {
  const viewer = await requireViewer("/min-side");
  redirect(homePathFor(viewer.roles));
}
