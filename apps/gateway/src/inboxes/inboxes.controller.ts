import { Body, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import {
  InboxAdminViewSchema,
  InboxSnippetSchema,
  RotatedApiInboxSchema,
  TelegramWebhookSchema,
  WebhookEndpointSchema,
} from '../api/admin-view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { RotateSecretBody } from '../api/rotate-secret.dto';
import { CreateInboxBody, InboxParams, UpdateInboxBody } from './dto/inbox.dto';
import type { InboxAdminView } from './inbox-admin-view';
import type { SetTelegramWebhookReply, WebhookEndpointView } from '@hub/contracts';
import { InboxesService, type InboxSnippetView, type RotatedApiInboxView } from './inboxes.service';

const ADMIN_ONLY = { status: 403, description: 'AUTH_FORBIDDEN (not an admin)' };
const NOT_FOUND = { status: 404, description: 'INBOX_NOT_FOUND' };

@ApiController('inboxes', 'inboxes')
export class InboxesController {
  constructor(private readonly inboxes: InboxesService) {}

  @Get()
  @ApiOperation({ summary: "Admin only: the workspace's inboxes with their settings" })
  @ApiOkResponse({ type: [InboxAdminViewSchema] })
  @ApiErrors(ADMIN_ONLY)
  list(@CurrentAgent() admin: AuthenticatedAgent): Promise<InboxAdminView[]> {
    return this.inboxes.list(admin);
  }

  @Post()
  @ApiOperation({
    summary: 'Admin only: create an inbox of a channel, with its settings',
    description:
      'Secrets in the settings (an email relay password...) are stored encrypted and never ' +
      'answered: `secretsSet` names those set.',
  })
  @ApiCreatedResponse({ type: InboxAdminViewSchema })
  @ApiErrors(
    ADMIN_ONLY,
    { status: 400, description: 'VALIDATION_FAILED, INBOX_CHANNEL_UNSUPPORTED' },
    { status: 409, description: 'INBOX_EMAIL_ADDRESS_TAKEN' },
  )
  create(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Body() body: CreateInboxBody,
  ): Promise<InboxAdminView> {
    return this.inboxes.create(admin, body);
  }

  @Get(':inboxId')
  @ApiOperation({ summary: 'Admin only: one inbox with its settings' })
  @ApiOkResponse({ type: InboxAdminViewSchema })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  get(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
  ): Promise<InboxAdminView> {
    return this.inboxes.get(admin, inboxId);
  }

  @Patch(':inboxId')
  @ApiOperation({
    summary: "Admin only: rename an inbox or replace its settings (the widget's within seconds)",
  })
  @ApiOkResponse({ type: InboxAdminViewSchema })
  @ApiErrors(
    ADMIN_ONLY,
    NOT_FOUND,
    { status: 400, description: 'VALIDATION_FAILED' },
    { status: 409, description: 'INBOX_EMAIL_ADDRESS_TAKEN' },
  )
  update(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
    @Body() body: UpdateInboxBody,
  ): Promise<InboxAdminView> {
    return this.inboxes.update(admin, inboxId, body);
  }

  @Delete(':inboxId')
  @ApiOperation({ summary: 'Admin only: delete an inbox that has no conversations' })
  @ApiOkResponse({ type: InboxAdminViewSchema })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND, { status: 409, description: 'INBOX_IN_USE' })
  remove(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
  ): Promise<InboxAdminView> {
    return this.inboxes.remove(admin, inboxId);
  }

  @Get(':inboxId/snippet')
  @ApiOperation({
    summary: "Admin only: the <script> tag that puts a web inbox's widget on a site",
  })
  @ApiOkResponse({ type: InboxSnippetSchema })
  @ApiErrors(ADMIN_ONLY, { status: 404, description: 'INBOX_NOT_FOUND (or not a web inbox)' })
  snippet(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
  ): Promise<InboxSnippetView> {
    return this.inboxes.snippet(admin, inboxId);
  }

  @Get(':inboxId/webhook')
  @ApiOperation({
    summary: "Admin only: the URL a social inbox's platform calls (and Meta's verify token)",
    description:
      'Messenger, Instagram and WhatsApp share `<SOCIAL_PUBLIC_URL>/webhooks/meta` with the ' +
      "instance's verify token; Telegram and LINE have one URL per inbox. `url` is null while " +
      'the operator has not set SOCIAL_PUBLIC_URL.',
  })
  @ApiOkResponse({ type: WebhookEndpointSchema })
  @ApiErrors(ADMIN_ONLY, { status: 404, description: 'INBOX_NOT_FOUND (or not a social inbox)' })
  webhookEndpoint(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
  ): Promise<WebhookEndpointView> {
    return this.inboxes.webhookEndpoint(admin, inboxId);
  }

  @Post(':inboxId/telegram/webhook')
  @HttpCode(200)
  @ApiOperation({
    summary: "Admin only: point a Telegram inbox's bot at the hub (Bot API setWebhook)",
    description:
      "Registers `<SOCIAL_PUBLIC_URL>/webhooks/telegram/<inboxId>` with the inbox's " +
      '`webhookSecret` as `secret_token`; call it after setting or changing the bot token or ' +
      'secret. Answers the URL registered.',
  })
  @ApiOkResponse({ type: TelegramWebhookSchema })
  @ApiErrors(
    ADMIN_ONLY,
    { status: 404, description: 'INBOX_NOT_FOUND (or not a Telegram inbox)' },
    { status: 400, description: 'VALIDATION_FAILED (SOCIAL_PUBLIC_URL not configured)' },
    { status: 503, description: 'UPSTREAM_UNAVAILABLE (Telegram refused or unreachable)' },
  )
  setTelegramWebhook(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
  ): Promise<SetTelegramWebhookReply> {
    return this.inboxes.setTelegramWebhook(admin, inboxId);
  }

  @Post(':inboxId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Admin only: a new signing secret for an API inbox, shown once; the old one overlaps',
    description:
      'The replaced secret still verifies `POST /api/v1/inboxes/:id/messages` (and signs ' +
      'replies to the callback URL beside the new one) until `previousSecretExpiresAt`: ' +
      '`overlapSeconds` from now, a day by default, 0 for none. Setting `signingSecret` through ' +
      'PATCH instead replaces it at once.',
  })
  @ApiOkResponse({ type: RotatedApiInboxSchema })
  @ApiErrors(
    ADMIN_ONLY,
    { status: 404, description: 'INBOX_NOT_FOUND (or not an API inbox)' },
    { status: 409, description: 'API_INBOX_NOT_CONFIGURED (no signing secret to rotate)' },
  )
  rotateApiSecret(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { inboxId }: InboxParams,
    @Body() body: RotateSecretBody,
  ): Promise<RotatedApiInboxView> {
    return this.inboxes.rotateApiSecret(admin, inboxId, body);
  }
}
