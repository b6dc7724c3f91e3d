import { Injectable } from '@nestjs/common';
import type { LineReplyToken } from '../inbound/line-events';

// LINE takes a reply token once and only shortly after the event; past this, push instead.
const FRESH_MS = 50_000;
const MAX_ENTRIES = 10_000;

/**
 * The latest reply token of each LINE user, kept in this process: a reply answered here uses it
 * (free of charge for the business), any other reply is pushed. Losing one costs a push, never
 * a message, so it needs no shared store.
 */
@Injectable()
export class LineReplyTokens {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  remember(inboxId: string, tokens: LineReplyToken[]): void {
    for (const { userId, replyToken, receivedAt } of tokens) {
      if (this.tokens.size >= MAX_ENTRIES) this.tokens.clear();
      this.tokens.set(`${inboxId}:${userId}`, {
        token: replyToken,
        until: Math.min(receivedAt.getTime(), Date.now()) + FRESH_MS,
      });
    }
  }

  /** The user's fresh token, taken (a token answers once). */
  take(inboxId: string, userId: string): string | undefined {
    const key = `${inboxId}:${userId}`;
    const entry = this.tokens.get(key);
    this.tokens.delete(key);
    return entry && entry.until > Date.now() ? entry.token : undefined;
  }
}
