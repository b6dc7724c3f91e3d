import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FileServer, type FileLinkQuery } from '@hub/storage';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';

/** The agents' file links (`/files/:fileId?expires&signature`): the signature is the authority. */
@Controller('files')
@ApiExcludeController()
@Public()
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
