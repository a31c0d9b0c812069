// Prints an access token of the sample realm for one user, as the Java clients of SampleEndToEndIT use it:
// a dynamically registered client, the authorization code flow with PKCE, and Keycloak's login and consent forms
// filled in by completeAuthorization() (plain HTTP). Usage: node access-token.mjs <user> <password> <scope>
import { registerClient, login } from '../../liberty-sample/keycloak/login-flow-check.mjs';

const [username, password, scope] = process.argv.slice(2);
if (!username || !password || !scope) {
  console.error('usage: node access-token.mjs <user> <password> <scope>');
  process.exit(2);
}
const client = await registerClient({ scope, name: `java client of ${username}` });
const { tokens } = await login({ clientId: client.client_id, username, password, scope });
process.stdout.write(tokens.access_token);
