import { Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title1, tokens } from "@fluentui/react-components";
import { AuthenticationMethods } from "../methods/AuthenticationMethods.js";
import { isPhone, useMethods } from "../methods/useMethods.js";
import { useSession } from "../session.js";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
});

/** Security info: the signed-in user's own sign-in methods (CONSOLE.md, "Security info"). */
export function SecurityInfoPage() {
  const styles = useStyles();
  const session = useSession();
  const { methods } = useMethods();
  const mustRegisterSms = session?.requiredActions.includes("registerSms") ?? false;
  const hasMobile = methods?.some((method) => isPhone(method) && method.phoneType === "mobile") ?? false;
  return (
    <div className={styles.page}>
      <Title1 as="h1" className={styles.heading}>
        Security info
      </Title1>
      <Body1>These are the methods you use to sign in to your account or reset your password.</Body1>
      {mustRegisterSms && methods && !hasMobile && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Register a phone</MessageBarTitle>
            Your organization requires you to sign in with a code texted to your mobile phone. Select Add method, then Phone, to register it.
          </MessageBarBody>
        </MessageBar>
      )}
      <AuthenticationMethods />
    </div>
  );
}
