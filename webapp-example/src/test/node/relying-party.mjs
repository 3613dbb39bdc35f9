// The example's OpenID Connect provider, driven by a certified relying party: openid-client (panva), v6.
//
//   node relying-party.mjs [BASE]        BASE defaults to http://127.0.0.1:8080, the contract's issuer
//
// Walks, as the OpenID Connect client demo-oidc (client_secret_basic) for the resource owner alice:
// discovery; the authorization code flow with PKCE (S256), state, nonce and max_age, this script itself
// playing the browser (cookie jar, no redirect followed by itself: login form, consent form, and the final
// redirect to http://127.0.0.1:8765/callback read from its Location header, since nothing listens there);
// the token request and the ID token checks (signature against jwks_uri, iss, aud, sub, nonce, auth_time,
// at_hash); UserInfo; a refresh. Then as demo-jwt-client (private_key_jwt with its demo key, RFC 9068 access
// tokens), signed in already: the authorization request as a signed request object (RFC 9101), the code grant
// and client credentials with private_key_jwt client authentication, each access token validated as a resource
// server would with oauth4webapi's validateJwtAccessToken (RFC 9068 §4: typ, signature from jwks_uri, iss, aud,
// exp, sub, client_id), used at /api/me, revoked, and then refused there at once. Then as demo-par, a pushed
// authorization request (RFC 9126) and its code; and as demo-dpop, DPoP-bound tokens (RFC 9449) with a fresh key:
// the code grant, /api/me and UserInfo with proofs, a bound token refused as a bearer token, a refresh; and as
// demo-device, the device authorization grant (RFC 8628): the device's request, alice's approval at
// verification_uri_complete, the device's polls until its tokens. Every step is asserted (node:assert/strict).
//
// Exit status 0 and one JSON line on stdout when everything held; otherwise a non-zero status and the failed
// step with its cause on stderr. OpenIdClientIT runs this against the example deployed by Arquillian;
// webapp-example/pom.xml runs `npm ci` here first (package-lock.json pins openid-client).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';
import { inspect } from 'node:util';
import * as client from 'openid-client';
import * as oauth from 'oauth4webapi';

const BASE = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CLIENT_ID = 'demo-oidc';
const JWT_CLIENT_ID = 'demo-jwt-client';
/** demo-jwt-client's private key (a JWK with kid), beside its public JWK Set in the example's resources. */
const JWT_CLIENT_KEY = new URL('../../main/resources/demo/jwt-client-private.jwk.json', import.meta.url);
const CLIENT_SECRET = 'demo-oidc-secret';
const REDIRECT_URI = 'http://127.0.0.1:8765/callback';
const SCOPE = 'openid profile email';
const USERNAME = 'alice';
const PASSWORD = 'wonderland';
/** Contract: auth_time is in the ID token "when max_age is sent"; the library then checks it against this. */
const MAX_AGE = 600;
const ALICE = {
  sub: 'alice',
  name: 'Alice Liddell',
  given_name: 'Alice',
  family_name: 'Liddell',
  email: 'alice@example.com',
  email_verified: true,
};
/** Seconds for one HTTP request (the library's and the browser's). */
const REQUEST_TIMEOUT = 30;
/** The whole run; below OpenIdClientIT's 120 s so that a hang is reported here, with the step it hung in. */
const OVERALL_TIMEOUT = 100;

let currentStep = 'start';

/** The step that failed, why, and the error with its causes (the server's response among them) on stderr. */
function fail(error) {
  let reason = `${error?.message ?? error}`.split('\n')[0];
  if (error instanceof assert.AssertionError && /Equal$/.test(error.operator)) {
    reason += ` (actual ${inspect(error.actual)}, expected ${inspect(error.expected)})`;
  }
  for (let cause = error?.cause; cause instanceof Error; cause = cause.cause) {
    reason += ` (${cause.message})`;
  }
  let text = `relying-party: FAILED at step "${currentStep}" against ${BASE}: ${reason}\n`;
  if (error instanceof Error) {
    text += `${inspect(error, { depth: 6, breakLength: 120 })}\n`;
  }
  writeSync(2, text);
  process.exit(1);
}

process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
setTimeout(() => fail(new Error(`no result after ${OVERALL_TIMEOUT} s`)), OVERALL_TIMEOUT * 1000).unref();

