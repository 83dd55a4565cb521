/**
 * Placeholder (being built): one tile per authentication method of a user, with the tile
 * actions of CONSOLE.md (add a phone, enable / disable SMS sign-in, delete), kept live by the
 * authenticationMethodsChanged subscription. `userId` omitted: the signed-in user.
 */
export function AuthenticationMethods(_props: { userId?: string }) {
  return null;
}
