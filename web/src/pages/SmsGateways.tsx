import { useMutation, useQuery } from "@apollo/client/react";
import { Badge, Button, Spinner, Text, Title1 } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { ConfirmDialog } from "../components/ConfirmDialog.js";
import { GatewaysDelete, GatewaysList } from "../settings/documents.js";
import { GatewayFormDialog, type GatewayAccount } from "../settings/GatewayFormDialog.js";
import { useSettingsStyles } from "../settings/styles.js";

/** Administration: the SMS gateway accounts codes are texted through (list, create, edit, delete). */
export function SmsGatewaysPage() {
  const styles = useSettingsStyles();
  const { data, error: loadError } = useQuery(GatewaysList);
  const [remove] = useMutation(GatewaysDelete, { refetchQueries: [GatewaysList], awaitRefetchQueries: true });
  // undefined: no form; null: a new account; else the account being edited.
  const [editing, setEditing] = useState<GatewayAccount | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<GatewayAccount | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState("");

  async function confirmDelete() {
    const account = deleting!;
    setError(null);
    try {
      await remove({ variables: { id: account.id } });
      setStatus(`Deleted ${account.name}.`);
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  const accounts = data?.smsGatewayAccounts;
  return (
    <div className={styles.page}>
      <Title1 as="h1">SMS gateways</Title1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => {
            setError(null);
            setEditing(null);
          }}
        >
          New gateway account
        </Button>
      </div>
      <Text role="status">{status}</Text>
      <ErrorText error={error} />
      {loadError && !data && <ErrorText error={toApiError(loadError)} />}
      {!accounts && !loadError && <Spinner label="Loading gateway accounts" />}
      {accounts && accounts.length === 0 && <Text>No gateway accounts yet.</Text>}
      {accounts && accounts.length > 0 && (
        <ul className={styles.list} aria-label="Gateway accounts">
          {accounts.map((account) => (
            <li key={account.id} className={styles.item} aria-label={account.name}>
              <AccountSummary account={account} />
              <div className={styles.actions}>
                <Button
                  onClick={() => {
                    setError(null);
                    setEditing(account);
                  }}
                  aria-label={`Edit ${account.name}`}
                >
                  Edit
                </Button>
                <Button
                  onClick={() => {
                    setError(null);
                    setDeleting(account);
                  }}
                  aria-label={`Delete ${account.name}`}
                >
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing !== undefined && (
        <GatewayFormDialog
          account={editing ?? undefined}
          onClose={() => setEditing(undefined)}
          onSaved={(name) => {
            setEditing(undefined);
            setStatus(`Saved ${name}.`);
          }}
        />
      )}
      <ConfirmDialog open={deleting !== null} title="Delete gateway account" confirmLabel="Delete" onConfirm={confirmDelete} onClose={() => setDeleting(null)}>
        Delete {deleting?.name}? Identity stores must use another account first.
      </ConfirmDialog>
    </div>
  );
}

function AccountSummary({ account }: { account: GatewayAccount }) {
  const styles = useSettingsStyles();
  return (
    <div>
      <Text weight="semibold">{account.name}</Text> {account.isDefault && <Badge appearance="tint">Default</Badge>}
      <dl className={`${styles.detail} ${styles.terms}`}>
        <Detail term="Provider" value={account.provider} />
        <Detail term="Endpoint" value={account.endpoint ?? "None"} />
        <Detail term="Sender ID" value={account.senderId ?? "None"} />
        <Detail term="Credentials" value={account.hasCredentials ? "Set" : "Not set"} />
      </dl>
    </div>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  const styles = useSettingsStyles();
  return (
    <div>
      <dt className={styles.inline}>{term}: </dt>
      <dd className={styles.inline}>{value}</dd>
    </div>
  );
}
