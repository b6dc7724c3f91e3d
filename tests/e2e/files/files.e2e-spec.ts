import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AgentRole } from '@hub/domain';
import { fileSignature } from '@hub/storage';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient, type VisitorSession } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;
const SIGNING_SECRET = randomBytes(32).toString('hex');
const samples = path.resolve(__dirname, '../../../libs/storage/src/uploads/samples');
const sample = (name: string) => readFileSync(path.join(samples, name));

interface Attachment {
  fileId: string;
  name: string;
  size: number;
  mimeType: string;
  url: string;
}
type Message = { seq: number; content: string; contentType: string; attachment?: Attachment };

async function upload(
  url: string,
  token: string,
  file: { bytes: Buffer; name: string; type?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('files: uploads, attachments and signed links through every service', () => {
  let suite: HubSuite;
  let workspace: WorkspaceFixture;
  let agent: AgentSocketClient;
  let agentToken: string;
  let gateway: GatewayApi;

  const url = (service: 'gateway' | 'connector-web') => suite.hub.service(service).url;
  const visitorUpload = (session: VisitorSession, bytes: Buffer, name: string, type?: string) =>
    upload(`${url('connector-web')}/api/v1/widget/uploads`, session.token, { bytes, name, type });

  beforeAll(async () => {
    suite = await startHubSuite('files', SERVICES, { FILES_SIGNING_SECRET: SIGNING_SECRET });
    gateway = new GatewayApi(url('gateway'));
  });

  beforeEach(async () => {
    workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
    const { ada } = workspace.agents;
    agentToken = await gateway.login(workspace.slug, ada.email, ada.password);
    ({ client: agent } = await AgentSocketClient.connect(url('gateway'), agentToken));
  });

  afterEach(() => agent?.socket.close());
  afterAll(() => suite?.stop());

  /** A visitor whose conversation is assigned to ada. */
  async function chattingVisitor() {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client } = await VisitorClient.greeted(url('connector-web'), { token: session.token });
    client.send({ type: 'message.send', clientMessageId: 'hello', content: 'Hello' });
    const ack = await client.next((f) => f.type === 'message.ack' && f.clientMessageId === 'hello');
    const conversationId = ack.conversationId as string;
    await agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { id: string; assigneeId?: string }).id === conversationId &&
        (f.conversation as { assigneeId?: string }).assigneeId === workspace.agents.ada.id,
      15_000,
      'the assignment',
    );
    return { session, client, conversationId };
  }

  it("carries a visitor's PNG to the agent, whose signed gateway link serves the same bytes inline and sandboxed", async () => {
    const { session, client } = await chattingVisitor();
    const png = sample('sample.png');

    // Named and declared as something else: the content decides.
    const uploaded = await visitorUpload(session, png, 'screen "shot".txt', 'text/html');
    expect(uploaded).toEqual({
      status: 201,
      body: {
        fileId: expect.any(String) as string,
        name: 'screen "shot".txt',
        size: png.length,
        mimeType: 'image/png',
        url: expect.stringContaining(`${url('connector-web')}/files/`) as string,
      },
    });
    const fileId = uploaded.body.fileId as string;
    client.send({ type: 'message.send', clientMessageId: 'png', content: '', fileId });
    await client.next((f) => f.type === 'message.ack' && f.clientMessageId === 'png');

    const created = await agent.waitFor(
      (f) => f.type === 'message.created' && (f.message as Message).attachment !== undefined,
      15_000,
      'the message with the file',
    );
    const message = created.message as Message;
    expect(message).toMatchObject({ content: '', contentType: 'image' });
    expect(message.attachment).toMatchObject({ fileId, size: png.length, mimeType: 'image/png' });
    expect(message.attachment!.url.startsWith(`${url('gateway')}/files/${fileId}?`)).toBe(true);

    const response = await fetch(message.attachment!.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `inline; filename="screen _shot_.txt"; filename*=UTF-8''screen%20%22shot%22.txt`,
      'cross-origin-resource-policy': 'cross-origin',
    });
    expect(response.headers.get('cache-control')).toMatch(/^private, max-age=(9\d\d|8\d\d)$/);

    // The agent's REST read of the conversation signs the link for the gateway too.
    const listed = await gateway.call<Message[]>(
      'GET',
      `/api/v1/conversations/${(created.message as { conversationId: string }).conversationId}/messages`,
      { token: agentToken },
    );
    expect(listed.body.find((m) => m.attachment)?.attachment?.url).toMatch(
      new RegExp(`^${url('gateway')}/files/${fileId}\\?expires=\\d+&signature=[0-9a-f]{64}$`),
    );
    await client.close();
  });

  it('refuses an SVG with script, an HTML page named .png and a renamed executable (415), and 11 MiB (413)', async () => {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const refusedTypes = await Promise.all([
      visitorUpload(session, sample('script.svg'), 'logo.svg', 'image/svg+xml'),
      visitorUpload(session, sample('page-renamed.png'), 'photo.png', 'image/png'),
      visitorUpload(session, sample('program.exe'), 'invoice.pdf', 'application/pdf'),
    ]);
    const tooLarge = await visitorUpload(session, Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.txt');

    for (const refused of refusedTypes) {
      expect(refused).toEqual({
        status: 415,
        body: expect.objectContaining({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED' }) as object,
      });
    }
    expect(tooLarge).toEqual({
      status: 413,
      body: expect.objectContaining({ status: 413, code: 'FILE_TOO_LARGE' }) as object,
    });
    const unauthenticated = await upload(`${url('connector-web')}/api/v1/widget/uploads`, 'nope', {
      bytes: sample('sample.png'),
      name: 'a.png',
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('refuses an expired, forged or borrowed link with 403 FILE_LINK_EXPIRED', async () => {
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { body } = await visitorUpload(session, sample('sample.jpg'), 'a.jpg');
    const fileId = body.fileId as string;
    const link = new URL(body.url as string);
    const expired = Math.floor(Date.now() / 1000) - 1;
    const signedButExpired = fileSignature({ secret: SIGNING_SECRET, fileId, expires: expired });
    const other = await visitorUpload(session, sample('sample.gif'), 'b.gif');
    const forged = new URL(link);
    forged.searchParams.set('signature', 'f'.repeat(64));
    const prolonged = new URL(link);
    prolonged.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600));

    const attempts = [
      `${url('connector-web')}/files/${fileId}?expires=${expired}&signature=${signedButExpired}`,
      forged.toString(),
      prolonged.toString(),
      // Another file's signature does not open this one.
      `${url('connector-web')}/files/${other.body.fileId as string}${link.search}`,
      `${url('connector-web')}/files/${fileId}`,
    ];
    for (const attempt of attempts) {
      const response = await fetch(attempt);
      expect({ attempt, status: response.status, body: await response.json() }).toEqual({
        attempt,
        status: 403,
        body: expect.objectContaining({ code: 'FILE_LINK_EXPIRED' }) as object,
      });
    }
    expect((await fetch(link)).status).toBe(200);
  });

  it("refuses a message carrying another visitor's file", async () => {
    const stranger = await newSession(url('connector-web'), workspace.inboxId);
    const { body } = await visitorUpload(stranger, sample('sample.png'), 'theirs.png');
    const session = await newSession(url('connector-web'), workspace.inboxId);
    const { client } = await VisitorClient.greeted(url('connector-web'), { token: session.token });

    client.send({
      type: 'message.send',
      ref: 'theirs',
      clientMessageId: 'theirs',
      content: 'look',
      fileId: body.fileId,
    });

    expect(await client.next((f) => f.ref === 'theirs')).toEqual({
      type: 'error',
      ref: 'theirs',
      status: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String) as string,
      fieldErrors: [{ field: 'fileId', message: expect.any(String) as string }],
    });
    await client.close();
  });

  it("gives the visitor an agent's PDF as a download, live and again in the welcome after a reconnect", async () => {
    const { session, client, conversationId } = await chattingVisitor();
    const pdf = sample('sample.pdf');
    const uploaded = await upload(`${url('gateway')}/api/v1/uploads`, agentToken, {
      bytes: pdf,
      name: '見積書.pdf',
    });
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.fileId as string;

    const sent = await gateway.call<Message>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      {
        token: agentToken,
        body: { clientMessageId: 'quote', content: 'Your quote', fileId },
      },
    );
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      contentType: 'file',
      attachment: { fileId, mimeType: 'application/pdf' },
    });

    const live = await client.next(
      (f) => f.type === 'message.created' && (f.message as Message).attachment?.fileId === fileId,
    );
    const liveLink = (live.message as Message).attachment!.url;
    expect(liveLink.startsWith(`${url('connector-web')}/files/${fileId}?`)).toBe(true);
    const download = await fetch(liveLink);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.pdf`,
    );
    await client.close();

    const { welcome } = await VisitorClient.greeted(url('connector-web'), { token: session.token });
    const again = (welcome.messages as Message[]).find((m) => m.attachment?.fileId === fileId);
    expect(again).toMatchObject({ content: 'Your quote', contentType: 'file' });
    expect((await fetch(again!.attachment!.url)).status).toBe(200);
  });
});
