import { HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { Public } from '../auth/public.decorator';
import { ApiInboundMessageBody, type ApiMessageAccepted } from './dto/api-message.dto';
import { ReceiveApiMessage } from './receive-api-message.use-case';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './request-signature';

@ApiController('inboxes', 'integrations')
export class ApiInboxMessagesController {
  constructor(private readonly receive: ReceiveApiMessage) {}

  @Post(':id/messages')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'An integrator posts a customer’s message into an API inbox (HMAC-signed)',
    description:
      `Signed with the inbox's signing secret: \`${SIGNATURE_HEADER}: v1=<hex HMAC-SHA256 of ` +
      `"<${TIMESTAMP_HEADER}>.<raw body>">\`; requests older than five minutes are refused. ` +
      'Answered 202 once the message is durably queued; the same messageId is stored once.',
  })
  @ApiHeader({ name: TIMESTAMP_HEADER, description: 'Unix seconds', required: true })
  @ApiHeader({ name: SIGNATURE_HEADER, description: 'v1=<hex HMAC-SHA256>', required: true })
  @ApiBody({ type: ApiInboundMessageBody })
  @ApiAcceptedResponse({ description: '{ accepted, messageId, duplicate }' })
  @ApiErrors(
    { status: 400, description: 'PAYLOAD_MALFORMED (not JSON) or VALIDATION_FAILED' },
    { status: 401, description: 'API_SIGNATURE_INVALID (missing, wrong or stale)' },
    { status: 404, description: 'INBOX_NOT_FOUND (no such API inbox)' },
    { status: 409, description: 'API_INBOX_NOT_CONFIGURED (no signing secret set)' },
    { status: 413, description: 'PAYLOAD_TOO_LARGE' },
    { status: 429, description: 'RATE_LIMITED (per client IP and inbox)' },
  )
  post(@Param('id') inboxId: string, @Req() request: Request): Promise<ApiMessageAccepted> {
    return this.receive.execute({
      inboxId,
      ip: request.ip ?? 'unknown',
      timestamp: request.header(TIMESTAMP_HEADER),
      signature: request.header(SIGNATURE_HEADER),
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    });
  }
}
