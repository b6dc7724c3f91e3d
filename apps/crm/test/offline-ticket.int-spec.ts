import { randomUUID } from 'node:crypto';
import { SUBJECTS, type CreateTicketFromOfflineMessageRequest } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm opening a ticket from a message a visitor left while nobody was online', () => {
  let crm: CrmTestBed;

  beforeAll(async () => {
    crm = await CrmTestBed.start('offline_ticket');
  });

  afterAll(async () => {
    await crm.stop();
  });

  function offlineMessage(
    overrides: Partial<CreateTicketFromOfflineMessageRequest> = {},
  ): CreateTicketFromOfflineMessageRequest {
    return {
      workspaceId: randomUUID(),
      channel: Channel.Web,
      externalId: randomUUID(),
      name: 'Mei Lin',
      email: 'mei@example.com',
      message: 'Do you ship to Taiwan?\nI would like two pairs.',
      ...overrides,
    };
  }

  it('opens the ticket on the visitor’s customer with the first line as subject and the whole message kept', async () => {
    const request = offlineMessage({ departmentId: randomUUID() });
    const { customerId: existing } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId: request.workspaceId,
      channel: Channel.Web,
      externalId: request.externalId,
    });

    const reply = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);

    expect(reply).toEqual({
      ticketId: expect.any(String) as string,
      customerId: existing,
      created: true,
    });
    const tickets = await crm.request(SUBJECTS.crm.listCustomerTickets, {
      workspaceId: request.workspaceId,
      customerId: existing,
    });
    expect(tickets).toEqual([
      expect.objectContaining({
        id: reply.ticketId,
        subject: 'Do you ship to Taiwan?',
        description: request.message,
        status: 'new',
        departmentId: request.departmentId,
        source: 'offline-message',
      }),
    ]);
  });

  it('creates the customer on a first contact and keeps the typed name and email as unverified', async () => {
    const request = offlineMessage();

    const { customerId } = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);

    const customer = await crm.request(SUBJECTS.crm.getCustomer, {
      workspaceId: request.workspaceId,
      customerId,
    });
    expect(customer).toMatchObject({ name: 'Mei Lin', email: 'mei@example.com' });
    const [attribute] = await crm.query<{ value: unknown }>(
      `select value from crm.customer_attributes where customer_id = $1 and key = 'unverifiedContact'`,
      [customerId],
    );
    expect(attribute.value).toEqual({ name: 'Mei Lin', email: 'mei@example.com' });
  });

  it('makes one ticket of a message sent twice with the same clientMessageId', async () => {
    const request = offlineMessage({ clientMessageId: `${randomUUID()}:offline-1` });

    const first = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);
    const again = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);

    expect(again).toEqual({ ...first, created: false });
    const [{ n }] = await crm.query<{ n: number }>(
      'select count(*)::int as n from crm.tickets where workspace_id = $1',
      [request.workspaceId],
    );
    expect(n).toBe(1);
  });

  it('links the email conversation the message is answered in, unless another ticket holds it', async () => {
    const conversationId = randomUUID();
    const request = offlineMessage({ conversationId });

    const first = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);
    // A second message into the customer's same active email conversation: its own ticket.
    const second = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, {
      ...request,
      externalId: randomUUID(),
    });

    const ticketOf = (ticketId: string) =>
      crm.request(SUBJECTS.crm.getTicket, { workspaceId: request.workspaceId, ticketId });
    expect((await ticketOf(first.ticketId)).conversationIds).toEqual([conversationId]);
    expect((await ticketOf(second.ticketId)).conversationIds).toEqual([]);
  });

  it('stores hostile text as text', async () => {
    const message = '<img src=x onerror=alert(1)>\n<script>alert(2)</script>';
    const request = offlineMessage({ message });

    const { ticketId } = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);

    const [row] = await crm.query<{ subject: string; description: string }>(
      'select subject, description from crm.tickets where id = $1',
      [ticketId],
    );
    expect(row).toEqual({ subject: '<img src=x onerror=alert(1)>', description: message });
  });

  it('refuses a message over 10,000 characters or a missing email', async () => {
    const tooLong = await crm.refusal(
      SUBJECTS.crm.createTicketFromOfflineMessage,
      offlineMessage({ message: 'x'.repeat(10_001) }),
    );
    const noEmail = await crm.refusal(SUBJECTS.crm.createTicketFromOfflineMessage, {
      ...offlineMessage(),
      email: undefined,
    });

    expect(tooLong.code).toBe('VALIDATION_FAILED');
    expect(noEmail.code).toBe('VALIDATION_FAILED');
  });
});
