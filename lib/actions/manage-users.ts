"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formatInstantNb } from "@/lib/domain/format";
import { Role } from "@/lib/generated/prisma/enums";
import { defineAction } from "@/lib/server/action";
import { renewInvitation } from "@/lib/server/users/invitations";
import { createUserAccount, setUserDisabled } from "@/lib/server/users/manage-users";
import { personEmail, requiredText } from "@/lib/validation/common";
import { recordId } from "@/lib/validation/ids";

const STAFF = ["ADVISER", "ADMIN"] as const;

const roleList = z
  .union([z.enum(Role), z.array(z.enum(Role))], { error: "Velg minst én rolle." })
  .transform((value) => [...new Set(Array.isArray(value) ? value : [value])]);

/** Creates the account; the person gets an e-mail with a link to choose their own password. */
export const createUser = defineAction({
  roles: STAFF,
  schema: z.object({
    name: requiredText("Navn", 120),
    email: personEmail,
    roles: roleList,
  }),
  async handler({ viewer, input }) {
    const user = await createUserAccount(viewer, input);
    revalidatePath("/veileder/brukere");
    return {
      message: `Brukeren ${user.name} (${user.email}) er opprettet. Vi har sendt en invitasjon med lenke for å velge passord; den gjelder til ${formatInstantNb(user.invitationExpiresAt)}.`,
      values: {},
    };
  },
});

export const renewInvitationAction = defineAction({
  roles: STAFF,
  schema: z.object({ userId: recordId("Brukeren") }),
  async handler({ viewer, input }) {
    const { expiresAt } = await renewInvitation(viewer, input.userId);
    revalidatePath("/veileder/brukere");
    return { message: `Ny invitasjon sendt. Den gjelder til ${formatInstantNb(expiresAt)}.` };
  },
});

export const changeUserAccess = defineAction({
  roles: STAFF,
  schema: z.object({
    userId: recordId("Brukeren"),
    disabled: z.enum(["true", "false"]).transform((value) => value === "true"),
  }),
  async handler({ viewer, input }) {
    const user = await setUserDisabled(viewer, input.userId, input.disabled);
    revalidatePath("/veileder/brukere");
    return {
      message: input.disabled
        ? `${user.name} er deaktivert og logget ut overalt.`
        : `${user.name} kan logge inn igjen.`,
    };
  },
});
