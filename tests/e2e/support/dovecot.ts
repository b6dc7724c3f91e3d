import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { findFreePort } from '@hub/dev-infra';
import { waitFor } from '@hub/testing';

const DOVECOT = '/usr/sbin/dovecot';

export interface ImapAccount {
  user: string;
  password: string;
}

/**
 * A real IMAP server for the tests: Debian's Dovecot (package dovecot-imapd, which `.ci/run`
 * installs) on a free loopback port, plain-text login, Maildir under a temporary folder, its
 * accounts given here. Run as root, mail is kept as `nobody` (Dovecot refuses mail access as
 * root); otherwise as the current user.
 */
export class Dovecot {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(accounts: ImapAccount[]): Promise<Dovecot> {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-dovecot-'));
    // Dovecot's auth process runs as its own user and must reach the accounts file.
    chmodSync(dir, 0o755);
    const port = await findFreePort();
    const me = userInfo();
    const asRoot = me.uid === 0;
    // nobody/nogroup on Debian.
    const mailUid = asRoot ? 65534 : me.uid;
    const mailGid = asRoot ? 65534 : me.gid;
    for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub));
    if (asRoot) chownSync(path.join(dir, 'mail'), mailUid, mailGid);
    writeFileSync(
      path.join(dir, 'users'),
      accounts.map((a) => `${a.user}:{PLAIN}${a.password}\n`).join(''),
    );
    const own = asRoot ? {} : { user: me.username };
    writeFileSync(
      path.join(dir, 'dovecot.conf'),
      `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${mailUid}
${own.user ? `default_internal_user = ${own.user}\ndefault_login_user = ${own.user}\n` : ''}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
    );
    const child = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const server = new Dovecot(port, dir, child);
    await waitFor(
      () => portAnswers(port),
      20_000,
      () => `dovecot did not listen on ${port}: ${stderr.join('')}`,
    );
    return server;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await once(this.child, 'exit');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
