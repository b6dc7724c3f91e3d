import { Injectable, Logger } from '@nestjs/common';
import type { StoredVisitor } from '../live-visitors/beacon-types';
import { matchingRules, messageText } from './auto-invite-rules';
import { AutoInviteRuleBook } from './inbox-settings';
import { InvitationsService } from './invitations.service';

/**
 * After page views are stored: each visitor's inbox rules are checked against the page they
 * are on; the first matching rule that has not fired in this visit invites them (with the
 * rule's delay), unless they are chatting.
 */
@Injectable()
export class AutoInvites {
  private readonly logger = new Logger(AutoInvites.name);

  constructor(
    private readonly ruleBook: AutoInviteRuleBook,
    private readonly invitations: InvitationsService,
  ) {}

  async evaluate(stored: StoredVisitor[]): Promise<void> {
    await Promise.all(
      stored
        .filter((visit) => visit.freshViews)
        .map((visit) =>
          this.evaluateOne(visit).catch((error: unknown) =>
            this.logger.warn(
              { err: error, visitorId: visit.visitor.visitorId },
              'auto-invite rules not evaluated',
            ),
          ),
        ),
    );
  }

  private async evaluateOne(visit: StoredVisitor): Promise<void> {
    const inbox = await this.ruleBook.rulesOf(visit.visitor.inboxId);
    if (inbox.rules.length === 0) return;
    const matches = matchingRules(inbox.rules, {
      url: visit.url,
      pagesViewed: visit.pagesViewed,
      returning: visit.visitCount > 1,
      searchKeyword: visit.searchKeyword,
    });
    if (matches.length === 0) return;
    if (await this.invitations.isChatting(visit.visitor.workspaceId, visit.visitor.visitorId))
      return;
    for (const rule of matches) {
      const message = messageText(rule.message, visit.client.locales, inbox);
      if (message === null) continue;
      const sent = await this.invitations.sendAutomatic({
        visitor: visit.visitor,
        visitId: visit.visitId,
        ruleId: rule.id,
        message,
        delaySeconds: rule.secondsOnPage ?? 0,
      });
      if (sent) return;
    }
  }
}
