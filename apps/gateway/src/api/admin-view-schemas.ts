import { ApiProperty } from '@nestjs/swagger';
import type { SetTelegramWebhookReply, WebhookEndpointView } from '@hub/contracts';
import { CHANNELS, type Channel } from '@hub/domain';
import type { InboxAdminView } from '../inboxes/inbox-admin-view';
import type { InboxSnippetView, RotatedApiInboxView } from '../inboxes/inboxes.service';

export class InboxAdminViewSchema implements InboxAdminView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Object, description: "The channel's settings, secrets left out" })
  settings!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'The names of the secrets set' })
  secretsSet!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RotatedApiInboxSchema extends InboxAdminViewSchema implements RotatedApiInboxView {
  @ApiProperty({ description: 'The new signing secret: shown this once, never again' })
  signingSecret!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until when the replaced secret is still accepted (null: not at all)',
  })
  previousSecretExpiresAt!: string | null;
}

export class TelegramWebhookSchema implements SetTelegramWebhookReply {
  @ApiProperty({ example: 'https://social.example.com/webhooks/telegram/…' }) url!: string;
}

export class WebhookEndpointSchema implements WebhookEndpointView {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://social.example.com/webhooks/line/…',
    description: 'Null while SOCIAL_PUBLIC_URL is not configured',
  })
  url!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Meta's verify token, else null" })
  verifyToken!: string | null;
}

export class InboxSnippetSchema implements InboxSnippetView {
  @ApiProperty({ format: 'uuid' }) inboxId!: string;
  @ApiProperty({
    example: '<script async src="https://chat.example.com/widget.js" data-inbox="…">',
  })
  html!: string;
}
