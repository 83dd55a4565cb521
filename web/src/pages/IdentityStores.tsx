import { useMutation, useQuery } from "@apollo/client/react";
import { Spinner, Text, Title1 } from "@fluentui/react-components";
import { useId } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError } from "../errors.js";
import type { IdentityStoresListQuery } from "../graphql.js";
import { AuthenticationTypeSwitches } from "../settings/AuthenticationTypeSwitches.js";
import { IdentityStoresList, IdentityStoresSetTypeEnabled } from "../settings/documents.js";
import { IdentityStoreSmsForm } from "../settings/IdentityStoreSmsForm.js";
import { useSettingsStyles } from "../settings/styles.js";

type Store = IdentityStoresListQuery["identityStores"][number];

/** Administration: each identity store's SMS settings (template, gateway account, destinations) and enabled sign-in types. */
export function IdentityStoresPage() {
  const styles = useSettingsStyles();
  // Network first: each form is filled once, from what the server holds now.
  const { data, error } = useQuery(IdentityStoresList, { fetchPolicy: "network-only" });
  return (
    <div className={styles.page}>
      <Title1 as="h1">Identity stores</Title1>
      {error && !data && <ErrorText error={toApiError(error)} />}
      {!data && !error && <Spinner label="Loading identity stores" />}
      {data && data.identityStores.length === 0 && <Text>No identity stores.</Text>}
      {data?.identityStores.map((store) => <StoreSection key={store.id} store={store} accounts={data.smsGatewayAccounts} />)}
    </div>
  );
}

function StoreSection({ store, accounts }: { store: Store; accounts: IdentityStoresListQuery["smsGatewayAccounts"] }) {
  const styles = useSettingsStyles();
  const headingId = useId();
  const [setEnabled] = useMutation(IdentityStoresSetTypeEnabled);
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.heading}>
        {store.name}
      </h2>
      <AuthenticationTypeSwitches
        title="Enabled authentication types"
        on={store.enabledAuthenticationTypes}
        onChange={(type, enabled) => setEnabled({ variables: { identityStoreId: store.id, type, enabled } })}
      />
      <IdentityStoreSmsForm store={store} accounts={accounts} />
    </section>
  );
}
