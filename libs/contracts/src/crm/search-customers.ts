import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsEntityId, IsPageSize, IsStorableText } from '../common/validators';

/** `crm.customer.search` → CustomerView[]: by name, email, phone or channel id (prefix, case-insensitive). */
export class SearchCustomersRequest {
  @IsEntityId() workspaceId!: string;
  @IsString() @MinLength(1) @MaxLength(200) @IsStorableText() query!: string;
  @IsPageSize(100) limit?: number;
}
