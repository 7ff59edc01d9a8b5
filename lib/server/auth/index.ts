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
import { z } from "zod";
import { env, feideConfigured, trustedProxy } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";
import { db } from "@/lib/server/db";
import { createSession, endSession, SESSION_MAX_AGE_SECONDS } from "@/lib/server/auth/sessions";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { canLinkFeideByEmail } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sid?: string;
  }
}

/** A rate limit stopped the sign-in; `message` (Norwegian) says when to try again. */
export class SignInLimited extends CredentialsSignin {
  override code = "locked";
  constructor(readonly retryMessage: string) {
    super(retryMessage);
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
  /** Set only by the server's own sign-in after a password reset or an accepted invitation. */
  grant: z.string().max(200).optional(),
});

/**
 * The configuration, made per request (next-auth's lazy initialisation): `request` is the route
 * handler's request (undefined when `auth()` or `signIn()` run in a page or an action).
 */
function config(request?: Request): NextAuthConfig {
  const settings = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await signInWithPassword({
          email: parsed.data.email,
          password: parsed.data.password,
          ownerGrant: parsed.data.grant ?? null,
          clientAddress: clientAddressFrom(request.headers, trustedProxy(settings)),
          userAgent: request.headers.get("user-agent"),
        });
        if (outcome.ok) return { id: outcome.userId, sessionId: outcome.sessionId };
        if (outcome.reason === "limited") throw new SignInLimited(outcome.error.message);
        return null;
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
    // The session cookie is Secure (and __Secure- prefixed) whenever the app runs in production,
    // also behind a proxy that ends TLS and talks plain http to us (APP_URL alone would not say).
    useSecureCookies: settings.NODE_ENV === "production",
    logger: {
      // A wrong password is an everyday event: signInWithPassword has logged it as one short line.
      // Checked by type and class, not by name: a production build minifies class names.
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        // A session cookie that does not decrypt (made up, or from before AUTH_SECRET changed) is
        // no session; anyone can send one, so it is one line, not a stack trace per request.
        if ((error as { type?: string }).type === "JWTSessionError") {
          console.warn("[auth] En øktkapsel som ikke kunne leses, ble avvist (ingen økt).");
          return;
        }
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
        // Compare and set: two first sign-ins that report the same address at once (two Feide
        // identities) must not both link, the later one overwriting the earlier one's subject;
        // nor may an account be linked that since the lookup was disabled, changed its address or
        // became an administrator or applicant (canLinkFeideByEmail).
        const linkedNow = await db().user.updateMany({
          where: { id: candidate.id, email, feideSubject: null, disabledAt: null, NOT: { roles: { hasSome: ["ADMIN", "APPLICANT"] } } },
          data: { feideSubject: subject },
        });
        return linkedNow.count === 1 ? true : "/login?feil=feide";
      },
      async jwt({ token, user, account, profile }) {
        if (user?.sessionId) {
          token.sid = user.sessionId;
        } else if (account?.provider === "feide" && profile?.sub) {
          const linked = await db().user.findUnique({ where: { feideSubject: profile.sub }, select: { id: true, disabledAt: true } });
          // Runs in the callback route handler, whose request names the browser. An account
          // disabled since the signIn callback gets no session (the session read refuses it too).
          if (linked && !linked.disabledAt) token.sid = await createSession(db(), linked.id, request?.headers.get("user-agent") ?? null);
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

export const { handlers, auth, signIn, signOut } = NextAuth((request) => config(request));
