import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FileLinksController } from '@hub/storage';
import { Public } from '../auth/public.decorator';

/**
 * The agents' file links (`/files/:fileId?expires&signature`), served as the other edges serve
 * theirs: the signature is the authority, so no agent session is asked for.
 */
@Controller('files')
@ApiExcludeController()
@Public()
export class FilesController extends FileLinksController {}
