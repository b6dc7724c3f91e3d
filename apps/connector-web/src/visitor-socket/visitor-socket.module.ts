import { Module } from '@nestjs/common';
import { RealtimeSubscriptions } from '@hub/socket-kit';
import { VisitorAttachments } from '../files/visitor-attachments';
import { VisitorSessionsModule } from '../visitor-sessions/visitor-sessions.module';
import { AssigneeDirectory } from './assignee-directory';
import { LiveVisitorsModule } from '../live-visitors/live-visitors.module';
import { AnswerInvitation } from './answer-invitation.use-case';
import { DepartmentDirectory } from './department-directory';
import { FailedMessageHandler } from './failed-message.handler';
import { GreetVisitor } from './greet-visitor.use-case';
import { QueuePositionLookup } from './queue-position';
import { SendVisitorMessage } from './send-visitor-message.use-case';
import { RequestVisitorTranscript } from './request-transcript.use-case';
import { SubmitVisitorCsat } from './submit-csat.use-case';
import { VisitorActivity } from './visitor-activity';
import { VisitorReceipts } from './visitor-receipts';
import { VisitorDelivery } from './visitor-delivery';
import { VisitorFrameRouter } from './visitor-frame-router';
import { VisitorHistory } from './visitor-history';
import { VisitorMessageLimit } from './visitor-message-limit';
import { VisitorPresenceRefresh } from './visitor-presence-refresh';
import { VisitorRealtime } from './visitor-realtime';
import { VisitorSocketServer } from './visitor-socket.server';

@Module({
  imports: [VisitorSessionsModule, LiveVisitorsModule],
  providers: [
    VisitorSocketServer,
    VisitorFrameRouter,
    VisitorRealtime,
    RealtimeSubscriptions,
    VisitorDelivery,
    VisitorHistory,
    GreetVisitor,
    SendVisitorMessage,
    VisitorMessageLimit,
    VisitorActivity,
    VisitorReceipts,
    QueuePositionLookup,
    DepartmentDirectory,
    FailedMessageHandler,
    AssigneeDirectory,
    SubmitVisitorCsat,
    RequestVisitorTranscript,
    VisitorAttachments,
    AnswerInvitation,
    VisitorPresenceRefresh,
  ],
  exports: [DepartmentDirectory],
})
export class VisitorSocketModule {}
