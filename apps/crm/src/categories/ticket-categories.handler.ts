import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateTicketCategoryRequest,
  DeleteTicketCategoryRequest,
  RenameTicketCategoryRequest,
  SUBJECTS,
  WorkspaceScopedRequest,
  type TicketCategoryView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { TicketCategoriesService } from './ticket-categories.service';

@Controller()
export class TicketCategoriesHandler {
  constructor(private readonly categories: TicketCategoriesService) {}

  @RequestPattern(SUBJECTS.crm.listTicketCategories)
  list(@Payload() { workspaceId }: WorkspaceScopedRequest): Promise<TicketCategoryView[]> {
    return this.categories.list(workspaceId);
  }

  @RequestPattern(SUBJECTS.crm.createTicketCategory)
  create(@Payload() request: CreateTicketCategoryRequest): Promise<TicketCategoryView> {
    return this.categories.create(request);
  }

  @RequestPattern(SUBJECTS.crm.renameTicketCategory)
  rename(@Payload() request: RenameTicketCategoryRequest): Promise<TicketCategoryView> {
    return this.categories.rename(request);
  }

  @RequestPattern(SUBJECTS.crm.deleteTicketCategory)
  delete(@Payload() request: DeleteTicketCategoryRequest): Promise<TicketCategoryView> {
    return this.categories.delete(request);
  }
}
