/** Query keys of one customer's data, so a merge or an edit can refresh all of it. */
export const customerKey = (customerId: string) => ['customers', customerId] as const;
