import { useApolloClient } from "@apollo/client/react";
import { Button, Field, Input, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { graphql } from "../graphql.js";
import { GeneratedPassword } from "./GeneratedPassword.js";
import { ResetProgress, type OperationState } from "./ResetProgress.js";

/** The password method's well-known id (as Microsoft Graph). */
export const PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";

const ResetPasswordMutation = graphql(`
  mutation ResetUserPassword($userId: ID!, $id: ID!, $newPassword: String) {
    resetPassword(userId: $userId, id: $id, newPassword: $newPassword) {
      operation {
        id
        status
        statusDetail
        lastActionDateTime
      }
      newPassword
    }
  }
`);

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: "12rem" },
});

interface Attempt {
  started: OperationState;
  /** The generated password, when none was given: shown once. */
  newPassword: string | null;
}

/**
 * "Reset password" for another user: an optional new password (none = a strong one is generated),
 * then the operation's live progress, and the generated password once.
 */
export function ResetPassword({ userId }: { userId: string }) {
  const styles = useStyles();
  const client = useApolloClient();
  const headingId = useId();
  const [newPassword, setNewPassword] = useState("");
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Another reset forgets the previous one, its generated password first of all.
    setAttempt(null);
    setFailed(false);
    setError(null);
    setBusy(true);
    try {
      // no-cache: the generated password must not stay in Apollo's cache.
      const { data } = await client.mutate({
        mutation: ResetPasswordMutation,
        variables: { userId, id: PASSWORD_METHOD_ID, newPassword: newPassword === "" ? null : newPassword },
        fetchPolicy: "no-cache",
      });
      const result = data!.resetPassword;
      setNewPassword("");
      setFailed(result.operation.status === "failed");
      setAttempt({ started: result.operation, newPassword: result.newPassword ?? null });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Title3 as="h2" id={headingId}>
        Reset password
      </Title3>
      <form className={styles.form} onSubmit={submit}>
        <Field label="New password" hint="Optional: leave it empty to generate a strong password." className={styles.field}>
          <Input type="password" value={newPassword} onChange={(_, d) => setNewPassword(d.value)} autoComplete="new-password" />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy}>
          Reset password
        </Button>
      </form>
      <ErrorText error={error} />
      {attempt && <ResetProgress key={attempt.started.id} started={attempt.started} onFinished={(state) => setFailed(state.status === "failed")} />}
      {attempt?.newPassword && !failed && <GeneratedPassword password={attempt.newPassword} />}
    </section>
  );
}
