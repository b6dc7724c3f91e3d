import { IsEmailAddress, IsExternalId, IsPersonName } from '@hub/contracts';
import { IsOptional, Matches } from 'class-validator';
import { VisitorTokenBody } from './visitor-token';

/** `POST /api/v1/widget/identify`: the site vouches that its visitor is its user `id`. */
export class IdentifyVisitorDto extends VisitorTokenBody {
  /** The site's id for its logged-in user. */
  @IsExternalId()
  id!: string;

  @IsOptional()
  @IsPersonName()
  name?: string;

  @IsOptional()
  @IsEmailAddress()
  email?: string;

  /** Hex HMAC-SHA256 of `id` with the inbox's identity secret. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'hash must be a hex HMAC-SHA256 (64 characters)' })
  hash!: string;
}
