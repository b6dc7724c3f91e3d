import { Injectable } from '@nestjs/common';
import { SUBJECTS, type GetInboxRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { readAutoInviteRules, type AutoInviteRule } from './auto-invite-rules';

// Rules are read on page views: an admin's change shows within this long, at one request per
// inbox per period rather than one per page view.
const FRESH_FOR_MS = 30_000;

/** An inbox's auto-invite rules, from conversation (`settings.widget.autoInvite`), cached briefly. */
@Injectable()
export class AutoInviteRuleBook {
  private readonly cache = new Map<string, { rules: Promise<AutoInviteRule[]>; until: number }>();

  constructor(private readonly rpc: RpcClient) {}

  rulesOf(inboxId: string): Promise<AutoInviteRule[]> {
    const now = Date.now();
    const cached = this.cache.get(inboxId);
    if (cached && cached.until > now) return cached.rules;
    const rules = this.read(inboxId);
    this.cache.set(inboxId, { rules, until: now + FRESH_FOR_MS });
    // A failed read is not remembered: the next page view asks again.
    rules.catch(() => this.cache.delete(inboxId));
    return rules;
  }

  private async read(inboxId: string): Promise<AutoInviteRule[]> {
    const request: GetInboxRequest = { inboxId };
    const inbox = await this.rpc.request(SUBJECTS.conversation.getInbox, request);
    return readAutoInviteRules({ widget: inbox.widgetSettings }).rules;
  }
}
