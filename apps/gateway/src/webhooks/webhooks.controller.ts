import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { RotateSecretBody } from '../api/rotate-secret.dto';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import {
  CreateWebhookBody,
  DeliveryLogQuery,
  ReplayWebhookBody,
  UpdateWebhookBody,
  WebhookParams,
} from './dto/webhook.dto';
import type { CreatedWebhookView, WebhookDeliveryView, WebhookView } from './webhook-views';
import { WebhooksService } from './webhooks.service';

const ADMIN_ONLY = { status: 403, description: 'AUTH_FORBIDDEN (not an admin)' };
const NOT_FOUND = { status: 404, description: 'WEBHOOK_NOT_FOUND' };

/** The workspace of an admin; anyone else is refused. */
function adminWorkspace(agent: AuthenticatedAgent, what: string): string {
  if (!isAdmin(agent)) throw authErrors.adminOnly(what);
  return agent.workspaceId;
}

@ApiController('webhooks', 'integrations')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Admin only: subscribe a URL to events; the answer shows the signing secret once',
  })
  @ApiCreatedResponse({ description: 'The subscription, with `secret` (whsec_…)' })
  @ApiErrors(ADMIN_ONLY, {
    status: 422,
    description: 'WEBHOOK_TARGET_FORBIDDEN (the URL resolves to a loopback/private address)',
  })
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: CreateWebhookBody,
  ): Promise<CreatedWebhookView> {
    return this.webhooks.create(adminWorkspace(agent, 'subscribe webhooks'), body);
  }

  @Get()
  @ApiOperation({ summary: 'Admin only: the workspace’s webhook subscriptions' })
  @ApiOkResponse({ description: 'Subscriptions, oldest first (no secrets)' })
  @ApiErrors(ADMIN_ONLY)
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<WebhookView[]> {
    return this.webhooks.list(adminWorkspace(agent, 'read webhooks'));
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'Admin only: one subscription (its status: active or paused)' })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  get(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
  ): Promise<WebhookView> {
    return this.webhooks.get(adminWorkspace(agent, 'read webhooks'), webhookId);
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Admin only: change a subscription’s URL, events or description' })
  @ApiOkResponse({ description: 'The subscription (no secret)' })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND, {
    status: 422,
    description: 'WEBHOOK_TARGET_FORBIDDEN (the URL resolves to a loopback/private address)',
  })
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
    @Body() body: UpdateWebhookBody,
  ): Promise<WebhookView> {
    return this.webhooks.update(adminWorkspace(agent, 'change webhooks'), webhookId, body);
  }

  @Post(':webhookId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Admin only: a new signing secret, shown once; the previous one signs too for a while',
    description:
      'During the overlap (`overlapSeconds`, default a day) every delivery carries two ' +
      'space-separated signatures in `webhook-signature`: the new secret’s and the previous one’s.',
  })
  @ApiOkResponse({ description: 'The subscription, with its new `secret` (whsec_…)' })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  rotateSecret(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
    @Body() body: RotateSecretBody,
  ): Promise<CreatedWebhookView> {
    return this.webhooks.rotateSecret(
      adminWorkspace(agent, 'rotate webhook secrets'),
      webhookId,
      body,
    );
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admin only: unsubscribe; pending deliveries are dropped' })
  @ApiNoContentResponse()
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  remove(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
  ): Promise<void> {
    return this.webhooks.remove(adminWorkspace(agent, 'remove webhooks'), webhookId);
  }

  @Post(':webhookId/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Admin only: resume a paused subscription; its held deliveries go out at once',
  })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  resume(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
  ): Promise<WebhookView> {
    return this.webhooks.resume(adminWorkspace(agent, 'resume webhooks'), webhookId);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'Admin only: the delivery log, newest first' })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  deliveries(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
    @Query() query: DeliveryLogQuery,
  ): Promise<WebhookDeliveryView[]> {
    const workspaceId = adminWorkspace(agent, 'read webhook deliveries');
    return this.webhooks.deliveries(workspaceId, webhookId, query.limit);
  }

  @Post(':webhookId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Admin only: redeliver the subscription’s events since a time (at most 10,000)',
  })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  replay(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { webhookId }: WebhookParams,
    @Body() body: ReplayWebhookBody,
  ): Promise<{ queued: number }> {
    return this.webhooks.replay(adminWorkspace(agent, 'replay webhooks'), webhookId, body.since);
  }
}
