/** Placeholder: being built. */
export function SecurityInfoPage() {
  return <h1>Security info</h1>;
}
