import type { RouteObject } from 'react-router';
import { ConversationsPage } from './ConversationsPage';

export const conversationsRoutes: RouteObject[] = [
  { path: 'conversations', element: <ConversationsPage /> },
  { path: 'conversations/:conversationId', element: <ConversationsPage /> },
];
