import { useMutation } from "@apollo/client/react";
import { Button, Field, Input, Select, Text, Textarea } from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { fieldOf, toApiError, type ApiError } from "../errors.js";
import type { IdentityStoresListQuery } from "../graphql.js";
import { IdentityStoresUpdateSms } from "./documents.js";
import { SmsTemplatePreview } from "./SmsTemplatePreview.js";
import { useSettingsStyles } from "./styles.js";

type Store = IdentityStoresListQuery["identityStores"][number];
type Account = IdentityStoresListQuery["smsGatewayAccounts"][number];

const FIELDS = ["smsMessageTemplate", "smsGatewayAccountId", "smsAllowedCountryCallingCodes", "smsDailyLimitPerCountry", "smsDailyLimitPerPrefix"] as const;
type FieldName = (typeof FIELDS)[number];

interface Draft {
  template: string;
  accountId: string;
  countries: string;
  perCountry: string;
  perPrefix: string;
}

const draftOf = (store: Store): Draft => ({
  template: store.smsMessageTemplate,
  accountId: store.smsGatewayAccount?.id ?? "",
  countries: (store.smsAllowedCountryCallingCodes ?? []).join(", "),
  perCountry: String(store.smsDailyLimitPerCountry),
  perPrefix: String(store.smsDailyLimitPerPrefix),
});

/** "" is left as it is (null); anything but a whole number is refused here, before the request. */
const dailyLimit = (value: string): number | null | undefined => (value.trim() === "" ? null : /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);

/**
 * An identity store's SMS settings: the message template (with a live preview and its length),
 * the gateway account, the destination countries and the daily caps, saved together.
 */
export function IdentityStoreSmsForm({ store, accounts }: { store: Store; accounts: readonly Account[] }) {
  const styles = useSettingsStyles();
  const previewId = useId();
  const [draft, setDraft] = useState(() => draftOf(store));
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState("");
  const [save, { loading }] = useMutation(IdentityStoresUpdateSms);
  // "Saved." stands until the form differs from what was saved.
  const set = (change: Partial<Draft>) => {
    setStatus("");
    setDraft((d) => ({ ...d, ...change }));
  };

  const errorField = fieldOf(error);
  const fieldError = (field: FieldName) => (error && errorField === field ? { validationMessage: error.message, validationState: "error" as const } : {});
  const formError = error && !FIELDS.includes(errorField as FieldName) ? error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setStatus("");
    const perCountry = dailyLimit(draft.perCountry);
    const perPrefix = dailyLimit(draft.perPrefix);
    if (perCountry === undefined || perPrefix === undefined) {
      setError({ message: "Enter a whole number of messages", field: perCountry === undefined ? "smsDailyLimitPerCountry" : "smsDailyLimitPerPrefix" });
      return;
    }
    const countries = draft.countries.split(/[\s,]+/).filter(Boolean);
    const input = {
      smsMessageTemplate: draft.template,
      smsGatewayAccountId: draft.accountId || null,
      // An empty list is "every country" (null) to the API.
      smsAllowedCountryCallingCodes: countries.length > 0 ? countries : null,
      smsDailyLimitPerCountry: perCountry,
      smsDailyLimitPerPrefix: perPrefix,
    };
    try {
      const { data } = await save({ variables: { identityStoreId: store.id, input } });
      setDraft(draftOf(data!.updateIdentityStoreSmsSettings));
      setStatus("Saved.");
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={`SMS settings of ${store.name}`}>
      <h3 className={styles.subheading}>SMS settings</h3>
      <ErrorText error={formError} />
      <Field label="Message template" hint="Contains [Code] exactly once, where the code goes." {...fieldError("smsMessageTemplate")}>
        <Textarea value={draft.template} onChange={(_, d) => set({ template: d.value })} aria-describedby={previewId} resize="vertical" />
      </Field>
      <SmsTemplatePreview id={previewId} template={draft.template} />
      <Field label="Gateway account" {...fieldError("smsGatewayAccountId")}>
        <Select className={styles.fill} value={draft.accountId} onChange={(_, d) => set({ accountId: d.value })}>
          {draft.accountId === "" && <option value="">The default account</option>}
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {`${account.name} (${account.provider}${account.isDefault ? ", default" : ""})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Allowed country calling codes"
        hint='The countries codes may be texted to, as calling codes: e.g. "1, 44". Empty: every country.'
        {...fieldError("smsAllowedCountryCallingCodes")}
      >
        <Input value={draft.countries} onChange={(_, d) => set({ countries: d.value })} autoComplete="off" />
      </Field>
      <div className={styles.row}>
        <Field label="Daily limit per country" className={styles.grow} {...fieldError("smsDailyLimitPerCountry")}>
          <Input value={draft.perCountry} onChange={(_, d) => set({ perCountry: d.value })} inputMode="numeric" autoComplete="off" />
        </Field>
        <Field label="Daily limit per number prefix" className={styles.grow} {...fieldError("smsDailyLimitPerPrefix")}>
          <Input value={draft.perPrefix} onChange={(_, d) => set({ perPrefix: d.value })} inputMode="numeric" autoComplete="off" />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={loading}>
          Save
        </Button>
        <Text role="status">{status}</Text>
      </div>
    </form>
  );
}
