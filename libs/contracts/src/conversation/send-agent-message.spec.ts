import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SendAgentMessageRequest } from './send-agent-message';

const id = '6f1c1e7e-3f55-4a4e-9a59-1f8f1b1f0a11';
const request = (contentType?: unknown) => ({
  workspaceId: id,
  conversationId: id,
  actor: { agentId: id, role: 'agent' },
  clientMessageId: 'c-1',
  content: 'https://example.com',
  ...(contentType === undefined ? {} : { contentType }),
});

const refused = (plain: object) =>
  validateSync(plainToInstance(SendAgentMessageRequest, plain)).map((e) => e.property);

describe('SendAgentMessageRequest', () => {
  it('takes text (the default) and links', () => {
    expect(refused(request())).toEqual([]);
    expect(refused(request('text'))).toEqual([]);
    expect(refused(request('link'))).toEqual([]);
  });

  it('refuses the content types agents do not send this way', () => {
    for (const contentType of ['image', 'file', 'event', 'html'])
      expect(refused(request(contentType))).toEqual(['contentType']);
  });
});
