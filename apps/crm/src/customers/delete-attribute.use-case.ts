import { Injectable } from '@nestjs/common';
import type { DeleteAttributeRequest, DeletedAttributeView } from '@hub/contracts';
import { AttributeDefinition } from './attribute-definition.entity';
import { attributeDefinitionView } from './attribute-definitions.service';
import { CustomerError } from './customer.exception';
import { CustomerWrites } from './customer-writes';

interface RemovedValue {
  customer_id: string;
  value: unknown;
  vip: boolean;
}

/**
 * Deletes a custom attribute: its definition and, in the same transaction, its value on every
 * customer, each removal audited and announced like an edit (`attributes.<key>` → null). A value
 * left without its definition could no longer be checked, edited or searched for, so none stays.
 */
@Injectable()
export class DeleteAttribute {
  constructor(private readonly writes: CustomerWrites) {}

  execute(request: DeleteAttributeRequest): Promise<DeletedAttributeView> {
    const { workspaceId, actor, definitionId } = request;
    return this.writes.run(async (tx, record) => {
      // Locked: a customer write reads the definitions FOR SHARE, so it either finishes before
      // (its value is removed here) or reads them after (and is refused the unknown key).
      const definition = await tx.findOne(AttributeDefinition, {
        where: { id: definitionId, workspaceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!definition) throw CustomerError.attributeNotFound(definitionId);
      const [removed] = await tx.query<[RemovedValue[], number]>(
        `delete from crm.customer_attributes a using crm.customers c
          where a.workspace_id = $1 and a.key = $2 and c.id = a.customer_id
          returning a.customer_id, a.value, c.vip`,
        [workspaceId, definition.key],
      );
      for (const value of removed) {
        await record({
          workspaceId,
          customerId: value.customer_id,
          action: 'updated',
          actor,
          vip: value.vip,
          changes: [{ field: `attributes.${definition.key}`, from: value.value, to: null }],
        });
      }
      await tx.delete(AttributeDefinition, { id: definition.id });
      return { definition: attributeDefinitionView(definition), valuesRemoved: removed.length };
    });
  }
}
