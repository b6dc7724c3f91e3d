import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { IsCategoryName, IsEntityIdOrNull } from './ticket-fields';

/**
 * `crm.ticket-category.create` → TicketCategoryView: a top category, or a child of a top one
 * (`parentId`; one level only: TICKET_CATEGORY_TOO_DEEP). Names are unique among siblings
 * (TICKET_CATEGORY_NAME_TAKEN).
 */
export class CreateTicketCategoryRequest {
  @IsEntityId() workspaceId!: string;
  @IsCategoryName() name!: string;
  @IsOptional() @IsEntityIdOrNull() parentId?: string | null;
}

/** `crm.ticket-category.rename` → TicketCategoryView. */
export class RenameTicketCategoryRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() categoryId!: string;
  @IsCategoryName() name!: string;
}

/**
 * `crm.ticket-category.delete` → TicketCategoryView (the one deleted). A category with
 * children or tickets is kept: TICKET_CATEGORY_IN_USE.
 */
export class DeleteTicketCategoryRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() categoryId!: string;
}

export interface TicketCategoryView {
  id: string;
  name: string;
  parentId: string | null;
  createdAt: string;
}
