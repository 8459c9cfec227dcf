/**
 * Signing in and out. Locally the portal issues demo tokens (`/auth/dev/*`); in AWS, Cognito's
 * hosted sign-in with the authorization code flow and PKCE. The token lives in sessionStorage, so
 * it goes when the tab closes.
 */
import { safeReturnAddress } from '../../shared/platform/return-address.ts';
import { forgetAllKeptAnswers, keepAnswersOnThisPage } from './kept-answers.ts';

export interface LocalAuthConfig {
  mode: 'local';
}

export interface CognitoAuthConfig {
  mode: 'cognito';
  /** The hosted UI's base URL, e.g. https://example.auth.eu-west-2.amazoncognito.com */
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** Where Cognito sends the browser after signing out; it must be an allowed sign-out URL. */
  logoutUri?: string;
}

export type AuthConfig = LocalAuthConfig | CognitoAuthConfig;

export interface DemoUser {
  username: string;
  name: string;
  jobTitle?: string;
  roles: string[];
  agency: { id: string; name: string } | null;
}

const TOKEN_KEY = 'portal.session';
const PKCE_KEY = 'portal.pkce';

interface StoredSession {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** Locally, the demo user it is for, so "Stay signed in" can ask for a new token. */
  username?: string;
}

function readSession(): StoredSession | null {
  const raw = sessionStorage.getItem(TOKEN_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as StoredSession;
    if (typeof session.token === 'string' && typeof session.expiresAt === 'number') return session;
  } catch {
    // A damaged entry is the same as none.
  }
  return null;
}

let configPromise: Promise<AuthConfig> | undefined;

/** The sign-in configuration, from /api/config (read once per page). */
export function loadAuthConfig(): Promise<AuthConfig> {
  configPromise ??= (async () => {
    const response = await fetch('/api/config', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`The sign-in configuration could not be read (${response.status})`);
    const body = (await response.json()) as {
      auth?: Partial<Omit<CognitoAuthConfig, 'mode'>> & { mode?: string };
    };
    const auth = body.auth;
    if (auth?.mode === 'local') return { mode: 'local' };
    if (auth?.mode === 'cognito' && auth.domain && auth.clientId && auth.redirectUri) {
      return {
        mode: 'cognito',
        domain: auth.domain.replace(/\/+$/, ''),
        clientId: auth.clientId,
        redirectUri: auth.redirectUri,
        scopes: auth.scopes ?? ['openid'],
        ...(auth.logoutUri ? { logoutUri: auth.logoutUri } : {}),
      };
    }
    throw new Error('The sign-in configuration is not valid');
  })();
  return configPromise;
}

export function getToken(): string | null {
  const session = readSession();
  if (session && session.expiresAt > Date.now()) return session.token;
  sessionStorage.removeItem(TOKEN_KEY);
  return null;
}

/** When this tab's sign-in ends (milliseconds since the epoch), or null when not signed in. */
export function sessionEndsAt(): number | null {
  return getToken() === null ? null : (readSession()?.expiresAt ?? null);
}

export function isSignedIn(): boolean {
  return getToken() !== null;
}

export function storeToken(token: string, expiresInSeconds: number, username?: string): void {
  const session: StoredSession = {
    token,
    expiresAt: Date.now() + expiresInSeconds * 1000,
    ...(username ? { username } : {}),
  };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** A same-origin path to go to after signing in, or '/' for anything else (shared/platform/return-address.ts). */
export function safeReturnTo(value: string | null | undefined): string {
  return safeReturnAddress(value, window.location.origin);
}

export function signInUrl(returnTo: string = window.location.pathname + window.location.search): string {
  const target = safeReturnTo(returnTo);
  return target === '/' ? '/sign-in/' : `/sign-in/?returnTo=${encodeURIComponent(target)}`;
}

/** The sign-in answered with a refusal; `message` is its plain-English reason. */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    // A refusal says why (an agency no longer in the partnership, a suspended account): pass it on.
    const problem = (await response.json().catch(() => null)) as { detail?: unknown } | null;
    throw new SignInRefused(
      typeof problem?.detail === 'string' ? problem.detail : `Signing in failed (${response.status})`,
      response.status,
    );
  }
  return (await response.json()) as T;
}

// Local mode ----------------------------------------------------------------------------------

export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch('/auth/dev/users', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The demo users could not be read (${response.status})`);
  const body = (await response.json()) as { users: DemoUser[] };
  return body.users;
}

export async function signInAsDemoUser(username: string): Promise<void> {
  const { token, expiresIn } = await postJson<{ token: string; expiresIn?: number }>('/auth/dev/token', {
    username,
  });
  storeToken(token, expiresIn ?? 3600, username);
}

/**
 * A fresh sign-in for whoever is signed in now: locally a new demo token; with Cognito, its hosted
 * sign-in again, which returns at once while its own session lasts (so this may leave the page:
 * keep what was typed first). False when there is nobody to renew.
 */
export async function renewSession(): Promise<boolean> {
  const session = readSession();
  if (!session || getToken() === null) return false;
  const config = await loadAuthConfig();
  if (config.mode === 'cognito') {
    keepAnswersOnThisPage();
    await startCognitoSignIn(config, window.location.pathname + window.location.search);
    return true;
  }
  if (!session.username) return false;
  await signInAsDemoUser(session.username);
  return true;
}

// Cognito mode: authorization code with PKCE ---------------------------------------------------

interface PkceState {
  state: string;
  verifier: string;
  returnTo: string;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteLength: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

/** Sends the browser to Cognito's hosted sign-in. */
export async function startCognitoSignIn(config: CognitoAuthConfig, returnTo: string): Promise<void> {
  const verifier = randomString(48);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const pkce: PkceState = { state: randomString(24), verifier, returnTo: safeReturnTo(returnTo) };
  sessionStorage.setItem(PKCE_KEY, JSON.stringify(pkce));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
    state: pkce.state,
    code_challenge: base64Url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${config.domain}/oauth2/authorize?${params}`);
}

/** On /auth/callback/: exchanges the code for tokens and returns where to go next. */
export async function completeCognitoSignIn(config: CognitoAuthConfig, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(PKCE_KEY);
  sessionStorage.removeItem(PKCE_KEY);
  const error = params.get('error');
  if (error) throw new Error(params.get('error_description') ?? error);
  const code = params.get('code');
  const pkce = raw ? (JSON.parse(raw) as PkceState) : null;
  if (!code || !pkce || params.get('state') !== pkce.state) {
    throw new Error('This sign-in link has expired or was not started here');
  }
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: pkce.verifier,
    }),
  });
  if (!response.ok) throw new Error(`Signing in failed (${response.status})`);
  const tokens = (await response.json()) as { access_token: string; expires_in: number };
  storeToken(tokens.access_token, tokens.expires_in);
  return safeReturnTo(pkce.returnTo);
}

// Signing out ----------------------------------------------------------------------------------

/** Forgets the token; with Cognito, also ends the hosted sign-in session. */
export async function signOut(): Promise<void> {
  clearToken();
  forgetAllKeptAnswers();
  const config = await loadAuthConfig().catch(() => null);
  if (config?.mode === 'cognito') {
    const params = new URLSearchParams({
      client_id: config.clientId,
      logout_uri: config.logoutUri ?? `${window.location.origin}/`,
    });
    window.location.assign(`${config.domain}/logout?${params}`);
    return;
  }
  window.location.assign('/sign-in/?signedOut=1');
}
