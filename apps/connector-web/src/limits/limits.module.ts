import { Module } from '@nestjs/common';
import { SettledLimits } from './settled-limits';

/** The limits charged in memory and settled with the other replicas (one set per process). */
@Module({ providers: [SettledLimits], exports: [SettledLimits] })
export class LimitsModule {}
