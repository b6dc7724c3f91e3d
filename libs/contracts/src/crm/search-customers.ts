import { Type } from 'class-transformer';
import {
  IsDefined,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsEntityId, IsOneOfChange, IsPageSize, IsStorableText } from '../common/validators';
import type { CustomerView } from '../views/customer-view';
import { ATTRIBUTE_KEY_PATTERN } from './customer-attributes';

/** Customers whose custom attribute `key` holds exactly `value` (compared as JSON). */
export class AttributeFilter {
  @Matches(ATTRIBUTE_KEY_PATTERN, { message: 'attribute key is not a valid key' }) key!: string;
  @IsDefined() value!: string | number | boolean;
}

const SEARCH_CRITERIA = ['query', 'tag', 'attribute'] as const;

/**
 * `crm.customer.search` → CustomerPage: customers whose name, email, phone or id on any channel
 * starts with `query` (case-insensitive; `%` and `_` are plain characters), and who carry `tag`
 * and the `attribute` value when given; at least one of the three. Most recently updated first,
 * a page at a time: pass the reply's `nextCursor` as `cursor` for the next page.
 */
export class SearchCustomersRequest {
  @IsEntityId() workspaceId!: string;
  @IsOneOfChange(SEARCH_CRITERIA)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsStorableText()
  query?: string;
  @IsOneOfChange(SEARCH_CRITERIA)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsStorableText()
  tag?: string;
  @IsOneOfChange(SEARCH_CRITERIA)
  @ValidateNested()
  @Type(() => AttributeFilter)
  attribute?: AttributeFilter;
  @IsPageSize(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** One page of customers; `nextCursor` is null on the last page. */
export interface CustomerPage {
  customers: CustomerView[];
  nextCursor: string | null;
}
