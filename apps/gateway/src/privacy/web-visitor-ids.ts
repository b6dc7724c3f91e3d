import type { CrmCustomerExport } from '@hub/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The widget's visitor ids of the customer: the external ids of their `web` channel
 * identities (connector-web keys visits by them). Site-user identities are the site's ids.
 */
export function webVisitorIds(crm: CrmCustomerExport): string[] {
  return (crm.tables['crm.customer_identities'] ?? [])
    .filter((row) => row.channel === 'web' && row.kind === 'channel')
    .map((row) => String(row.external_id))
    .filter((id) => UUID.test(id));
}
