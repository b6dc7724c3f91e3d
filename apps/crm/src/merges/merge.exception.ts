import { DomainException } from '@hub/service-kit';

export const MergeError = {
  same: (id: string) =>
    new DomainException('CUSTOMER_MERGE_SAME', `Customer ${id} cannot be merged with itself`),
  alreadyMerged: (id: string, into: string) =>
    new DomainException(
      'CUSTOMER_ALREADY_MERGED',
      `Customer ${id} was merged into customer ${into}; undo that merge first`,
    ),
  notFound: (id: string) =>
    new DomainException('CUSTOMER_MERGE_NOT_FOUND', `Customer merge ${id} does not exist`),
  alreadyUndone: (id: string) =>
    new DomainException('CUSTOMER_MERGE_ALREADY_UNDONE', `Customer merge ${id} was undone already`),
  undoBlocked: (id: string, survivor: string) =>
    new DomainException(
      'CUSTOMER_MERGE_UNDO_BLOCKED',
      `Customer merge ${id} cannot be undone: customer ${survivor} no longer exists (merged into another since, or erased); undo that first`,
    ),
} as const;
