import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { BeaconsService } from './beacons.service';

@Controller('api/v1/widget/beacons')
export class BeaconsController {
  constructor(private readonly beacons: BeaconsService) {}

  /** 204 once queued: page views are written in batches a few hundred milliseconds later. */
  @Post()
  @HttpCode(204)
  accept(@Body() body: unknown, @Req() request: Request): Promise<void> {
    return this.beacons.accept(body, request);
  }
}
