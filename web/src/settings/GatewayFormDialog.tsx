import { useMutation } from "@apollo/client/react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Switch,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { fieldOf, toApiError, type ApiError } from "../errors.js";
import type { GatewaysListQuery, SmsProvider } from "../graphql.js";
import { GatewaysCreate, GatewaysList, GatewaysUpdate } from "./documents.js";
import { useSettingsStyles } from "./styles.js";

export type GatewayAccount = GatewaysListQuery["smsGatewayAccounts"][number];

const PROVIDERS: { value: SmsProvider; label: string }[] = [
  { value: "console", label: "console (log and outbox, for development)" },
  { value: "webhook", label: "webhook (POSTs JSON to the endpoint)" },
  { value: "twilio", label: "twilio (Twilio's Messages API)" },
];

/** The input fields the API names in `extensions.field`; an error about any other goes to the top of the form. */
const FIELDS = ["name", "provider", "endpoint", "senderId", "credentials", "isDefault"] as const;
type FieldName = (typeof FIELDS)[number];

const CREDENTIALS_HINT: Record<SmsProvider, string> = {
  console: "Not used by the console provider.",
  webhook: "The HMAC key that signs each request (optional).",
  twilio: "ACCOUNT_SID:AUTH_TOKEN",
};

/**
 * Creates an account (`account` undefined) or edits one, in a modal dialog (it traps focus). The
 * API's error about one input appears under that field; any other error at the top of the form.
 * Credentials are write-only: left empty on edit, the stored ones are kept.
 */
export function GatewayFormDialog({ account, onClose, onSaved }: { account?: GatewayAccount; onClose: () => void; onSaved: (name: string) => void }) {
  const styles = useSettingsStyles();
  const [name, setName] = useState(account?.name ?? "");
  const [provider, setProvider] = useState<SmsProvider>(account?.provider ?? "webhook");
  const [endpoint, setEndpoint] = useState(account?.endpoint ?? "");
  const [senderId, setSenderId] = useState(account?.senderId ?? "");
  const [credentials, setCredentials] = useState("");
  const [removeCredentials, setRemoveCredentials] = useState(false);
  const [isDefault, setIsDefault] = useState(account?.isDefault ?? false);
  const [error, setError] = useState<ApiError | null>(null);
  const refetch = { refetchQueries: [GatewaysList], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(GatewaysCreate, refetch);
  const [update, { loading: updating }] = useMutation(GatewaysUpdate, refetch);
  const busy = creating || updating;

  const errorField = fieldOf(error);
  const fieldError = (field: FieldName) => (error && errorField === field ? { validationMessage: error.message, validationState: "error" as const } : {});
  const formError = error && !FIELDS.includes(errorField as FieldName) ? error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input = {
      name,
      provider,
      endpoint: endpoint.trim() || null,
      senderId: senderId.trim() || null,
      // "" removes the stored credentials; null (left empty) keeps them.
      credentials: removeCredentials ? "" : credentials || null,
      isDefault,
    };
    try {
      if (account) await update({ variables: { id: account.id, input } });
      else await create({ variables: { input } });
      onSaved(name.trim());
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{account ? `Edit ${account.name}` : "New gateway account"}</DialogTitle>
            <DialogContent className={styles.form}>
              <ErrorText error={formError} />
              <Field label="Name" required {...fieldError("name")}>
                <Input value={name} onChange={(_, d) => setName(d.value)} autoComplete="off" />
              </Field>
              <Field label="Provider" required {...fieldError("provider")}>
                <Select className={styles.fill} value={provider} onChange={(_, d) => setProvider(d.value as SmsProvider)}>
                  {PROVIDERS.map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Endpoint" hint="An http(s) URL: required for webhook; Twilio's API by default for twilio." {...fieldError("endpoint")}>
                <Input value={endpoint} onChange={(_, d) => setEndpoint(d.value)} inputMode="url" autoComplete="off" spellCheck={false} />
              </Field>
              <Field label="Sender ID" hint="Shown on the phone; for twilio a From number or Messaging Service SID." {...fieldError("senderId")}>
                <Input value={senderId} onChange={(_, d) => setSenderId(d.value)} autoComplete="off" />
              </Field>
              <Field
                label="Credentials"
                hint={`${CREDENTIALS_HINT[provider]} Write-only: never shown again.${account?.hasCredentials ? " Leave empty to keep the stored credentials." : ""}`}
                {...fieldError("credentials")}
              >
                <Input type="password" value={credentials} disabled={removeCredentials} onChange={(_, d) => setCredentials(d.value)} autoComplete="new-password" />
              </Field>
              {account?.hasCredentials && (
                <Checkbox label="Remove the stored credentials" checked={removeCredentials} onChange={(_, d) => setRemoveCredentials(d.checked === true)} />
              )}
              <Field
                label="Default"
                hint={account?.isDefault ? "This is the default account: make another one the default to change it." : "Identity stores without an account of their own send through the default."}
                {...fieldError("isDefault")}
              >
                <Switch checked={isDefault} disabled={account?.isDefault} onChange={(_, d) => setIsDefault(d.checked)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                Save
              </Button>
              <Button appearance="secondary" onClick={onClose} disabled={busy}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
