import { IsEmailAddress, IsStorableText } from '@hub/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { VisitorTokenBody } from './visitor-token';

export class CustomerContactBody extends VisitorTokenBody {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsStorableText()
  name?: string;

  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsStorableText()
  phone?: string;
}
