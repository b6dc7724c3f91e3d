import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  DecideLinkSuggestionRequest,
  DefineAttributeRequest,
  DeleteAttributeRequest,
  ListAttributesRequest,
  ListLinkSuggestionsRequest,
  SUBJECTS,
  UpdateAttributeRequest,
  type AttributeDefinitionView,
  type DeletedAttributeView,
  type LinkSuggestionView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { AttributeDefinitions } from './attribute-definitions.service';
import { DeleteAttribute } from './delete-attribute.use-case';
import { LinkSuggestions } from './link-suggestions.service';

/** Attribute definitions and link suggestions: what shapes and joins customer records. */
@Controller()
export class CustomerRecordsHandler {
  constructor(
    private readonly definitions: AttributeDefinitions,
    private readonly suggestions: LinkSuggestions,
    private readonly deleteAttribute: DeleteAttribute,
  ) {}

  @RequestPattern(SUBJECTS.crm.defineAttribute)
  define(@Payload() request: DefineAttributeRequest): Promise<AttributeDefinitionView> {
    return this.definitions.define(request);
  }

  @RequestPattern(SUBJECTS.crm.updateAttribute)
  updateDefinition(@Payload() request: UpdateAttributeRequest): Promise<AttributeDefinitionView> {
    return this.definitions.update(request);
  }

  @RequestPattern(SUBJECTS.crm.deleteAttribute)
  deleteDefinition(@Payload() request: DeleteAttributeRequest): Promise<DeletedAttributeView> {
    return this.deleteAttribute.execute(request);
  }

  @RequestPattern(SUBJECTS.crm.listAttributes)
  listDefinitions(@Payload() request: ListAttributesRequest): Promise<AttributeDefinitionView[]> {
    return this.definitions.list(request);
  }

  @RequestPattern(SUBJECTS.crm.listLinkSuggestions)
  listSuggestions(@Payload() request: ListLinkSuggestionsRequest): Promise<LinkSuggestionView[]> {
    return this.suggestions.list(request);
  }

  @RequestPattern(SUBJECTS.crm.decideLinkSuggestion)
  decide(@Payload() request: DecideLinkSuggestionRequest): Promise<LinkSuggestionView> {
    return this.suggestions.decide(request);
  }
}
