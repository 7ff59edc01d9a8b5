"use server";
// E-mail that did not arrive (lib/server/mail-admin.ts): an administrator puts one back in the queue.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestJob } from "@/lib/jobs/queue";
import { defineAction } from "@/lib/server/action";
import { resendMail } from "@/lib/server/mail-admin";
import { recordId } from "@/lib/validation/ids";

export const resendMailAction = defineAction({
  roles: ["ADMIN"],
  schema: z.object({ mailId: recordId("E-posten") }),
  async handler({ viewer, input }) {
    await resendMail(viewer, input);
    // Now, not at the next cron tick.
    await requestJob("mail.deliver");
    revalidatePath("/veileder/e-post");
    // The message leaves the list (it is in the queue now), and its row with it: the page says so.
    redirect("/veileder/e-post?sendt=1");
  },
});
