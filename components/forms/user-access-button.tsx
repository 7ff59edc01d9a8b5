"use client";
import { changeUserAccess } from "@/lib/actions/manage-users";
import { ActionButton } from "@/components/ui/action-button";

export function UserAccessButton({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  return (
    <ActionButton
      action={changeUserAccess}
      hidden={{ userId, disabled: disabled ? "false" : "true" }}
      className={disabled ? "btn-secondary min-h-10 px-3 py-1 text-sm" : "btn-danger min-h-10 px-3 py-1 text-sm"}
      pendingText="…"
      context={name}
    >
      {disabled ? "Aktiver" : "Deaktiver"}
    </ActionButton>
  );
}
