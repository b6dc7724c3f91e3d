import { DomainException } from '@hub/service-kit';

/** The customer feature's failure codes. */
export const CustomerError = {
  /** Also for a customer of another workspace: its existence is not revealed. */
  notFound: (id: string) =>
    new DomainException('not_found', 'CUSTOMER_NOT_FOUND', `Customer ${id} does not exist`),
} as const;
