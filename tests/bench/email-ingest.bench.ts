import { randomUUID } from 'node:crypto';
import { findFreePort } from '@hub/dev-infra';
import { Client } from 'pg';
import { createEmailInbox, SmtpDialogue } from '../e2e/support/email';
import { startHubSuite, type HubSuite } from '../e2e/support/hub-suite';
import { measureFloors } from '../e2e/support/floors';
import { elapsedMs, formatSummary, summarize } from '../e2e/support/stats';
import { perMessageCpu } from './support/process-cpu';
import { profilingEnv } from './support/profiling';
import { untilStored } from './support/stored-messages';

// Mail in over SMTP on the running hub: BENCH_EMAIL_CLIENTS sending servers at once, each one
// session sending BENCH_EMAIL_PER_CLIENT mails of about 10 KB (a Chinese or Japanese body in
// base64) one after another. Latency is from the end of DATA (the final ".") to the 250;
// throughput is mails accepted (250) per second, and mails stored by conversation per second.
const CLIENTS = Number(process.env.BENCH_EMAIL_CLIENTS ?? 20);
const PER_CLIENT = Number(process.env.BENCH_EMAIL_PER_CLIENT ?? 50);
// Distinct senders (customers) the mails come from.
const SENDERS = 200;

const CHINESE =
  '您好，我上周在贵店购买的商品到现在还没有收到，物流信息一直停留在转运中心。请帮忙查询一下包裹的位置，如果丢失了希望能够重新发货或者退款。谢谢！\n';
const JAPANESE =
  'お世話になっております。先週注文した商品がまだ届いておりません。配送状況を確認していただけますでしょうか。紛失の場合は再送または返金をお願いいたします。\n';

/** A ~10 KB mail: ~7 KB of UTF-8 CJK text, base64-encoded and wrapped. */
function cjkMail(to: string, from: string, messageId: string, japanese: boolean): string {
  const paragraph = japanese ? JAPANESE : CHINESE;
  const body = paragraph.repeat(Math.ceil(7_400 / Buffer.byteLength(paragraph)));
  const base64 = Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n');
  const subject = Buffer.from(japanese ? '配送について' : '物流查询').toString('base64');
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: =?UTF-8?B?${subject}?=`,
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    '',
  ].join('\r\n');
}

describe('email ingest', () => {
  let suite: HubSuite;

  afterAll(() => suite?.stop());

  it('reports mails accepted and stored per second, and end-of-DATA→250 p99, against the floors', async () => {
    const smtpPort = await findFreePort();
    suite = await startHubSuite('bench_mail', ['conversation', 'crm', 'connector-email'], {
      LOG_LEVEL: 'warn',
      ...profilingEnv(),
      SMTP_PORT: String(smtpPort),
    });
    const floors = await measureFloors({
      databaseUrl: suite.database.url,
      nc: suite.nc,
      namespace: suite.namespace,
    });
    const inbox = await createEmailInbox(suite.database.url);

    /** One sending server: a session, then its mails one after another; end-of-DATA→250 each. */
    const client = async (index: number, mails: number, latencies: number[]): Promise<void> => {
      const smtp = await SmtpDialogue.open(smtpPort);
      try {
        await smtp.command('EHLO bench.example');
        for (let i = 0; i < mails; i++) {
          const sender = `customer${(index * mails + i) % SENDERS}@bench.example`;
          const raw = cjkMail(inbox.address, sender, `${randomUUID()}@bench.example`, i % 2 === 1);
          await smtp.command(`MAIL FROM:<${sender}>`);
          await smtp.command(`RCPT TO:<${inbox.address}>`);
          await smtp.command('DATA');
          const start = process.hrtime.bigint();
          const reply = await smtp.command(`${raw}\r\n.`);
          latencies.push(elapsedMs(start));
          if (!reply.startsWith('250')) throw new Error(`mail refused: ${reply}`);
        }
        await smtp.command('QUIT');
      } finally {
        smtp.close();
      }
    };
    const db = new Client({ connectionString: suite.database.url });
    await db.connect();
    // Warm-up, not measured: JIT, pools, every sender's customer created once.
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, SENDERS / CLIENTS, [])));
    await untilStored(db, inbox.inboxId, SENDERS);

    const latencies: number[] = [];
    const cpu = perMessageCpu(
      suite.hub.all().map((service) => ({ name: service.name, pid: service.pid! })),
    );
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, PER_CLIENT, latencies)));
    const acceptedSeconds = elapsedMs(started) / 1_000;
    await untilStored(db, inbox.inboxId, SENDERS + CLIENTS * PER_CLIENT);
    const storedSeconds = elapsedMs(started) / 1_000;
    const cpuReport = cpu.report(CLIENTS * PER_CLIENT);
    await db.end();

    const total = CLIENTS * PER_CLIENT;
    const accepted = total / acceptedSeconds;
    const persisted = total / storedSeconds;
    const insertFloor = 1_000 / floors.postgresInsertCommit.p50;
    const latency = summarize(latencies);
    console.log(
      [
        `email ingest: ${CLIENTS} SMTP clients × ${PER_CLIENT} mails of ~10 KB CJK`,
        formatSummary('floor: PostgreSQL insert commit', floors.postgresInsertCommit),
        formatSummary('floor: JetStream publish ack', floors.jetstreamPublishAck),
        `floor: single-row inserts/s (1 / p50): ${insertFloor.toFixed(0)}/s`,
        formatSummary('end of DATA → 250', latency),
        `accepted (250): ${accepted.toFixed(0)} mails/s; stored by conversation: ${persisted.toFixed(0)} mails/s`,
        cpuReport,
        `stored rate = ${(persisted / insertFloor).toFixed(2)}× the insert floor (target ≥ 0.2×); p99 to 250 ${latency.p99.toFixed(2)} ms (target < 50 ms)`,
      ].join('\n'),
    );
    expect(latency.count).toBe(total);
  });
});
