"use client";
import { useActionState } from "react";
import { changeUserAccess } from "@/lib/actions/manage-users";
import { initialActionState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/form-status";

export function UserAccessButton({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const [state, action] = useActionState(changeUserAccess, initialActionState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <SubmitButton
        className={disabled ? "btn-secondary min-h-10 px-3 py-1 text-sm" : "btn-danger min-h-10 px-3 py-1 text-sm"}
        pendingText="…"
        aria-label={disabled ? `Aktiver ${name}` : `Deaktiver ${name}`}
      >
        {disabled ? "Aktiver" : "Deaktiver"}
      </SubmitButton>
      {state.message && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
