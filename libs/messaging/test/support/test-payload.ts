import { IsInt, IsString, Min } from 'class-validator';
import { defineEvent } from '@hub/contracts';

/** The payload the consumer suites publish. */
export class TestMessage {
  @IsString()
  id!: string;

  @IsInt()
  @Min(0)
  n!: number;
}

/** A test event on INBOUND, one subject per channel so each test reads only its own. */
export function testEvent(channel: string) {
  return defineEvent(`inbound.${channel}`, TestMessage, 'INBOUND');
}
