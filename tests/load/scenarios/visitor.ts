// A website visitor chatting: a session, the widget socket, a few messages a person types, each
// timed to `message.accepted` (durably admitted) and `message.ack` (stored, with its seq).
// Protocol: docs/visitor-socket.md.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Rate, Trend } from 'k6/metrics';
import { setTimeout } from 'k6/timers';
import { WebSocket } from 'k6/websockets';
import {
  CONNECTOR_WEB_URL,
  MESSAGES_PER_CHAT,
  TYPING_PAUSE_S,
  WEB_INBOX_ID,
  ws,
} from '../config.ts';

const accepted = new Trend('message_accepted', true);
const stored = new Trend('message_stored', true);
const failed = new Rate('message_failed');

interface Frame {
  type: string;
  clientMessageId?: string;
  code?: string;
}

export function visitorChats(): void {
  const session = http.post(
    `${CONNECTOR_WEB_URL}/api/v1/widget/sessions`,
    JSON.stringify({ inboxId: WEB_INBOX_ID }),
    { headers: { 'content-type': 'application/json' }, tags: { name: 'widget session' } },
  );
  if (!check(session, { 'session minted': (r) => r.status === 201 })) return;
  const token = session.json('token') as string;

  const socket = new WebSocket(ws(CONNECTOR_WEB_URL, '/ws/visitor'));
  const sentAt = new Map<string, number>();
  let sent = 0;

  const sendNext = () => {
    if (sent === MESSAGES_PER_CHAT) {
      socket.close();
      return;
    }
    const id = `k6-${exec.vu.idInTest}-${exec.vu.iterationInScenario}-${sent++}`;
    sentAt.set(id, Date.now());
    socket.send(
      JSON.stringify({ type: 'message.send', ref: id, clientMessageId: id, content: `k6 ${id}` }),
    );
  };

  socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token }));
  socket.onmessage = (event) => {
    const frame = JSON.parse(String(event?.data)) as Frame;
    const since = frame.clientMessageId ? sentAt.get(frame.clientMessageId) : undefined;
    if (frame.type === 'welcome') sendNext();
    else if (frame.type === 'message.accepted' && since !== undefined) {
      accepted.add(Date.now() - since);
    } else if (frame.type === 'message.ack' && since !== undefined) {
      stored.add(Date.now() - since);
      failed.add(false);
      setTimeout(sendNext, TYPING_PAUSE_S * 1000);
    } else if (frame.type === 'message.failed' || frame.type === 'error') {
      failed.add(true);
      check(frame, { 'no error frame': () => false });
      setTimeout(sendNext, TYPING_PAUSE_S * 1000);
    }
  };
  socket.onerror = () => failed.add(true);
}