async function step(name, action) {
  currentStep = name;
  return action();
}

// ---- the browser: a cookie jar for one site, redirects never followed ----

const cookies = new Map();

function keepCookies(response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      continue;
    }
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key, val = ''] = attribute.split('=').map((part) => part.trim());
      return (key.toLowerCase() === 'max-age' && Number(val) <= 0)
          || (key.toLowerCase() === 'expires' && Date.parse(val) < Date.now());
    });
    if (expired) {
      cookies.delete(name);
    } else {
      cookies.set(name, value);
    }
  }
}

async function browse(url, form) {
  const headers = { accept: 'text/html' };
  if (cookies.size > 0) {
    headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  const init = { method: 'GET', headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT * 1000) };
  if (form) {
    init.method = 'POST';
    init.body = new URLSearchParams(form);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new Error(`${init.method} ${url}: ${error.cause?.message ?? error.message}`, { cause: error });
  }
  keepCookies(response);
  const body = await response.text();
  const location = response.headers.get('location');
  return { url: String(url), status: response.status, location: location && new URL(location, url), body };
}

function describe(page) {
  return `${page.status} from ${page.url}${page.location ? ` to ${page.location}` : ''}: ${page.body.slice(0, 600)}`;
}

function assertRedirect(page, what) {
  assert.ok(page.status === 302 || page.status === 303, `${what}: expected a 302 or 303, got ${describe(page)}`);
  assert.ok(page.location, `${what}: a redirect without Location: ${describe(page)}`);
  return page.location;
}

function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (entity, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) {
      return String.fromCodePoint(parseInt(lower.slice(2), 16));
    }
    if (lower.startsWith('#')) {
      return String.fromCodePoint(parseInt(lower.slice(1), 10));
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower];
  });
}

function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? unescapeHtml(match[1] ?? match[2]) : undefined;
}

/** The POST form of the page whose action's path is `path`: its absolute action, input names and hidden fields. */
function formOf(page, path) {
  assert.equal(page.status, 200, `expected a page with the form to ${path}, got ${describe(page)}`);
  for (const match of page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const action = new URL(attribute(match[1], 'action') ?? '', page.url);
    if (action.pathname !== path || (attribute(match[1], 'method') ?? 'get').toLowerCase() !== 'post') {
      continue;
    }
    const inputs = [...match[2].matchAll(/<input\b[^>]*>/gi)].map((input) => input[0]);
    const hidden = {};
    for (const input of inputs) {
      if ((attribute(input, 'type') ?? '').toLowerCase() === 'hidden' && attribute(input, 'name')) {
        hidden[attribute(input, 'name')] = attribute(input, 'value') ?? '';
      }
    }
    return { action, names: inputs.map((input) => attribute(input, 'name')), hidden };
  }
  assert.fail(`no <form method="post"> to ${path} on ${page.url}: ${page.body.slice(0, 600)}`);
}

// ---- the ID token's at_hash (Core 1.0 §3.1.3.6; the library checks c_hash, but not at_hash in the code flow) ----

function tokenHash(token, alg) {
  const bits = /(\d{3})$/.exec(alg)?.[1];
  const digest = { 256: 'sha256', 384: 'sha384', 512: 'sha512' }[bits]
      ?? (alg === 'EdDSA' || alg === 'Ed25519' ? 'sha512' : undefined);
  assert.ok(digest, `no at_hash digest known for alg ${alg}`);
  const hash = createHash(digest).update(token, 'ascii').digest();
  return hash.subarray(0, hash.length / 2).toString('base64url');
}

function header(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
}

