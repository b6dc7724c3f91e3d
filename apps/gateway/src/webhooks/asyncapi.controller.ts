import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { asyncApiDocument } from './asyncapi';

/** `GET /api/asyncapi.json`: the event catalog for integrators, open like the OpenAPI docs. */
@ApiExcludeController()
@Controller('api')
export class AsyncApiController {
  private readonly document = asyncApiDocument();

  @Get('asyncapi.json')
  get(): Record<string, unknown> {
    return this.document;
  }
}
