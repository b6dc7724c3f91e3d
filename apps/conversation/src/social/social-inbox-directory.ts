import { Injectable } from '@nestjs/common';
import type { FindSocialInboxRequest, SocialChannel, SocialInboxView } from '@hub/contracts';
import { Database, DomainException } from '@hub/service-kit';
import { Inbox } from '../inboxes/inbox.entity';

// The expression of uq_inboxes_meta_account, so the lookup uses that index.
const META_ACCOUNT = `coalesce(inbox.settings ->> 'pageId', inbox.settings ->> 'instagramAccountId', inbox.settings ->> 'phoneNumberId')`;

/**
 * Social inboxes (docs/social.md) for connector-social: by id (Telegram and LINE webhooks carry
 * it in their URL), or by the Meta account id a webhook names. The view holds the sealed secrets.
 */
@Injectable()
export class SocialInboxDirectory {
  constructor(private readonly database: Database) {}

  async find(request: FindSocialInboxRequest): Promise<SocialInboxView> {
    const query = this.database.dataSource.manager
      .createQueryBuilder(Inbox, 'inbox')
      .where('inbox.channel = :channel', { channel: request.channel });
    if (request.inboxId) query.andWhere('inbox.id = :id', { id: request.inboxId });
    else query.andWhere(`${META_ACCOUNT} = :account`, { account: request.accountId });
    const inbox = await query.getOne();
    if (!inbox) {
      throw new DomainException('INBOX_NOT_FOUND', `No ${request.channel} inbox matches`);
    }
    return {
      inboxId: inbox.id,
      workspaceId: inbox.workspaceId,
      channel: inbox.channel as SocialChannel,
      settings: inbox.settings,
    };
  }
}
