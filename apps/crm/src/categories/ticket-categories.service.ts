import { Injectable } from '@nestjs/common';
import type {
  CreateTicketCategoryRequest,
  DeleteTicketCategoryRequest,
  RenameTicketCategoryRequest,
  TicketCategoryView,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { TicketCategoryError } from './ticket-category.exception';
import { TicketCategory } from './ticket-category.entity';

// PostgreSQL's unique_violation and foreign_key_violation.
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function pgCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string }).code
    : undefined;
}

function viewOf(category: TicketCategory): TicketCategoryView {
  return {
    id: category.id,
    name: category.name,
    parentId: category.parentId,
    createdAt: category.createdAt.toISOString(),
  };
}

/** A workspace's ticket categories, nested one level; the database keeps names unique. */
@Injectable()
export class TicketCategoriesService {
  constructor(private readonly database: Database) {}

  /** Top categories by name, each followed by its children by name. */
  async list(workspaceId: string): Promise<TicketCategoryView[]> {
    const all = await this.database.dataSource.manager.find(TicketCategory, {
      where: { workspaceId },
      order: { name: 'ASC', id: 'ASC' },
    });
    return all
      .filter((category) => category.parentId === null)
      .flatMap((top) => [top, ...all.filter((child) => child.parentId === top.id)])
      .map(viewOf);
  }

  async create({
    workspaceId,
    name,
    parentId,
  }: CreateTicketCategoryRequest): Promise<TicketCategoryView> {
    return this.database.dataSource.transaction(async (tx) => {
      if (parentId) {
        // Locked so the parent is not deleted or made a child meanwhile.
        const parent = await this.find(tx, workspaceId, parentId, true);
        if (parent.parentId !== null) throw TicketCategoryError.tooDeep(parentId);
      }
      const category = tx.create(TicketCategory, { workspaceId, name, parentId: parentId ?? null });
      await this.saving(name, () => tx.insert(TicketCategory, category));
      return viewOf(await tx.findOneByOrFail(TicketCategory, { id: category.id }));
    });
  }

  async rename({
    workspaceId,
    categoryId,
    name,
  }: RenameTicketCategoryRequest): Promise<TicketCategoryView> {
    const manager = this.database.dataSource.manager;
    const category = await this.find(manager, workspaceId, categoryId);
    await this.saving(name, () => manager.update(TicketCategory, { id: categoryId }, { name }));
    return viewOf({ ...category, name });
  }

  async delete({
    workspaceId,
    categoryId,
  }: DeleteTicketCategoryRequest): Promise<TicketCategoryView> {
    const manager = this.database.dataSource.manager;
    const category = await this.find(manager, workspaceId, categoryId);
    try {
      await manager.delete(TicketCategory, { id: categoryId });
    } catch (error) {
      if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw TicketCategoryError.inUse(categoryId);
      throw error;
    }
    return viewOf(category);
  }

  /** The category, or TICKET_CATEGORY_NOT_FOUND; `lock` keeps it until the transaction ends. */
  async find(
    tx: EntityManager,
    workspaceId: string,
    categoryId: string,
    lock = false,
  ): Promise<TicketCategory> {
    const category = await tx.findOne(TicketCategory, {
      where: { workspaceId, id: categoryId },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!category) throw TicketCategoryError.notFound(categoryId);
    return category;
  }

  private async saving(name: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw TicketCategoryError.nameTaken(name);
      throw error;
    }
  }
}
