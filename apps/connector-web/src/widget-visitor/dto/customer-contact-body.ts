import { IsEmailAddress, IsPersonName, IsPhoneText } from '@hub/contracts';
import { IsOptional } from 'class-validator';
import { VisitorTokenBody } from './visitor-token';

export class CustomerContactBody extends VisitorTokenBody {
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
