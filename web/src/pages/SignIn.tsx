import { useMutation } from "@apollo/client/react";
import { Button, Card, Field, Input, Link, makeStyles, Title1, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { graphql } from "../graphql.js";
import { REQUESTED_SCOPES, signedIn } from "../session.js";

const SignInWithPassword = graphql(`
  mutation ConsoleSignInWithPassword($userPrincipalName: String!, $password: String!, $scopes: [String!]) {
    signInWithPassword(userPrincipalName: $userPrincipalName, password: $password, scopes: $scopes) {
      isVerified
      accessToken
      expiresIn
      refreshToken
      grantedScopes
      requiredActions
    }
  }
`);

const StartSmsSignIn = graphql(`
  mutation ConsoleStartSmsSignIn($phoneNumber: String!) {
    startSmsSignIn(phoneNumber: $phoneNumber) {
      challengeId
      maskedPhoneNumber
    }
  }
`);

const CompleteSmsSignIn = graphql(`
  mutation ConsoleCompleteSmsSignIn($challengeId: ID!, $code: String!, $scopes: [String!]) {
    completeSmsSignIn(challengeId: $challengeId, code: $code, scopes: $scopes) {
      isVerified
      failureReason
      accessToken
      expiresIn
      refreshToken
      grantedScopes
      requiredActions
    }
  }
`);

const useStyles = makeStyles({
  page: { display: "flex", justifyContent: "center", padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalM}` },
  card: { width: "100%", maxWidth: "420px", padding: tokens.spacingHorizontalXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

type SignedInResult = { accessToken?: string | null; expiresIn?: number | null; refreshToken?: string | null; grantedScopes: string[]; requiredActions: string[] };

function keep(result: SignedInResult) {
  signedIn({
    accessToken: result.accessToken!,
    refreshToken: result.refreshToken ?? null,
    grantedScopes: result.grantedScopes,
    expiresAt: Math.floor(Date.now() / 1000) + (result.expiresIn ?? 0),
    requiredActions: result.requiredActions,
  });
}

/** Sign in with a user name and password, or with a code texted to a phone number. */
export function SignInPage() {
  const styles = useStyles();
  const [withPhone, setWithPhone] = useState(false);
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title1 as="h1">Sign in</Title1>
        {withPhone ? <PhoneSignIn onBack={() => setWithPhone(false)} /> : <PasswordSignIn onUsePhone={() => setWithPhone(true)} />}
      </Card>
    </main>
  );
}

function PasswordSignIn({ onUsePhone }: { onUsePhone: () => void }) {
  const styles = useStyles();
  const [userPrincipalName, setUserPrincipalName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [signIn, { loading }] = useMutation(SignInWithPassword);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await signIn({ variables: { userPrincipalName, password, scopes: REQUESTED_SCOPES } });
      const result = data!.signInWithPassword;
      if (result.isVerified && result.accessToken) keep(result);
      else setError({ message: "That user name or password is incorrect" });
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <Field label="User name" required>
        <Input value={userPrincipalName} onChange={(_, d) => setUserPrincipalName(d.value)} autoComplete="username" type="email" />
      </Field>
      <Field label="Password" required>
        <Input value={password} onChange={(_, d) => setPassword(d.value)} type="password" autoComplete="current-password" />
      </Field>
      <ErrorText error={error} />
      <Button appearance="primary" type="submit" disabled={loading}>
        Sign in
      </Button>
      <Link as="button" type="button" onClick={onUsePhone}>
        Use your phone number instead
      </Link>
    </form>
  );
}

function PhoneSignIn({ onBack }: { onBack: () => void }) {
  const styles = useStyles();
  const [phoneNumber, setPhoneNumber] = useState("");
  const [challenge, setChallenge] = useState<{ challengeId: string; maskedPhoneNumber: string } | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [start, { loading: sending }] = useMutation(StartSmsSignIn);
  const [complete, { loading: checking }] = useMutation(CompleteSmsSignIn);

  async function sendCode(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await start({ variables: { phoneNumber } });
      setChallenge(data!.startSmsSignIn);
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await complete({ variables: { challengeId: challenge!.challengeId, code: code.trim(), scopes: REQUESTED_SCOPES } });
      const result = data!.completeSmsSignIn;
      if (result.isVerified && result.accessToken) keep(result);
      else if (result.failureReason === "MAX_ATTEMPTS_EXCEEDED") setError({ message: "Too many wrong codes: send a new code" });
      else setError({ message: "That code is incorrect or has expired" });
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  return (
    <>
      <form className={styles.form} onSubmit={sendCode}>
        <Field label="Phone number" required hint="With the country code, e.g. +1 206 555 0123">
          <Input value={phoneNumber} onChange={(_, d) => setPhoneNumber(d.value)} type="tel" autoComplete="tel" />
        </Field>
        <Button appearance={challenge ? "secondary" : "primary"} type="submit" disabled={sending}>
          Send code
        </Button>
      </form>
      {challenge && (
        <form className={styles.form} onSubmit={signIn}>
          <p role="status">If {challenge.maskedPhoneNumber} can sign in, a code is on its way.</p>
          <Field label="Code" required>
            <Input value={code} onChange={(_, d) => setCode(d.value)} inputMode="numeric" autoComplete="one-time-code" />
          </Field>
          <Button appearance="primary" type="submit" disabled={checking}>
            Sign in
          </Button>
        </form>
      )}
      <ErrorText error={error} />
      <Link as="button" type="button" onClick={onBack}>
        Use your user name and password instead
      </Link>
    </>
  );
}