/** The ID token claims every ID token of this client carries, and at_hash if present. */
function assertIdToken(idToken, claims, accessToken, what) {
  assert.ok(claims, `${what}: no ID token claims`);
  const jws = header(idToken);
  assert.equal(jws.alg, 'RS256', `${what}: ID token alg (RS256 unless the client registered another)`);
  assert.ok(typeof jws.kid === 'string' && jws.kid.length > 0, `${what}: ID token header without kid`);
  assert.equal(claims.iss, BASE, `${what}: ID token iss`);
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  assert.ok(audience.includes(CLIENT_ID), `${what}: ID token aud ${JSON.stringify(claims.aud)}`);
  if (audience.length > 1 || claims.azp !== undefined) {
    assert.equal(claims.azp, CLIENT_ID, `${what}: ID token azp`);
  }
  assert.equal(claims.sub, ALICE.sub, `${what}: ID token sub`);
  assert.equal(typeof claims.exp, 'number', `${what}: ID token exp`);
  assert.equal(typeof claims.iat, 'number', `${what}: ID token iat`);
  let atHash = 'absent';
  if (claims.at_hash !== undefined) {
    assert.equal(claims.at_hash, tokenHash(accessToken, jws.alg), `${what}: ID token at_hash`);
    atHash = 'valid';
  }
  return { alg: jws.alg, kid: jws.kid, atHash };
}

// ---- the flow ----

const config = await step('discovery', async () => {
  const discovered = await client.discovery(new URL(BASE), CLIENT_ID, CLIENT_SECRET,
      client.ClientSecretBasic(CLIENT_SECRET), {
        // plain http on the loopback; and the ID token signatures checked against jwks_uri
        execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
        timeout: REQUEST_TIMEOUT,
      });
  const metadata = discovered.serverMetadata();
  assert.equal(metadata.issuer, BASE, 'discovery: issuer');
  assert.equal(metadata.authorization_endpoint, `${BASE}/oauth2/authorize`, 'discovery: authorization_endpoint');
  assert.equal(metadata.token_endpoint, `${BASE}/oauth2/token`, 'discovery: token_endpoint');
  assert.equal(metadata.userinfo_endpoint, `${BASE}/oauth2/userinfo`, 'discovery: userinfo_endpoint');
  assert.equal(metadata.jwks_uri, `${BASE}/oauth2/jwks`, 'discovery: jwks_uri');
  const includes = (name, ...values) => {
    for (const value of values) {
      assert.ok(Array.isArray(metadata[name]) && metadata[name].includes(value),
          `discovery: ${name} ${JSON.stringify(metadata[name])} lacks ${value}`);
    }
  };
  includes('response_types_supported', 'code');
  includes('subject_types_supported', 'public');
  includes('id_token_signing_alg_values_supported', 'RS256');
  includes('code_challenge_methods_supported', 'S256');
  includes('token_endpoint_auth_methods_supported', 'client_secret_basic');
  includes('grant_types_supported', 'authorization_code', 'refresh_token');
  includes('scopes_supported', 'openid', 'profile', 'email');
  assert.ok(discovered.serverMetadata().supportsPKCE('S256'), 'discovery: PKCE S256');
  return discovered;
});

const codeVerifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();

const authorizationUrl = await step('authorization request', async () => client.buildAuthorizationUrl(config, {
  redirect_uri: REDIRECT_URI,
  scope: SCOPE,
  code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
  code_challenge_method: 'S256',
  state,
  nonce,
  max_age: String(MAX_AGE),
}));

const loginPage = await step('authorization page without a session: to /login', async () => {
  const page = await browse(authorizationUrl);
  const login = assertRedirect(page, 'GET the authorization URL without a session');
  assert.equal(login.origin, new URL(BASE).origin, `the login page is on this site: ${login}`);
  assert.equal(login.pathname, '/login', `the redirect goes to /login: ${login}`);
  assert.equal(login.searchParams.get('next'), authorizationUrl.pathname + authorizationUrl.search,
      'next is the original path and query');
  return login;
});

const consentPage = await step('sign in as alice', async () => {
  const form = formOf(await browse(loginPage), '/login');
  for (const field of ['username', 'password', 'next']) {
    assert.ok(form.names.includes(field), `the login form has no field ${field}: ${JSON.stringify(form.names)}`);
  }
  const signedIn = await browse(form.action, { ...form.hidden, username: USERNAME, password: PASSWORD });
  const next = assertRedirect(signedIn, `POST ${form.action} as ${USERNAME} (wrong password or a login error?)`);
  assert.ok(cookies.size > 0, 'signed in without a session cookie');
  assert.equal(next.href, new URL(form.hidden.next, BASE).href, 'after signing in, the browser goes to next');
  return next;
});

