import { Injectable } from '@nestjs/common';
import { SUBJECTS, type EmailInboxView } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';

// An inbox's address rarely changes; a new one is reachable within this long, and a flood of
// RCPTs for one address costs conversation one request per period, not one each.
const FRESH_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * The email inbox receiving mail for an address (asked of conversation, which keeps inboxes),
 * remembered briefly, including "none". Failures to ask are not remembered: the sender is told
 * to try again later.
 */
@Injectable()
export class EmailInboxLookup {
  private readonly cache = new Map<string, { inbox: EmailInboxView | null; until: number }>();

  constructor(private readonly rpc: RpcClient) {}

  async find(address: string): Promise<EmailInboxView | null> {
    const cached = this.cache.get(address);
    if (cached && cached.until > Date.now()) return cached.inbox;
    let inbox: EmailInboxView | null;
    try {
      inbox = await this.rpc.request(SUBJECTS.conversation.findEmailInbox, { address });
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== 'INBOX_NOT_FOUND') throw error;
      inbox = null;
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(address, { inbox, until: Date.now() + FRESH_MS });
    return inbox;
  }
}
