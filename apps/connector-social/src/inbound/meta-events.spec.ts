import { metaEntries } from './meta-events';

describe('metaEntries', () => {
  it('reads WhatsApp messages and statuses by phone number id', () => {
    const [entry] = metaEntries({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: 'Sheena' }, wa_id: '16505551234' }],
                messages: [
                  {
                    from: '16505551234',
                    id: 'wamid.A',
                    timestamp: '1700000000',
                    type: 'document',
                    document: { id: 'media-1', filename: 'invoice.pdf', caption: 'mine' },
                  },
                  { from: '16505551234', id: 'wamid.B', timestamp: '1', type: 'order' },
                ],
                statuses: [
                  {
                    id: 'wamid.OUT',
                    status: 'failed',
                    errors: [{ code: 131047, title: 'Re-engagement message' }],
                  },
                ],
              },
            },
          ],
        },
      ],
    })!;
    expect(entry.accountId).toBe('106540352242922');
    expect(entry.events.messages).toEqual([
      {
        externalMessageId: 'wamid.A',
        senderId: '16505551234',
        senderPhone: '+16505551234',
        senderName: 'Sheena',
        sentAt: new Date(1_700_000_000_000),
        text: 'mine',
        media: {
          source: { kind: 'whatsapp', mediaId: 'media-1' },
          kind: 'document',
          name: 'invoice.pdf',
        },
      },
    ]);
    expect(entry.events.ignored).toEqual(['order']);
    expect(entry.events.statuses).toEqual([
      { channelMessageId: 'wamid.OUT', status: 'failed', reason: 'Re-engagement message' },
    ]);
  });

  it('skips our own echoes and ignores objects it does not serve', () => {
    const [entry] = metaEntries({
      object: 'page',
      entry: [
        {
          id: '1',
          messaging: [{ sender: { id: '2' }, timestamp: 1, message: { mid: 'm', is_echo: true } }],
        },
      ],
    })!;
    expect(entry.events.messages).toEqual([]);
    expect(metaEntries({ object: 'permissions' })).toBeNull();
  });

  it('keeps the message a Messenger or WhatsApp reply answers', () => {
    const [messenger] = metaEntries({
      object: 'page',
      entry: [
        {
          id: 'PAGE',
          messaging: [
            {
              sender: { id: 'PSID' },
              recipient: { id: 'PAGE' },
              timestamp: 1_700_000_000_000,
              message: { mid: 'm_2', text: 'yes', reply_to: { mid: 'm_1' } },
            },
          ],
        },
      ],
    })!;
    expect(messenger.events.messages[0].replyTo).toBe('m_1');
    const [whatsapp] = metaEntries({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: 'PN' },
                messages: [
                  {
                    from: '16505551234',
                    id: 'wamid.R',
                    timestamp: '1700000000',
                    type: 'text',
                    text: { body: 'yes' },
                    context: { from: '15550001111', id: 'wamid.OUT' },
                  },
                ],
              },
            },
          ],
        },
      ],
    })!;
    expect(whatsapp.events.messages[0].replyTo).toBe('wamid.OUT');
  });

  it('reads delivery and read receipts as watermarks, and Instagram reads by message', () => {
    const receipt = (item: object) => ({
      sender: { id: 'PSID' },
      recipient: { id: 'PAGE' },
      ...item,
    });
    const [page] = metaEntries({
      object: 'page',
      entry: [
        {
          id: 'PAGE',
          messaging: [
            receipt({ delivery: { mids: ['m_1'], watermark: 1_700_000_000_000 } }),
            receipt({ delivery: { mids: ['m_2'] } }),
            receipt({ timestamp: 1_700_000_000_500, read: { watermark: 1_700_000_000_400 } }),
          ],
        },
      ],
    })!;
    expect(page.events.statuses).toEqual([
      {
        status: 'delivered',
        watermark: { recipientId: 'PSID', upTo: new Date(1_700_000_000_000) },
      },
      { status: 'delivered', channelMessageId: 'm_2' },
      { status: 'read', watermark: { recipientId: 'PSID', upTo: new Date(1_700_000_000_400) } },
    ]);
    const [instagram] = metaEntries({
      object: 'instagram',
      entry: [{ id: 'IG', messaging: [receipt({ read: { mid: 'aWdf' } })] }],
    })!;
    expect(instagram.events.statuses).toEqual([{ status: 'read', channelMessageId: 'aWdf' }]);
    expect(instagram.events.ignored).toEqual([]);
  });

  it('keeps only the link of Instagram media, story mentions and story replies, never the content', () => {
    const cdn = 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=x';
    const message = (mid: string, fields: object) => ({
      sender: { id: 'IGSID' },
      recipient: { id: 'IG' },
      timestamp: 1_700_000_000_000,
      message: { mid, ...fields },
    });
    const [instagram] = metaEntries({
      object: 'instagram',
      entry: [
        {
          id: 'IG',
          messaging: [
            message('m_mention', {
              attachments: [{ type: 'story_mention', payload: { url: cdn } }],
            }),
            message('m_reply', { text: 'love it', reply_to: { story: { url: cdn, id: 'S1' } } }),
            message('m_image', { attachments: [{ type: 'image', payload: { url: cdn } }] }),
            message('m_gone', { attachments: [{ type: 'story_mention', payload: {} }] }),
          ],
        },
      ],
    })!;
    expect(
      instagram.events.messages.map(({ externalMessageId, text, media, replyTo }) => ({
        externalMessageId,
        text,
        media,
        replyTo,
      })),
    ).toEqual([
      { externalMessageId: 'm_mention', text: `📣 Mentioned you in their story: ${cdn}` },
      { externalMessageId: 'm_reply', text: `↩ Replied to your story: ${cdn}\nlove it` },
      { externalMessageId: 'm_image', text: `🖼 Instagram image: ${cdn}` },
      {
        externalMessageId: 'm_gone',
        text: '📣 Mentioned you in their story (no longer available)',
      },
    ]);
  });

  it('fetches a Messenger attachment, which Meta lets us keep', () => {
    const [page] = metaEntries({
      object: 'page',
      entry: [
        {
          id: 'PAGE',
          messaging: [
            {
              sender: { id: 'PSID' },
              timestamp: 1,
              message: {
                mid: 'm_img',
                attachments: [{ type: 'image', payload: { url: 'https://x/y' } }],
              },
            },
          ],
        },
      ],
    })!;
    expect(page.events.messages[0].media).toEqual({
      source: { kind: 'url', url: 'https://x/y' },
      kind: 'image',
    });
  });
});
