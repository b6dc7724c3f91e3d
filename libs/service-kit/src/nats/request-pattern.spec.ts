import { Payload } from '@nestjs/microservices';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  GetCustomerRequest,
  GetQueueRequest,
  realtimeSubjects,
  ResolveCustomerRequest,
  SUBJECTS,
  type AgentView,
  type ConversationView,
  type CustomerView,
  type InboundMessageReceived,
  type MessageCreated,
  type TypingRealtime,
} from '@hub/contracts';
import type { JetStreamPublisher } from '@hub/messaging';
import type { Messaging } from './messaging';
import type { Realtime } from './realtime';
import { RequestPattern } from './request-pattern';
import type { RpcClient } from './rpc-client';

describe('@RequestPattern', () => {
  it("subscribes the handler to the contract's subject", () => {
    class CustomersHandler {
      @RequestPattern(SUBJECTS.crm.getCustomer)
      get(@Payload() request: GetCustomerRequest): Promise<CustomerView> {
        return Promise.resolve({ id: request.customerId } as CustomerView);
      }
    }

    const handler = CustomersHandler.prototype.get;
    expect(Reflect.getMetadata(PATTERN_METADATA, handler)).toEqual(['crm.customer.get']);
  });

  it("refuses at class definition a payload class other than the contract's", () => {
    expect(() => {
      class CustomersHandler {
        // @ts-expect-error: crm.customer.get takes a GetCustomerRequest
        @RequestPattern(SUBJECTS.crm.getCustomer)
        get(@Payload() request: ResolveCustomerRequest): Promise<CustomerView> {
          return Promise.resolve({ id: request.externalId } as CustomerView);
        }
      }
      return CustomersHandler;
    }).toThrow(
      'CustomersHandler.get answers crm.customer.get: its payload must be GetCustomerRequest, not ResolveCustomerRequest',
    );
  });

  it('refuses a payload class of the same shape: the validation pipe validates with the declared one', () => {
    // GetQueueRequest accepts every WorkspaceScopedRequest, so only the run-time check sees it.
    expect(() => {
      class AgentsHandler {
        @RequestPattern(SUBJECTS.routing.listAgents)
        list(@Payload() request: GetQueueRequest): Promise<AgentView[]> {
          return Promise.resolve(request.departmentId ? [] : []);
        }
      }
      return AgentsHandler;
    }).toThrow('its payload must be WorkspaceScopedRequest, not GetQueueRequest');
  });
});

// Compile-time checks, run by `npm run typecheck` (never called): each line under an
// expect-error directive is a wrong pairing that must not compile.
export function wrongPairingsDoNotCompile(
  rpc: RpcClient,
  realtime: Realtime,
  publisher: JetStreamPublisher,
  messaging: Messaging,
  facts: { created: MessageCreated; inbound: InboundMessageReceived },
): void {
  const workspaceId = 'ws';
  const ok: Promise<CustomerView> = rpc.request(SUBJECTS.crm.getCustomer, {
    workspaceId,
    customerId: 'c',
  });
  // @ts-expect-error: crm.customer.get takes a customerId, not a query
  void rpc.request(SUBJECTS.crm.getCustomer, { workspaceId, query: 'ada' });
  // @ts-expect-error: crm.customer.search answers CustomerView[], not one ConversationView
  const wrongReply: Promise<ConversationView> = rpc.request(SUBJECTS.crm.searchCustomers, {
    workspaceId,
    query: 'ada',
  });
  // @ts-expect-error: an event is not a request
  void rpc.request(SUBJECTS.conversation.messageCreated, facts.created);

  class WrongReplyHandler {
    // @ts-expect-error: crm.customer.get answers one CustomerView
    @RequestPattern(SUBJECTS.crm.getCustomer)
    get(@Payload() request: GetCustomerRequest): Promise<CustomerView[]> {
      return Promise.resolve([{ id: request.customerId } as CustomerView]);
    }
  }

  const typing: TypingRealtime = {
    type: 'typing',
    conversationId: 'c',
    by: 'agent',
    isTyping: true,
  };
  void realtime.publish(realtimeSubjects.conversation('c'), typing);
  // @ts-expect-error: the workspace's agents are not told who types
  void realtime.publish(realtimeSubjects.workspace(workspaceId), typing);
  // @ts-expect-error: only realtimeSubjects makes a realtime subject
  void realtime.publish('rt.conversation.c', typing);

  const { inbound } = facts;
  void publisher.publish(SUBJECTS.inbound.messageReceived, inbound, { msgId: 'm' });
  // @ts-expect-error: an inbound message is not a MessageCreated fact
  void publisher.publish(SUBJECTS.conversation.messageCreated, inbound, { msgId: 'm' });
  // @ts-expect-error: a request is not published on a stream
  void publisher.publish(SUBJECTS.crm.getCustomer, new GetCustomerRequest(), { msgId: 'm' });

  messaging.consume({
    // @ts-expect-error: the handler of message.created facts gets a MessageCreated
    event: SUBJECTS.conversation.messageCreated,
    durable: 'test_messages',
    handle: (message: InboundMessageReceived) => Promise.resolve(void message.customer),
  });
  void [ok, wrongReply, WrongReplyHandler];
}
