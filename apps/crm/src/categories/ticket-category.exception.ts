import { DomainException } from '@hub/service-kit';

export const TicketCategoryError = {
  // Also for another workspace's category, so an id never reveals it exists elsewhere.
  notFound: (id: string) =>
    new DomainException('TICKET_CATEGORY_NOT_FOUND', `Ticket category ${id} does not exist`),
  tooDeep: (parentId: string) =>
    new DomainException(
      'TICKET_CATEGORY_TOO_DEEP',
      `Category ${parentId} is itself a child: categories nest one level`,
    ),
  nameTaken: (name: string) =>
    new DomainException(
      'TICKET_CATEGORY_NAME_TAKEN',
      `Another category named "${name}" has the same parent`,
    ),
  inUse: (id: string) =>
    new DomainException(
      'TICKET_CATEGORY_IN_USE',
      `Category ${id} still has child categories or tickets; move them first`,
    ),
} as const;
