import { Switch } from "@fluentui/react-components";
import { useId, useState } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import type { AuthenticationType } from "../graphql.js";
import { useSettingsStyles } from "./styles.js";

const TYPES: { type: AuthenticationType; label: string }[] = [
  { type: "password", label: "Password" },
  { type: "sms", label: "SMS" },
];

/**
 * A switch per authentication type, each change saved at once by `onChange`; the switches show
 * what the API holds, so a refused change springs back and the server's message is shown.
 */
export function AuthenticationTypeSwitches(props: { title: string; on: readonly AuthenticationType[]; onChange: (type: AuthenticationType, on: boolean) => Promise<unknown> }) {
  const { title, on, onChange } = props;
  const styles = useSettingsStyles();
  const headingId = useId();
  const [busy, setBusy] = useState<AuthenticationType | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function toggle(type: AuthenticationType, checked: boolean) {
    // Not disabled while saving: a disabled switch would drop the keyboard focus.
    if (busy) return;
    setBusy(type);
    setError(null);
    try {
      await onChange(type, checked);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div role="group" aria-labelledby={headingId} className={styles.form}>
      <h3 id={headingId} className={styles.subheading}>
        {title}
      </h3>
      <div className={styles.switches}>
        {TYPES.map(({ type, label }) => (
          <Switch key={type} label={label} checked={on.includes(type)} aria-busy={busy === type} onChange={(_, d) => void toggle(type, d.checked)} />
        ))}
      </div>
      <ErrorText error={error} />
    </div>
  );
}
