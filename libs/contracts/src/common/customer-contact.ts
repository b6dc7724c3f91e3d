import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsStorableText } from './validators';

/** What a channel may tell about a customer besides their id on it. */
export class CustomerContact {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsStorableText()
  name?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsStorableText()
  phone?: string;
}
