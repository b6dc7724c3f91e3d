import { Injectable } from '@nestjs/common';

/** What time it is for business hours and the SLA sweep; tests provide one they move by hand. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
