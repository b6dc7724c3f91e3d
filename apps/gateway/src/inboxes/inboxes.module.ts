import { Module } from '@nestjs/common';
import { SecretBox, secretsKeyOf } from '@hub/secret-box';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import { InboxesController } from './inboxes.controller';
import { InboxesService } from './inboxes.service';

@Module({
  controllers: [InboxesController],
  providers: [
    InboxesService,
    {
      provide: SecretBox,
      inject: [SERVICE_ENV],
      useFactory: (env: GatewayEnv) => new SecretBox(secretsKeyOf(env)),
    },
  ],
})
export class InboxesModule {}