const callback = await step('consent', async () => {
  const page = await browse(consentPage);
  // a consent alice gave demo-oidc before is remembered: the answer then comes at once
  let decided = page;
  if (page.status === 200) {
    const form = formOf(page, '/oauth2/authorize');
    assert.ok(form.hidden.csrf_token, 'the consent form has no csrf_token');
    decided = await browse(form.action, { ...form.hidden, confirm: 'true' });
  }
  assert.notEqual(decided.status, 307, 'the authorization response is never a 307 (it would repost the form)');
  const location = assertRedirect(decided, 'the authorization response');
  assert.ok(location.href.startsWith(`${REDIRECT_URI}?`), `the redirect goes to ${REDIRECT_URI}: ${location}`);
  assert.equal(location.searchParams.get('error'), null, `authorization error: ${location}`);
  assert.ok(location.searchParams.get('code'), `no code in ${location}`);
  assert.equal(location.searchParams.get('state'), state, 'state is echoed');
  assert.equal(location.searchParams.get('iss'), BASE, 'iss (RFC 9207) is the issuer');
  return location;
});

const tokens = await step('token request (authorization code grant)', async () => {
  const response = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    maxAge: MAX_AGE,
    idTokenExpected: true,
  });
  assert.equal(typeof response.access_token, 'string', 'access_token');
  assert.equal(response.token_type?.toLowerCase(), 'bearer', 'token_type');
  assert.equal(typeof response.id_token, 'string', 'the code grant of an openid request returns an id_token');
  assert.equal(typeof response.refresh_token, 'string', 'refresh_token (demo-oidc has the refresh_token grant)');
  return response;
});

const idToken = await step('ID token', async () => {
  const claims = tokens.claims();
  const checked = assertIdToken(tokens.id_token, claims, tokens.access_token, 'code grant');
  assert.equal(claims.nonce, nonce, 'ID token nonce is the one sent');
  assert.equal(typeof claims.auth_time, 'number', 'ID token auth_time (max_age was sent)');
  const now = Math.floor(Date.now() / 1000);
  assert.ok(Math.abs(now - claims.auth_time) <= MAX_AGE, `auth_time ${claims.auth_time} is not around now (${now})`);
  return { ...checked, claims };
});

const userinfo = await step('UserInfo', async () => {
  const claims = await client.fetchUserInfo(config, tokens.access_token, idToken.claims.sub);
  for (const [name, value] of Object.entries(ALICE)) {
    assert.equal(claims[name], value, `UserInfo ${name}`);
  }
  return claims;
});

const refreshed = await step('refresh', async () => {
  const response = await client.refreshTokenGrant(config, tokens.refresh_token);
  assert.equal(typeof response.access_token, 'string', 'refresh: access_token');
  assert.notEqual(response.access_token, tokens.access_token, 'refresh: a new access token');
  let refreshedIdToken = null;
  if (response.id_token !== undefined) {
    const checked = assertIdToken(response.id_token, response.claims(), response.access_token, 'refresh');
    assert.equal(response.claims().sub, idToken.claims.sub, 'refresh: the ID token has the same sub');
    refreshedIdToken = checked;
  }
  const claims = await client.fetchUserInfo(config, response.access_token, idToken.claims.sub);
  assert.equal(claims.sub, ALICE.sub, 'UserInfo with the refreshed access token: sub');
  return {
    new_access_token: true,
    refresh_token_rotated: typeof response.refresh_token === 'string'
        && response.refresh_token !== tokens.refresh_token,
    id_token: refreshedIdToken === null ? 'absent' : 'same sub',
  };
});

/** Walks the consent page (or the remembered consent) of an authorization URL; answers the redirect. */
async function authorizeAt(url, expectedState, what) {
  const page = await browse(url);
  let decided = page;
  if (page.status === 200) {
    const form = formOf(page, '/oauth2/authorize');
    decided = await browse(form.action, { ...form.hidden, confirm: 'true' });
  }
  const location = assertRedirect(decided, what);
  assert.equal(location.searchParams.get('error'), null, `${what}: authorization error ${location}`);
  assert.equal(location.searchParams.get('state'), expectedState, `${what}: state`);
  return location;
}

// ---- as demo-jwt-client: private_key_jwt, a request object, RFC 9068 access tokens ----

