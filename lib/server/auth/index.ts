import "server-only";
// Sign-in with next-auth (Auth.js v5): e-mail + password for every role, and Feide (OpenID
// Connect) when FEIDE_CLIENT_ID/FEIDE_CLIENT_SECRET are set.
//
// The cookie is next-auth's encrypted JWT, but it carries only the id of a row in our Session
// table. Every request resolves that row (lib/server/viewer.ts), so the server can end a session:
// sign-out deletes the row, and disabling an account deletes all of the user's rows. A replayed
// old cookie then names a session that no longer exists and gets nothing.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { env, feideConfigured } from "@/lib/env";
import { db } from "@/lib/server/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/server/auth/password";
import { createSession, endSession, SESSION_MAX_AGE_SECONDS } from "@/lib/server/auth/sessions";
import { canLinkFeideByEmail } from "@/lib/permissions";
import { recordSignIn, signInLocked } from "@/lib/server/auth/throttle";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sid?: string;
  }
}

class LockedOut extends CredentialsSignin {
  override code = "locked";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
});

function config(): NextAuthConfig {
  const settings = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        if (await signInLocked(db(), email)) throw new LockedOut();
        const user = await db().user.findUnique({
          where: { email },
          select: { id: true, passwordHash: true, disabledAt: true },
        });
        const valid = user?.passwordHash
          ? await verifyPassword(password, user.passwordHash)
          : (await burnPasswordCheck(password), false);
        await recordSignIn(db(), email, valid && !user?.disabledAt);
        if (!user || !valid || user.disabledAt) return null;
        const sessionId = await createSession(db(), user.id, request.headers.get("user-agent"));
        return { id: user.id, sessionId };
      },
    }),
  ];
  if (feideConfigured(settings)) {
    providers.push({
      id: "feide",
      name: "Feide",
      type: "oidc",
      issuer: settings.FEIDE_ISSUER,
      clientId: settings.FEIDE_CLIENT_ID,
      clientSecret: settings.FEIDE_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state", "nonce"],
    });
  }

  return {
    secret: settings.AUTH_SECRET,
    trustHost: true,
    logger: {
      // A wrong password is an everyday event (and counted in SignInAttempt), not a server error.
      error(error) {
        if (error.name === "CredentialsSignin" || error.name === "LockedOut") return;
        console.error("[auth]", error);
      },
    },
    providers,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login", signOut: "/logg-ut" },
    events: {
      // next-auth's own sign-out endpoint ends the server session too, not only the cookie.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(db(), sid);
      },
    },
    callbacks: {
      // Feide signs in existing accounts only: matched on the Feide subject, or the first time on
      // the e-mail address, which then links the account. Linking by e-mail is limited to
      // accounts an adviser created (students, faculty, advisers), whose address staff entered,
      // and never to admins: a self-registered applicant's address is unverified, and an admin
      // account is too valuable to hand to whichever identity reports its address.
      async signIn({ account, profile }) {
        if (account?.provider !== "feide") return true;
        const subject = profile?.sub;
        if (!subject) return false;
        const linked = await db().user.findUnique({ where: { feideSubject: subject } });
        if (linked) return linked.disabledAt ? "/login?feil=feide" : true;
        const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : null;
        if (!email || profile?.email_verified === false) return "/login?feil=feide";
        const candidate = await db().user.findFirst({ where: { email, feideSubject: null, disabledAt: null } });
        if (!candidate || !canLinkFeideByEmail(candidate.roles)) return "/login?feil=feide";
        await db().user.update({ where: { id: candidate.id }, data: { feideSubject: subject } });
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (user?.sessionId) {
          token.sid = user.sessionId;
        } else if (account?.provider === "feide" && profile?.sub) {
          const linked = await db().user.findUnique({ where: { feideSubject: profile.sub }, select: { id: true } });
          if (linked) {
            const userAgent = (await headers()).get("user-agent");
            token.sid = await createSession(db(), linked.id, userAgent);
          }
        }
        // Only the session id travels in the cookie; who it is, and their roles, are read fresh.
        return { sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session, token }) {
        return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : undefined } as typeof session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
