import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FileServer, type FileLinkQuery } from './file-server';

/**
 * `/files/:fileId?expires&signature` of an edge without agent sessions (connector-web for
 * visitors, connector-social for LINE): the links this edge signed.
 */
@Controller('files')
export class FileLinksController {
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