const jwtClientKey = await step('demo-jwt-client: its private key', async () => {
  const jwk = JSON.parse(readFileSync(JWT_CLIENT_KEY, 'utf8'));
  assert.equal(typeof jwk.kid, 'string', 'the demo key has a kid');
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false,
      ['sign']);
  return { key, kid: jwk.kid };
});

const jwtConfig = await step('demo-jwt-client: discovery', async () => {
  const discovered = await client.discovery(new URL(BASE), JWT_CLIENT_ID, undefined,
      client.PrivateKeyJwt(jwtClientKey), { execute: [client.allowInsecureRequests], timeout: REQUEST_TIMEOUT });
  const metadata = discovered.serverMetadata();
  assert.ok(metadata.token_endpoint_auth_methods_supported.includes('private_key_jwt'),
      'discovery: token_endpoint_auth_methods_supported has private_key_jwt');
  assert.equal(metadata.request_parameter_supported, true, 'discovery: request_parameter_supported');
  assert.ok(metadata.request_object_signing_alg_values_supported?.includes('RS256'),
      'discovery: request_object_signing_alg_values_supported has RS256');
  return discovered;
});

/** Validates an access token as a resource server does (RFC 9068 §4) and returns its claims. */
async function validateJwtAccessToken(accessToken, what) {
  const as = jwtConfig.serverMetadata();
  const request = new Request(`${BASE}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  const claims = await oauth.validateJwtAccessToken(as, request, BASE, {
    [oauth.allowInsecureRequests]: true,
    [oauth.customFetch]: (url, options) => fetch(url, { ...options, signal: AbortSignal.timeout(REQUEST_TIMEOUT * 1000) }),
  });
  assert.equal(header(accessToken).typ, 'at+jwt', `${what}: typ`);
  assert.equal(claims.iss, BASE, `${what}: iss`);
  assert.equal(claims.client_id, JWT_CLIENT_ID, `${what}: client_id`);
  for (const name of ['exp', 'iat']) {
    assert.equal(typeof claims[name], 'number', `${what}: ${name}`);
  }
  assert.equal(typeof claims.jti, 'string', `${what}: jti`);
  return claims;
}

async function me(accessToken) {
  const response = await fetch(`${BASE}/api/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT * 1000),
  });
  return { status: response.status, body: await response.text(), challenge: response.headers.get('www-authenticate') };
}

const jwtState = client.randomState();
const jwtNonce = client.randomNonce();
const jwtVerifier = client.randomPKCECodeVerifier();

const jwtCallback = await step('demo-jwt-client: authorization by a request object (RFC 9101)', async () => {
  const url = await client.buildAuthorizationUrlWithJAR(jwtConfig, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(jwtVerifier),
    code_challenge_method: 'S256',
    state: jwtState,
    nonce: jwtNonce,
  }, jwtClientKey);
  assert.ok(url.searchParams.get('request'), 'the URL carries the request object');
  assert.equal(url.searchParams.get('state'), null, 'state is only inside the request object');
  return authorizeAt(url, jwtState, 'the authorization response to a request object');
});

const jwtTokens = await step('demo-jwt-client: code grant with private_key_jwt', async () => {
  const response = await client.authorizationCodeGrant(jwtConfig, jwtCallback, {
    pkceCodeVerifier: jwtVerifier,
    expectedState: jwtState,
    expectedNonce: jwtNonce,
    idTokenExpected: true,
  });
  assert.equal(response.claims().sub, ALICE.sub, 'the ID token is alice\'s');
  return response;
});

const jwtAccess = await step('demo-jwt-client: the access token is an RFC 9068 JWT', async () => {
  const claims = await validateJwtAccessToken(jwtTokens.access_token, 'code grant access token');
  assert.equal(claims.sub, ALICE.sub, 'code grant access token: sub');
  assert.deepEqual(claims.scope.split(' ').sort(), SCOPE.split(' ').sort(), 'code grant access token: scope');
  const answer = await me(jwtTokens.access_token);
  assert.equal(answer.status, 200, `/api/me with the JWT access token: ${answer.body}`);
  return claims;
});

