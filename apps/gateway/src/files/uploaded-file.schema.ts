import { ApiProperty } from '@nestjs/swagger';

/** What an upload answers (OpenAPI). */
export class UploadedFileSchema {
  @ApiProperty({ format: 'uuid', description: 'Send it as fileId with a message' })
  fileId!: string;

  @ApiProperty({ description: 'The uploaded name, as text' })
  name!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty({ description: 'Decided from the content' })
  mimeType!: string;

  @ApiProperty({ description: 'A signed link valid for 15 minutes' })
  url!: string;
}
