"use client";
// One button that uses a link from an e-mail (verify an address, confirm a new one). Pressing it
// is the deliberate step: opening the link alone changes nothing, so a mail scanner that follows
// links does not use them.
import { useFormAction } from "@/components/ui/use-form-action";
import Link from "next/link";
import type { ActionState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function ConfirmLinkForm({
  action,
  token,
  label,
  continueTo,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
  label: string;
  continueTo: { href: string; label: string };
}) {
  const [state, formAction] = useFormAction(action);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href={continueTo.href} className="btn-primary">
          {continueTo.label}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Bekrefter …">{label}</SubmitButton>
    </form>
  );
}
