import { ApiProperty } from '@nestjs/swagger';
import { IsStorableText, MAX_INVITATION_MESSAGE_LENGTH } from '@hub/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class InviteVisitorBody {
  @ApiProperty({
    maxLength: MAX_INVITATION_MESSAGE_LENGTH,
    description: "Shown to the visitor with the agent's name; their first message if they accept",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_INVITATION_MESSAGE_LENGTH)
  @IsStorableText()
  message!: string;
}
