import { Injectable } from '@nestjs/common';
import { SUBJECTS, type GetInboxRequest } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { parseWidgetSettings } from '../widget-config/widget-settings';
import { readAutoInviteRules, type AutoInviteRule, type InboxLanguages } from './auto-invite-rules';

// Rules are read on page views: an admin's change shows within this long, at one request per
// inbox per period rather than one per page view.
const FRESH_FOR_MS = 30_000;

/** An inbox's auto-invite rules and languages. */
export interface InboxRules extends InboxLanguages {
  rules: AutoInviteRule[];
}

/** An inbox's auto-invite rules, from conversation (`settings.widget.autoInvite`), cached briefly. */
@Injectable()
export class AutoInviteRuleBook {
  private readonly cache = new Map<string, { rules: Promise<InboxRules>; until: number }>();

  constructor(private readonly rpc: RpcClient) {}

  rulesOf(inboxId: string): Promise<InboxRules> {
    const now = Date.now();
    const cached = this.cache.get(inboxId);
    if (cached && cached.until > now) return cached.rules;
    const rules = this.read(inboxId);
    this.cache.set(inboxId, { rules, until: now + FRESH_FOR_MS });
    // A failed read is not remembered: the next page view asks again.
    rules.catch(() => this.cache.delete(inboxId));
    return rules;
  }

  private async read(inboxId: string): Promise<InboxRules> {
    const request: GetInboxRequest = { inboxId };
    const inbox = await this.rpc.request(SUBJECTS.conversation.getInbox, request);
    // The languages as the widget reads them (a bad setting gives its default there too).
    const { locales, defaultLocale } = parseWidgetSettings(inbox.widgetSettings).settings;
    return {
      rules: readAutoInviteRules({ widget: inbox.widgetSettings }).rules,
      locales,
      defaultLocale,
    };
  }
}
