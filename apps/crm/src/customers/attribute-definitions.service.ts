import { Injectable } from '@nestjs/common';
import type {
  AttributeDefinitionView,
  DefineAttributeRequest,
  ListAttributesRequest,
  UpdateAttributeRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { AttributeDefinition } from './attribute-definition.entity';
import { CustomerError } from './customer.exception';

const UNIQUE_VIOLATION = '23505';

/** The custom attributes a workspace defines for its customers. */
@Injectable()
export class AttributeDefinitions {
  constructor(private readonly database: Database) {}

  async define(request: DefineAttributeRequest): Promise<AttributeDefinitionView> {
    const options = request.options ?? [];
    if (request.type === 'list' && options.length === 0) throw CustomerError.optionsRequired();
    if (request.type !== 'list' && options.length > 0) {
      throw CustomerError.optionsNotAllowed(request.type);
    }
    const manager = this.database.dataSource.manager;
    try {
      const saved = await manager.save(
        manager.create(AttributeDefinition, {
          workspaceId: request.workspaceId,
          key: request.key,
          label: request.label,
          type: request.type,
          options: [...new Set(options)],
        }),
      );
      return attributeDefinitionView(saved);
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (code === UNIQUE_VIOLATION) throw CustomerError.attributeExists(request.key);
      throw error;
    }
  }

  async update(request: UpdateAttributeRequest): Promise<AttributeDefinitionView> {
    const manager = this.database.dataSource.manager;
    const definition = await manager.findOneBy(AttributeDefinition, {
      id: request.definitionId,
      workspaceId: request.workspaceId,
    });
    if (!definition) throw CustomerError.attributeNotFound(request.definitionId);
    if (request.options !== undefined && definition.type !== 'list') {
      throw CustomerError.optionsNotAllowed(definition.type);
    }
    if (request.label !== undefined) definition.label = request.label;
    if (request.options !== undefined) definition.options = [...new Set(request.options)];
    return attributeDefinitionView(await manager.save(definition));
  }

  async list({ workspaceId }: ListAttributesRequest): Promise<AttributeDefinitionView[]> {
    const definitions = await this.database.dataSource.manager.find(AttributeDefinition, {
      where: { workspaceId },
      order: { key: 'ASC' },
    });
    return definitions.map(attributeDefinitionView);
  }

  /**
   * The workspace's definitions, read in the caller's (writing) transaction FOR SHARE: a
   * definition being deleted waits for the write, or is gone from it (DeleteAttribute).
   */
  rules(tx: EntityManager, workspaceId: string): Promise<AttributeDefinition[]> {
    return tx.find(AttributeDefinition, {
      where: { workspaceId },
      order: { key: 'ASC' },
      lock: { mode: 'pessimistic_read' },
    });
  }
}

export function attributeDefinitionView(definition: AttributeDefinition): AttributeDefinitionView {
  return {
    id: definition.id,
    key: definition.key,
    label: definition.label,
    type: definition.type,
    options: definition.options,
    createdAt: definition.createdAt.toISOString(),
  };
}
