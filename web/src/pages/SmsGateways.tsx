/** Placeholder: being built. */
export function SmsGatewaysPage() {
  return <h1>SmsGateways</h1>;
}
