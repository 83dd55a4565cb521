import { useMutation } from "@apollo/client/react";
import { Button, Card, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { ConfirmDialog } from "../components/ConfirmDialog.js";
import { MethodsDeletePhoneMethod, MethodsDisableSmsSignIn } from "./documents.js";
import { isPhone, type Method, type PhoneMethod } from "./useMethods.js";
import { formatDateTime, NUMBER_IN_USE, PHONE_TYPE_WORDS, SMS_SIGN_IN_STATE_WORDS } from "./words.js";

const useStyles = makeStyles({
  tile: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  detail: { overflowWrap: "anywhere" },
  state: { color: tokens.colorNeutralForeground2 },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: "auto" },
  number: { whiteSpace: "nowrap" },
});

/** A phone number in display form, kept on one line in running text. */
export function PhoneNumber({ children }: { children: string }) {
  return <span className={useStyles().number}>{children}</span>;
}

/** One method: a phone (type, number, SMS sign-in state and actions) or the password (last change). */
export function MethodTile(props: {
  method: Method;
  userId?: string;
  /** Reloads the methods after a change. */
  onChanged: () => Promise<unknown>;
  /** Opens the SMS sign-in confirmation (shared with the banner). */
  onEnable: () => void;
  /** A refusal of "Enable" started from this tile. */
  enableError: ApiError | null;
}) {
  const styles = useStyles();
  const titleId = useId();
  const { method } = props;
  return (
    <Card className={styles.tile} role="group" aria-labelledby={titleId}>
      <Text id={titleId} className={styles.title}>
        {isPhone(method) ? PHONE_TYPE_WORDS[method.phoneType] : "Password"}
      </Text>
      {isPhone(method) ? <PhoneDetails {...props} phone={method} /> : <PasswordDetails changed={method.createdDateTime} />}
    </Card>
  );
}

function PasswordDetails({ changed }: { changed: string | null | undefined }) {
  const styles = useStyles();
  const when = formatDateTime(changed);
  return <Text className={styles.detail}>{when ? `Last changed ${when}` : "Last changed: not known"}</Text>;
}

function PhoneDetails({ phone, userId, onChanged, onEnable, enableError }: Parameters<typeof MethodTile>[0] & { phone: PhoneMethod }) {
  const styles = useStyles();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [disable, { loading: disabling }] = useMutation(MethodsDisableSmsSignIn);
  const [remove] = useMutation(MethodsDeletePhoneMethod);
  const state = phone.smsSignInState;
  const canEnable = phone.phoneType === "mobile" && state === "notEnabled";
  const canDisable = phone.phoneType === "mobile" && state === "ready";

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(toApiError(caught));
    }
    // Whatever happened, show the methods as they are now.
    await onChanged().catch(() => undefined);
  }

  return (
    <>
      <Text className={styles.detail}>{phone.phoneNumber}</Text>
      <Text className={state === "ready" ? styles.ready : styles.state}>{SMS_SIGN_IN_STATE_WORDS[state]}</Text>
      {state === "phoneNumberNotUnique" && <Text className={styles.detail}>{NUMBER_IN_USE}</Text>}
      <div className={styles.actions}>
        {canEnable && (
          <Button appearance="primary" onClick={onEnable}>
            Enable
          </Button>
        )}
        {canDisable && (
          <Button disabled={disabling} onClick={() => run(() => disable({ variables: { userId, id: phone.id } }))}>
            Disable
          </Button>
        )}
        <Button onClick={() => setConfirmDelete(true)}>Delete</Button>
      </div>
      <ErrorText error={error ?? enableError} />
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${PHONE_TYPE_WORDS[phone.phoneType].toLowerCase()} phone?`}
        confirmLabel="OK"
        onConfirm={() => run(() => remove({ variables: { userId, id: phone.id } }))}
        onClose={() => setConfirmDelete(false)}
      >
        Are you sure you want to delete the phone <PhoneNumber>{phone.phoneNumber}</PhoneNumber>? It can no longer be used to sign in.
      </ConfirmDialog>
    </>
  );
}
