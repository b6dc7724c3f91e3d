import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { SecretBox } from '@hub/secret-box';
import { Client } from 'pg';

/** An email inbox of its own workspace, configured as docs/email.md says. */
export interface EmailInboxFixture {
  workspaceId: string;
  inboxId: string;
  address: string;
}

/** In a workspace of its own, or in `workspaceId` (one made by createWorkspace, with agents). */
export async function createEmailInbox(
  databaseUrl: string,
  options: {
    workspaceId?: string;
    signature?: string;
    /** A mailbox to poll over IMAP; its password sealed with `secretsKey`, the hub's SECRETS_KEY. */
    imap?: { host: string; port: number; user: string; password: string; secretsKey: string };
  } = {},
): Promise<EmailInboxFixture> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const workspaceId = options.workspaceId ?? randomUUID();
    const { imap } = options;
    const address = `support-${randomBytes(4).toString('hex')}@shop.example`;
    if (!options.workspaceId) {
      await db.query(`INSERT INTO gateway.workspaces (id, name, slug) VALUES ($1, 'Shop', $2)`, [
        workspaceId,
        `ws-${workspaceId}`,
      ]);
    }
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO conversation.inboxes (workspace_id, name, channel, settings)
       VALUES ($1, 'Support mail', 'email', $2) RETURNING id`,
      [
        workspaceId,
        JSON.stringify({
          email: {
            address,
            displayName: 'Shop Support',
            signature: options.signature,
            ...(imap && {
              imap: { host: imap.host, port: imap.port, secure: false, user: imap.user },
            }),
          },
          ...(imap && {
            secrets: { imapPassword: new SecretBox(imap.secretsKey).seal(imap.password) },
          }),
        }),
      ],
    );
    return { workspaceId, inboxId: rows[0].id, address };
  } finally {
    await db.end();
  }
}

const FIXTURES = path.resolve(__dirname, '../../../apps/connector-email/test/fixtures');

/** A real-world mail of the fixtures, its To header and Message-ID rewritten for this test. */
export function fixtureMail(name: string, replace: { to: string; messageId?: string }): Buffer {
  let text = readFileSync(path.join(FIXTURES, name)).toString('latin1');
  text = text.replace(/^To: .*$/m, `To: ${replace.to}`);
  if (replace.messageId)
    text = text.replace(/^Message-ID: .*$/im, `Message-ID: <${replace.messageId}>`);
  return Buffer.from(text, 'latin1');
}

/**
 * Sends a raw mail with nodemailer as a sending server would; rejects with its SMTP error.
 * Plain by default; `tls` upgrades with STARTTLS (any certificate), `auth` logs in first.
 */
export async function sendMail(
  port: number,
  mail: { from: string; to: string[]; raw: Buffer | string },
  options: { tls?: boolean; auth?: { user: string; pass: string } } = {},
): Promise<{ response: string; rejected: string[] }> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ...(options.tls
      ? { requireTLS: true, tls: { rejectUnauthorized: false } }
      : { ignoreTLS: true }),
    ...(options.auth ? { auth: options.auth } : {}),
  });
  try {
    const info = await transport.sendMail({
      envelope: { from: mail.from, to: mail.to },
      raw: mail.raw,
    });
    return { response: info.response, rejected: info.rejected.map(String) };
  } finally {
    transport.close();
  }
}

/** A self-signed certificate for 127.0.0.1 in `dir`: the key and certificate files. */
export function selfSignedCertificate(dir: string): { keyFile: string; certFile: string } {
  const keyFile = path.join(dir, 'smtp.key');
  const certFile = path.join(dir, 'smtp.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { keyFile, certFile };
}

/**
 * A zip whose one entry inflates to `inflatedBytes` of zeros from about a thousandth of that:
 * what a zip bomb is made of.
 */
export function zipBomb(inflatedBytes: number): Buffer {
  const name = Buffer.from('zeros.bin');
  const content = Buffer.alloc(inflatedBytes);
  const data = deflateRawSync(content, { level: 9 });
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(inflatedBytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(inflatedBytes, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A multipart mail with a text part and one base64 attachment. */
export function mailWithAttachment(
  headers: Record<string, string>,
  text: string,
  attachment: { name: string; type: string; content: Buffer },
): string {
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [
    ...lines,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    `--${boundary}`,
    `Content-Type: ${attachment.type}; name="${attachment.name}"`,
    `Content-Disposition: attachment; filename="${attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    attachment.content.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A mail in plain UTF-8 text with the given headers. */
export function textMail(headers: Record<string, string>, body: string): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [...lines, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body].join(
    '\r\n',
  );
}

/**
 * An SMTP dialogue by hand, for what nodemailer hides: the EHLO answer, a session cut between
 * the end of DATA and the reply.
 */
export class SmtpDialogue {
  private buffer = '';
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<SmtpDialogue> {
    const socket = connectTcp({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const dialogue = new SmtpDialogue(socket);
    await dialogue.reply();
    return dialogue;
  }

  /** Sends a line (or raw text) and returns the complete reply. */
  async command(line: string): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  write(text: string): void {
    this.socket.write(text);
  }

  /** Everything received and not yet read as a reply. */
  pending(): string {
    return this.buffer;
  }

  /** The next complete (possibly multi-line) reply; rejects when the connection closes first. */
  async reply(): Promise<string> {
    for (;;) {
      const end = completeReplyEnd(this.buffer);
      if (end !== -1) {
        const reply = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end);
        return reply;
      }
      if (this.closed) throw new Error(`connection closed; got ${JSON.stringify(this.buffer)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** Where a complete reply ends (its last line is `NNN text`), or -1. */
function completeReplyEnd(buffer: string): number {
  const lines = buffer.split('\r\n');
  let offset = 0;
  for (const line of lines.slice(0, -1)) {
    offset += line.length + 2;
    if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) return offset;
  }
  return -1;
}

/** A mail the SMTP sink took, raw and parsed. */
export interface SunkMail {
  envelopeTo: string[];
  raw: Buffer;
}

/**
 * A local SMTP server standing in for the relay: keeps what it is given, and can refuse the
 * next mails with 451 (a relay in trouble) or mails to an address with 550.
 */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
  private temporaryRefusals = 0;
  private readonly refusedRecipients = new Set<string>();
  private readonly server: SMTPServer;
  port = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onRcptTo: (address, _session, done) =>
        this.refusedRecipients.has(address.address)
          ? done(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }))
          : done(),
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.temporaryRefusals > 0) {
            this.temporaryRefusals--;
            done(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 }));
            return;
          }
          this.mails.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          done();
        });
      },
    });
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    const address = sink.server.server.address();
    sink.port = typeof address === 'object' && address ? address.port : 0;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuseNext(count: number): void {
    this.temporaryRefusals = count;
  }

  refuseRecipient(address: string): void {
    this.refusedRecipients.add(address);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
