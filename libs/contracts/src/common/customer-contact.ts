import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsEmailAddress, IsStorableText } from './validators';

/** What a channel may tell about a customer besides their id on it. */
export class CustomerContact {
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
