import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsEntityId, IsPersonName } from '@hub/contracts';
import { MinLength } from 'class-validator';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { ApiKeysService, type ApiKeyView, type IssuedApiKeyView } from './api-keys.service';

class ApiKeyParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  apiKeyId!: string;
}

class IssueApiKeyBody {
  @ApiProperty({ maxLength: 200, example: 'Order system' })
  @IsPersonName()
  @MinLength(1)
  name!: string;
}

class ApiKeyViewSchema implements ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "The key's first characters" }) prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

class IssuedApiKeySchema extends ApiKeyViewSchema implements IssuedApiKeyView {
  @ApiProperty({ description: 'The key, shown this once: send it as X-Api-Key' }) key!: string;
}

const ADMIN_ONLY = { status: 403, description: 'AUTH_FORBIDDEN (not an admin)' };

@ApiController('api-keys', 'api keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({
    summary: "Admin only: the workspace's live API keys (never the keys themselves)",
  })
  @ApiOkResponse({ type: [ApiKeyViewSchema] })
  @ApiErrors(ADMIN_ONLY)
  list(@CurrentAgent() admin: AuthenticatedAgent): Promise<ApiKeyView[]> {
    return this.keys.list(admin);
  }

  @Post()
  @ApiOperation({
    summary: 'Admin only: issue an API key for an integrator; the key is shown once',
  })
  @ApiCreatedResponse({ type: IssuedApiKeySchema })
  @ApiErrors(ADMIN_ONLY)
  issue(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Body() body: IssueApiKeyBody,
  ): Promise<IssuedApiKeyView> {
    return this.keys.issue(admin, body.name);
  }

  @Delete(':apiKeyId')
  @ApiOperation({ summary: 'Admin only: revoke an API key; requests with it are refused at once' })
  @ApiOkResponse({ type: ApiKeyViewSchema })
  @ApiErrors(ADMIN_ONLY, { status: 404, description: 'API_KEY_NOT_FOUND' })
  revoke(
    @CurrentAgent() admin: AuthenticatedAgent,
    @Param() { apiKeyId }: ApiKeyParams,
  ): Promise<ApiKeyView> {
    return this.keys.revoke(admin, apiKeyId);
  }
}