const jwtClientCredentials = await step('demo-jwt-client: client credentials with private_key_jwt', async () => {
  const response = await client.clientCredentialsGrant(jwtConfig, { scope: 'profile' });
  const claims = await validateJwtAccessToken(response.access_token, 'client credentials access token');
  assert.equal(claims.sub, JWT_CLIENT_ID, 'client credentials access token: sub is the client (RFC 9068 §2.2)');
  assert.equal(claims.scope, 'profile', 'client credentials access token: scope');
  return claims;
});

const jwtRevoked = await step('demo-jwt-client: a revoked JWT access token is refused at once', async () => {
  await client.tokenRevocation(jwtConfig, jwtTokens.access_token, { token_type_hint: 'access_token' });
  const answer = await me(jwtTokens.access_token);
  assert.equal(answer.status, 401, `/api/me after revocation: ${answer.status} ${answer.body}`);
  assert.match(answer.challenge ?? '', /invalid_token/, '/api/me after revocation: the challenge');
  const introspection = await client.tokenIntrospection(jwtConfig, jwtTokens.access_token);
  assert.equal(introspection.active, false, 'introspection after revocation');
  return true;
});

// ---- as demo-par: a pushed authorization request (RFC 9126) ----

const parConfig = await step('demo-par: discovery', async () => {
  const discovered = await client.discovery(new URL(BASE), 'demo-par', 'demo-par-secret',
      client.ClientSecretBasic('demo-par-secret'), { execute: [client.allowInsecureRequests], timeout: REQUEST_TIMEOUT });
  assert.equal(discovered.serverMetadata().pushed_authorization_request_endpoint, `${BASE}/oauth2/par`,
      'discovery: pushed_authorization_request_endpoint');
  return discovered;
});

const parState = client.randomState();
const parVerifier = client.randomPKCECodeVerifier();

const parCallback = await step('demo-par: authorization by a pushed request', async () => {
  const url = await client.buildAuthorizationUrlWithPAR(parConfig, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(parVerifier),
    code_challenge_method: 'S256',
    state: parState,
  });
  assert.match(url.searchParams.get('request_uri') ?? '', /^urn:ietf:params:oauth:request_uri:/,
      'the URL carries the request_uri');
  assert.equal(url.searchParams.get('state'), null, 'state was pushed, not sent');
  return authorizeAt(url, parState, 'the authorization response to a pushed request');
});

const parTokens = await step('demo-par: code grant', async () => {
  const response = await client.authorizationCodeGrant(parConfig, parCallback, {
    pkceCodeVerifier: parVerifier,
    expectedState: parState,
    idTokenExpected: true,
  });
  assert.equal(response.claims().sub, ALICE.sub, 'the ID token is alice\'s');
  return response;
});

// ---- as demo-dpop: DPoP-bound tokens (RFC 9449) ----

const dpopConfig = await step('demo-dpop: discovery', async () => {
  const discovered = await client.discovery(new URL(BASE), 'demo-dpop', undefined, client.None(),
      { execute: [client.allowInsecureRequests], timeout: REQUEST_TIMEOUT });
  assert.ok(discovered.serverMetadata().dpop_signing_alg_values_supported?.includes('ES256'),
      'discovery: dpop_signing_alg_values_supported has ES256');
  return discovered;
});

const dpop = client.getDPoPHandle(dpopConfig, await client.randomDPoPKeyPair('ES256'));
const dpopState = client.randomState();
const dpopVerifier = client.randomPKCECodeVerifier();

const dpopTokens = await step('demo-dpop: code grant with a DPoP proof', async () => {
  const url = client.buildAuthorizationUrl(dpopConfig, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(dpopVerifier),
    code_challenge_method: 'S256',
    state: dpopState,
  });
  const callback = await authorizeAt(url, dpopState, 'the authorization response to demo-dpop');
  const response = await client.authorizationCodeGrant(dpopConfig, callback, {
    pkceCodeVerifier: dpopVerifier,
    expectedState: dpopState,
    idTokenExpected: true,
  }, undefined, { DPoP: dpop });
  assert.equal(response.token_type.toLowerCase(), 'dpop', 'token_type DPoP');
  return response;
});

