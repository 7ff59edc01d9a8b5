"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { defineAction } from "@/lib/server/action";
import { createUserAccount, setUserDisabled } from "@/lib/server/users/manage-users";
import { newPassword, personEmail, requiredText } from "@/lib/validation/common";

const STAFF = ["ADVISER", "ADMIN"] as const;

const roleList = z
  .union([z.enum(Role), z.array(z.enum(Role))], { error: "Velg minst én rolle." })
  .transform((value) => [...new Set(Array.isArray(value) ? value : [value])]);

export const createUser = defineAction({
  roles: STAFF,
  schema: z.object({
    name: requiredText("Navn", 120),
    email: personEmail,
    roles: roleList,
    password: newPassword,
  }),
  async handler({ viewer, input }) {
    const user = await createUserAccount(viewer, input);
    revalidatePath("/veileder/brukere");
    return { message: `Brukeren ${user.name} (${user.email}) er opprettet.`, values: {} };
  },
});

export const changeUserAccess = defineAction({
  roles: STAFF,
  schema: z.object({
    userId: z.string().min(1),
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
