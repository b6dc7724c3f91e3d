import { Priority, TicketStatus } from '@hub/domain';
import { QueuePriority, ticketQueuePriority } from './queue-priority';

describe('ticketQueuePriority', () => {
  const open = { status: TicketStatus.Open, vip: false };

  it('ranks urgent tickets first, then high, normal and low', () => {
    expect(
      [Priority.Urgent, Priority.High, Priority.Normal, Priority.Low].map((priority) =>
        ticketQueuePriority({ ...open, priority }),
      ),
    ).toEqual([QueuePriority.First, QueuePriority.High, QueuePriority.Normal, QueuePriority.Low]);
  });

  it("ranks a VIP requester's ticket first whatever its priority", () => {
    expect(ticketQueuePriority({ ...open, vip: true, priority: Priority.Low })).toBe(
      QueuePriority.First,
    );
  });

  it('gives no rank once the ticket is solved or closed, and keeps it while pending or on hold', () => {
    const urgent = { vip: true, priority: Priority.Urgent };
    expect(ticketQueuePriority({ ...urgent, status: TicketStatus.Solved })).toBeNull();
    expect(ticketQueuePriority({ ...urgent, status: TicketStatus.Closed })).toBeNull();
    expect(ticketQueuePriority({ ...urgent, status: TicketStatus.Pending })).toBe(
      QueuePriority.First,
    );
    expect(ticketQueuePriority({ ...urgent, status: TicketStatus.OnHold })).toBe(
      QueuePriority.First,
    );
  });
});
