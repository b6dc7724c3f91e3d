// An agent with the inbox open: signs in, keeps the agent socket for the whole scenario and
// answers every customer message of the conversations routed to them, timing each reply's
// `message.ack`. Protocol: docs/agent-socket.md.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Trend } from 'k6/metrics';
import { WebSocket } from 'k6/websockets';
import { AGENT_EMAILS, AGENT_PASSWORD, GATEWAY_URL, WORKSPACE, ws } from '../config.ts';

const replyAcked = new Trend('agent_reply_acked', true);

interface Frame {
  type: string;
  ref?: string;
  message?: { conversationId: string; senderType: string; seq: number };
}

export function agentsReplying(): void {
  const email = AGENT_EMAILS[(exec.vu.idInTest - 1) % AGENT_EMAILS.length];
  const login = http.post(
    `${GATEWAY_URL}/api/v1/auth/login`,
    JSON.stringify({ workspace: WORKSPACE, email, password: AGENT_PASSWORD }),
    { headers: { 'content-type': 'application/json' }, tags: { name: 'agent login' } },
  );
  if (!check(login, { 'agent signed in': (r) => r.status === 200 })) return;
  const token = login.json('accessToken') as string;

  const socket = new WebSocket(ws(GATEWAY_URL, '/ws/agent'));
  const sentAt = new Map<string, number>();
  let replies = 0;
  socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token, ref: 'auth' }));
  socket.onmessage = (event) => {
    const frame = JSON.parse(String(event?.data)) as Frame;
    if (frame.type === 'message.created' && frame.message?.senderType === 'customer') {
      const ref = `k6-a${exec.vu.idInTest}-${replies++}`;
      sentAt.set(ref, Date.now());
      socket.send(
        JSON.stringify({
          type: 'message.send',
          ref,
          conversationId: frame.message.conversationId,
          clientMessageId: ref,
          content: `Thanks, looking at message ${frame.message.seq}`,
        }),
      );
    } else if (frame.type === 'message.ack' && frame.ref && sentAt.has(frame.ref)) {
      replyAcked.add(Date.now() - sentAt.get(frame.ref)!);
      check(frame, { 'reply stored': () => true });
    } else if (frame.type === 'error') {
      check(frame, { 'reply stored': () => false });
    }
  };
}
