"use client";
import { renewInvitationAction } from "@/lib/actions/manage-users";
import { ActionButton } from "@/components/ui/action-button";

/** Sends a new "choose your password" link to someone who has not used the first one. */
export function RenewInvitationButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ActionButton
      action={renewInvitationAction}
      hidden={{ userId }}
      className="btn-secondary min-h-10 px-3 py-1 text-sm"
      pendingText="Sender …"
      context={`til ${name}`}
    >
      Send ny invitasjon
    </ActionButton>
  );
}
