import {
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { LineWebhook } from './line-webhook';
import { MetaWebhook } from './meta-webhook';
import { rawBodyOf } from './raw-body';
import { TelegramWebhook } from './telegram-webhook';
import { WebhookAdmission } from './webhook-admission';

/** The platforms' webhooks; each answers 200 only once what it carried is durable. */
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly meta: MetaWebhook,
    private readonly telegram: TelegramWebhook,
    private readonly line: LineWebhook,
    private readonly admission: WebhookAdmission,
  ) {}

  @Get('meta')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  verifyMeta(
    @Query('hub.mode') mode?: string,
    @Query('hub.verify_token') verifyToken?: string,
    @Query('hub.challenge') challenge?: string,
  ): string {
    return this.meta.verify({ mode, verifyToken, challenge });
  }

  @Post('meta')
  @HttpCode(200)
  async receiveMeta(
    @Req() req: Request,
    @Headers('x-hub-signature-256') signature?: string,
  ): Promise<{ received: true }> {
    await this.admission.admit(req.ip, () =>
      this.meta.receive({ rawBody: rawBodyOf(req), signature }),
    );
    return { received: true };
  }

  @Post('telegram/:inboxId')
  @HttpCode(200)
  async receiveTelegram(
    @Req() req: Request,
    @Param('inboxId') inboxId: string,
    @Headers('x-telegram-bot-api-secret-token') secretToken?: string,
  ): Promise<{ received: true }> {
    await this.admission.admit(req.ip, () =>
      this.telegram.receive({ inboxId, rawBody: rawBodyOf(req), secretToken }),
    );
    return { received: true };
  }

  @Post('line/:inboxId')
  @HttpCode(200)
  async receiveLine(
    @Req() req: Request,
    @Param('inboxId') inboxId: string,
    @Headers('x-line-signature') signature?: string,
  ): Promise<{ received: true }> {
    await this.admission.admit(req.ip, () =>
      this.line.receive({ inboxId, rawBody: rawBodyOf(req), signature }),
    );
    return { received: true };
  }
}
