/** Placeholder: being built. */
export function SmsPolicyPage() {
  return <h1>SmsPolicy</h1>;
}
