import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The visitor's session token, carried in the body of the widget's REST calls. */
export class VisitorTokenBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}
