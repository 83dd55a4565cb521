/** Placeholder: being built. */
export function SecurityRolesPage() {
  return <h1>SecurityRoles</h1>;
}
