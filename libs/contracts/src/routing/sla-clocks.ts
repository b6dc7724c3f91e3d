import type { Channel, Priority } from '@hub/domain';
import { IsEntityId } from '../common/validators';
import type { SlaMetric, SlaSubject } from './sla-clock-event';

/** `routing.sla-clock.list` → SlaClockView[]: every clock of one ticket or conversation. */
export class ListSlaClocksRequest {
  @IsEntityId() workspaceId!: string;
  /** The ticket's or the conversation's id. */
  @IsEntityId() subjectId!: string;
}

export type SlaClockState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface SlaClockView {
  id: string;
  subjectType: SlaSubject;
  subjectId: string;
  metric: SlaMetric;
  policyId: string;
  targetMinutes: number;
  businessHours: boolean;
  state: SlaClockState;
  startedAt: string;
  /** null while paused or stopped. */
  dueAt: string | null;
  /** Target minutes used so far (up to the last pause, stop or event). */
  consumedMinutes: number;
  warnedAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
  assigneeId: string | null;
  departmentId: string | null;
  channel: Channel | null;
  priority: Priority;
  vip: boolean;
}
