import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import {
  realtimeSubjects,
  SUBJECTS,
  type AgentChangedRealtime,
  type GetAgentRequest,
} from '@hub/contracts';
import { namespacedSubject } from '@hub/messaging';
import { Messaging, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';

/** The agent a visitor sees: no email, role or load. */
export interface VisitorAssignee {
  id: string;
  name: string;
  avatarUrl: string | null;
}

// Agents change rarely and routing's `agent.changed` broadcast drops an entry at once; a missed
// broadcast shows a stale picture for at most this long.
const FRESH_FOR_MS = 60_000;
// A failed lookup (routing away) is retried no sooner than this, so a visitor burst does not
// turn into a routing burst.
const RETRY_AFTER_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  assignee: VisitorAssignee | null;
  until: number;
}

/**
 * The name and avatar of the agents visitors are talking to, asked of routing (their owner)
 * and cached per process: every conversation frame a visitor gets names its agent.
 */
@Injectable()
export class AssigneeDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger(AssigneeDirectory.name);
  private readonly cache = new Map<string, Entry>();
  private readonly fetching = new Map<string, Promise<VisitorAssignee | null>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly messaging: Messaging,
    @Inject(SERVICE_ENV) private readonly env: ConnectorWebEnv,
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
            this.cache.delete(key(workspaceId, agentId));
          },
        }),
      )
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'not following agent changes; relying on the cache TTL'),
      );
  }

  /** The cached assignee (null: no agent, or none known); undefined when routing must be asked. */
  cached(workspaceId: string, agentId: string | null): VisitorAssignee | null | undefined {
    if (agentId === null) return null;
    const entry = this.cache.get(key(workspaceId, agentId));
    return entry && entry.until > Date.now() ? entry.assignee : undefined;
  }

  /** The assignee, from the cache or routing; null for no agent, or when routing cannot say. */
  async find(workspaceId: string, agentId: string | null): Promise<VisitorAssignee | null> {
    const cached = this.cached(workspaceId, agentId);
    if (cached !== undefined || agentId === null) return cached ?? null;
    const cacheKey = key(workspaceId, agentId);
    let fetching = this.fetching.get(cacheKey);
    if (!fetching) {
      fetching = this.lookUp(workspaceId, agentId).finally(() => this.fetching.delete(cacheKey));
      this.fetching.set(cacheKey, fetching);
    }
    return fetching;
  }

  private async lookUp(workspaceId: string, agentId: string): Promise<VisitorAssignee | null> {
    const request: GetAgentRequest = { workspaceId, agentId };
    let entry: Entry;
    try {
      const agent = await this.rpc.request(SUBJECTS.routing.getAgent, request);
      entry = {
        assignee: { id: agent.id, name: agent.name, avatarUrl: agent.avatarUrl },
        until: Date.now() + FRESH_FOR_MS,
      };
    } catch (error) {
      // The conversation frame goes out without the agent's name rather than not at all.
      this.logger.warn({ err: error, agentId }, 'assignee not looked up');
      entry = { assignee: null, until: Date.now() + RETRY_AFTER_MS };
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key(workspaceId, agentId), entry);
    return entry.assignee;
  }
}

function key(workspaceId: string, agentId: string): string {
  return `${workspaceId}:${agentId}`;
}
