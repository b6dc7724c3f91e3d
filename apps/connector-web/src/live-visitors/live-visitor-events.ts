import { Injectable, Logger } from '@nestjs/common';
import { realtimeSubjects, type InvitationView, type WorkspaceRealtimeEvent } from '@hub/contracts';
import { Realtime } from '@hub/service-kit';
import { VisitorViews } from './visitor-views';

/** Live visitor changes to every agent socket of the workspace (`rt.workspace.<id>`). */
@Injectable()
export class LiveVisitorEvents {
  private readonly logger = new Logger(LiveVisitorEvents.name);

  constructor(
    private readonly realtime: Realtime,
    private readonly views: VisitorViews,
  ) {}

  /** `visitor.arrived` for `arrivedIds`, `visitor.updated` for the others (still online). */
  async visitorsChanged(visitorIds: string[], arrivedIds: ReadonlySet<string>): Promise<void> {
    const views = await this.views.onlineByIds(visitorIds);
    await Promise.all(
      views.map((visitor) =>
        this.publish(visitor.workspaceId, {
          type: arrivedIds.has(visitor.visitorId) ? 'visitor.arrived' : 'visitor.updated',
          visitor,
        }),
      ),
    );
  }

  async left(gone: { workspaceId: string; visitorId: string }[]): Promise<void> {
    await Promise.all(
      gone.map(({ workspaceId, visitorId }) =>
        this.publish(workspaceId, { type: 'visitor.left', visitorId }),
      ),
    );
  }

  chatting(workspaceId: string, visitorId: string, conversationId: string): Promise<void> {
    return this.publish(workspaceId, { type: 'visitor.chatting', visitorId, conversationId });
  }

  invitationUpdated(workspaceId: string, invitation: InvitationView): Promise<void> {
    return this.publish(workspaceId, { type: 'invitation.updated', invitation });
  }

  private async publish(workspaceId: string, event: WorkspaceRealtimeEvent): Promise<void> {
    await this.realtime.publish(realtimeSubjects.workspace(workspaceId), event);
    this.logger.debug({ workspaceId, type: event.type }, 'live visitor event');
  }
}
