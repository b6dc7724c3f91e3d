import { DomainException } from '@hub/service-kit';

export const CustomerError = {
  // Also for another workspace's customer, so an id never reveals it exists elsewhere.
  notFound: (id: string) =>
    new DomainException('CUSTOMER_NOT_FOUND', `Customer ${id} does not exist`),
} as const;
