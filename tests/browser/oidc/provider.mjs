// A real OpenID Connect provider on 127.0.0.1 for the single sign-on tests: panva's
// oidc-provider (certified by the OpenID Foundation), with its development sign-in form.
//
//   node provider.mjs PORT REDIRECT_URI
//
// Accounts come as JSON in OIDC_ACCOUNTS: {"login": {"email": ..., "email_verified": ...}}. The
// sign-in form takes a login from that list and any password. Promo is a first-party client,
// so nobody is asked to consent (as at an organisation's own provider). Prints "ready" once
// listening; stops with the parent's stdin.
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'promo',
    client_secret: 'promo-test-secret',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  async findAccount(ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: () => ({ sub: id, ...claims }) };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  pkce: { required: () => true },
  cookies: { keys: ['promo-tests-only'] },
  features: { devInteractions: { enabled: true } },
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
