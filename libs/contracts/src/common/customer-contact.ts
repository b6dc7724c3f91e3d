import { IsOptional } from 'class-validator';
import { IsEmailAddress, IsPersonName, IsPhoneText } from './validators';

/** What a channel may tell about a customer besides their id on it. */
export class CustomerContact {
  @IsOptional()
  @IsPersonName()
  name?: string;

  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @IsOptional()
  @IsPhoneText()
  phone?: string;
}
