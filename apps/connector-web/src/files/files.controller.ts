import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FileServer, type FileLinkQuery } from '@hub/storage';

/** The visitors' file links (`/files/:fileId?expires&signature`), signed by this edge. */
@Controller('files')
export class FilesController {
  constructor(private readonly files: FileServer) {}

  @Get(':fileId')
  serve(
    @Param('fileId', new ParseUUIDPipe()) fileId: string,
    @Query() query: FileLinkQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.files.serve(fileId, query, response);
  }
}
