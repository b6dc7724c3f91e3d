import { Injectable } from '@nestjs/common';
import { SUBJECTS, type Actor, type GetAgentRequest } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import { ConversationError } from '../conversations/conversation.exception';

// A demoted or deactivated agent loses their rights within this long, without one routing
// request per command for agents who act several times a second.
const FRESH_FOR_MS = 1_000;
// Entries expire by time; the bound only keeps a burst of distinct agents from piling up.
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor | undefined;
  until: number;
}

/**
 * The acting agent as routing knows them now. The role the gateway put in the request comes
 * from a token minted up to an access-token lifetime ago, so permission checks use this instead.
 */
@Injectable()
export class CurrentActors {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly rpc: RpcClient) {}

  /** The actor with their current role; CONVERSATION_ACTOR_UNKNOWN if removed or deactivated. */
  async current(workspaceId: string, agentId: string): Promise<Actor> {
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

  private async lookUp(workspaceId: string, agentId: string): Promise<Actor | undefined> {
    const request: GetAgentRequest = { workspaceId, agentId };
    try {
      const agent = await this.rpc.request(SUBJECTS.routing.getAgent, request);
      return agent.active ? { agentId: agent.id, role: agent.role } : undefined;
    } catch (error) {
      if (error instanceof DomainException && error.code === 'AGENT_NOT_FOUND') return undefined;
      throw error;
    }
  }
}
