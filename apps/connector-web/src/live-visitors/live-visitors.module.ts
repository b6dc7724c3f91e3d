import { Module, type OnModuleInit } from '@nestjs/common';
import { AutoInvites } from '../invitations/auto-invites';
import { AutoInviteRuleBook } from '../invitations/inbox-settings';
import { InvitationRepository } from '../invitations/invitation.repository';
import { InvitationsHandler } from '../invitations/invitations.handler';
import { InvitationsService } from '../invitations/invitations.service';
import { VisitorSessionsModule } from '../visitor-sessions/visitor-sessions.module';
import { BeaconAuth } from './beacon-auth';
import { BeaconLimits } from './beacon-limits';
import { BeaconQueue } from './beacon-queue';
import type { StoredVisitor } from './beacon-types';
import { BeaconsController } from './beacons.controller';
import { BeaconsService } from './beacons.service';
import { LivePresence } from './live-presence';
import { LiveVisitorEvents } from './live-visitor-events';
import { LiveVisitorsHandler } from './live-visitors.handler';
import { VisitDerivation } from './visit-derivation';
import { VisitStore } from './visit-store';
import { VisitorTrail } from './visitor-trail';
import { VisitorViews } from './visitor-views';

/** Page-view beacons, visits and the live view of visitors, and invitations to chat. */
@Module({
  imports: [VisitorSessionsModule],
  controllers: [BeaconsController, LiveVisitorsHandler, InvitationsHandler],
  providers: [
    BeaconAuth,
    BeaconLimits,
    BeaconQueue,
    BeaconsService,
    VisitDerivation,
    VisitStore,
    VisitorViews,
    VisitorTrail,
    LivePresence,
    LiveVisitorEvents,
    InvitationRepository,
    InvitationsService,
    AutoInviteRuleBook,
    AutoInvites,
  ],
  exports: [LivePresence, InvitationsService],
})
export class LiveVisitorsModule implements OnModuleInit {
  constructor(
    private readonly queue: BeaconQueue,
    private readonly events: LiveVisitorEvents,
    private readonly autoInvites: AutoInvites,
  ) {}

  onModuleInit(): void {
    this.queue.onFlushed((stored) => this.afterFlush(stored));
  }

  private async afterFlush(stored: StoredVisitor[]): Promise<void> {
    const changed = stored.filter((visit) => visit.arrived || visit.freshViews);
    const arrived = new Set(changed.filter((v) => v.arrived).map((v) => v.visitor.visitorId));
    await Promise.all([
      this.events.visitorsChanged(
        changed.map((visit) => visit.visitor.visitorId),
        arrived,
      ),
      this.autoInvites.evaluate(stored),
    ]);
  }
}
