import { ApiPropertyOptional } from '@nestjs/swagger';
import { compose, IsPageCursor, IsSlaDueWithin, MAX_SLA_DUE_WITHIN_MINUTES } from '@hub/contracts';
import { IsOptional } from 'class-validator';
import { IsQueryInteger } from './validators';

// The query parameters every paged, SLA-filtered list shares (conversations, tickets), each one
// stack: the OpenAPI text and the rules stay the same on every list.

/** `slaDueWithin`: minutes ahead, 1 to a week, a number from the query's digits. */
export function SlaDueWithinQuery(items: string): PropertyDecorator {
  return compose(
    ApiPropertyOptional({
      minimum: 1,
      maximum: MAX_SLA_DUE_WITHIN_MINUTES,
      description: `Only ${items} whose next SLA target falls due within this many minutes and has not breached; among the 1,000 soonest due`,
    }),
    IsOptional(),
    IsSlaDueWithin(),
    IsQueryInteger(),
  );
}

/** `cursor`: the `nextCursor` of the page before. */
export function PageCursorQuery(): PropertyDecorator {
  return compose(
    ApiPropertyOptional({ description: 'The nextCursor of the page before' }),
    IsPageCursor(),
  );
}
