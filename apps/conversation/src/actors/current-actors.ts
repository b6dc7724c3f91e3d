import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { ServiceEnv } from '@hub/config';
import {
  realtimeSubjects,
  SUBJECTS,
  type Actor,
  type AgentChangedRealtime,
  type GetAgentRequest,
} from '@hub/contracts';
import { namespacedSubject } from '@hub/messaging';
import { DomainException, Messaging, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import { ConversationError } from '../conversations/conversation.exception';

// Routing's `agent.changed` broadcast drops an entry at once; should one be missed, a demoted or
// deactivated agent still loses their rights within this long, at one routing request per
// agent per period rather than one per command.
const FRESH_FOR_MS = 1_000;
// Entries expire by time; the bound only keeps a burst of distinct agents from piling up.
const MAX_ENTRIES = 10_000;

/** An active agent as routing knows them: their current role, and the name customers see. */
export type CurrentActor = Actor & { name: string };

interface Entry {
  actor: CurrentActor | undefined;
  until: number;
}

/**
 * The acting agent as routing knows them now. The role the gateway put in the request comes
 * from a token minted up to an access-token lifetime ago, so permission checks use this instead.
 */
@Injectable()
export class CurrentActors implements OnApplicationBootstrap {
  private readonly logger = new Logger(CurrentActors.name);
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly messaging: Messaging,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {}

  onApplicationBootstrap(): void {
    // Every replica, no queue group: each holds its own cache.
    void this.messaging
      .connected()
      .then((nc) =>
        nc.subscribe(namespacedSubject(this.env.HUB_NAMESPACE, realtimeSubjects.agentChanges()), {
          callback: (error, message) => {
            if (error) {
              this.logger.warn({ err: error }, 'agent change notices interrupted');
              return;
            }
            const { workspaceId, agentId } = message.json<AgentChangedRealtime>();
            this.cache.delete(`${workspaceId}:${agentId}`);
          },
        }),
      )
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'not following agent changes; relying on the cache TTL'),
      );
  }

  /** The actor with their current role; CONVERSATION_ACTOR_UNKNOWN if removed or deactivated. */
  async current(workspaceId: string, agentId: string): Promise<CurrentActor> {
    const key = `${workspaceId}:${agentId}`;
    const now = Date.now();
    let entry = this.cache.get(key);
    if (!entry || entry.until <= now) {
      entry = { actor: await this.lookUp(workspaceId, agentId), until: now + FRESH_FOR_MS };
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      this.cache.set(key, entry);
    }
    if (!entry.actor) throw ConversationError.actorUnknown();
    return entry.actor;
  }

  private async lookUp(workspaceId: string, agentId: string): Promise<CurrentActor | undefined> {
    const request: GetAgentRequest = { workspaceId, agentId };
    try {
      const agent = await this.rpc.request(SUBJECTS.routing.getAgent, request);
      return agent.active ? { agentId: agent.id, role: agent.role, name: agent.name } : undefined;
    } catch (error) {
      if (error instanceof DomainException && error.code === 'AGENT_NOT_FOUND') return undefined;
      throw error;
    }
  }
}
