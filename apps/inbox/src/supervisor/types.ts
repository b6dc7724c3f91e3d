// The gateway's supervisor views (docs/reports.md, /api/docs).

export interface LiveQueueFigures {
  departmentId: string | null;
  name: string | null;
  vipOnly: boolean;
  waiting: number;
  vipWaiting: number;
  longestWaitSeconds: number | null;
}

export interface LiveAgentFigures {
  agentId: string;
  name: string;
  presence: 'online' | 'away' | 'offline';
  activeChats: number;
  maxConcurrentChats: number;
  departmentIds: string[];
}

export interface LiveFiguresView {
  at: string;
  queues: LiveQueueFigures[];
  longestWaitSeconds: number | null;
  agentsOnline: number;
  agents: LiveAgentFigures[];
}

export interface KpiReportRow {
  period: string;
  /** The agent or department id; null for "none". */
  key: string | null;
  conversations: number;
  handled: number;
  missed: number;
  firstResponseMedian: number | null;
  resolutionMedian: number | null;
  csatAverage: number | null;
  slaAttainment: number | null;
}

export interface NoteView {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
}
