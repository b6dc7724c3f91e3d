import { IsEntityId } from '@hub/contracts';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /api/v1/widget/sessions`: a new visitor, or a returning one presenting its credentials. */
export class CreateVisitorSessionDto {
  @IsEntityId()
  inboxId!: string;

  /** A returning visitor's id; kept only when `token` proves it. */
  @IsOptional()
  @IsEntityId()
  visitorId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token?: string;
}

export interface VisitorSessionView {
  visitorId: string;
  token: string;
  workspaceId: string;
  inboxId: string;
}
