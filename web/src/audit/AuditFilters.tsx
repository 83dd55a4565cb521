import { useApolloClient } from "@apollo/client/react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { AuditLogUser } from "./documents.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters as typed: an activity, and a user (id or user name). */
export interface AuditFilterText {
  activity: string;
  user: string;
}

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: "12rem" },
  errors: { flexBasis: "100%" },
});

/**
 * The audit log's filters. On "Apply", a user name is resolved to the user's id (the API filters
 * by id); `onApply` gets the trimmed activity and that id, or nothing when the user is not found.
 */
export function AuditFilters({ initial, onApply }: { initial: AuditFilterText; onApply: (text: AuditFilterText, targetUserId: string | null) => void }) {
  const styles = useStyles();
  const client = useApolloClient();
  const [activity, setActivity] = useState(initial.activity);
  const [user, setUser] = useState(initial.user);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = { activity: activity.trim(), user: user.trim() };
    setError(null);
    if (!text.user || UUID.test(text.user)) return onApply(text, text.user || null);
    setBusy(true);
    try {
      const { data } = await client.query({ query: AuditLogUser, variables: { id: text.user }, fetchPolicy: "network-only" });
      if (data?.user) onApply(text, data.user.id);
      else setError({ message: `There is no user ${text.user}.` });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form role="search" aria-label="Audit log filters" className={styles.form} onSubmit={submit}>
      <Field label="Activity" hint="For example signIn.password" className={styles.field}>
        <Input value={activity} onChange={(_, d) => setActivity(d.value)} autoComplete="off" />
      </Field>
      <Field label="User" hint="The target user's user name or id" className={styles.field}>
        <Input value={user} onChange={(_, d) => setUser(d.value)} autoComplete="off" />
      </Field>
      <Button type="submit" disabled={busy}>
        Apply
      </Button>
      {error && (
        <div className={styles.errors}>
          <ErrorText error={error} />
        </div>
      )}
    </form>
  );
}
