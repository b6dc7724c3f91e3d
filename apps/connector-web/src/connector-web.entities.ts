import { VisitorSession } from './visitor-sessions/visitor-session.entity';

export const connectorWebEntities = [VisitorSession];
