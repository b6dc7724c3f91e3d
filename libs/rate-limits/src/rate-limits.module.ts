import { Global, Module, type DynamicModule } from '@nestjs/common';
import { RATE_LIMIT_SCHEMA, RateLimitStore } from './rate-limit-store';
import { SettledLimits } from './settled-limits';

@Global()
@Module({})
export class RateLimitsModule {
  /** `schema`: the service's own schema, where its migration created `rate_limits`. */
  static forRoot({ schema }: { schema: string }): DynamicModule {
    return {
      module: RateLimitsModule,
      providers: [{ provide: RATE_LIMIT_SCHEMA, useValue: schema }, RateLimitStore, SettledLimits],
      exports: [RateLimitStore, SettledLimits],
    };
  }
}
