import { Injectable } from '@nestjs/common';
import { DomainException } from '@hub/service-kit';
import { validateFrame } from '@hub/socket-kit';
import { AgentsService } from '../agents/agents.service';
import { authErrors } from '../auth/auth.exception';
import { isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { ConversationsService } from '../conversations/conversations.service';
import { LinksService } from '../links/links.service';
import type { AgentConnection } from './agent-connection';
import {
  AssignFrame,
  ConversationFrame,
  InviteVisitorFrame,
  PresenceFrame,
  PushLinkFrame,
  ResumeFrame,
  SendMessageFrame,
  TransferFrame,
  TypingFrame,
  type ClientFrameType,
} from './frames';
import { VisitorsService } from '../visitors/visitors.service';
import { RealtimeFanout } from './realtime-fanout';
import { ResumeUseCase } from './resume.use-case';

type CommandType = Exclude<ClientFrameType, 'auth'>;

/** Each watched conversation holds a subscription: a socket keeps a screenful, not the workspace. */
const MAX_WATCHED = 20;

/** The reply to a command, without its `ref`; undefined: no reply. */
type Reply = ({ type: string } & Record<string, unknown>) | undefined;

interface CommandContext {
  connection: AgentConnection;
  agent: AuthenticatedAgent;
  payload: Record<string, unknown>;
  /** Whether the client gave a `ref` (typing is answered only then). */
  hasRef: boolean;
}

/**
 * What an authenticated agent socket can ask. Every command validates its payload with the
 * class REST uses for the same request and calls the same service method, so the socket
 * checks exactly what REST checks.
 */
@Injectable()
export class AgentCommands {
  private readonly commands: Record<CommandType, (context: CommandContext) => Promise<Reply>> = {
    // Ping carries nothing and is answered whatever else it holds.
    ping: () => Promise.resolve({ type: 'pong' }),
    resume: async ({ connection, agent, payload }) => {
      const frame = validateFrame(ResumeFrame, payload);
      return { ...(await this.resumeUseCase.run(connection, agent, frame)) };
    },
    'message.send': async ({ agent, payload }) => {
      const frame = validateFrame(SendMessageFrame, payload);
      const message = await this.conversations.send(agent, frame.conversationId, frame);
      return { type: 'message.ack', clientMessageId: frame.clientMessageId, message };
    },
    'link.push': async ({ agent, payload }) => {
      const frame = validateFrame(PushLinkFrame, payload);
      const message = await this.links.push(agent, frame.conversationId, frame);
      return { type: 'message.ack', clientMessageId: message.clientMessageId, message };
    },
    typing: async (context) => this.typing(context),
    'presence.set': async ({ agent, payload }) => ({
      type: 'presence.ack',
      agent: await this.agents.setPresence(agent, validateFrame(PresenceFrame, payload)),
    }),
    'conversation.assign': async ({ agent, payload }) => {
      const frame = validateFrame(AssignFrame, payload);
      return conversationAck(await this.conversations.assign(agent, frame.conversationId, frame));
    },
    'conversation.transfer': async ({ agent, payload }) => {
      const frame = validateFrame(TransferFrame, payload);
      return conversationAck(await this.conversations.transfer(agent, frame.conversationId, frame));
    },
    'conversation.resolve': async ({ agent, payload }) => {
      const frame = validateFrame(ConversationFrame, payload);
      return conversationAck(await this.conversations.resolve(agent, frame.conversationId));
    },
    'conversation.reopen': async ({ agent, payload }) => {
      const frame = validateFrame(ConversationFrame, payload);
      return conversationAck(await this.conversations.reopen(agent, frame.conversationId));
    },
    'conversation.watch': async (context) => this.watch(context),
    'conversation.unwatch': ({ connection, payload }) => {
      const { conversationId } = validateFrame(ConversationFrame, payload);
      this.fanout.stopLooking(connection, conversationId);
      return Promise.resolve({ type: 'watch.ack', conversationId, watching: false });
    },
    'visitor.invite': async ({ agent, payload }) => {
      const frame = validateFrame(InviteVisitorFrame, payload);
      const invitation = await this.visitors.invite(agent, frame.visitorId, frame.message);
      return { type: 'invitation.ack', invitation };
    },
  };

  constructor(
    private readonly conversations: ConversationsService,
    private readonly links: LinksService,
    private readonly agents: AgentsService,
    private readonly fanout: RealtimeFanout,
    private readonly resumeUseCase: ResumeUseCase,
    private readonly visitors: VisitorsService,
  ) {}

  isCommand(type: string): type is CommandType {
    return type !== 'auth' && Object.hasOwn(this.commands, type);
  }

  run(type: CommandType, context: CommandContext): Promise<Reply> {
    return this.commands[type](context);
  }

  /** Supervisors and admins watch any conversation of the workspace; agents only their own. */
  private async watch({ connection, agent, payload }: CommandContext): Promise<Reply> {
    const { conversationId } = validateFrame(ConversationFrame, payload);
    const conversation = await this.conversations.get(agent, conversationId);
    if (!isSupervisor(agent) && conversation.assigneeId !== agent.agentId)
      throw authErrors.forbidden("watch another agent's conversation");
    if (!connection.looking.has(conversationId) && connection.looking.size >= MAX_WATCHED)
      throw new DomainException('VALIDATION_FAILED', 'Too many conversations watched', [
        {
          field: 'conversationId',
          message: `a socket watches at most ${MAX_WATCHED} conversations at once`,
        },
      ]);
    await this.fanout.lookOn(connection, conversationId);
    return { type: 'watch.ack', conversationId, watching: true, conversation };
  }

  private async typing({ connection, agent, payload, hasRef }: CommandContext): Promise<Reply> {
    const frame = validateFrame(TypingFrame, payload);
    // Typing reaches the visitor's screen: only into conversations of the agent's own workspace.
    if (
      !this.fanout.isWatchedBy(frame.conversationId, agent.agentId) &&
      !connection.typingChecked.has(frame.conversationId)
    ) {
      await this.conversations.get(agent, frame.conversationId);
      // Bounded: a socket that types into very many conversations just re-checks them.
      if (connection.typingChecked.size >= 1_000) connection.typingChecked.clear();
      connection.typingChecked.add(frame.conversationId);
    }
    this.fanout.publishAgentTyping(agent, frame.conversationId, frame.isTyping);
    return hasRef ? { type: 'typing.ack' } : undefined;
  }
}

function conversationAck(conversation: object): Reply {
  return { type: 'conversation.ack', conversation };
}