const dpopUse = await step('demo-dpop: /api/me and UserInfo with proofs; as a bearer token, refused', async () => {
  const proved = await client.fetchProtectedResource(dpopConfig, dpopTokens.access_token,
      new URL(`${BASE}/api/me`), 'GET', undefined, undefined, { DPoP: dpop });
  assert.equal(proved.status, 200, `/api/me with DPoP: ${proved.status}`);
  const claims = await client.fetchUserInfo(dpopConfig, dpopTokens.access_token, ALICE.sub, { DPoP: dpop });
  assert.equal(claims.email, ALICE.email, 'UserInfo with DPoP: email');
  const asBearer = await me(dpopTokens.access_token);
  assert.equal(asBearer.status, 401, `a DPoP-bound token as a bearer token: ${asBearer.status}`);
  assert.match(asBearer.challenge ?? '', /^DPoP /, 'the challenge names DPoP');
  const refreshed = await client.refreshTokenGrant(dpopConfig, dpopTokens.refresh_token, undefined, { DPoP: dpop });
  assert.equal(refreshed.token_type.toLowerCase(), 'dpop', 'refresh: token_type DPoP');
  return { me: proved.status, bearer: asBearer.status };
});

// ---- as demo-device: the device authorization grant (RFC 8628) ----

const deviceConfig = await step('demo-device: discovery', async () => {
  const discovered = await client.discovery(new URL(BASE), 'demo-device', undefined, client.None(),
      { execute: [client.allowInsecureRequests], timeout: REQUEST_TIMEOUT });
  assert.equal(discovered.serverMetadata().device_authorization_endpoint, `${BASE}/oauth2/device_authorization`,
      'discovery: device_authorization_endpoint');
  return discovered;
});

const deviceAuthorization = await step('demo-device: device authorization request', async () => {
  const response = await client.initiateDeviceAuthorization(deviceConfig, { scope: SCOPE });
  assert.equal(response.verification_uri, `${BASE}/device`, 'verification_uri');
  assert.match(response.user_code, /^[A-Z]{4}-[A-Z]{4}$/, `user_code ${response.user_code}`);
  assert.ok(response.verification_uri_complete?.includes(encodeURIComponent(response.user_code))
      || response.verification_uri_complete?.includes(response.user_code), 'verification_uri_complete');
  return response;
});

const deviceApproval = await step('demo-device: alice approves at verification_uri_complete', async () => {
  const consent = formOf(await browse(deviceAuthorization.verification_uri_complete), '/device');
  const decided = await browse(consent.action, { ...consent.hidden, confirm: 'true' });
  assert.equal(decided.status, 200, `the approval: ${describe(decided)}`);
  return true;
});

const deviceTokens = await step('demo-device: the device polls until its tokens', async () => {
  const response = await client.pollDeviceAuthorizationGrant(deviceConfig, deviceAuthorization);
  assert.equal(typeof response.access_token, 'string', 'access_token');
  assert.equal(response.claims()?.sub, ALICE.sub, 'the ID token is alice\'s');
  return response;
});

currentStep = 'summary';
const version = JSON.parse(readFileSync(new URL('./node_modules/openid-client/package.json', import.meta.url),
    'utf8')).version;
writeSync(1, `${JSON.stringify({
  result: 'ok',
  issuer: config.serverMetadata().issuer,
  client_id: CLIENT_ID,
  library: `openid-client ${version}`,
  sub: idToken.claims.sub,
  id_token: {
    alg: idToken.alg,
    kid: idToken.kid,
    nonce: 'echoed',
    auth_time: idToken.claims.auth_time,
    at_hash: idToken.atHash,
  },
  userinfo: { sub: userinfo.sub, name: userinfo.name, email: userinfo.email },
  refresh: refreshed,
  jwt_client: {
    client_id: JWT_CLIENT_ID,
    request_object: 'accepted',
    access_token: { typ: 'at+jwt', sub: jwtAccess.sub, client_id: jwtAccess.client_id },
    client_credentials: { sub: jwtClientCredentials.sub, scope: jwtClientCredentials.scope },
    revoked: jwtRevoked ? 'refused at once' : 'accepted',
  },
  par: { client_id: 'demo-par', sub: parTokens.claims().sub },
  dpop: { client_id: 'demo-dpop', token_type: dpopTokens.token_type, api_me: dpopUse.me, as_bearer: dpopUse.bearer },
  device: { client_id: 'demo-device', approved: deviceApproval, sub: deviceTokens.claims()?.sub },
})}\n`);
process.exit(0);
