import { useParams } from 'react-router';
import { CustomerPanel } from './CustomerPanel';

/** A customer on a page of their own (from a ticket, say), the panel at full width. */
export function CustomerPage() {
  const { customerId } = useParams();
  return customerId ? (
    <div className="customer-page">
      <CustomerPanel customerId={customerId} />
    </div>
  ) : null;
}
