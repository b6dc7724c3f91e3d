import type { DemoLoginRecord } from './state';

/** Left-aligned columns, two spaces apart, with a header row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export interface ServiceStatus {
  name: string;
  url: string;
  ready: boolean;
}

export function servicesTable(services: readonly ServiceStatus[]): string[] {
  return table(
    ['service', 'url', 'ready'],
    services.map((s) => [s.name, s.url, s.ready ? 'yes' : 'NO (see its output above)']),
  );
}

/** Where the agents' app is: the gateway serves it at its root. */
export function inboxHint(gatewayUrl: string): string {
  return `Inbox: ${gatewayUrl}/`;
}

/** How to use a demo login against the gateway at `gatewayUrl`. */
export function signInHint(gatewayUrl: string): string {
  return (
    `sign in: POST ${gatewayUrl}/api/v1/auth/login {"workspace":"demo","email":…,"password":…}; ` +
    `API docs at ${gatewayUrl}/api/docs`
  );
}

/** How a visitor (what the widget will do) opens a chat with the demo workspace's web inbox. */
export function visitorHint(connectorWebUrl: string, webInboxId: string): string {
  return (
    `visitor session: POST ${connectorWebUrl}/api/v1/widget/sessions {"inboxId":"${webInboxId}"}, ` +
    'then the visitor socket (docs/visitor-socket.md)'
  );
}

/** Where mail goes in: connector-email's SMTP port and the demo inbox's address. */
export function mailHint(smtpPort: number, demoAddress: string): string {
  return `mail in: SMTP on 127.0.0.1:${smtpPort} (HUB_SMTP_PORT), to ${demoAddress} (docs/email.md)`;
}

export function loginsTable(logins: readonly DemoLoginRecord[]): string[] {
  return table(
    ['role', 'name', 'email', 'password'],
    logins.map((l) => [l.role, l.name, l.email, l.password]),
  );
}
