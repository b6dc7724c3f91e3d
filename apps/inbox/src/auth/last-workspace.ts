const LAST_WORKSPACE = 'hub.inbox.workspace';

/** The workspace this browser last signed in to, offered again on the sign-in page. */
export function lastWorkspace(): string {
  return localStorage.getItem(LAST_WORKSPACE) ?? '';
}

export function rememberWorkspace(workspace: string): void {
  localStorage.setItem(LAST_WORKSPACE, workspace);
}
