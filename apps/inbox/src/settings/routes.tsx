import { Navigate, type RouteObject } from 'react-router';
import { ApiKeysSettings } from './screens/ApiKeysSettings';
import { AgentsSettings } from './screens/AgentsSettings';
import { CannedResponsesSettings } from './screens/CannedResponsesSettings';
import { DepartmentsSettings } from './screens/DepartmentsSettings';
import { InboxesSettings } from './screens/InboxesSettings';
import { TagsSettings } from './screens/TagsSettings';
import { SettingsLayout } from './SettingsLayout';

export const settingsRoutes: RouteObject[] = [
  {
    path: 'settings',
    element: <SettingsLayout />,
    children: [
      { index: true, element: <Navigate to="agents" replace /> },
      { path: 'agents', element: <AgentsSettings /> },
      { path: 'departments', element: <DepartmentsSettings /> },
      { path: 'inboxes', element: <InboxesSettings /> },
      { path: 'canned-responses', element: <CannedResponsesSettings /> },
      { path: 'tags', element: <TagsSettings /> },
      { path: 'api-keys', element: <ApiKeysSettings /> },
    ],
  },
];
