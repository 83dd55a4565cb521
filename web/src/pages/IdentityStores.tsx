/** Placeholder: being built. */
export function IdentityStoresPage() {
  return <h1>IdentityStores</h1>;
}
