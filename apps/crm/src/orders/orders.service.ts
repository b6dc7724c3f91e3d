import { Injectable } from '@nestjs/common';
import type { ListOrdersRequest, OrderView, PutOrderReply, PutOrderRequest } from '@hub/contracts';
import { Database, DomainException } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { Customer } from '../customers/customer.entity';
import { CustomerError } from '../customers/customer.exception';
import { CustomerWrites } from '../customers/customer-writes';
import { Order } from './order.entity';

const DEFAULT_LIMIT = 50;
const FIELDS = ['status', 'totalCents', 'currency', 'items', 'orderedAt'] as const;

/** Purchase records integrators push and agents read. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly database: Database,
    private readonly writes: CustomerWrites,
  ) {}

  // Idempotent: the order is keyed by the shop's number; the same push again changes nothing
  // and records nothing.
  put(request: PutOrderRequest): Promise<PutOrderReply> {
    const { workspaceId, customerId, externalId, actor } = request;
    return this.writes.run(async (tx, record) => {
      const customer = await tx.findOneBy(Customer, { id: customerId, workspaceId });
      if (!customer) throw CustomerError.notFound(customerId);
      const order = await lockOrder(tx, workspaceId, externalId);
      if (order && order.customerId !== customerId) {
        throw new DomainException(
          'ORDER_OF_ANOTHER_CUSTOMER',
          `Order ${externalId} is recorded on another customer`,
        );
      }
      const next = {
        status: request.status,
        totalCents: request.totalCents,
        currency: request.currency,
        items: request.items.map((item) => ({ ...item })),
        orderedAt: new Date(request.orderedAt),
      };
      const before = order && snapshot(order);
      const after = snapshot(next);
      const changes = FIELDS.filter(
        (field) => JSON.stringify(before?.[field]) !== JSON.stringify(after[field]),
      ).map((field) => ({
        field: `orders.${externalId}.${field}`,
        from: before?.[field] ?? null,
        to: after[field],
      }));
      if (order && changes.length === 0) {
        return { order: toOrderView(order), created: false, changed: false };
      }
      const saved = await tx.save(
        order
          ? Object.assign(order, next)
          : tx.create(Order, { workspaceId, customerId, externalId, ...next }),
      );
      await record({
        workspaceId,
        customerId,
        action: 'order_saved',
        actor,
        vip: customer.vip,
        changes,
      });
      return { order: toOrderView(saved), created: !order, changed: true };
    });
  }

  async list({ workspaceId, customerId, limit }: ListOrdersRequest): Promise<OrderView[]> {
    const manager = this.database.dataSource.manager;
    if (!(await manager.existsBy(Customer, { id: customerId, workspaceId }))) {
      throw CustomerError.notFound(customerId);
    }
    const orders = await manager.find(Order, {
      where: { workspaceId, customerId },
      order: { orderedAt: 'DESC', id: 'DESC' },
      take: limit ?? DEFAULT_LIMIT,
    });
    return orders.map(toOrderView);
  }
}

function lockOrder(
  tx: EntityManager,
  workspaceId: string,
  externalId: string,
): Promise<Order | null> {
  return tx.findOne(Order, {
    where: { workspaceId, externalId },
    lock: { mode: 'pessimistic_write' },
  });
}

function snapshot(
  order: Pick<Order, (typeof FIELDS)[number]>,
): Record<(typeof FIELDS)[number], unknown> {
  return {
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    // In one key order: jsonb gives keys back in its own order.
    items: order.items.map(({ name, quantity, unitCents, sku }) => ({
      name,
      quantity,
      unitCents,
      ...(sku === undefined ? {} : { sku }),
    })),
    orderedAt: order.orderedAt.toISOString(),
  };
}

export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    customerId: order.customerId,
    externalId: order.externalId,
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    items: order.items,
    orderedAt: order.orderedAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
