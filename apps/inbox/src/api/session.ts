import { ApiError, errorOf } from './api-error';
import type { AgentView, TokenAnswer } from './types';

// The refresh token survives a reload of this tab and nothing else: it sits in sessionStorage
// only while the page is being left. A duplicated tab copies sessionStorage while the page is
// live, finds nothing, and signs in on its own, so two tabs never spend one refresh token (the
// hub would take that for theft and end the session).
const PARKED_REFRESH_TOKEN = 'hub.inbox.refresh';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN = 0.2;

export interface SignedIn {
  accessToken: string;
  agent: AgentView;
}

type Listener = (state: SignedIn | null) => void;

/**
 * The agent's session: the access token in memory only, refresh-token rotation (each refresh
 * token is used once, concurrent callers share one refresh), and a timer that refreshes before
 * expiry.
 */
export class Session {
  private state: SignedIn | null = null;
  private refreshToken: string | null = null;
  private refreshing: Promise<SignedIn | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
    this.refreshToken = storage.getItem(PARKED_REFRESH_TOKEN);
    storage.removeItem(PARKED_REFRESH_TOKEN);
  }

  get current(): SignedIn | null {
    return this.state;
  }

  get canResume(): boolean {
    return this.refreshToken !== null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called as the page is left (reload): keeps the refresh token for the next page of this tab. */
  park(): void {
    if (this.refreshToken) this.storage.setItem(PARKED_REFRESH_TOKEN, this.refreshToken);
  }

  async signIn(body: { workspace: string; email: string; password: string }): Promise<SignedIn> {
    const answer = await postJson('/api/v1/auth/login', body);
    return this.accept(answer);
  }

  /** A new access token from the refresh token; null (signed out) when the hub refuses it. */
  refresh(): Promise<SignedIn | null> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Ends the session on the hub (its sockets close too) and forgets it here. */
  async signOut(): Promise<void> {
    const token = this.state?.accessToken;
    this.clear();
    if (!token) return;
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    }).catch(() => undefined);
  }

  /** The session ended elsewhere (revoked, agent deactivated): forget it. */
  clear(): void {
    clearTimeout(this.timer);
    this.refreshToken = null;
    this.setState(null);
  }

  updateAgent(agent: AgentView): void {
    if (this.state) this.setState({ ...this.state, agent });
  }

  private async exchange(): Promise<SignedIn | null> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) return null;
    try {
      return this.accept(await postJson('/api/v1/auth/refresh', { refreshToken }));
    } catch (error) {
      // Only a refusal ends the session; a network failure leaves it to the next try.
      if (error instanceof ApiError && error.status === 401) this.clear();
      else throw error;
      return null;
    }
  }

  private accept(answer: TokenAnswer): SignedIn {
    this.refreshToken = answer.refreshToken;
    clearTimeout(this.timer);
    const delayMs = answer.expiresIn * 1000 * (1 - REFRESH_MARGIN);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), delayMs);
    const signedIn = { accessToken: answer.accessToken, agent: answer.agent };
    this.setState(signedIn);
    return signedIn;
  }

  private setState(state: SignedIn | null): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

async function postJson(path: string, body: unknown): Promise<TokenAnswer> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as TokenAnswer;
}
