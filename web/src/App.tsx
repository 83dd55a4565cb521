import { ApolloProvider, useMutation, useQuery } from "@apollo/client/react";
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import { Navigate, NavLink, Route, Routes, useLocation } from "react-router";
import { createApolloClient } from "./apollo.js";
import { graphql } from "./graphql.js";
import { AuditLogPage } from "./pages/AuditLog.js";
import { IdentityStoresPage } from "./pages/IdentityStores.js";
import { SecurityInfoPage } from "./pages/SecurityInfo.js";
import { SecurityRolesPage } from "./pages/SecurityRoles.js";
import { SignInPage } from "./pages/SignIn.js";
import { SmsGatewaysPage } from "./pages/SmsGateways.js";
import { SmsPolicyPage } from "./pages/SmsPolicy.js";
import { UserPage } from "./pages/User.js";
import { UsersPage } from "./pages/Users.js";
import { isExpired, signedIn, signOut, useSession, type Session } from "./session.js";
import { refreshSharedSession } from "./shared-refresh.js";

export const Viewer = graphql(`
  query Viewer {
    me {
      id
      userPrincipalName
      displayName
      directoryRoles
    }
  }
`);

/** Ends the session on the server (this token, its refresh tokens, its sockets) before the page forgets it. */
export const ConsoleSignOut = graphql(`
  mutation ConsoleSignOut {
    signOut
  }
`);

const ConsoleRefreshAccessToken = graphql(`
  mutation ConsoleRefreshAccessToken($refreshToken: String!) {
    refreshAccessToken(refreshToken: $refreshToken) {
      accessToken
      expiresIn
      refreshToken
      grantedScopes
    }
  }
`);

/** Seconds before the access token expires when the console trades its refresh token for new tokens. */
const REFRESH_AHEAD_SECONDS = 60;

/** Keeps the session going: shortly before the token expires, new tokens (and so a new client); signed out if that fails. */
function useRefreshBeforeExpiry(session: Session | null) {
  const [refresh] = useMutation(ConsoleRefreshAccessToken);
  useEffect(() => {
    if (!session?.refreshToken || session.final) return;
    const trade = async (refreshToken: string): Promise<Session | null> => {
      const { data } = await refresh({ variables: { refreshToken } });
      const next = data?.refreshAccessToken;
      if (!next?.accessToken) return null;
      return {
        ...session,
        accessToken: next.accessToken,
        refreshToken: next.refreshToken ?? null,
        grantedScopes: next.grantedScopes,
        expiresAt: Math.floor(Date.now() / 1000) + (next.expiresIn ?? 0),
        lifetime: next.expiresIn ?? 0,
        // Tokens end with their session: one shorter than the last means the session ends with it.
        final: session.lifetime !== undefined && (next.expiresIn ?? 0) < session.lifetime,
      };
    };
    const timer = setTimeout(() => {
      // Other tabs of this session (a duplicated tab) take turns and share what one of them traded.
      refreshSharedSession(session, trade)
        .then((next) => (next ? signedIn(next) : signOut()))
        .catch(() => signOut());
    }, Math.max(0, (session.expiresAt - REFRESH_AHEAD_SECONDS) * 1000 - Date.now()));
    return () => clearTimeout(timer);
  }, [session, refresh]);
}

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginRight: "auto" },
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, width: "100%" },
  link: {
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    textDecorationLine: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  navBar: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { padding: tokens.spacingHorizontalL, maxWidth: "960px", boxSizing: "border-box" },
  who: { overflowWrap: "anywhere" },
});

/** The console: sign-in for visitors; Security info for everyone signed in; administration for administrators. */
export function App() {
  const session = useSession();
  // An expired token is not sent: the API would refuse the request before reading it.
  const expired = session !== null && isExpired(session);
  const accessToken = session && !expired ? session.accessToken : null;
  const apollo = useMemo(() => createApolloClient(accessToken), [accessToken]);
  useEffect(() => apollo.close, [apollo]);
  return <ApolloProvider client={apollo.client}>{!session ? <SignInPage /> : expired ? <Renewing session={session} /> : <SignedIn />}</ApolloProvider>;
}

/** A session whose access token expired while the page was away (closed, asleep): renewed with its refresh token, or over. */
function Renewing({ session }: { session: Session }) {
  useRefreshBeforeExpiry(session);
  useEffect(() => {
    if (!session.refreshToken) signOut();
  }, [session]);
  return <Spinner label="Signing you in again" style={{ marginTop: "20vh" }} />;
}

function SignedIn() {
  const styles = useStyles();
  const { data, error } = useQuery(Viewer);
  useRefreshBeforeExpiry(useSession());
  const [endSession, { loading: signingOut }] = useMutation(ConsoleSignOut);
  // The token is dropped whatever the server answers (already revoked, offline).
  const signOutHere = () => void endSession().catch(() => {}).finally(signOut);
  const location = useLocation();
  useEffect(() => {
    // A revoked or expired token: back to the sign-in page.
    const code = (error as { errors?: { extensions?: { code?: string } }[] } | undefined)?.errors?.[0]?.extensions?.code;
    if (code === "UNAUTHENTICATED") signOut();
  }, [error]);
  if (!data) return <Spinner label="Loading" style={{ marginTop: "20vh" }} />;
  const roles = data.me.directoryRoles;
  const isAdministrator = roles.length > 0;
  const isGlobalAdministrator = roles.includes("GLOBAL_ADMINISTRATOR");
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.link} ${styles.active}` : styles.link);
  return (
    <>
      <header className={styles.header}>
        <span className={styles.brand}>authgate</span>
        <span className={styles.who}>{data.me.displayName ?? data.me.userPrincipalName}</span>
        <Button appearance="secondary" size="small" onClick={signOutHere} disabled={signingOut}>
          Sign out
        </Button>
      </header>
      <nav aria-label="Console" className={styles.navBar}>
        <div className={styles.nav}>
          <NavLink to="/" end className={link}>
            Security info
          </NavLink>
          {isAdministrator && (
            <NavLink to="/users" className={link}>
              Users
            </NavLink>
          )}
          {isGlobalAdministrator && (
            <>
              <NavLink to="/sms-gateways" className={link}>
                SMS gateways
              </NavLink>
              <NavLink to="/identity-stores" className={link}>
                Identity stores
              </NavLink>
              <NavLink to="/security-roles" className={link}>
                Security roles
              </NavLink>
              <NavLink to="/sms-sign-in-policy" className={link}>
                SMS sign-in policy
              </NavLink>
              <NavLink to="/audit-log" className={link}>
                Audit log
              </NavLink>
            </>
          )}
          <a className={styles.link} href="/explorer">
            Explorer
          </a>
        </div>
      </nav>
      <main className={styles.main} key={location.pathname}>
        <Routes>
          <Route path="/" element={<SecurityInfoPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/users/:userId" element={<UserPage />} />
          <Route path="/sms-gateways" element={<SmsGatewaysPage />} />
          <Route path="/identity-stores" element={<IdentityStoresPage />} />
          <Route path="/security-roles" element={<SecurityRolesPage />} />
          <Route path="/sms-sign-in-policy" element={<SmsPolicyPage />} />
          <Route path="/audit-log" element={<AuditLogPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </>
  );
}
