import { AgentSocket } from './agent-socket';
import { HubHttp } from './http';
import { Session } from './session';

/** The session, REST client and socket of one browser tab, made once at start. */
export interface HubClient {
  session: Session;
  http: HubHttp;
  socket: AgentSocket;
}

export function createHubClient(): HubClient {
  const session = new Session(window.sessionStorage);
  const http = new HubHttp(session);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new AgentSocket({
    url: `${scheme}://${window.location.host}/ws/agent`,
    token: () => session.current?.accessToken ?? null,
    refreshToken: async () => (await session.refresh().catch(() => null))?.accessToken ?? null,
  });
  window.addEventListener('pagehide', () => session.park());
  return { session, http, socket };
}
