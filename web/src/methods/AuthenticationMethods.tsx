import { useMutation, useSubscription } from "@apollo/client/react";
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { AddPhoneDialog, type RegisteredPhone } from "./AddPhoneDialog.js";
import { ConfirmDialog } from "../components/ConfirmDialog.js";
import { MethodsChanged, MethodsEnableSmsSignIn } from "./documents.js";
import { MethodTile, PhoneNumber } from "./MethodTile.js";
import { isPhone, useMethods } from "./useMethods.js";
import { PHONE_TYPES } from "./words.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 260px), 1fr))",
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
  },
});

type EnableOrigin = "banner" | "tile";

/**
 * One tile per authentication method of a user, with the tile actions of CONSOLE.md (add a
 * phone, enable / disable SMS sign-in, delete), kept live by the authenticationMethodsChanged
 * subscription. `userId` omitted: the signed-in user.
 */
export function AuthenticationMethods({ userId }: { userId?: string }) {
  const styles = useStyles();
  const { methods, loading, error, missing, refetch } = useMethods(userId);
  const reload = () => refetch().catch(() => undefined);
  // Method ids are shared by all users (the cache can't merge a change in): every change reloads the list.
  const live = useSubscription(MethodsChanged, { variables: { userId }, onData: () => void reload() });
  const [adding, setAdding] = useState(false);
  const [registered, setRegistered] = useState<RegisteredPhone | null>(null);
  const [enableFrom, setEnableFrom] = useState<EnableOrigin | null>(null);
  const [enableError, setEnableError] = useState<{ from: EnableOrigin; error: ApiError } | null>(null);
  const [enable] = useMutation(MethodsEnableSmsSignIn);

  if (missing) return <ErrorText error={{ message: "That user does not exist" }} />;
  if (error && !methods) return <ErrorText error={toApiError(error)} />;
  if (loading || !methods) return <Spinner label="Loading sign-in methods" />;

  const phones = methods.filter(isPhone);
  const mobile = phones.find((phone) => phone.phoneType === "mobile");
  const registeredTypes = phones.map((phone) => phone.phoneType);
  // The banner offers SMS sign-in to the user themselves; a refusal stays in its place after it goes.
  const showBanner = userId === undefined && mobile?.smsSignInState === "notEnabled";
  // The success text lasts as long as the phone it is about.
  const showRegistered = registered && registeredTypes.includes(registered.phoneType);

  function openEnable(from: EnableOrigin) {
    setEnableError(null);
    setEnableFrom(from);
  }

  async function confirmEnable(from: EnableOrigin) {
    setEnableError(null);
    if (!mobile) return setEnableError({ from, error: { message: "There is no mobile phone to enable SMS sign-in for" } });
    try {
      await enable({ variables: { userId, id: mobile.id } });
    } catch (caught) {
      setEnableError({ from, error: toApiError(caught) });
    }
    await reload();
  }

  return (
    <div className={styles.root}>
      {showBanner && mobile && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Use your phone number to sign in</MessageBarTitle>
            Sign in with <PhoneNumber>{mobile.phoneNumber}</PhoneNumber> and a code texted to it, instead of your user name and password.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => openEnable("banner")}>
              Enable
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {enableError?.from === "banner" && <ErrorText error={enableError.error} />}
      {showRegistered && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>SMS verified. Your phone was registered successfully.</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" onClick={() => setRegistered(null)}>×</Button>} />
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="primary">Add method</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled={registeredTypes.length === PHONE_TYPES.length} onClick={() => (setRegistered(null), setAdding(true))}>
                Phone
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      {error && <ErrorText error={toApiError(error)} />}
      {live.error && <ErrorText error={{ message: `Live updates stopped: ${toApiError(live.error).message}` }} />}
      <div className={styles.tiles}>
        {methods.map((method) => (
          <MethodTile
            key={isPhone(method) ? method.phoneType : method.__typename}
            method={method}
            userId={userId}
            onChanged={reload}
            onEnable={() => openEnable("tile")}
            enableError={isPhone(method) && method.phoneType === "mobile" && enableError?.from === "tile" ? enableError.error : null}
          />
        ))}
      </div>
      <AddPhoneDialog
        userId={userId}
        open={adding}
        registeredTypes={registeredTypes}
        onClose={() => setAdding(false)}
        onRegistered={(phone) => {
          setAdding(false);
          setRegistered(phone);
          void reload();
        }}
      />
      <ConfirmDialog
        open={enableFrom !== null}
        title="Enable SMS sign-in"
        confirmLabel="Enable"
        onConfirm={() => confirmEnable(enableFrom ?? "tile")}
        onClose={() => setEnableFrom(null)}
      >
        Sign in with {mobile ? <PhoneNumber>{mobile.phoneNumber}</PhoneNumber> : "your mobile phone number"} and a code texted to it, instead of a user name and
        password.
      </ConfirmDialog>
    </div>
  );
}
