import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: "10rem" },
  value: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A generated password, shown once: it lives only in this component (never in Apollo's cache),
 * so navigating away or starting another reset forgets it.
 */
export function GeneratedPassword({ password }: { password: string }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>("");
  const noteId = useId();

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(password);
      setCopied("Copied to the clipboard.");
    } catch {
      // No clipboard access (permissions, an insecure origin): select it so it can be copied by hand.
      input.current?.select();
      setCopied("Couldn't copy automatically: the password is selected, copy it with Ctrl+C.");
    }
  }

  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>Password generated</MessageBarTitle>
        <span id={noteId}>Give this password to the user now: it will not be shown again.</span>
        <div className={styles.row}>
          <Field label="Generated password" className={styles.field}>
            <Input
              ref={input}
              readOnly
              value={password}
              className={styles.value}
              aria-describedby={noteId}
              autoComplete="off"
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
            />
          </Field>
          <Button onClick={copy}>Copy</Button>
        </div>
        <span role="status">{copied}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
