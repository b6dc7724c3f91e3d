import { Module } from '@nestjs/common';
import { LiveHandler } from './live.handler';

/** The supervisor view's live figures (`routing.live.get`). */
@Module({ controllers: [LiveHandler] })
export class LiveModule {}
